"""Talking to the bot in tests: new conversations, reading replies, answering its questions."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any, Protocol


class Speaker(Protocol):
    def say(self, sender: str, text: str) -> list[dict[str, Any]]: ...


def new_sender() -> str:
    return f"e2e-{uuid.uuid4().hex[:12]}"


def texts(messages: list[dict[str, Any]]) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def payload(messages: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The recommendations of a turn (a custom message; the widget's language signal is another)."""
    return next((m["custom"] for m in messages if "recommendations" in (m.get("custom") or {})), None)


def answer_until_recommendation(
    stack: Speaker, sender: str, messages: list[dict], answers: dict[str, str], limit: int = 8
) -> list[dict]:
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


class SocketIOPerson:
    """A person in the chat widget: python-socketio's client against the Rasa server's socket.io channel."""

    def __init__(self, url: str) -> None:
        self.url = url

    async def conversation(self, turns: list[str]) -> list[list[dict[str, Any]]]:
        import socketio

        client = socketio.AsyncClient()
        replies: asyncio.Queue = asyncio.Queue()
        confirmed: asyncio.Queue = asyncio.Queue()
        client.on("bot_uttered", replies.put)
        client.on("session_confirm", confirmed.put)
        # polling: the websocket transport of the python-engineio client here needs a newer aiohttp
        await client.connect(self.url, transports=["polling"], socketio_path="/socket.io")
        try:
            await client.emit("session_request", {"session_id": f"sio-{uuid.uuid4().hex[:12]}"})
            session = await asyncio.wait_for(confirmed.get(), 30)
            answers = []
            for text in turns:
                await client.emit("user_uttered", {"message": text, "session_id": session})
                turn = [await asyncio.wait_for(replies.get(), 60)]
                while True:  # the rest of this turn's messages, as they come
                    try:
                        turn.append(await asyncio.wait_for(replies.get(), 2.0))
                    except asyncio.TimeoutError:
                        break
                answers.append(turn)
            return answers
        finally:
            await client.disconnect()
