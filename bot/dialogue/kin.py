"""Family members named in Ukrainian and English messages (issue 14): an age just after one is theirs
("my son is 17", "синові 15", "mama ma 70"), not the writer's. Polish has its own patterns
(bot.dialogue.patterns: PROXY and the clauses about someone else)."""

from __future__ import annotations

import re

_KIN = re.compile(
    r"\b(?:son|sons|daughter|daughters|mother|mom|mum|father|dad|husband|wife|brother|sister|child|kid|kids"
    r"|boy|girl|partner|grandma|grandmother|grandpa|grandfather|parents?"
    r"|син\w*|доч\w*|донь\w*|мам\w*|тат\w*|бать\w*|чолов\w*|дружин\w*|брат\w*|сестр\w*|дитин\w*|діт\w*"
    r"|бабус\w*|дід\w*|синов\w*|syn\w*|don\w*|mam\w*|tat\w*|brat\w*|sestr\w*|dytyn\w*)\b",
    re.IGNORECASE,
)
WORDS_BEFORE = 4


def kin_before(text: str, start: int) -> bool:
    """A family member among the few words before the character `start` (where a number begins)."""
    before = re.findall(r"\w+", text[: max(start, 0)])[-WORDS_BEFORE:]
    return any(_KIN.fullmatch(word) for word in before)
