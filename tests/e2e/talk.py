"""Talking to the bot in tests: new conversations, reading replies, answering its questions."""

from __future__ import annotations

import uuid
from typing import Any, Protocol


class Speaker(Protocol):
    def say(self, sender: str, text: str) -> list[dict[str, Any]]: ...


def new_sender() -> str:
    return f"e2e-{uuid.uuid4().hex[:12]}"


def texts(messages: list[dict[str, Any]]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def payload(messages: list[dict[str, Any]]) -> dict[str, Any] | None:
    return next((m["custom"] for m in messages if "custom" in m), None)


def answer_until_recommendation(stack: Speaker, sender: str, messages: list[dict], answers: dict[str, str], limit: int = 8) -> list[dict]:
    """Answer the bot's questions (recognised by their wording) until recommendations arrive."""
    for _ in range(limit):
        if payload(messages):
            return messages
        question = texts(messages)
        reply = next((value for key, value in answers.items() if key in question), None)
        assert reply is not None, f"unexpected question: {question}"
        messages = stack.say(sender, reply)
    assert payload(messages), "no recommendation within the limit"
    return messages
