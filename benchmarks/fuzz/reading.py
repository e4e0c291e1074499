"""Reading the bot's REST reply the way a person reads the chat: texts, buttons, the question shown.

The question is recognised by its wording (bot.dialogue.prompts holds the bot's questions), not
by the tracker, because a person answers what they see; the tracker's `requested_slot` is only
used when a reply shows no question while the form is waiting for one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.dialogue.prompts import QUESTIONS, asked, clarify

Reply = list[dict[str, Any]]

_QUESTION_TEXTS: dict[str, str] = {
    asked(variant)["text"]: slot for slot, variants in QUESTIONS.items() for variant in variants
}
# Offers that wait for a yes or a no: (marker in the text, name)
OFFERS: tuple[tuple[str, str], ...] = (
    ("Mogę zadać jeszcze", "more_questions"),
    ("Czy na pewno chcesz zacząć od nowa", "restart"),
    ("Czy na pewno mam usunąć", "delete"),
    ("czy jesteś teraz bezpieczny", "safety"),
)


@dataclass(frozen=True)
class Shown:
    """What the last reply asks of the person: a profile question (slot), an offer, or nothing."""

    kind: str | None  # "slot", "offer", "clarify", "menu" or None
    name: str | None  # the slot / group / offer name
    buttons: tuple[dict[str, str], ...] = ()


def texts(reply: Reply) -> list[str]:
    return [m["text"] for m in reply if m.get("text")]


def joined(reply: Reply) -> str:
    return "\n".join(texts(reply))


def payload(reply: Reply) -> dict[str, Any] | None:
    return next(
        (m["custom"] for m in reply if isinstance(m.get("custom"), dict) and "recommendations" in m["custom"]), None
    )


def shown(reply: Reply, requested_slot: str | None = None) -> Shown:
    for message in reversed(reply):
        text = message.get("text") or ""
        buttons = tuple(message.get("buttons") or ())
        if text in _QUESTION_TEXTS:
            return Shown("slot", _QUESTION_TEXTS[text], buttons)
        for marker, name in OFFERS:
            if marker in text:
                return Shown("offer", name, buttons)
        if text == clarify()["text"]:
            return Shown("clarify", None, buttons)
        if buttons:
            return Shown("menu", None, buttons)
    if requested_slot:
        return Shown("slot", requested_slot, ())
    return Shown(None, None, ())


def _digits(number: str) -> str:
    return re.sub(r"\D", "", number)


def has_number(text: str, numbers: set[str]) -> bool:
    """Whether `text` contains one of the phone numbers (spaces ignored, whole numbers only)."""
    runs = {_digits(run) for run in re.findall(r"\d[\d ]*\d|\d", text)}
    flat = _digits(text)
    return any(_digits(n) in runs or (len(_digits(n)) > 3 and _digits(n) in flat) for n in numbers)
