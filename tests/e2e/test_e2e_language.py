"""The conversation's language against the real Rasa and action servers (issue 14, CONTRACT section 6)."""

from __future__ import annotations

import re

import pytest

from bot.codes import read_conversation
from bot.dialogue.prompts import QUESTIONS, asked
from bot.knowledge.db import make_engine
from bot.messages import text
from bot.profile import PROFILE_KEYS
from tests.e2e.talk import new_sender
from tests.servers import Stack

pytestmark = pytest.mark.e2e
CYRILLIC = re.compile(r"[а-яіїєґ]", re.IGNORECASE)


def said(messages: list[dict]) -> list[str]:
    return [m["text"] for m in messages if m.get("text")]


def signals(messages: list[dict]) -> list[str]:
    return [
        m["custom"]["language"] for m in messages if isinstance(m.get("custom"), dict) and "language" in m["custom"]
    ]


def questions_in(lang: str) -> set[str]:
    return {asked(variant, lang)["text"] for variants in QUESTIONS.values() for variant in variants}


def test_a_conversation_begun_in_ukrainian_is_answered_in_ukrainian(stack: Stack) -> None:
    sender = new_sender()
    first = stack.say(sender, "Добрий день, я втратила роботу і не знаю, куди звернутися у Варшаві")
    # the REST channel sends each paragraph of a text as its own message
    assert "\n\n".join(said(first)[:2]) == text("reply.greeting", "uk"), "the greeting is already in Ukrainian"
    assert signals(first) == ["uk"], "the widget is told once"
    assert all(CYRILLIC.search(line) for line in said(first)), said(first)
    assert stack.slots(sender)["language"] == "uk"
    later = stack.say(sender, "34")  # short: keeps the language
    assert said(later) and all(CYRILLIC.search(line) for line in said(later)), said(later)
    assert stack.slots(sender)["language"] == "uk"


def test_a_conversation_begun_in_latin_letter_ukrainian_is_answered_in_ukrainian(stack: Stack) -> None:
    """lingua reads Ukrainian in Latin letters as Polish; the NLU's router knows it (the thirteenth session's
    probe: such a person got Polish questions, and the crisis numbers in Polish)."""
    sender = new_sender()
    first = stack.say(sender, "pryvit, ja szukaju robotu w Warszawi, meni 34 roky")
    assert "\n\n".join(said(first)[:2]) == text("reply.greeting", "uk"), said(first)
    assert signals(first) == ["uk"] and stack.slots(sender)["language"] == "uk"
    assert stack.slots(sender)["age"] == 34
    in_danger = new_sender()
    numbers = stack.say(in_danger, "ja ne choczu bilsze żyty, sohodni wse skinczu, tabletky wże kupyła")
    assert said(numbers) and "116 123" in said(numbers)[0] and CYRILLIC.search(said(numbers)[0]), said(numbers)
    assert stack.slots(in_danger)["language"] == "uk"


def test_latin_letter_ukrainian_answers_keep_their_negation_and_their_district(stack: Stack) -> None:
    """Probed (fourteenth and fifteenth sessions): "ne zarejestrowana …" was stored as registered, and a
    district in Ukrainian Latin spelling was not stored at all."""
    sender = new_sender()
    stack.say(sender, "Привіт, я з України, шукаю роботу")
    stack.say(sender, "ne zarejestrowana w urzedzie pracy")
    stack.say(sender, "zhyvu na Pradzi Pivnich")
    slots = stack.slots(sender)
    assert slots["work_status"] == "jobless_unregistered" and slots["district"] == "Praga-Północ", slots
    english = new_sender()
    stack.say(english, "hi, i lost my job last month and i live in Żoliborz near the park")
    assert stack.slots(english)["language"] == "en"


def test_switching_language_midway_keeps_every_fact(stack: Stack) -> None:
    sender = new_sender()
    stack.say(sender, "Dzień dobry, mam 45 lat, jestem zarejestrowany w urzędzie pracy, mieszkam na Woli")
    before = stack.slots(sender)
    facts = {k: before[k] for k in PROFILE_KEYS if before.get(k) is not None}
    assert {"age", "work_status", "district"} <= set(facts)

    english = stack.say(sender, "in English please")
    assert said(english)[0] == text("reply.language_switched", "en") and signals(english) == ["en"]
    assert set(said(english)[1:]) <= questions_in("en") and said(english)[1:], "the question again, in English"
    after = stack.slots(sender)
    assert after["language"] == "en" and {k: after[k] for k in facts} == facts

    stack.say(sender, "/request_summary")  # the summary code keeps the language, for the staff console
    code = stack.slots(sender)["summary_code"]
    assert read_conversation(make_engine(stack.database_url), code) == (facts, "en")

    polish = stack.say(sender, "po polsku")
    assert said(polish)[0] == text("reply.language_switched", "pl") and signals(polish) == ["pl"]
    assert set(said(polish)[1:]) <= questions_in("pl")
    again = stack.slots(sender)
    assert again["language"] == "pl" and {k: again[k] for k in facts} == facts


def test_a_russian_opening_gets_the_three_languages_as_buttons(stack: Stack) -> None:
    sender = new_sender()
    first = stack.say(sender, "Здравствуйте, я потерял работу и не знаю что делать")
    offer = next(m for m in first if m.get("text") == text("response.utter_offer_languages"))
    assert [b["title"] for b in offer["buttons"]] == ["Polski", "Українська", "English"]
    assert stack.slots(sender).get("language") is None, "no language of ours was chosen"
    chosen = stack.say(sender, offer["buttons"][1]["payload"])
    assert said(chosen)[0] == text("reply.language_switched", "uk") and signals(chosen) == ["uk"]
    assert stack.slots(sender)["language"] == "uk"


def test_a_first_message_in_danger_gets_the_numbers_in_its_language(stack: Stack) -> None:
    """Issue 14, point 5: the numbers first, in Ukrainian, each line that answers only in Polish flagged."""
    sender = new_sender()
    replies = said(stack.say(sender, "Я більше не хочу жити, сьогодні все закінчу. Що мені робити?"))
    numbers = "\n".join(replies)
    assert "116 123" in numbers and "112" in numbers, replies
    assert text("safety.line_in_polish", "uk") in numbers, "the call will be in Polish: said before dialling"
    assert replies[0].startswith(text("safety.lead.suicide", "uk")), replies
    assert stack.slots(sender)["language"] == "uk"


@pytest.mark.parametrize(
    ("opening", "danger", "go_on"),
    [
        (
            "Мені 30 років, живу на Охоті, роботи нема",
            "чоловік мене бє, я боюсь",
            "ми зараз у сестри, все добре. що далі?",
        ),
        (
            "I'm 30, I live in Ochota and I lost my job",
            "my husband hits me, im scared",
            "thanks, we are safe now. what next?",
        ),
    ],
)
def test_going_on_after_the_crisis_numbers_resumes_the_questions_in_ukrainian_and_english(
    stack: Stack, opening: str, danger: str, go_on: str
) -> None:
    """Eleventh session: the Ukrainian wish to go on got "Я не впевнений…" and the topic menu (Polish words only)."""
    sender = new_sender()
    stack.say(sender, opening)
    lang = stack.slots(sender)["language"]
    numbers = said(stack.say(sender, danger))
    assert "112" in "\n".join(numbers), numbers
    reply = said(stack.say(sender, go_on))
    assert set(reply) & questions_in(lang), f"no question asked after: {reply}"
    assert stack.slots(sender)["age"] == 30 and stack.slots(sender)["language"] == lang


def test_a_conversation_misread_from_its_first_message_follows_the_person(stack: Stack) -> None:
    """The fuzzer's "co mi poleacsz?" was taken for English and the whole conversation stayed English, every
    later Polish message read by the English model ("nie mam żadnego orzeczenia" answered another question)."""
    sender = new_sender()
    stack.say(sender, "co mi poleacsz?")
    assert stack.slots(sender)["language"] == "en", "lingua's reading of the typo (the premise of this test)"
    once = stack.say(sender, "jakie instytucje mogą mi pomóc?")
    assert stack.slots(sender)["language"] == "en" and not signals(once), "one Polish message is not enough"
    twice = stack.say(sender, "nie mam pracy i nie jestem zarejestrowany w urzędzie")
    assert signals(twice) == ["pl"] and stack.slots(sender)["language"] == "pl"
    assert set(said(twice)) & questions_in("pl"), said(twice)
    assert stack.slots(sender)["work_status"] == "jobless_unregistered"
