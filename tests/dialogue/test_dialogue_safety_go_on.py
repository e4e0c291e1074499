"""After the numbers (issue 13): with no roof tonight the questions go on in the same turn, a danger
to life still waits; a block of numbers is given once a session; no phone gets a place to walk into."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker

from actions.safety import ActionCrisis, given_before
from actions.session import ActionHumanHandover
from bot.dialogue.in_person import says_no_phone
from bot.dialogue.safety import go_on, introduction, lead
from bot.messages import text
from tests.dialogue.test_dialogue_actions import DOMAIN, run, slot_events
from tests.dialogue.test_dialogue_safety import GREETED, QUIET

FOLLOW_FORM = {"event": "followup", "name": "profile_form", "timestamp": None}


def crisis_message(categories: list[str], text: str = "…") -> dict[str, Any]:
    ranking = [{"name": f"crisis_{c}", "confidence": 1.0} for c in categories]
    return {"text": text, "intent": ranking[0], "intent_ranking": ranking, "entities": []}


def state(
    message: dict[str, Any], history: list[dict], slots: dict[str, Any] | None = None, form: bool = False
) -> Tracker:
    values = {name: None for name in DOMAIN["slots"]}
    values.update(slots or {})
    events = history + [{"event": "user", "text": message["text"], "parse_data": message}]
    loop = {"name": "profile_form"} if form else {}
    return Tracker("t", values, message, events, False, None, loop, "action_listen")


def answered_before(categories: list[str]) -> list[dict]:
    """A session in which an earlier message got the numbers of `categories`."""
    return GREETED + [
        {"event": "user", "text": "…", "parse_data": crisis_message(categories)},
        {"event": "action", "name": "action_crisis"},
        {"event": "bot", "text": "…"},
        {"event": "action", "name": "action_listen"},
    ]


def test_no_roof_first_message_numbers_then_introduction_then_the_questions() -> None:
    events, dispatcher = run(ActionCrisis(), state(crisis_message(["shelter"]), QUIET, {"age": 45}))
    texts = [m["text"] for m in dispatcher.messages]
    assert texts[0].startswith(lead("shelter")) and "19115" in texts[0]
    assert texts[1:] == [introduction(), go_on()]
    assert events[-1] == FOLLOW_FORM and slot_events(events) == {"offer": None}


@pytest.mark.parametrize("categories", [["suicide"], ["violence"], ["emergency"], ["violence", "shelter"]])
def test_a_danger_to_life_still_waits_for_the_person(categories: list[str]) -> None:
    events, dispatcher = run(ActionCrisis(), state(crisis_message(categories), GREETED, {"age": 45}))
    assert FOLLOW_FORM not in events and slot_events(events)["offer"] == "after_crisis"
    assert go_on() not in [m["text"] for m in dispatcher.messages]


def test_mid_interview_the_pending_question_follows_without_a_new_announcement() -> None:
    events, dispatcher = run(ActionCrisis(), state(crisis_message(["shelter"]), GREETED, {"age": 45}, form=True))
    assert events[-1] == FOLLOW_FORM and [m["text"] for m in dispatcher.messages][1:] == []


def test_nothing_left_to_ask_waits() -> None:
    slots = {"offer": "done"}
    events, _ = run(ActionCrisis(), state(crisis_message(["shelter"]), GREETED, slots))
    assert FOLLOW_FORM not in events and slot_events(events)["offer"] == "after_crisis"


def test_the_shelter_block_is_given_once_then_a_short_reminder() -> None:
    history = answered_before(["shelter"])
    assert given_before(state(crisis_message(["shelter"]), history)) == {"shelter"}
    _, dispatcher = run(ActionCrisis(), state(crisis_message(["shelter"]), history))
    reply = dispatcher.messages[0]["text"]
    assert reply.startswith(text("safety.reminder")) and "19115" in reply and "112" in reply
    assert lead("shelter") not in reply and "\n" not in reply


def test_a_new_session_gives_the_block_again() -> None:
    history = answered_before(["shelter"]) + QUIET
    _, dispatcher = run(ActionCrisis(), state(crisis_message(["shelter"]), history))
    assert dispatcher.messages[0]["text"].startswith(lead("shelter"))


def test_a_danger_to_life_said_again_gets_the_whole_block() -> None:
    _, dispatcher = run(ActionCrisis(), state(crisis_message(["suicide"]), answered_before(["suicide"])))
    assert dispatcher.messages[0]["text"].startswith(lead("suicide"))


def test_no_phone_in_a_crisis_message_gets_the_district_ops_to_walk_into() -> None:
    message = crisis_message(["shelter"], "nie mam telefonu, śpię na dworcu")
    _, dispatcher = run(ActionCrisis(), state(message, answered_before(["shelter"]), {"district": "Wola"}))
    reply = dispatcher.messages[0]["text"]
    assert reply.startswith(text("safety.reminder"))
    assert "ośrodka pomocy społecznej" in reply and "ul. Generała Józefa Bema 91" in reply
    assert "nie masz gdzie spać" in reply


def test_no_phone_read_as_asking_for_a_person_gets_a_place_not_numbers() -> None:
    message = {
        "text": "nie mam telefonu",
        "intent": {"name": "ask_human", "confidence": 0.6},
        "intent_ranking": [{"name": "ask_human", "confidence": 0.6}],
        "entities": [],
    }
    _, dispatcher = run(ActionHumanHandover(), state(message, answered_before(["shelter"]), {"homeless": True}))
    [reply] = [m["text"] for m in dispatcher.messages]
    assert "ośrodka pomocy społecznej" in reply and "nie masz gdzie spać" in reply
    assert "19115" not in reply and "116 123" not in reply
    _, asked = run(ActionHumanHandover(), state({**message, "text": "chcę porozmawiać z człowiekiem"}, GREETED))
    assert "19115" in asked.messages[0]["text"]


@pytest.mark.parametrize(
    ("text", "no_phone"),
    [
        ("nie mam telefonu", True),
        ("Nie mam telefonu, jak mam zadzwonić?", True),
        ("komórkę mi ukradli", True),
        ("nie mam z czego zadzwonić", True),
        ("telefon mi padł", True),
        ("mam telefon, zadzwonię", False),
        ("nie mam gdzie spać", False),
        ("nie mam telefonu do urzędu pracy?", True),  # read as no phone: a place to go is still no harm
    ],
)
def test_says_no_phone(text: str, no_phone: bool) -> None:
    assert says_no_phone(text) is no_phone
