"""What the conversation fuzzer's long run found the fact reader taking for the person's answers
(benchmarks/fuzz, docs/benchmarks.md "Conversation fuzzer"): small talk, a pet's age and years of
experience read as answers to the question on the screen."""

from __future__ import annotations

import pytest

from bot.dialogue.patterns import asks, facts_from_text, other_durations, repaired
from tests.turns import entity, updates


@pytest.mark.parametrize(
    ("text", "intent", "asked"),
    [
        ("jak się masz?", "affirm", "unemployment_benefit"),
        ("jak sie masz", "affirm", "able_to_work"),
        ("a czy to coś zmienia?", "deny", "social_assistance"),
        ("co to znaczy?", "affirm", "disability_certificate"),
    ],
)
def test_a_question_read_as_yes_or_no_answers_nothing(text: str, intent: str, asked: str) -> None:
    assert updates(text, intent, asked=asked) == {}


@pytest.mark.parametrize(
    ("text", "intent", "asked", "expected"),
    [
        ("tak", "affirm", "social_assistance", {"social_assistance": True}),
        ("nie, a czemu pytasz?", "deny", "social_assistance", {"social_assistance": False}),
        ("tak?", "affirm", "social_assistance", {"social_assistance": True}),
    ],
)
def test_yes_and_no_still_answer(text: str, intent: str, asked: str, expected: dict) -> None:
    assert updates(text, intent, asked=asked) == expected


def test_a_pets_age_is_not_the_persons() -> None:
    text = "mój kot ma 16 lat, czy to dużo?"
    assert "age" not in updates(text, "inform_age", asked="age", entities=(entity(text, "16", "age", "16"),))
    assert "age" not in updates("pies ma 3 lata", "inform_age", asked="age")


@pytest.mark.parametrize(
    ("text", "asked"),
    [
        ("mam 20 lat doświadczenia w handlu", "age"),
        ("mam 20 lat doświadczenia w handlu", "cis_kis_months"),
        ("15 lat stażu pracy", "cis_kis_months"),
        ("2 lata temu", "cis_kis_months"),
    ],
)
def test_years_of_something_else_are_no_age_and_no_time_in_a_cis(text: str, asked: str) -> None:
    number = text.split()[1] if text.startswith("mam") else text.split()[0]
    name = "age" if asked == "age" else "duration"
    found = updates(text, "inform", asked=asked, entities=(entity(text, number, name, number),))
    assert asked not in found


def test_the_age_and_the_time_in_a_cis_still_read() -> None:
    assert updates("mam 45 lat i 20 lat doświadczenia", "inform_age", asked="age")["age"] == 45
    assert updates("8 miesięcy", "inform", asked="cis_kis_months") == {"cis_kis_months": 8}
    assert updates("45", "inform_age", asked="age") == {"age": 45}


def test_the_shared_question_reader() -> None:
    assert asks("jak się masz") and asks("a co to jest socjal") and asks("mam 45 lat?")
    assert not asks("mam 45 lat") and not asks("tak, korzystam")
    assert other_durations("mam 20 lat doświadczenia") == [(4, 24)]
    assert other_durations("mam 52 lata") == []


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("dlateog", "dlatego"),
        ("zarejestorwany", "zarejestrowany"),
        ("bezrobtony", "bezrobotny"),
        ("mieszakm", "mieszkam"),
    ],
)
def test_two_swapped_letters_are_read_as_the_word_meant(typed: str, meant: str) -> None:
    assert repaired(typed) == meant


@pytest.mark.parametrize("word", ["zasilku", "pracowac", "qwerty", "Bemowo", "niepełnosprawność", "tak"])
def test_words_and_unknown_strings_stay_as_they_are(word: str) -> None:
    assert repaired(word) == word


def test_caring_keeps_them_from_work_even_with_a_typo_in_dlatego() -> None:
    text = "Opiekuję się mamą po wylewie, dlateog nie mogę pracować na etat. Mam 55 lat, mieszkam na Bemowie."
    assert facts_from_text(text) == {"carer": True, "age": 55, "district": "Bemowo"}
    assert facts_from_text("jestem zarejestorwany w urzedzie pracy") == {"work_status": "registered_unemployed"}


def test_not_working_is_no_answer_to_the_registration_question() -> None:
    """The long run's seed 7, conversation 1060: "nie pracuję" to "Czy masz status osoby bezrobotnej…?"."""
    assert "work_status" not in updates("nie pracuję", "deny", asked="work_status", slots={"jobless": True})
    # and longer ways of saying it (found by a code review: only the exact short sentence was covered)
    for text in ("nie pracuję od roku", "nie mam pracy od pół roku"):
        assert "work_status" not in updates(text, "deny", asked="work_status", slots={"jobless": True})
    assert updates("nie", "deny", asked="work_status", slots={"jobless": True}) == {
        "work_status": "jobless_unregistered"
    }


def test_a_number_of_children_is_no_time_in_a_cis() -> None:
    """Seed 7, conversation 1647: "mam troje dzeici i męża" answering how long the CIS took."""
    assert updates("mam troje dzeici i męża", "inform", asked="cis_kis_months") == {}
    assert updates("jakieś 5", "inform", asked="cis_kis_months") == {"cis_kis_months": 5}


def test_the_nlus_no_job_does_not_end_a_job_the_person_told_of() -> None:
    """Seed 7, conversation 1273: someone who works writes "nie mam zasłiku dla bezrobotnych"."""
    working = {"work_status": "employed"}
    assert "work_status" not in updates("nie mam zasłiku dla bezrobotnych", "sit_unemployed", slots=working)
    assert updates("straciłem pracę", "sit_unemployed", slots=working)["work_status"] is None
