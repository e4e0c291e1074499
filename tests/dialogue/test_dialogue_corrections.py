"""Issue 13: a correction that carries its new value is applied and said back, for every profile fact;
a correction without a value still asks what changed (the rule's reply)."""

from __future__ import annotations

from typing import Any

import pytest

from actions.slots import ActionValidateSlotMappings, ValidateProfileForm
from bot.dialogue.corrections import CORRECTION_KEY, FACT_READING
from bot.rasa_server.side_questions import a_correction_with_its_value
from tests.dialogue.test_dialogue_actions import run, slot_events, tracker
from tests.turns import entity


def correct(text: str, slots: dict[str, Any], found: tuple = (), intent: str = "change_answer", **kwargs: Any):
    """The events and the bot's words after a correction typed with the given slots already known."""
    entities = [entity(text, *e) for e in found]
    events, dispatcher = run(ActionValidateSlotMappings(), tracker(text, intent, entities, slots, **kwargs))
    return events, " ".join(m.get("text") or "" for m in dispatcher.messages)


@pytest.mark.parametrize(
    "text, found, slots, expected, said",
    [
        ("a jednak mam 48, pomylilam sie", (("48", "age", "48"),), {"age": 47}, {"age": 48}, "Zmieniam: wiek – 48."),
        (
            "jednak mieszkam na Woli",
            (("Woli", "district", "Wola"),),
            {"district": "Mokotów"},
            {"district": "Wola"},
            "Zmieniam: dzielnica – Wola.",
        ),
        (
            "przepraszam, chodziło mi o Bemowo",
            (("Bemowo", "district", "Bemowo"),),
            {"district": "Bielany"},
            {"district": "Bemowo"},
            "dzielnica – Bemowo",
        ),
        (
            "sorry, jednak mam orzeczenie umiarkowane",
            (("umiarkowane", "disability_degree", "moderate"),),
            {"disability_certificate": True, "disability_degree": "light"},
            {"disability_degree": "moderate"},
            "Zmieniam: stopień niepełnosprawności – umiarkowany.",
        ),
        (
            "pomyliłem się, jestem zarejestrowany",
            (),
            {"work_status": "jobless_unregistered", "jobless": True},
            {"work_status": "registered_unemployed"},
            "Zmieniam: ",
        ),
        ("pomyliłam się, nie mam zasiłku", (), {"unemployment_benefit": True}, {"unemployment_benefit": False}, "nie"),
        ("a jednak mam 48, pomylilam sie", (("48", "age", "48"),), {}, {"age": 48}, "Zapisuję: wiek – 48."),
    ],
)
def test_a_correction_with_its_value_is_applied_and_said(
    text: str, found: tuple, slots: dict, expected: dict, said: str
) -> None:
    events, words = correct(text, slots, found)
    assert {k: v for k, v in slot_events(events).items() if k in expected} == expected
    assert said in words and "Napisz, co się zmieniło" not in words, words


def test_a_correction_in_the_middle_of_the_questions_goes_on_with_them() -> None:
    slots = {"age": 47, "requested_slot": "unemployment_benefit"}
    events, words = correct("a jednak mam 48, pomylilam sie", slots, (("48", "age", "48"),), form=True)
    assert slot_events(events).get("age") == 48 and "Zmieniam: wiek – 48." in words


def test_a_correction_that_says_what_is_known_is_told_so() -> None:
    events, words = correct("pomyliłem się, jestem zarejestrowany", {"work_status": "registered_unemployed"})
    assert slot_events(events) == {} and "Tak właśnie mam zapisane" in words, words


@pytest.mark.parametrize("text", ["pomyliłem się", "chcę zmienić odpowiedź", "cofnij ostatnią odpowiedź"])
def test_a_correction_without_a_value_keeps_asking_what_changed(text: str) -> None:
    events, words = correct(text, {"age": 47, "district": "Wola"})
    assert slot_events(events) == {} and words == ""


def test_an_age_in_own_words_of_correction_counts_whatever_the_nlu_read() -> None:
    """ "a jednak mam 48" read as inform_age while another question waits: no "lat" for the patterns."""
    slots = {"age": 47, "requested_slot": "unemployment_benefit"}
    events, words = correct("a jednak mam 48", slots, (("48", "age", "48"),), intent="inform_age", form=True)
    assert slot_events(events).get("age") == 48 and "Zmieniam: wiek – 48." in words


def test_someone_elses_age_in_a_correction_is_still_theirs() -> None:
    events, _ = correct("pomyliłam się, syn ma 17 lat", {"age": 47}, (("17", "age", "17"),))
    assert "age" not in slot_events(events)


def test_a_correction_ends_a_pending_confirmation_of_deletion() -> None:
    events, _ = correct("jednak mam 48", {"age": 47, "offer": "delete"}, (("48", "age", "48"),))
    assert slot_events(events).get("offer", "kept") is None


def test_a_correction_that_changed_nothing_keeps_the_form_going() -> None:
    """Run by the follow-up, the form must not be rejected for an answer it did not get: the rule would
    then say "Napisz, co się zmieniło" after "Tak właśnie mam zapisane"."""
    slots = {"work_status": "registered_unemployed", "requested_slot": "social_assistance"}
    state = tracker("pomyliłem się, jestem zarejestrowany", "change_answer", slots=slots, form=True)
    events, dispatcher = run(ValidateProfileForm(), state)
    assert slot_events(events).get("questions_phase") == "core" and not dispatcher.messages
    assert not any(e["event"] == "action_execution_rejected" for e in events)


def test_a_bare_number_read_as_an_age_is_the_age_while_another_question_waits() -> None:
    slots = {"requested_slot": "social_assistance", "work_status": "registered_unemployed"}
    events, words = correct("47", slots, (("47", "age", "47"),), intent="inform_age", form=True)
    assert slot_events(events).get("age") == 47 and "Zapisuję: wiek – 47." in words
    events, _ = correct("mam 3 dzieci", slots, (("3", "age", "3"),), intent="inform_age", form=True)
    assert "age" not in slot_events(events)


def test_a_correction_without_a_value_lets_the_form_step_aside_for_the_rule() -> None:
    state = tracker("pomyliłem się", "change_answer", slots={"age": 47, "requested_slot": "work_status"}, form=True)
    events, _ = run(ValidateProfileForm(), state)
    assert "questions_phase" not in slot_events(events)  # rejected: "Napisz, co się zmieniło" follows


class _Tracker:
    """What the Rasa server's parse step sees of the conversation."""

    def __init__(self, slots: dict[str, Any], loop: str | None = None) -> None:
        self.slots, self.active_loop_name = slots, loop

    def current_slot_values(self) -> dict[str, Any]:
        return self.slots


def _parsed(text: str, found: tuple = ()) -> dict[str, Any]:
    return {
        "text": text,
        "intent": {"name": "change_answer", "confidence": 0.99},
        "entities": [entity(text, *e) for e in found],
        "read_as": "pl",
    }


AFTER_THE_LIST = {"age": 60, "district": "Wola", "work_status": "registered_unemployed", "offer": "more_questions"}


def test_outside_the_questions_the_rasa_server_reads_a_correction_with_its_value_as_a_fact() -> None:
    """Rasa keeps only slots and words from action_validate_slot_mappings: the rule's "Napisz, co się
    zmieniło" followed "Zmieniam: wiek – 61" until the correction was read as a fact, whose rules go on
    (the questions, or the list made again)."""
    read = a_correction_with_its_value(
        _parsed("pomyliłem się, mam jednak 61 lat", (("61", "age", "61"),)), _Tracker(AFTER_THE_LIST)
    )
    assert read["intent"]["name"] == FACT_READING and read[CORRECTION_KEY] is True
    # the action server still reads a correction: it says what changed
    state = tracker(read["text"], FACT_READING, read["entities"], AFTER_THE_LIST)
    state.latest_message[CORRECTION_KEY] = True
    events, dispatcher = run(ActionValidateSlotMappings(), state)
    assert slot_events(events) == {"age": 61} and dispatcher.messages[0]["text"] == "Zmieniam: wiek – 61."


@pytest.mark.parametrize(
    "text, found, slots, loop",
    [
        ("pomyliłem się", (), AFTER_THE_LIST, None),  # no value: "Napisz, co się zmieniło"
        ("jednak mam 48", (("48", "age", "48"),), {"age": 47, "offer": "safety_check"}, None),
        ("jednak mam 48", (("48", "age", "48"),), {"age": 47, "requested_slot": "district"}, "profile_form"),
    ],
)
def test_other_corrections_keep_their_reading(text: str, found: tuple, slots: dict, loop: str | None) -> None:
    assert a_correction_with_its_value(_parsed(text, found), _Tracker(slots, loop))["intent"]["name"] == "change_answer"
