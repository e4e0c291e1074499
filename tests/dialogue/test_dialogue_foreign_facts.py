"""Facts of Ukrainian and English messages (issue 14): there are no text patterns for them, so the
NLU's entities and likely intents carry the facts (bot/dialogue/facts.py)."""

from __future__ import annotations

from typing import Any

from bot.dialogue.facts import Turn, extract_updates, mostly_words
from bot.messages import using


def turn(text: str, intent: str, confidence: float = 0.8, entities: tuple = (), **more: Any) -> Turn:
    return Turn(text=text, intent=intent, confidence=confidence, entities=entities, requested_slot=None, **more)


def entity(kind: str, value: str, text: str, message: str) -> dict[str, Any]:
    start = message.index(text)
    return {"entity": kind, "value": value, "start": start, "end": start + len(text)}


def test_a_district_counts_whatever_the_intent() -> None:
    message = "lost my job, i live in praga south, what should i do?"
    found = (entity("district", "Praga-Południe", "praga south", message),)
    with using("en"):
        assert extract_updates(turn(message, "request_advice", entities=found))["district"] == "Praga-Południe"
    assert "district" not in extract_updates(turn(message, "request_advice", entities=found)), "Polish: the patterns"


def test_an_age_told_unasked_is_the_writers_unless_a_family_member_comes_before_it() -> None:
    mine = "мені 34 роки, шукаю роботу"
    son = "синові 17 років, а я шукаю роботу"
    with using("uk"):
        assert extract_updates(turn(mine, "inform_age", entities=(entity("age", "34", "34", mine),)))["age"] == 34
        assert "age" not in extract_updates(turn(son, "sit_unemployed", entities=(entity("age", "17", "17", son),)))


def test_a_second_likely_intent_adds_its_facts() -> None:
    message = "I'm registered at the labour office and I get the unemployment benefit. What else can I do?"
    ranking = (("request_advice", 0.5), ("sit_registered", 0.25), ("sit_benefit", 0.21), ("sit_no_benefit", 0.03))
    with using("en"):
        updates = extract_updates(turn(message, "request_advice", 0.5, ranking=ranking))
    assert updates["work_status"] == "registered_unemployed" and updates["unemployment_benefit"] is True


def test_an_unlikely_intent_adds_nothing() -> None:
    ranking = (("inform_age", 0.9), ("sit_benefit", 0.05))
    with using("en"):
        updates = extract_updates(turn("34", "inform_age", 0.9, ranking=ranking))
    assert "unemployment_benefit" not in updates


def test_a_message_in_danger_takes_only_a_sure_second_intent() -> None:
    """Probed: despair read as a family-support need gave a parent's reason next to the suicide numbers."""
    message = "targowek. honestly im so tired of everything, sometimes i think my family would be better off without me"
    found = (entity("district", "Targówek", "targowek", message),)
    unsure = (("crisis_suicide", 1.0), ("sit_family_support", 0.29), ("sit_health_limitations", 0.08))
    with using("en"):
        updates = extract_updates(turn(message, "crisis_suicide", 1.0, entities=found, ranking=unsure))
        sure = extract_updates(
            turn(
                "i have nowhere to sleep tonight",
                "crisis_shelter",
                1.0,
                ranking=(("crisis_shelter", 1.0), ("sit_homeless", 0.2)),
            )
        )
    assert updates == {"district": "Targówek"}
    assert sure["homeless"] is True


def test_a_degree_in_english_needs_no_polish_word() -> None:
    message = "i have autism and a disability certificate, severe degree"
    found = (
        entity("disability_degree", "severe", "severe", message),
        entity("disability_condition", "autism", "autism", message),
    )
    with using("en"):
        updates = extract_updates(turn(message, "sit_disability_certificate", entities=found))
    assert updates["disability_degree"] == "severe" and updates["disability_condition"] == "autism"


def test_ukrainian_words_are_words_and_mash_is_not() -> None:
    with using("uk"):
        assert mostly_words("не працюю, в urzędzie pracy не зареєстрована") and mostly_words("ні")
        assert not mostly_words("zzzz qqqq")


def test_polish_patterns_do_not_read_ukrainian_in_latin_letters() -> None:
    message = "ni, zasilku nemaje"
    with using("uk"):
        updates = extract_updates(turn(message, "sit_no_benefit", 0.9))
    assert updates.get("unemployment_benefit") is False


def test_a_benefit_in_english_needs_no_polish_word() -> None:
    with using("en"):
        updates = extract_updates(turn("i get the unemployment benefit", "sit_benefit", 0.8))
    assert updates.get("unemployment_benefit") is True


def test_facts_before_a_question_count_and_a_question_alone_states_nothing() -> None:
    with using("en"):
        told = extract_updates(turn("I get the unemployment benefit. What else can I do?", "sit_benefit", 0.74))
        asked = extract_updates(turn("can i go to ops if i dont get the benefit?", "sit_no_benefit", 0.74))
    assert told.get("unemployment_benefit") is True
    assert "unemployment_benefit" not in asked


def test_a_sons_condition_is_not_the_writers() -> None:
    message = "син має аутизм, йому 7, а я доглядаю за ним"
    found = (entity("disability_condition", "autism", "аутизм", message), entity("age", "7", "7", message))
    with using("uk"):
        updates = extract_updates(turn(message, "sit_carer", entities=found))
    assert "disability_condition" not in updates and "age" not in updates


def test_a_corrected_age_is_the_first_one_said() -> None:
    message = "actually im 42 not 41"
    found = (entity("age", "42", "42", message), entity("age", "41", "41", message))
    with using("en"):
        updates = extract_updates(turn(message, "inform_age", 0.83, entities=found, slots={"age": 41}))
    assert updates.get("age") == 42
