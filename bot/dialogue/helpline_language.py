"""The note after a help line that may not answer in the conversation's language (issue 14).

`Catalogue.helplines_in(category, language)` picks the lines; a line that no dated source backs for
the conversation's language is flagged, and the reply says in which language the call will be, so
that nobody in crisis is surprised by it. Polish replies never carry the note.
"""

from __future__ import annotations

from bot.knowledge.catalogue import OfferedLine
from bot.messages import text


def language_note(offered: OfferedLine, language: str) -> str | None:
    """ "the call is in Polish" (or "in Polish or English" when a source backs English), or None
    when the line answers in `language`."""
    if offered.answers_in_language:
        return None
    if "en" in offered.line.languages:
        return text("safety.line_in_polish_and_english", language)
    return text("safety.line_in_polish", language)
