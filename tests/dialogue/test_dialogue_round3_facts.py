"""Facts lost or misread in the third round of people writing to the bot (issue 13): a prison the
NLU guessed from "w warunkach chronionych", a mother's certificate taken for the writer's answer,
facts lost from first messages, and a prison's district taken for the home."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.dialogue.facts import INTENT_NEEDS, leading_answer
from bot.dialogue.patterns import facts_from_text, mentions
from bot.facts_registry import registry
from tests.turns import entity, updates

ROOT = Path(__file__).resolve().parents[2]


# ---------------------------------------------------------------- 1. a prison nobody mentioned


@pytest.mark.parametrize(
    "text, asked",
    [
        ("w warunkach chronionych tak", "able_to_work"),  # the NLU: sit_left_prison 0.52
        ("w warunkach chronionych tak", "sensitive_topics"),
        ("w warunkach chronionych", None),  # the NLU: sit_left_prison 0.79
    ],
)
def test_the_nlus_prison_guess_without_a_prison_word_sets_nothing(text: str, asked: str | None) -> None:
    assert "left_prison" not in updates(text, "sit_left_prison", asked=asked, confidence=0.79)


def test_sheltered_work_yes_answers_whether_health_allows_work() -> None:
    assert updates("w warunkach chronionych tak", "sit_left_prison", asked="able_to_work", confidence=0.52) == {
        "able_to_work": True
    }


@pytest.mark.parametrize("text", ["jestem na warunkowym", "dopiero co wyszedłem z pudła", "siedziałem na Białołęce"])
def test_the_nlus_prison_intent_still_counts_with_a_prison_word(text: str) -> None:
    assert updates(text, "sit_left_prison").get("left_prison") is True


def test_the_prison_button_needs_no_word() -> None:
    assert updates("/sit_left_prison", "sit_left_prison", confidence=1.0, asked="sensitive_topics")["left_prison"]


def test_every_training_example_of_an_intent_with_needed_words_has_them() -> None:
    """The words that INTENT_NEEDS asks for (a prison, an addiction) must not lose a way people really say it."""
    needs = {i: set(facts) & set(INTENT_NEEDS) for i, facts in registry().intent_facts().items()}
    examples = []
    for path in (ROOT / "data" / "nlu").rglob("*.yml"):
        for item in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            for key in needs.get(item.get("intent"), ()):
                examples += [(line[2:], key) for line in item["examples"].splitlines() if line.startswith("- ")]
    assert len(examples) > 100
    missing = [(e, key) for e, key in examples if not mentions(e, INTENT_NEEDS[key])]
    assert not missing, missing


@pytest.mark.parametrize(
    "text, intent, asked",
    [
        ("nie, to nie o więzienie chodzi", "sit_left_prison", "cis_kis_months"),
        ("nie siedziałem", "sit_left_prison", None),
        ("syn nie siedział", "sit_left_prison", "life_situations"),
        ("to nie chodzi o więzienie", "deny", None),
    ],
)
def test_a_protest_takes_the_prison_back(text: str, intent: str, asked: str | None) -> None:
    found = updates(text, intent, asked=asked, confidence=0.4, slots={"left_prison": True})
    assert found.get("left_prison") is False
    assert "cis_kis_months" not in found  # "nie, to nie o więzienie chodzi" is no "nie" to the open question


def test_a_suspended_sentence_is_no_prison() -> None:
    assert updates("mam wyrok w zawieszeniu", "sit_left_prison", confidence=0.9) == {"left_prison": False}
    assert updates("siedziałem 2 lata, teraz mam wyrok w zawieszeniu", "sit_left_prison")["left_prison"] is True


def test_talking_about_prison_states_no_prison() -> None:
    assert "left_prison" not in facts_from_text("chodzi o więzienie?")
    assert "left_prison" not in facts_from_text("czy to chodzi o więzienie")


# ---------------------------------------------------------------- 2. the writer and the person written about


@pytest.mark.parametrize("text", ["ja nie, mama ma, znaczny", "ja? nie, ja nie mam", "a ja nie"])
def test_ja_nie_is_the_writers_own_no(text: str) -> None:
    assert leading_answer(text) == "deny"
    found = updates(
        text,
        "sit_unable_to_work",
        asked="disability_certificate",
        confidence=0.5,
        entities=(entity(text, "znaczny", "disability_degree", "severe"),) if "znaczny" in text else (),
    )
    assert found == {"disability_certificate": False}


def test_the_writers_age_is_read_and_the_mothers_is_not() -> None:
    text = "mam 52 lata, mama 78"
    ages = (entity(text, "52", "age", "52"), entity(text, "78", "age", "78"))
    assert updates(text, "inform_age", entities=ages) == {"age": 52}
    assert updates(text, "inform_age", entities=ages, asked="age") == {"age": 52}
    assert updates("mama 78, ja mam 52", "inform_age", asked="age")["age"] == 52


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # "pracuje" in a message with Polish letters is the son's, not the writer's "pracuję"
            "Mój syn ma 24 lata i orzeczenie, nie pracuje. Mieszkamy na Bemowie.",
            {"district": "Bemowo"},
        ),
        (
            "Mój syn ma 24 lata i orzeczenie, ja nie pracuję. Mieszkamy na Bemowie.",
            {"jobless": True, "district": "Bemowo"},
        ),
        (  # writing for the son: the son is the one advised, as with "pytam za syna"
            "Dzień dobry, piszę w sprawie syna, ma orzeczenie o umiarkowanym stopniu, nie pracuje.",
            {"disability_certificate": True, "disability_degree": "moderate", "jobless": True},
        ),
        ("piszę w sprawie stażu, mój syn ma orzeczenie", {}),
    ],
)
def test_whose_work_and_certificate(text: str, expected: dict[str, Any]) -> None:
    assert facts_from_text(text) == expected


@pytest.mark.parametrize(
    "text, expected", [("ja nie wiem", "dont_know"), ("no nie wiem, chyba tak", "dont_know"), ("a co jeśli tak?", None)]
)
def test_doubt_is_neither_yes_nor_no(text: str, expected: str | None) -> None:
    assert leading_answer(text) == expected


# ---------------------------------------------------------------- 3. facts lost from first messages


@pytest.mark.parametrize(
    "text, expected",
    [
        ("mam rejestracje w up", {"work_status": "registered_unemployed"}),
        ("jestem po rejestracji w urzędzie pracy", {"work_status": "registered_unemployed"}),
        ("nie mam rejestracji w urzedzie", {"work_status": "jobless_unregistered"}),
        ("biorę socjal z opsu", {"social_assistance": True}),
        ("biore zasilek z mopsu", {"social_assistance": True}),
        ("bemowo", {"district": "Bemowo"}),
        ("52 roku", {"age": 52}),
        ("mam 52 roku, nie pracuje", {"age": 52, "jobless": True}),
        ("po 20 latach zwolnili mnie, jestem zarejestrowany", {"work_status": "registered_unemployed"}),
        ("po 20 latach pracy zwolnili mnie", {"jobless": True}),
        (
            "po 2 latach bez pracy jestem zarejestrowany",
            {"work_status": "registered_unemployed", "long_term_unemployed": True},
        ),
        ("siedziałem na Białołęce", {"left_prison": True}),
        ("wyszedłem z aresztu na Służewcu", {"left_prison": True}),
        ("wyszedłem z aresztu na Służewcu, mieszkam na Bemowie", {"left_prison": True, "district": "Bemowo"}),
        ("leczę się w szpitalu na Bielanach", {}),
    ],
)
def test_first_message_facts(text: str, expected: dict[str, Any]) -> None:
    assert facts_from_text(text) == expected


@pytest.mark.parametrize(
    "text, word, district, intent",
    [
        ("wyszedłem z aresztu na Służewcu", "Służewcu", "Mokotów", "sit_left_prison"),
        ("siedziałem na Białołęce", "Białołęce", "Białołęka", "inform_district"),
    ],
)
def test_a_prisons_district_is_no_home(text: str, word: str, district: str, intent: str) -> None:
    for asked in (None, "district"):
        found = updates(text, intent, asked=asked, confidence=0.5, entities=(entity(text, word, "district", district),))
        assert "district" not in found, (asked, found)
        assert found.get("left_prison") is True


def test_a_bare_district_answers_any_question() -> None:
    text = "bemowo"
    for asked in (None, "age", "district", "work_status"):
        found = updates(text, "inform_district", asked=asked, entities=(entity(text, "bemowo", "district", "Bemowo"),))
        assert found == {"district": "Bemowo"}


@pytest.mark.parametrize(
    "text", ["dostałam pismo z ZGN, wypowiedzą mi umowę", "ZGN chce mi wypowiedzieć umowę najmu", "boję się eksmisji"]
)
def test_a_notice_or_an_eviction_to_come_is_a_housing_problem_now(text: str) -> None:
    assert facts_from_text(text).get("housing_problem") is True


def test_a_job_contract_ended_is_no_housing_problem() -> None:
    assert "housing_problem" not in facts_from_text("wypowiedzieli mi umowę o pracę")
