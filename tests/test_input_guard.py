"""The input guard every channel uses (bot.rasa_server.channels.input_guard), and the Rasa API body check."""

from __future__ import annotations

import json

import pytest

from bot.rasa_server.channels.api_guard import check_body
from bot.rasa_server.channels.input_guard import (
    BAD_SENDER,
    EMPTY_MESSAGE,
    MAX_MESSAGE_CHARS,
    MAX_SENDER_CHARS,
    NOT_TEXT_MESSAGE,
    TOO_LONG_MESSAGE,
    InputRejected,
    clean_message,
    clean_sender,
    normalise,
)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("  mam 45 lat \n", "mam 45 lat"),
        ("mam\x00 45\x07 lat\x1b[31m", "mam 45 lat[31m"),
        ("pierwsza linia\r\ndruga\rtrzecia\tz tabem", "pierwsza linia\ndruga\ntrzecia\tz tabem"),
        ("zaz\u0307olc\u0301", "zażolć"),  # NFC: z + dot above → ż, c + acute → ć
        ("\ud800urwany", "urwany"),  # a lone surrogate cannot be stored or logged
        ("😀 👨‍👩‍👧 مرحبا <b>x</b> ' OR 1=1; --", "😀 👨‍👩‍👧 مرحبا <b>x</b> ' OR 1=1; --"),
    ],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        "nie mam pracy",
        "😀",
        "مرحبا",
        "<script>alert(1)</script>",
        "'; DROP TABLE events; --",
        "/affirm",
        '/ask_what_is{"institution": "up"}',
        "a" * MAX_MESSAGE_CHARS,
    ],
)
def test_valid_messages_pass_unchanged(text: str) -> None:
    assert clean_message(text) == text


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "\n\t\n",  # kept controls, then trimmed
        "\x00\x01\x7f",  # removed controls
        "\u200b\u200d",  # format characters: not removed, but nothing readable
        " \u00a0 \u3000 ",  # spaces, also the no-break and the ideographic one, trimmed
    ],
)
def test_empty_messages_are_refused(raw: str) -> None:
    with pytest.raises(InputRejected) as refused:
        clean_message(raw)
    assert (refused.value.field, refused.value.message) == ("message", EMPTY_MESSAGE)


def test_the_limit_counts_characters_after_normalising() -> None:
    assert clean_message("  " + "ą" * MAX_MESSAGE_CHARS + "\x00  ") == "ą" * MAX_MESSAGE_CHARS
    assert clean_message("a\u0301" * MAX_MESSAGE_CHARS) == "á" * MAX_MESSAGE_CHARS  # NFC halves it
    for raw in ("a" * (MAX_MESSAGE_CHARS + 1), "Mam 45 lat. " * 1000, "7" * 10_000):
        with pytest.raises(InputRejected) as refused:
            clean_message(raw)
        assert refused.value.as_json() == {"error": TOO_LONG_MESSAGE, "field": "message"}


@pytest.mark.parametrize("raw", [None, 5, ["tekst"], {"text": "x"}, True])
def test_a_message_must_be_text(raw: object) -> None:
    with pytest.raises(InputRejected) as refused:
        clean_message(raw)
    assert refused.value.message == NOT_TEXT_MESSAGE


def test_senders() -> None:
    assert clean_sender("e2e-1234") == "e2e-1234"
    assert clean_sender("x" * MAX_SENDER_CHARS) == "x" * MAX_SENDER_CHARS
    for raw in (None, 5, {"id": 1}, "", "   ", "x" * (MAX_SENDER_CHARS + 1), "a\x00b", "a\nb"):
        with pytest.raises(InputRejected) as refused:
            clean_sender(raw)
        assert refused.value.as_json() == {"error": BAD_SENDER, "field": "sender"}


@pytest.mark.parametrize(
    "method, path, body, field",
    [
        ("POST", "/model/parse", [1], "body"),
        ("POST", "/model/parse", {"text": 5}, "text"),
        ("POST", "/model/parse", {"text": "7" * 10_000}, "text"),
        ("POST", "/conversations/a/b/messages", "tekst", "body"),
        ("POST", "/conversations/a/messages", {"text": None, "sender": "user"}, "text"),
        ("POST", "/conversations/a/tracker/events", 5, "body"),
        ("PUT", "/conversations/a/tracker/events", None, "body"),
        ("POST", "/conversations/a/execute", [], "body"),
        ("POST", "/conversations/a/trigger_intent", "x", "body"),
        ("PUT", "/model", [], "body"),
    ],
)
def test_rasa_api_bodies_the_endpoint_cannot_take(method: str, path: str, body: object, field: str) -> None:
    answer = check_body(method, path, body)
    assert answer is not None and answer.status == 400
    assert json.loads(answer.body)["field"] == field


@pytest.mark.parametrize(
    "method, path, body",
    [
        ("POST", "/model/parse", {"text": "mam 45 lat"}),
        ("POST", "/conversations/a/messages", {"text": "hej", "sender": "user"}),
        ("POST", "/conversations/a/tracker/events", [{"event": "slot", "name": "age", "value": 45}]),
        ("POST", "/conversations/a/tracker/events", {"event": "restart"}),
        ("POST", "/model/predict", []),
        ("POST", "/model/train", "yaml is not checked here"),
        ("GET", "/model/parse", None),
    ],
)
def test_rasa_api_bodies_that_go_on_to_rasa(method: str, path: str, body: object) -> None:
    assert check_body(method, path, body) is None
