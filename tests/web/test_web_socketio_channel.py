"""The socketio channel the chat widget talks to (bot.rasa_server.channels.socketio), with python-socketio's
server replaced by a recorder: joining the session's room and sending the custom payload."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from bot.rasa_server.channels.socketio import SocketIOInput, SocketIOOutput


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, tuple, dict]] = []

    def method(self, name: str):
        async def record(*args: Any, **kwargs: Any) -> None:
            self.calls.append((name, args, kwargs))

        return record


@pytest.fixture()
def channel(monkeypatch: pytest.MonkeyPatch):
    received: list = []

    async def on_new_message(message) -> None:
        received.append(message)

    channel = SocketIOInput.from_credentials(
        {"user_message_evt": "user_uttered", "bot_message_evt": "bot_uttered", "session_persistence": True}
    )
    channel.blueprint(on_new_message)
    recorder = Recorder()
    monkeypatch.setattr(channel.sio, "enter_room", recorder.method("enter_room"))
    monkeypatch.setattr(channel.sio, "emit", recorder.method("emit"))
    handlers = channel.sio.handlers["/"]
    return channel, handlers, recorder, received


def test_session_request_joins_the_room_and_confirms(channel) -> None:
    _, handlers, recorder, _ = channel
    asyncio.run(handlers["session_request"]("sid-1", {"session_id": "abc"}))
    assert recorder.calls == [
        ("enter_room", ("sid-1", "abc"), {"namespace": None}),
        ("emit", ("session_confirm", "abc"), {"room": "sid-1", "namespace": None}),
    ]


# Data that is not an object counts as {} and a missing id as None: None stands for {} and {"session_id": None}.
@pytest.mark.parametrize("data", [None, {"session_id": 5}, {"session_id": "x" * 500}])
def test_session_request_without_a_usable_id_gets_a_new_one(channel, data) -> None:
    _, handlers, recorder, _ = channel
    asyncio.run(handlers["session_request"]("sid-1", data))
    new_id = recorder.calls[-1][1][1]
    assert isinstance(new_id, str) and len(new_id) == 32


def test_messages_go_to_the_session_and_custom_payloads_arrive_whole(channel) -> None:
    _, handlers, recorder, received = channel
    asyncio.run(handlers["user_uttered"]("sid-1", {"message": "mam 45 lat", "session_id": "abc"}))
    asyncio.run(handlers["user_uttered"]("sid-1", {"message": "bez sesji"}))
    assert [(m.text, m.sender_id, m.input_channel) for m in received] == [("mam 45 lat", "abc", "socketio")]
    output = received[0].output_channel
    assert isinstance(output, SocketIOOutput)
    payload = {"recommendations": [{"institution": "up"}]}
    asyncio.run(output.send_response("abc", {"custom": payload}))
    asyncio.run(output.send_response("abc", {"text": "Cześć", "buttons": [{"title": "Tak", "payload": "/affirm"}]}))
    emits = [(args, kwargs) for name, args, kwargs in recorder.calls if name == "emit"]
    assert emits[0] == (("bot_uttered", payload), {"room": "abc"})
    assert emits[1][0][1]["quick_replies"][0]["payload"] == "/affirm"
