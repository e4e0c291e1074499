"""Buttons kept as data: the title is a catalogue key, turned into words where the button is sent."""

from __future__ import annotations

from typing import Iterable

from bot.messages import N_, text

Button = dict[str, str]


def button(title_key: str, payload: str) -> Button:
    """A button whose title is a catalogue key (marked with N_ where it is written)."""
    return {"title": title_key, "payload": payload}


def shown(buttons: Iterable[Button], lang: str | None = None) -> list[Button]:
    """The buttons as a person sees them: titles in words."""
    return [{"title": text(b["title"], lang), "payload": b["payload"]} for b in buttons]


YES_NO_DONT_KNOW = (
    button(N_("button.yes"), "/affirm"),
    button(N_("button.no"), "/deny"),
    button(N_("button.dont_know"), "/dont_know"),
)
YES_NO_PRIVATE = (
    button(N_("button.yes"), "/affirm"),
    button(N_("button.no"), "/deny"),
    button(N_("button.prefer_not_say"), "/prefer_not_say"),
)
PREFER_NOT_SAY = button(N_("button.prefer_not_say"), "/prefer_not_say")
ASK_HUMAN = button(N_("button.ask_human"), "/ask_human")
SUMMARY = button(N_("button.summary"), "/request_summary")
