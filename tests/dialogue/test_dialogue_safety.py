"""The safety actions: the right numbers first, from the knowledge base; the questions wait, facts stay."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker

from actions.safety import ActionCrisis, ActionSafetyCheck, categories_of
from actions.session import ActionSessionStart
from bot.dialogue.prompts import greeting
from bot.dialogue.safety import introduction, safety_question_text
from tests.dialogue.test_dialogue_actions import DOMAIN, run, slot_events

NUMBERS = {
    "suicide": ["116 123", "800 70 2222", "112"],
    "violence": ["800 120 002", "112"],
    "shelter": ["19115", "112"],
    "emergency": ["112"],
}
GREETED = [
    {"event": "session_started"},
    {"event": "bot", "text": "Dzień dobry!"},
    {"event": "action", "name": "action_listen"},
]
QUIET = [{"event": "session_started"}, {"event": "action", "name": "action_listen"}]


def said(intent: str, categories: list[str], history: list[dict], slots: dict[str, Any] | None = None) -> Tracker:
    ranking = [{"name": intent, "confidence": 1.0}] if intent == "crisis_unsure" else []
    ranking += [{"name": f"crisis_{c}", "confidence": 1.0} for c in categories] + [
        {"name": "sit_unemployed", "confidence": 0.4}
    ]
    message = {"text": "…", "intent": ranking[0], "intent_ranking": ranking, "entities": []}
    all_slots = {name: None for name in DOMAIN["slots"]}
    all_slots.update(slots or {})
    events = history + [{"event": "user", "text": "…", "parse_data": message}]
    return Tracker("t", all_slots, message, events, False, None, {"name": "profile_form"}, "action_listen")


@pytest.mark.parametrize("category", sorted(NUMBERS))
def test_each_danger_gets_its_own_numbers_in_the_first_message(category: str) -> None:
    events, dispatcher = run(ActionCrisis(), said(f"crisis_{category}", [category], GREETED))
    first = dispatcher.messages[0]["text"]
    assert all(number in first for number in NUMBERS[category])
    others = {n for c, ns in NUMBERS.items() if c != category for n in ns} - set(NUMBERS[category])
    assert not any(number in first for number in others), "numbers of another danger crowd the reply"
    assert len(dispatcher.messages) == 1  # greeted already: no introduction again


def test_several_dangers_get_every_number_once() -> None:
    _, dispatcher = run(ActionCrisis(), said("crisis_violence", ["violence", "shelter"], GREETED))
    first = dispatcher.messages[0]["text"]
    assert "800 120 002" in first and "19115" in first and first.count("• 112 ") == 1


def test_the_questions_wait_and_every_fact_stays() -> None:
    events, _ = run(ActionCrisis(), said("crisis_suicide", ["suicide"], GREETED, {"age": 40, "district": "Wola"}))
    assert {"event": "active_loop", "name": None, "timestamp": None} in events
    assert slot_events(events) == {"requested_slot": None, "offer": "after_crisis"}


def test_a_quiet_session_introduces_the_assistant_after_the_numbers() -> None:
    _, dispatcher = run(ActionCrisis(), said("crisis_shelter", ["shelter"], QUIET))
    assert "19115" in dispatcher.messages[0]["text"] and dispatcher.messages[1]["text"] == introduction()


def test_a_no_to_the_safety_question_gets_every_number() -> None:
    message = {
        "text": "nie",
        "intent": {"name": "deny", "confidence": 0.9},
        "intent_ranking": [{"name": "deny", "confidence": 0.9}],
        "entities": [],
    }
    state = Tracker(
        "t",
        {n: None for n in DOMAIN["slots"]},
        message,
        GREETED + [{"event": "user", "text": "nie", "parse_data": message}],
        False,
        None,
        {},
        "action_listen",
    )
    assert categories_of(state) == ()
    _, dispatcher = run(ActionCrisis(), state)
    assert all(n in dispatcher.messages[0]["text"] for ns in NUMBERS.values() for n in ns)


def test_unclear_signs_get_the_question_with_the_numbers_under_it() -> None:
    events, dispatcher = run(ActionSafetyCheck(), said("crisis_unsure", ["suicide"], GREETED))
    text = dispatcher.messages[0]["text"]
    assert text.startswith(safety_question_text()) and text.index("116 123") > len(safety_question_text())
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == ["/affirm", "/deny", "/dont_know"]
    assert slot_events(events)["offer"] == "safety_check"
    _, quiet = run(ActionSafetyCheck(), said("crisis_unsure", ["suicide"], QUIET))
    assert len(quiet.messages) == 1, "no introduction burying the question"


def test_session_start_is_quiet_only_when_the_server_says_so() -> None:
    loud = Tracker("t", {"session_started_metadata": None}, {}, [], False, None, {}, "action_listen")
    _, dispatcher = run(ActionSessionStart(), loud)
    assert dispatcher.messages[0]["text"] == greeting()
    quiet = Tracker("t", {"session_started_metadata": {"quiet_start": True}}, {}, [], False, None, {}, "action_listen")
    events, dispatcher = run(ActionSessionStart(), quiet)
    assert dispatcher.messages == [] and events[0]["event"] == "session_started"


def test_the_line_made_for_the_danger_comes_first_and_112_last() -> None:
    _, dispatcher = run(ActionCrisis(), said("crisis_shelter", ["shelter"], GREETED))
    bullets = [line for line in dispatcher.messages[0]["text"].splitlines() if line.startswith("• ")]
    assert bullets[0].startswith("• 19115") and bullets[-1].startswith("• 112 ")


def test_every_crisis_intent_interrupts_the_questions() -> None:
    """The form steps aside for each of the domain's crisis intents (a message in danger is never read
    as an answer, nor told it was not understood), and only for them."""
    from actions.slots import ValidateProfileForm

    crisis = sorted(i for i in DOMAIN["intents"] if isinstance(i, str) and i.startswith("crisis"))
    assert len(crisis) == 5
    waiting = GREETED + [{"event": "action", "name": "action_listen"}]
    for intent in crisis:
        categories = [] if intent == "crisis_unsure" else [intent.removeprefix("crisis_")]
        events, dispatcher = run(ValidateProfileForm(), said(intent, categories, waiting, {"requested_slot": "age"}))
        assert [e["event"] for e in events] == ["action_execution_rejected"] and dispatcher.messages == [], intent
    events, _ = run(ValidateProfileForm(), said("sit_unemployed", [], waiting, {"requested_slot": "age"}))
    assert "action_execution_rejected" not in [e["event"] for e in events]


def test_when_life_may_be_at_risk_now_112_comes_first() -> None:
    _, dispatcher = run(ActionCrisis(), said("crisis_violence", ["violence", "emergency"], GREETED))
    text = dispatcher.messages[0]["text"]
    bullets = [line for line in text.splitlines() if line.startswith("• ")]
    assert bullets[0].startswith("• 112 ") and "800 120 002" in text and text.startswith("Jeśli Tobie albo komuś obok")


def test_nothing_told_yet_means_nothing_to_remember() -> None:
    _, first = run(ActionCrisis(), said("crisis_suicide", ["suicide"], QUIET))
    assert "pamiętam" not in first.messages[0]["text"]
    _, later = run(ActionCrisis(), said("crisis_suicide", ["suicide"], GREETED, {"age": 40}))
    assert "pamiętam" in later.messages[0]["text"]


def test_danger_with_an_answer_in_the_same_message_still_stops_the_questions() -> None:
    """ "wola. nie chce juz zyc" answers the district question and is a cry for help: the form rejects."""
    from actions.slots import ValidateProfileForm

    state = said(
        "crisis_suicide",
        ["suicide"],
        GREETED + [{"event": "action", "name": "action_listen"}],
        {"district": "Wola", "requested_slot": "district"},
    )
    events, dispatcher = run(ValidateProfileForm(), state)
    assert events == [
        {
            "event": "action_execution_rejected",
            "name": "profile_form",
            "policy": None,
            "confidence": None,
            "timestamp": None,
        }
    ]
    assert dispatcher.messages == []


def test_a_danger_written_in_another_language_gets_the_numbers_in_it() -> None:
    """ "я більше не хочу жити" in a Polish conversation (read in Ukrainian by the NLU): the numbers and the
    question must be understood at once, so they come in Ukrainian; the conversation's language stays."""
    for action, intent in ((ActionCrisis(), "crisis_suicide"), (ActionSafetyCheck(), "crisis_unsure")):
        in_ukrainian = run(action, said(intent, ["suicide"], GREETED, {"language": "uk"}))[1].messages
        polish = said(intent, ["suicide"], GREETED, {"language": "pl"})
        assert run(action, polish)[1].messages != in_ukrainian, "the two languages differ"
        polish.latest_message["read_as"] = "uk"
        events, dispatcher = run(action, polish)
        assert dispatcher.messages == in_ukrainian
        assert "language" not in slot_events(events)
        # read as Polish, but the crisis detector read the danger as Ukrainian in Latin letters
        latin = said(intent, ["suicide"], GREETED, {"language": "pl"})
        latin.latest_message.update(read_as="pl", danger_language="uk")
        assert run(action, latin)[1].messages == in_ukrainian
