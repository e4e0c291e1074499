"""What the residents' round of 2026-11-29 (fourth) found (/work/notes is not in the repository; each
case is written here): a wish to go on read as the end of the talk, registration denied in words
the patterns missed, an answer told again, and "pytam o syna"."""

from __future__ import annotations

import pytest

from bot.dialogue.facts import leading_answer
from bot.dialogue.patterns import facts_from_text, wants_to_go_on
from bot.rasa_server.side_questions import going_on


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("wrocmy do rozmowy", "goodbye"),
        ("Wróćmy do rozmowy", "goodbye"),
        ("no dobra, wracajmy", "goodbye"),
        ("ok to pogadajmy o pracy", "ask_human"),
        ("chce dalej odpowiadac na pytania", "deny"),
    ],
)
def test_a_wish_to_go_on_resumes_the_questions(text: str, read_as: str) -> None:
    parsed = going_on({"text": text, "intent": {"name": read_as, "confidence": 0.7}})
    assert parsed["intent"]["name"] == "request_advice"


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("nie wracajmy do tego", "deny"),
        ("do widzenia", "goodbye"),
        ("chcę porozmawiać z człowiekiem", "ask_human"),
        ("/goodbye", "goodbye"),
        ("dalej nie mam pracy", "sit_jobless"),  # "dalej" is "still" here, and the NLU read it right
    ],
)
def test_other_messages_keep_their_reading(text: str, read_as: str) -> None:
    assert going_on({"text": text, "intent": {"name": read_as, "confidence": 0.7}})["intent"]["name"] == read_as
    assert not wants_to_go_on("nie wracajmy do tego")


@pytest.mark.parametrize(
    "text",
    [
        "nie robie nic od roku i pol, nie jestem w posredniaku",
        "no przeciez pisze ze nie pracuje i nie jestem w urzedzie",
        "nie jestem w urzędzie pracy",
        "nie jestem w UP",
    ],
)
def test_not_registered_in_the_words_people_use(text: str) -> None:
    assert facts_from_text(text)["work_status"] == "jobless_unregistered"


def test_being_at_the_office_says_nothing_of_registration() -> None:
    assert "work_status" not in facts_from_text("jestem w urzędzie pracy teraz")


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("przeciez napisalam ze nie", "deny"),
        ("Przecież pisałam, że nie.", "deny"),
        ("no już mówiłem że tak", "affirm"),
    ],
)
def test_an_answer_told_again(text: str, answer: str) -> None:
    assert leading_answer(text) == answer


def test_asking_about_a_son_is_asking_for_him() -> None:
    """The person the question is about is the one advised, as with "pytam za syna"."""
    assert facts_from_text("pytam o syna, ma orzeczenie") == {"disability_certificate": True}
