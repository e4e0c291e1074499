"""Issue 13: a question about a family member's support gets an answer from the study, then the interview
about the person goes on; the family member's facts stay out of the person's profile, and asking on
someone's behalf ("pytam za mamę") keeps making the profile theirs."""

from __future__ import annotations

import pytest

from actions.answers import ActionAnswerQuestion
from actions.slots import ActionValidateSlotMappings
from bot.dialogue.patterns import facts_from_text
from bot.dialogue.relatives import Relative, relative_answer, relative_asked_about
from bot.rasa_server.side_questions import about_a_relative
from tests.dialogue.test_dialogue_actions import run, slot_events, tracker
from tests.turns import entity

SON = "moj syn ma 17 lat i autyzm, czy jemu cos przysluguje?"


@pytest.mark.parametrize(
    "message, relative",
    [
        (SON, Relative(young=True, elderly=False, disability=True)),
        ("mój syn ma autyzm, gdzie może pracować?", Relative(young=False, elderly=False, disability=True)),
        ("Syn ma autyzm. Co mogę dla niego zrobić?", Relative(young=False, elderly=False, disability=True)),
        (
            "mama ma 75 lat i jest po udarze, jaka pomoc jej się należy?",
            Relative(young=False, elderly=True, disability=True),
        ),
        ("tata nie ma pracy, czy coś mu przysługuje?", Relative(young=False, elderly=False, disability=False)),
    ],
)
def test_a_question_about_a_family_member_is_recognised(message: str, relative: Relative) -> None:
    assert relative_asked_about(message) == relative


@pytest.mark.parametrize(
    "message",
    [
        "pytam za mamę, ma 60 lat, co jej przysługuje?",  # on her behalf: the profile is hers
        "mam dwoje dzieci, co mi przysługuje?",
        "mam syna z autyzmem, gdzie ja mogę pracować?",
        "opiekuję się mamą z demencją, co mi przysługuje?",
        "mój syn ma autyzm",  # no question
        "Mam orzeczenie i zespół Aspergera. Gdzie mogę pracować?",
    ],
)
def test_the_persons_own_questions_and_statements_are_not_about_a_relative(message: str) -> None:
    assert relative_asked_about(message) is None


def test_the_answer_names_the_places_of_the_study_and_the_carers_side() -> None:
    said = relative_answer(relative_asked_about(SON))
    for place in ("WCPR", "Miejski Zespół do spraw Orzekania", "(WTZ)", "(ZAZ)", "autyzm", "(CWR)", "(OHP)", "(CUS)"):
        assert place in said, place
    assert "pytam za syna" in said
    elderly = relative_answer(Relative(young=False, elderly=True, disability=True))
    assert "Usługi opiekuńcze" in elderly and "(ZAZ)" not in elderly and "(CUS)" in elderly
    plain = relative_answer(Relative(young=False, elderly=False, disability=False))
    assert "nie trafia do Twoich odpowiedzi" in plain and "WTZ" not in plain


def test_the_sons_facts_stay_out_of_the_profile_and_asking_for_mum_keeps_making_it_hers() -> None:
    found = [entity(SON, "17 lat", "age", "17"), entity(SON, "autyzm", "disability_condition", "autism")]
    events, _ = run(ActionValidateSlotMappings(), tracker(SON, "ask_who_can", found, {"age": 47}))
    assert slot_events(events) == {}
    assert facts_from_text("pytam za mamę, ma 60 lat i nie pracuje") == {"age": 60, "jobless": True}


def test_the_question_is_answered_then_the_interview_goes_on() -> None:
    events, dispatcher = run(ActionAnswerQuestion(), tracker(SON, "ask_who_can", slots={"age": 47}))
    said = dispatcher.messages[0]["text"]
    assert "(ZAZ)" in said and "(CUS)" in said and said.endswith("Teraz wróćmy do Twojej sytuacji.")
    assert events == [{"event": "followup", "name": "action_continue", "timestamp": None}]
    # the first message of a conversation too: nothing known yet, the questions start after the answer
    events, _ = run(ActionAnswerQuestion(), tracker(SON, "ask_who_can"))
    assert [e["name"] for e in events] == ["action_continue"]


def test_in_the_middle_of_the_questions_the_form_asks_again() -> None:
    state = tracker(SON, "ask_who_can", slots={"requested_slot": "unemployment_benefit"}, form=True)
    events, dispatcher = run(ActionAnswerQuestion(), state)
    assert "(WTZ)" in dispatcher.messages[0]["text"] and events == []


def test_after_the_list_the_answer_stands_alone() -> None:
    events, dispatcher = run(ActionAnswerQuestion(), tracker(SON, "ask_who_can", slots={"offer": "done"}))
    assert "wróćmy" not in dispatcher.messages[0]["text"] and events == []


def test_a_named_institution_gets_its_own_answer() -> None:
    message = "czy moja córka z autyzmem może iść do ZAZ?"
    found = [entity(message, "ZAZ", "institution", "zaz")]
    _, dispatcher = run(ActionAnswerQuestion(), tracker(message, "ask_who_can", found))
    assert "Pytasz o bliską osobę" not in dispatcher.messages[0]["text"]


@pytest.mark.parametrize(
    "intent, read_as",
    [
        ("request_advice", "ask_who_can"),
        ("sit_disability_condition", "ask_who_can"),
        ("nlu_fallback", "ask_who_can"),
        ("crisis_suicide", "crisis_suicide"),  # danger comes first
        ("delete_data", "delete_data"),
    ],
)
def test_the_rasa_server_reads_it_as_a_question(intent: str, read_as: str) -> None:
    parsed = {"text": SON, "intent": {"name": intent, "confidence": 0.84}, "entities": [], "read_as": "pl"}
    assert about_a_relative(parsed)["intent"]["name"] == read_as
    mum = {**parsed, "text": "pytam za mamę, ma 60 lat, co jej przysługuje?"}
    assert about_a_relative(mum)["intent"]["name"] == intent


def test_an_older_relative_out_of_work_is_no_case_for_care_at_home() -> None:
    relative = relative_asked_about("moja mama ma 62 lata i nie pracuje, co może dostać?")
    assert relative == Relative(young=False, elderly=False, disability=False)


@pytest.mark.parametrize(
    "message, asked",
    [
        ("syn ma 20 lat, czy dostanie staż?", True),
        ("mam córkę, czy jest dla mnie jakaś praca?", False),
        ("mam dwoje dzieci i nie mam pracy. co mam robic?", False),
        ("mam syna, co mi przysługuje?", False),
    ],
)
def test_who_the_question_is_for(message: str, asked: bool) -> None:
    assert (relative_asked_about(message) is not None) == asked
