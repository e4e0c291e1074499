"""What every channel checks before a person's message reaches Rasa's NLU.

A message is normalised (control characters other than newline and tab removed, lone surrogates
dropped, line ends unified, Unicode NFC, trimmed) and refused when nothing readable is left or
when it is longer than MAX_MESSAGE_CHARS. Sender ids must be strings of at most MAX_SENDER_CHARS.
A refusal is an InputRejected carrying the field and a Polish reason that can be shown to the
person (the channels reply with it) or sent to a program (the REST channel's 400 JSON).

Why a limit at all: a long message takes seconds of NLU (a single very long token, about 9000
digits, used to make Morfeusz crash the Rasa server; bot/nlp/morphology.py now keeps such tokens
from it). 2000 characters are more than a person types to describe their situation, and as much as one
Messenger message holds.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from bot import messages

MAX_MESSAGE_CHARS = 2000
MAX_SENDER_CHARS = 128

EMPTY_MESSAGE = messages.text("channel.empty")
TOO_LONG_MESSAGE = messages.text("channel.too_long", max=MAX_MESSAGE_CHARS)
NOT_TEXT_MESSAGE = messages.text("channel.not_text")
BAD_SENDER = messages.text("channel.bad_sender", max=MAX_SENDER_CHARS)

_KEPT_CONTROLS = {"\n", "\t"}
_READABLE = ("L", "N", "P", "S")  # letters, digits, punctuation, symbols (emoji are symbols)


class InputRejected(ValueError):
    """A message or sender that must not be processed; `message` is Polish, for people."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message

    def as_json(self) -> dict[str, str]:
        return {"error": self.message, "field": self.field}


def normalise(text: str) -> str:
    """Control characters (but newline and tab) and lone surrogates out, NFC, trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    kept = "".join(ch for ch in text if ch in _KEPT_CONTROLS or unicodedata.category(ch) not in ("Cc", "Cs"))
    return unicodedata.normalize("NFC", kept).strip()


def clean_message(raw: Any) -> str:
    """The message to hand to Rasa, or InputRejected("message", …) saying why not."""
    if not isinstance(raw, str):
        raise InputRejected("message", NOT_TEXT_MESSAGE)
    text = normalise(raw)
    if not any(unicodedata.category(ch)[0] in _READABLE for ch in text):
        raise InputRejected("message", EMPTY_MESSAGE)
    if len(text) > MAX_MESSAGE_CHARS:
        raise InputRejected("message", TOO_LONG_MESSAGE)
    return text


def clean_sender(raw: Any) -> str:
    """The conversation id as given, or InputRejected("sender", …) when it is not a short string.

    Required: without it Rasa would put everybody into one conversation called "default"."""
    if not isinstance(raw, str) or not raw.strip() or len(raw) > MAX_SENDER_CHARS:
        raise InputRejected("sender", BAD_SENDER)
    if any(unicodedata.category(ch) in ("Cc", "Cs") for ch in raw):
        raise InputRejected("sender", BAD_SENDER)
    return raw
