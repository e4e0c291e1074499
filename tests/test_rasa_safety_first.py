"""The message is parsed before the session starts, with the conversation as it stood: the NLU reads
it in the conversation's language (bot/rasa_server/safety_first.py, bot/rasa_server/nlu/foreign.py)."""

from __future__ import annotations

import asyncio
from typing import Any

from rasa.core.channels.channel import UserMessage

from bot.rasa_server.safety_first import parse_first


class Store:
    def __init__(self, trackers: dict[str, Any]) -> None:
        self.trackers = trackers

    async def retrieve(self, sender_id: str) -> Any:
        return self.trackers.get(sender_id)


class Processor:
    def __init__(self, trackers: dict[str, Any]) -> None:
        self.tracker_store = Store(trackers)
        self.parsed_with: list[Any] = []

    async def parse_message(self, message: UserMessage, tracker: Any = None) -> dict:
        self.parsed_with.append(tracker)
        return {"text": message.text, "intent": {"name": "deny", "confidence": 1.0}}


async def log_message(self: Processor, message: UserMessage, should_save_tracker: bool = True) -> dict:
    return message.parse_data


def test_the_conversation_so_far_is_handed_to_the_nlu() -> None:
    ukrainian = object()
    processor = Processor({"anna": ukrainian})
    parsed = asyncio.run(parse_first(log_message)(processor, UserMessage("ні", sender_id="anna")))
    assert processor.parsed_with == [ukrainian] and parsed["intent"]["name"] == "deny"


def test_a_new_conversation_is_parsed_without_one_and_nothing_is_created() -> None:
    processor = Processor({})
    asyncio.run(parse_first(log_message)(processor, UserMessage("hello there", sender_id="new")))
    assert processor.parsed_with == [None] and processor.tracker_store.trackers == {}


def test_a_message_already_parsed_is_not_parsed_again() -> None:
    processor = Processor({})
    message = UserMessage("/affirm", sender_id="anna", parse_data={"intent": {"name": "affirm"}})
    asyncio.run(parse_first(log_message)(processor, message))
    assert processor.parsed_with == []


def test_rasas_own_fetch_gets_the_conversation_the_parse_read() -> None:
    from types import SimpleNamespace

    from bot.rasa_server.safety_first import read_once

    stored = SimpleNamespace(model_id=None, assistant_id=None)
    processor = Processor({"anna": stored})
    processor.model_metadata = SimpleNamespace(model_id="m1", assistant_id="drogowskaz")
    reads: list[str] = []

    async def get_tracker(self: Processor, conversation_id: str) -> Any:
        reads.append(conversation_id)
        return SimpleNamespace(model_id="m1", assistant_id="drogowskaz")

    fetch = read_once(get_tracker)

    async def log_message(self: Processor, message: UserMessage, should_save_tracker: bool = True) -> Any:
        return await fetch(self, message.sender_id), await fetch(self, message.sender_id)

    first, second = asyncio.run(parse_first(log_message)(processor, UserMessage("ні", sender_id="anna")))
    assert first is stored and first.model_id == "m1" and first.assistant_id == "drogowskaz"
    assert reads == ["anna"], "only a second fetch reads the store again"
    assert second is not stored
