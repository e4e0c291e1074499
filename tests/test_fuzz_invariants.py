"""The fuzzer's invariant checks (benchmarks/fuzz/invariants.py) fire on the defects they are for, and
stay quiet on a sound conversation: a long run's "0 violations" means something only if they can fail."""

from __future__ import annotations

from typing import Any

from benchmarks.fuzz.generator import Message
from benchmarks.fuzz.invariants import RECOMMENDATION_TURNS, Checker

HELPLINES = {"suicide": {"116 123", "112"}, "shelter": {"19115", "112"}}
RECOMMENDATION = {"recommendations": [{"institution": "up", "tools": ["staz"]}], "missing": []}


def reply(*texts: str, recommendations: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    said: list[dict[str, Any]] = [{"text": text} for text in texts]
    return said + ([{"custom": recommendations}] if recommendations else [])


def names(found: list) -> list[str]:
    return [violation.invariant for violation in found]


def answer(text: str = "tak", **facts: Any) -> Message:
    return Message(text, "answer", facts)


def test_a_sound_conversation_breaks_nothing() -> None:
    checker = Checker(HELPLINES)
    asking = {"missing": ["district"]}
    assert checker.check(answer("mam 30 lat", age=30), reply("Gdzie mieszkasz?"), {"age": 30}, asking) == []
    slots = {"age": 30, "district": "Wola"}
    assert (
        checker.check(
            answer("Wola", district="Wola"), reply("Oto…", recommendations=RECOMMENDATION), slots, RECOMMENDATION
        )
        == []
    )
    danger = Message("nie chcę żyć", "crisis", danger="suicide")
    assert checker.check(danger, reply("Zadzwoń: 116 123"), slots, RECOMMENDATION) == []


def test_the_same_reply_three_times() -> None:
    checker = Checker(HELPLINES)
    found = [checker.check(Message("?", "offtopic"), reply("Nie rozumiem."), {}, {}) for _ in range(3)]
    assert names(found[2]) == ["repeated_reply"] and found[:2] == [[], []]


def test_a_slot_lost_and_a_slot_never_stated() -> None:
    checker = Checker(HELPLINES)
    checker.check(answer("mam 30 lat", age=30), reply("Gdzie mieszkasz?"), {"age": 30}, {"missing": ["district"]})
    assert names(checker.check(answer("hmm"), reply("Gdzie mieszkasz?"), {}, {"missing": ["age"]})) == ["slot_lost"]
    found = checker.check(
        answer("Wola", district="Wola"), reply("?"), {"district": "Wola", "age": 44}, {"missing": ["x"]}
    )
    assert names(found) == ["slot_not_stated"]  # 44 was never said


def test_crisis_numbers_must_come_first() -> None:
    checker = Checker(HELPLINES)
    danger = Message("nie mam gdzie spać", "crisis", danger="shelter")
    assert names(checker.check(danger, reply("Gdzie mieszkasz?", "Zadzwoń: 19115"), {}, {})) == ["crisis_first"]


def test_a_recommendation_overdue_once_nothing_is_left_to_ask() -> None:
    checker = Checker(HELPLINES)
    slots = {"age": 30, "district": "Wola", "work_status": "employed"}
    complete = {"recommendations": [], "missing": []}
    found = [
        checker.check(
            answer(f"tak {n}"), reply(f"Dobrze {n}."), slots if n else {}, complete if n else {"missing": ["age"]}
        )
        for n in range(RECOMMENDATION_TURNS + 1)
    ]
    assert "recommendation_due" in names(found[-1])
    assert checker.checked["recommendation_due"] == RECOMMENDATION_TURNS


def test_the_chat_must_recommend_what_the_api_does() -> None:
    checker = Checker(HELPLINES)
    api = {"recommendations": [{"institution": "ops", "tools": []}], "missing": []}
    assert names(checker.check(answer(), reply("Oto…", recommendations=RECOMMENDATION), {}, api)) == ["same_as_api"]
