"""Safety first, on the real stack: the right numbers are the first thing a person in danger reads.

Over the REST channel and over socket.io (the chat widget's channel), as the first message of a
conversation (before any greeting) and in the middle of the interview (as the answer to a
question); then the interview resumes with every fact kept, and nothing about the crisis is
stored as a profile fact. After a danger to life the questions wait for the person; with no roof
tonight they go on in the same turn, the block of numbers comes once a session and "no phone"
gets a place to walk into (issue 13).
"""

from __future__ import annotations

import asyncio
from typing import Callable

import pytest

from bot.dialogue.prompts import greeting
from bot.dialogue.safety import ACUTE, go_on, lead, safety_question_text
from bot.messages import text
from tests.e2e.talk import SocketIOPerson, answer_until_recommendation, new_sender, payload, texts
from tests.servers import Stack

pytestmark = pytest.mark.e2e

NUMBERS = {
    "suicide": ["116 123", "800 70 2222", "112"],
    "violence": ["800 120 002", "112"],
    "shelter": ["19115", "112"],
    "emergency": ["112"],
}
# The messages the issue found missed, as people in a crisis write them.
EXAMPLES = [
    ("nie dam rady dłużej, to koniec", "suicide"),
    ("jestem na moście i nie wiem co robić", "suicide"),
    ("spie na dworcu od tygodnia i zamarzam", "shelter"),
    ("nie widzę sensu, chcę zniknąć na zawsze", "suicide"),
    ("ktoś mi grozi śmiercią", "emergency"),
    ("ojciec pijany rzuca się na nas z pięściami", "violence"),
]
# Probed (sixteenth session): a danger told beside the person's situation got no numbers. In Polish a time
# reaching the whole sentence ("od roku") made the wish ("lepiej by było, gdyby mnie nie było") past; in
# English the classifier read the situation ("no job for 2 years") as calm and vetoed "I want to die".
BESIDE_THE_SITUATION = [
    "nie mam pracy od roku, dlugi, juz nie mam sily, czasem mysle ze lepiej by bylo gdyby mnie nie bylo",
    "I have no job for 2 years and I want to die",
]
PROFILE_KEYS_WITH_CRISIS = ("crisis", "suicide", "violence", "danger")


def has_numbers(text: str, category: str) -> bool:
    """The category's numbers. An emergency's only number, 112, ends every crisis reply, so for an
    emergency the reply must also be the emergency's: its lead (and 112 first) comes only with one."""
    if category == "emergency" and not text.startswith(lead("emergency")):
        return False
    return all(number in text for number in NUMBERS[category])


def start_interview(say: Callable[[str, str], list[dict]], sender: str) -> None:
    """Two turns of the interview, so that the next message is the answer to a question."""
    first = texts(say(sender, "nie mam pracy"))
    assert "status osoby bezrobotnej" in first, first
    assert "zasiłek" in texts(say(sender, "tak"))


@pytest.mark.parametrize(("message", "category"), EXAMPLES)
def test_rest_first_message_gets_the_numbers_before_anything(stack: Stack, message: str, category: str) -> None:
    sender = new_sender()
    replies = stack.say(sender, message)
    assert has_numbers(replies[0]["text"], category), replies[0]["text"]
    assert greeting() not in texts(replies), "the cheerful greeting never comes in a crisis"


@pytest.mark.parametrize("message", BESIDE_THE_SITUATION)
def test_a_danger_told_beside_the_situation_gets_the_numbers(stack: Stack, message: str) -> None:
    said = [r["text"] for r in stack.say(new_sender(), message) if r.get("text")]  # after the widget's language
    assert has_numbers(said[0], "suicide"), said


@pytest.mark.parametrize(("message", "category"), EXAMPLES)
def test_rest_mid_interview_answer_gets_the_numbers_first(stack: Stack, message: str, category: str) -> None:
    sender = new_sender()
    start_interview(stack.say, sender)
    replies = stack.say(sender, message)
    assert has_numbers(replies[0]["text"], category), replies[0]["text"]
    loop = stack.tracker(sender)["active_loop"]
    if category in ACUTE:
        assert not loop, "after a danger to life the questions wait"
    else:
        assert loop and loop["name"] == "profile_form", "with no roof the questions go on"
        assert "zasiłek" in texts(replies[1:]), "the pending question follows the numbers in the same turn"


def test_no_roof_as_the_first_message_numbers_then_the_first_question(stack: Stack) -> None:
    sender = new_sender()
    replies = stack.say(sender, "spie na dworcu od tygodnia i zamarzam, mam 50 lat")
    assert has_numbers(replies[0]["text"], "shelter"), replies[0]["text"]
    assert go_on() in texts(replies) and greeting() not in texts(replies)
    tracker = stack.tracker(sender)
    assert tracker["active_loop"]["name"] == "profile_form" and tracker["slots"]["requested_slot"], texts(replies)
    assert tracker["slots"]["age"] == 50


def test_the_shelter_block_comes_once_and_no_phone_gets_a_place_to_go(stack: Stack) -> None:
    sender = new_sender()
    first = stack.say(sender, "spie na dworcu od tygodnia i zamarzam")
    assert first[0]["text"].startswith(lead("shelter"))
    again = stack.say(sender, "nie mam telefonu, dalej spie na dworcu")
    assert again[0]["text"].startswith(text("safety.reminder")) and "19115" in again[0]["text"], again[0]["text"]
    assert lead("shelter") not in texts(again), "the whole block does not come again"
    assert "ośrodka pomocy społecznej" in again[0]["text"]
    alone = texts(stack.say(sender, "nie mam telefonu"))
    assert "ośrodka pomocy społecznej" in alone and "19115" not in alone, alone


@pytest.mark.parametrize(("message", "category"), EXAMPLES)
def test_socketio_first_message_and_mid_interview(stack: Stack, message: str, category: str) -> None:
    person = SocketIOPerson(stack.rasa)
    [first] = asyncio.run(person.conversation([message]))
    assert has_numbers(first[0].get("text", ""), category), first
    assert greeting() not in texts(first)
    *interview, crisis = asyncio.run(person.conversation(["nie mam pracy", "tak", message]))
    assert "zasiłek" in texts(interview[-1])
    assert has_numbers(crisis[0].get("text", ""), category), crisis


def test_the_interview_resumes_with_every_fact_kept(stack: Stack) -> None:
    sender = new_sender()
    stack.say(sender, "mam 45 lat, nie mam pracy, mieszkam na Woli")
    stack.say(sender, "tak")  # registered
    crisis = stack.say(sender, "nie dam rady dłużej, to koniec")
    assert has_numbers(crisis[0]["text"], "suicide")
    kept = stack.slots(sender)
    assert kept["age"] == 45 and kept["district"] == "Wola" and kept["work_status"] == "registered_unemployed"
    assert not any(word in key for key in kept for word in PROFILE_KEYS_WITH_CRISIS)
    resumed = stack.say(sender, "ok")
    assert "Wracamy" in texts(resumed) and "zasiłek" in texts(resumed), texts(resumed)
    messages = answer_until_recommendation(
        stack,
        sender,
        resumed,
        {
            "zasiłek": "nie",
            "ośrodka pomocy społecznej": "tak",
            "orzeczenie": "nie",
        },
    )
    assert {"ops", "up"} <= {r["institution"] for r in payload(messages)["recommendations"]}
    slots = stack.slots(sender)
    assert slots["age"] == 45 and slots["district"] == "Wola"


def test_a_new_fact_after_the_numbers_also_resumes(stack: Stack) -> None:
    sender = new_sender()
    stack.say(sender, "ojciec pijany rzuca się na nas z pięściami")
    replies = stack.say(sender, "mam 19 lat i szukam pracy")
    assert stack.slots(sender)["age"] == 19
    assert stack.tracker(sender)["active_loop"]["name"] == "profile_form", texts(replies)


def test_unclear_signs_get_the_question_and_a_no_gets_every_number(stack: Stack) -> None:
    sender = new_sender()
    start_interview(stack.say, sender)
    asked = stack.say(sender, "/crisis_unsure")  # what the detector sets when the signs are unclear
    assert asked[0]["text"].startswith(safety_question_text()) and "112" in asked[0]["text"]
    assert [b["payload"] for b in asked[0]["buttons"]] == ["/affirm", "/deny", "/dont_know"]
    numbers = stack.say(sender, "nie")
    assert all(number in numbers[0]["text"] for category in NUMBERS.values() for number in category)


def test_safe_after_the_question_goes_back_to_the_pending_question(stack: Stack) -> None:
    sender = new_sender()
    start_interview(stack.say, sender)
    stack.say(sender, "/crisis_unsure")
    back = stack.say(sender, "tak")
    assert "Wracamy" in texts(back) and "zasiłek" in texts(back), texts(back)
    assert stack.slots(sender)["work_status"] == "registered_unemployed"
