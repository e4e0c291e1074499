"""The socketio and Messenger channels answer an empty or over-long message themselves, in Polish,
and never pass it on to Rasa (python-socketio's server and the Graph API replaced by recorders)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.rasa_server.channels.input_guard import EMPTY_MESSAGE, MAX_MESSAGE_CHARS, TOO_LONG_MESSAGE
from bot.rasa_server.channels.messenger import MessengerInput
from bot.rasa_server.channels.socketio import SocketIOInput


@pytest.fixture()
def socketio(monkeypatch: pytest.MonkeyPatch):
    received: list = []
    emitted: list = []

    async def on_new_message(message) -> None:
        received.append(message)

    async def emit(event: str, data: Any, **kwargs: Any) -> None:
        emitted.append((event, data, kwargs.get("room")))

    channel = SocketIOInput.from_credentials(
        {"user_message_evt": "user_uttered", "bot_message_evt": "bot_uttered", "session_persistence": True}
    )
    channel.blueprint(on_new_message)
    monkeypatch.setattr(channel.sio, "emit", emit)
    handle = channel.sio.handlers["/"]["user_uttered"]
    return lambda data: asyncio.run(handle("sid-1", data)), received, emitted


# One message of each kind the guard refuses (the kinds of empty and over-long text are in test_input_guard.py).
@pytest.mark.parametrize(
    "message, reply", [("\x00\x1b", EMPTY_MESSAGE), (None, None), ("a" * (MAX_MESSAGE_CHARS + 1), TOO_LONG_MESSAGE)]
)
def test_socketio_answers_bad_messages_itself(socketio, message: Any, reply: str | None) -> None:
    send, received, emitted = socketio
    send({"message": message, "session_id": "abc"} if message is not None else {"session_id": "abc"})
    assert received == []
    assert emitted == [("bot_uttered", {"text": reply or "Wiadomość musi być tekstem (pole „message”)."}, "abc")]


def test_socketio_passes_the_normalised_text_and_only_object_metadata(socketio) -> None:
    send, received, emitted = socketio
    send({"message": "  mam 45 lat\x00 ", "session_id": "abc", "metadata": '{"language": "pl"}'})
    send({"message": "hej", "session_id": "abc", "metadata": "{not json"})
    send({"message": "hej", "session_id": "abc", "metadata": [1, 2]})
    assert [(m.text, m.sender_id, m.metadata) for m in received] == [
        ("mam 45 lat", "abc", {"language": "pl"}),
        ("hej", "abc", {}),
        ("hej", "abc", {}),
    ]
    assert emitted == []


@pytest.mark.parametrize("session_id", [None, "", 5, {"x": 1}, "x" * 500])
def test_socketio_ignores_messages_without_a_usable_session(socketio, session_id: Any) -> None:
    send, received, emitted = socketio
    send({"message": "hej", "session_id": session_id})
    assert received == [] and emitted == []


class RecordingGraph:
    """Stands in for bot.rasa_server.channels.messenger_output.GraphClient (the Graph API is outside)."""

    def __init__(self) -> None:
        self.sent: list[dict[str, Any]] = []

    async def send(self, body: dict[str, Any]) -> bool:
        self.sent.append(body)
        return True


def messenger_turn(event: dict[str, Any]) -> tuple[list, list[dict[str, Any]]]:
    channel = MessengerInput("verify", "secret", "token")
    channel.client = graph = RecordingGraph()
    received: list = []

    async def on_new_message(message) -> None:
        received.append(message)

    asyncio.run(channel._handle(event, on_new_message))
    return received, [body["message"]["text"] for body in graph.sent if "message" in body]


@pytest.mark.parametrize(
    "text, reply", [("a" * (MAX_MESSAGE_CHARS + 1), TOO_LONG_MESSAGE), ("\x00\x07", EMPTY_MESSAGE)]
)
def test_messenger_answers_bad_messages_itself(text: str, reply: str) -> None:
    received, replies = messenger_turn({"sender": {"id": "123"}, "message": {"mid": "m-1", "text": text}})
    assert received == [] and replies == [reply]


def test_messenger_passes_the_normalised_text() -> None:
    received, replies = messenger_turn(
        {"sender": {"id": 123}, "message": {"mid": "m-2", "text": " nie mam pracy\x00 "}}
    )
    assert [(m.text, m.sender_id) for m in received] == [("nie mam pracy", "123")] and replies == []


@pytest.mark.parametrize("sender", [None, {"id": 1}, "", "x" * 500])
def test_messenger_ignores_events_without_a_usable_sender(sender: Any) -> None:
    assert messenger_turn({"sender": {"id": sender}, "message": {"mid": "m-3", "text": "hej"}}) == ([], [])
