"""Corrections (issue 13): "a jednak mam 48, pomyliłam się", "sorry, jednak mam orzeczenie umiarkowane".

A correction that carries its new value is applied like any fact, and said back: what changed, what
is new, or that it was already so; then the conversation goes on as after any fact (the questions, or
the list made again). Only a correction with no value in it ("pomyliłem się", "chcę zmienić
odpowiedź") gets the question what changed (the rule's `utter_change_answer`).

The NLU's number or place in a correction counts, as it does in an answer to a question: "a jednak
mam 48" names no "lat" for the text patterns to read, yet it is the person's age.
"""

from __future__ import annotations

import re
from typing import Any, Mapping

from bot.nlp.morphology import fold
from bot.profile import PROFILE_KEYS

CHANGE_INTENT = "change_answer"
# Outside the questions, the Rasa server reads a correction with its value as a fact of no value of its
# own (so the rules go on as after any fact, not with "Napisz, co się zmieniło") and marks the parse.
FACT_READING = "inform_age"  # data/profile/facts.yaml: its value is only in the age entity
CORRECTION_KEY = "correction"
# Words of a correction (folded): "jednak", "pomyliłam się", "sorry", "źle napisałem", "chodziło mi o".
CORRECTION_WORDS = re.compile(
    r"\b(?:jednak|wlasciwie|pomyli\w*|pomylk\w*|sorry|sory|sorki|przepraszam|poprawiam|poprawka|chodzilo mi"
    r"|(?:zle|blednie) (?:na|w|po|za)?(?:pisal|podal|klikn|zaznaczy)\w*)\b"
)


def corrects(intent: str | None, text: str) -> bool:
    """Whether a message corrects something said before: read so by the NLU, or in its own words."""
    return intent == CHANGE_INTENT or bool(CORRECTION_WORDS.search(fold(text)))


Facts = dict[str, Any]


def corrected(intent: str | None, told: Mapping[str, Any], slots: Mapping[str, Any]) -> tuple[Facts, Facts, Facts]:
    """(changed, added, already so): the profile facts a message read as a correction carries, compared
    with what is known; three empty dicts for any other message, or a correction with no value in it."""
    if intent != CHANGE_INTENT:
        return {}, {}, {}
    facts = {key: value for key, value in told.items() if key in PROFILE_KEYS and value is not None}
    same = {key: value for key, value in facts.items() if slots.get(key) == value}
    changed = {key: value for key, value in facts.items() if key not in same and slots.get(key) is not None}
    added = {key: value for key, value in facts.items() if key not in same and key not in changed}
    # "jednak mam zasiłek" also implies the registration already known: only news are said back then
    return changed, added, ({} if changed or added else same)
