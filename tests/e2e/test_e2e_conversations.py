"""Whole conversations over the REST channel against the real Rasa and action servers.

Each test asserts the slots through Rasa's tracker API and the recommendation payload the widget
would receive.
"""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from bot.dialogue.prompts import QUESTIONS, asked
from bot.dialogue.questions import EXTENDED
from tests.e2e.talk import answer_until_recommendation, new_sender, payload, texts
from tests.servers import Stack

pytestmark = pytest.mark.e2e


def test_acceptance_person_is_not_asked_again(stack: Stack) -> None:
    sender = new_sender()
    first = stack.say(sender, "Dzień dobry, mam 52 lata, jestem bezrobotny bez zasiłku, mieszkam na Pradze-Północ")
    asked = texts(first)
    for known in ("Ile masz lat", "W której dzielnicy", "zasiłek dla bezrobotnych"):
        assert known not in asked
    slots = stack.slots(sender)
    assert slots["age"] == 52 and slots["district"] == "Praga-Północ" and slots["unemployment_benefit"] is False
    turns = 0
    messages = first
    while not payload(messages):
        question = texts(messages)
        assert (
            "Ile masz lat" not in question
            and "W której dzielnicy" not in question
            and "zasiłek dla bezrobotnych z urzędu" not in question
        )
        reply = "tak" if ("status osoby bezrobotnej" in question or "ośrodka pomocy społecznej" in question) else "nie"
        messages = stack.say(sender, reply)
        turns += 1
        assert turns <= 4
    recommendations = payload(messages)["recommendations"]
    by_id = {r["institution"]: r for r in recommendations}
    assert {"prace_spolecznie_uzyteczne", "prace_interwencyjne"} <= set(by_id["up"]["tools"]) and "ops" in by_id
    assert "Groszkowskiego" in by_id["ops"]["contact"]["address"] or "Brechta" in by_id["ops"]["contact"]["address"]
    slots = stack.slots(sender)
    assert slots["work_status"] == "registered_unemployed" and slots["social_assistance"] is True


def test_disability_path_reaches_zaz(stack: Stack) -> None:
    sender = new_sender()
    messages = stack.say(
        sender, "pracuje, mam orzeczenie o znacznym stopniu niepelnosprawnosci, mieszkam na Mokotowie, mam 34 lata"
    )
    messages = answer_until_recommendation(
        stack,
        sender,
        messages,
        {
            "ośrodka pomocy społecznej": "nie",
            "orzeczenie": "tak",
            "Jaki stopień": "znaczny",
        },
    )
    assert "zaz" in {r["institution"] for r in payload(messages)["recommendations"]}
    slots = stack.slots(sender)
    assert (
        slots["disability_certificate"] is True
        and slots["disability_degree"] == "severe"
        and slots["work_status"] == "employed"
    )


def test_correction_changes_the_answer_and_the_result(stack: Stack) -> None:
    sender = new_sender()
    messages = stack.say(
        sender, "jestem zarejestrowana w urzędzie pracy i dostaję zasiłek, mam 30 lat, mieszkam na Woli"
    )
    messages = answer_until_recommendation(
        stack, sender, messages, {"ośrodka pomocy społecznej": "tak", "orzeczenie": "nie"}
    )
    tools = {t for r in payload(messages)["recommendations"] for t in r["tools"]}
    assert "prace_spolecznie_uzyteczne" not in tools
    messages = stack.say(sender, "jednak nie mam zasiłku")
    assert stack.slots(sender)["unemployment_benefit"] is False
    messages = answer_until_recommendation(
        stack, sender, messages, {"Chcesz?": "nie", "ośrodka pomocy społecznej": "tak"}
    )
    tools = {t for r in payload(messages)["recommendations"] for t in r["tools"]}
    assert "prace_spolecznie_uzyteczne" in tools
    stack.say(sender, "właściwie mam 45 lat")
    assert stack.slots(sender)["age"] == 45


def test_dont_know_and_prefer_not_to_say_never_block(stack: Stack) -> None:
    sender = new_sender()
    messages = stack.say(sender, "nie mam pracy")
    messages = answer_until_recommendation(
        stack,
        sender,
        messages,
        {
            "status osoby bezrobotnej": "nie wiem",
            "sytuacja zawodowa": "wolę nie mówić",
            "ośrodka pomocy społecznej": "nie wiem",
            "Ile masz lat": "wolę nie mówić",
            "W której dzielnicy": "wolę nie mówić",
            "orzeczenie": "wolę nie mówić",
            "zasiłek": "nie wiem",
        },
    )
    slots = stack.slots(sender)
    assert {"age", "district", "social_assistance"} <= set(slots["skipped_questions"])
    assert "age" not in slots and "district" not in slots


def test_question_in_the_middle_of_the_form(stack: Stack) -> None:
    sender = new_sender()
    first = stack.say(sender, "straciłem pracę")
    assert "status osoby bezrobotnej" in texts(first)
    answer = stack.say(sender, "a co to jest CIS?")
    assert "Centrum Integracji Społecznej" in texts(answer)
    assert "status osoby bezrobotnej" in texts(answer), "the pending question is asked again"
    assert stack.tracker(sender)["active_loop"]["name"] == "profile_form"


def test_delete_my_data_removes_the_stored_conversation(stack: Stack) -> None:
    sender = new_sender()
    stack.say(sender, "mam 40 lat i nie mam pracy")
    engine = create_engine(stack.tracker_store_url)
    with engine.connect() as connection:
        before = connection.execute(text("select count(*) from events where sender_id = :s"), {"s": sender}).scalar()
    assert before > 0
    messages = stack.say(sender, "usuń moje dane")
    assert "Czy na pewno" in texts(messages)
    with engine.connect() as connection:
        kept = connection.execute(text("select count(*) from events where sender_id = :s"), {"s": sender}).scalar()
    assert kept >= before, "nothing is deleted before the person confirms"
    messages = stack.say(sender, "tak")
    assert "Usunąłem" in texts(messages)
    with engine.connect() as connection:
        after = connection.execute(text("select count(*) from events where sender_id = :s"), {"s": sender}).scalar()
    assert after == 0
    assert "age" not in stack.slots(sender)


def test_start_over_asks_first_then_forgets_everything(stack: Stack) -> None:
    sender = new_sender()
    stack.say(sender, "mam 40 lat, mieszkam na Ursynowie")
    assert stack.slots(sender)["district"] == "Ursynów"
    messages = stack.say(sender, "zacznijmy od nowa")
    assert "Czy na pewno" in texts(messages) and stack.slots(sender)["district"] == "Ursynów"  # nothing lost yet
    messages = stack.say(sender, "tak")
    assert "od nowa" in texts(messages)
    slots = stack.slots(sender)
    assert "district" not in slots and "age" not in slots


def test_more_questions_after_the_first_recommendation(stack: Stack) -> None:
    sender = new_sender()
    messages = stack.say(sender, "nie mam pracy, nie jestem zarejestrowany, mam 23 lata, mieszkam w Wawrze")
    messages = answer_until_recommendation(
        stack, sender, messages, {"ośrodka pomocy społecznej": "nie", "orzeczenie": "nie"}
    )
    assert "Chcesz?" in texts(messages)
    messages = stack.say(sender, "tak")
    extended = [asked(variant)["text"] for slot in EXTENDED for variant in QUESTIONS[slot]]
    assert any(question in texts(messages) for question in extended)
    assert stack.slots(sender)["questions_phase"] == "extended"
