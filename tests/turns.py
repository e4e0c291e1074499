"""One turn of a conversation for the fact reader's tests: what bot.dialogue.facts.extract_updates reads."""

from __future__ import annotations

from typing import Any

from bot.dialogue.facts import Turn, extract_updates


def updates(
    text: str,
    intent: str | None,
    *,
    asked: str | None = None,
    confidence: float = 0.95,
    entities: tuple = (),
    slots: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The facts a message changes, read as the NLU gave it (intent, confidence, entities)."""
    return extract_updates(Turn(text, intent, confidence, entities, asked, slots or {}))


def entity(text: str, word: str, name: str, value: str) -> dict[str, Any]:
    """The NLU's entity for `word` in `text`, with its position."""
    start = text.index(word)
    return {"entity": name, "value": value, "start": start, "end": start + len(word), "text": word}
