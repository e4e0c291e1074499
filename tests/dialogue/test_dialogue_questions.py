"""The order of questions: only what can change the result, never twice, never before its prerequisite."""

from __future__ import annotations

import pytest

from bot.dialogue.prompts import QUESTIONS, question_for, typed_button
from bot.dialogue.questions import CORE, GROUPS, SKIPPED_SLOT, next_question, remaining_after_core
from bot.eligibility import recommend
from bot.knowledge.catalogue import Catalogue
from bot.messages import text
from tests.turns import updates


def ask(catalogue: Catalogue, slots: dict, extended: bool = False) -> str | None:
    profile = {k: v for k, v in slots.items() if k not in (SKIPPED_SLOT, "jobless", *GROUPS)}
    return next_question(recommend(profile, catalogue)["missing"], slots, extended)


def plain_answer(question: str) -> object:
    """A "no"-like answer to any question: none of the situations applies."""
    return (
        "answered" if question in GROUPS else {"age": 40, "district": "Wola", "cis_kis_months": 0}.get(question, False)
    )


def test_first_question_is_about_work(catalogue: Catalogue) -> None:
    assert ask(catalogue, {}) == "work_status"


def test_acceptance_person_is_not_asked_known_things(catalogue: Catalogue) -> None:
    slots = {"age": 52, "district": "Praga-Północ", "unemployment_benefit": False, "jobless": True}
    asked = []
    answers = {"work_status": "registered_unemployed", "social_assistance": True, "disability_certificate": False}
    while (question := ask(catalogue, slots)) is not None:
        assert question not in asked and question in answers
        asked.append(question)
        slots[question] = answers[question]
    assert asked == ["work_status", "social_assistance", "disability_certificate"]


def test_no_benefit_question_for_someone_employed(catalogue: Catalogue) -> None:
    slots = {"work_status": "employed"}
    questions = []
    while (question := ask(catalogue, slots, extended=True)) is not None:
        questions.append(question)
        slots[question] = plain_answer(question)
    assert "unemployment_benefit" not in questions and "long_term_unemployed" not in questions


def test_skipped_questions_are_not_asked_again(catalogue: Catalogue) -> None:
    assert ask(catalogue, {SKIPPED_SLOT: ["work_status"]}) != "work_status"


def test_degree_only_after_a_certificate(catalogue: Catalogue) -> None:
    slots = {
        "work_status": "employed",
        "social_assistance": False,
        "age": 30,
        "district": "Wola",
        "disability_certificate": True,
    }
    assert ask(catalogue, slots, extended=True) == "disability_degree"
    slots["disability_certificate"] = False
    assert ask(catalogue, slots, extended=True) != "disability_degree"


def test_core_then_offer_of_more(catalogue: Catalogue) -> None:
    slots = {
        "work_status": "registered_unemployed",
        "unemployment_benefit": False,
        "social_assistance": True,
        "age": 52,
        "district": "Wola",
        "disability_certificate": False,
    }
    assert ask(catalogue, slots) is None
    remaining = remaining_after_core(recommend(slots, catalogue)["missing"], slots)
    assert remaining and set(remaining).isdisjoint(CORE)
    assert "sensitive_topics" in remaining


@pytest.mark.parametrize("group", sorted(GROUPS))
def test_answered_group_is_not_asked_again(catalogue: Catalogue, group: str) -> None:
    slots = {"work_status": "jobless_unregistered", group: "answered"}
    seen = set()
    while (question := ask(catalogue, slots, extended=True)) is not None:
        assert question != group and question not in seen
        seen.add(question)
        slots[question] = plain_answer(question)


@pytest.mark.parametrize(
    "slot, text, expected",
    [
        ("work_status", "Nie pracuję, bez UP", ("sit_not_registered", {})),
        ("work_status", "nie pracuje bez up", ("sit_not_registered", {})),
        ("life_situations", "potrzebuje wsparcia w wychowaniu dzieci", ("sit_family_support", {})),
        ("life_situations", "Żadna z nich.", ("deny", {})),
        ("disability_degree", "umiarkowany", ("sit_disability_certificate", {"disability_degree": "moderate"})),
        ("life_situations", "nie mam gdzie mieszkać od wczoraj", None),
        ("age", "45", None),
    ],
)
def test_a_typed_button_label_means_the_click(slot: str, text: str, expected: tuple | None) -> None:
    assert typed_button(slot, {}, text) == expected


def test_the_question_table_holds_catalogue_keys_put_into_words_when_asked() -> None:
    for variants in QUESTIONS.values():
        for variant in variants:
            assert text(variant["key"]) and all(text(b["title"]) for b in variant["buttons"])
    asked = question_for("work_status", {"jobless": True})
    assert asked["text"] == text("question.work_status.jobless")
    assert [b["title"] for b in asked["buttons"]] == ["Tak", "Nie", "Nie wiem"]


def test_no_to_the_age_question_declines_it() -> None:
    """ "Ile masz lat?" – "nie" got "Nie zrozumiałem tej odpowiedzi", then the same question again."""
    assert updates("nie", "deny", asked="age") == {"skipped_questions": ["age"]}
    assert updates("nie, mam 40 lat", "deny", asked="age") == {"age": 40}
    assert updates("nie", "deny", asked="district") == {}  # "nie mieszkam w Warszawie"? asked again
