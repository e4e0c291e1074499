"""Answers about one institution or tool, for questions asked as such or in the middle of the interview."""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from bot.dialogue.replies import explain_institution, explain_tool
from bot.knowledge.catalogue import Catalogue
from bot.nlp.morphology import fold

ASPECTS = {
    "ask_what_is": "what",
    "ask_who_can": "who",
    "ask_how_long": "how_long",
    "ask_how_much": "how_much",
    "ask_where": "where",
}
# Words that open a question in Polish, and the words that say what it asks about (folded).
QUESTION_OPENERS = frozenset({"czy", "co", "gdzie", "kto", "ile", "jak", "jaki", "jaka", "jakie", "moge", "mozna"})
ASPECT_WORDS = (
    ("where", ("gdzie", "adres")),
    ("how_long", ("trwa", "dlugo")),
    ("how_much", ("ile", "kwota", "placa")),
    ("who", ("moge", "mozna", "kto", "przysluguje", "nalezy", "dostane", "przyjma")),
)


def named_ids(entities: Iterable[Mapping[str, Any]], known: Catalogue) -> tuple[str | None, str | None]:
    """(tool id, institution id) the NLU found, each only if the catalogue has it."""
    entities = list(entities)
    tool = next((e.get("value") for e in entities if e.get("entity") == "tool" and e.get("value") in known.tools), None)
    institution = next(
        (e.get("value") for e in entities if e.get("entity") == "institution" and e.get("value") in known.institutions),
        None,
    )
    return tool, institution


def explanation(entities: Iterable[Mapping[str, Any]], known: Catalogue, aspect: str) -> str | None:
    """The answer about the tool (first) or the institution named, or None when none is named."""
    tool_id, inst_id = named_ids(entities, known)
    if tool_id:
        tool = known.tools[tool_id]
        return explain_tool(tool, known.institutions[tool.institution_id], aspect)
    if inst_id:
        return explain_institution(known.institutions[inst_id], aspect)
    return None


def side_question_aspect(text: str) -> str | None:
    """What a message asks when it is a question ("a mogę iść do OPS, jak nie mam zasiłku?" asks who
    may go); None when it is no question."""
    words = re.findall(r"\w+", fold(text))
    if not words:
        return None
    opener = words[0] if words[0] != "a" or len(words) == 1 else words[1]
    if "?" not in text and opener not in QUESTION_OPENERS:
        return None
    return next((aspect for aspect, cues in ASPECT_WORDS if any(w in cues for w in words)), "what")
