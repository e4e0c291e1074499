"""The custom actions, run with rasa_sdk's Tracker and CollectingDispatcher against the real knowledge base."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answers import ActionAnswerQuestion
from actions.questions import AskQuestion
from actions.recommend import ActionMoreQuestions, ActionRecommend
from actions.session import (
    ActionConfirmDelete,
    ActionConfirmRestart,
    ActionDeleteData,
    ActionHumanHandover,
    ActionStartOver,
    ActionSummary,
)
from actions.slots import ActionValidateSlotMappings, ValidateProfileForm
from actions.understanding import ActionNotUnderstoodAnswer
from bot.codes import read_code
from bot.knowledge.db import make_engine
from tests.conftest import ROOT

DOMAIN = yaml.safe_load((ROOT / "domain" / "domain.yml").read_text(encoding="utf-8"))
ACCEPTANCE = "Dzień dobry, mam 52 lata, jestem bezrobotny bez zasiłku, mieszkam na Pradze-Północ"


@pytest.fixture(autouse=True)
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def tracker(
    text: str = "",
    intent: str | None = None,
    entities: list | None = None,
    slots: dict | None = None,
    form: bool = False,
    confidence: float = 0.95,
    events: list | None = None,
) -> Tracker:
    all_slots = {name: None for name in DOMAIN["slots"]}
    all_slots.update(slots or {})
    message = {"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": entities or []}
    history = (
        events
        if events is not None
        else [{"event": "action", "name": "action_listen"}, {"event": "user", "text": text, "parse_data": message}]
    )
    return Tracker(
        "test", all_slots, message, history, False, None, {"name": "profile_form"} if form else {}, "action_listen"
    )


def run(action: Any, state: Tracker) -> tuple[list[dict], CollectingDispatcher]:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, state, DOMAIN))
    return events, dispatcher


def slot_events(events: list[dict]) -> dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e["event"] == "slot"}


def test_several_facts_from_the_first_message() -> None:
    events, _ = run(
        ActionValidateSlotMappings(), tracker(ACCEPTANCE, "greet", [{"entity": "age", "value": "52", "text": "52"}])
    )
    assert slot_events(events) == {
        "age": 52,
        "unemployment_benefit": False,
        "jobless": True,
        "district": "Praga-Północ",
    }


def test_yes_fills_only_the_question_just_asked() -> None:
    asked = tracker("tak", "affirm", slots={"requested_slot": "social_assistance"}, form=True)
    assert slot_events(run(ActionValidateSlotMappings(), asked)[0]) == {"social_assistance": True}
    assert slot_events(run(ActionValidateSlotMappings(), tracker("tak", "affirm"))[0]) == {}


def test_registration_question_after_saying_jobless() -> None:
    asked = tracker("nie", "deny", slots={"requested_slot": "work_status", "jobless": True}, form=True)
    assert slot_events(run(ActionValidateSlotMappings(), asked)[0]) == {"work_status": "jobless_unregistered"}


@pytest.mark.parametrize(
    "intent, text, language",
    [
        ("dont_know", "nie wiem", "pl"),
        ("prefer_not_say", "wolę nie mówić", "pl"),
        ("dont_know", "не знаю", "uk"),
        ("dont_know", "ne znaju", "uk"),  # Ukrainian in Latin letters, read by the Ukrainian model
        ("dont_know", "ne znayu tochno", "uk"),
    ],
)
def test_unknown_answers_skip_the_question(intent: str, text: str, language: str) -> None:
    slots = {"requested_slot": "age", "skipped_questions": ["district"], "language": language}
    asked = tracker(text, intent, slots=slots, form=True)
    assert slot_events(run(ActionValidateSlotMappings(), asked)[0]) == {"skipped_questions": ["district", "age"]}


@pytest.mark.parametrize("intent", ["deny", "sit_disability_certificate", "out_of_scope", "nlu_fallback"])
@pytest.mark.parametrize("text", ["nie wiem, musze sprawdzic", "nie pamiętam", "nie mam pojęcia", "muszę sprawdzić"])
def test_not_knowing_skips_the_question_however_the_nlu_reads_it(text: str, intent: str) -> None:
    # The bot asks for "nie wiem" to go on; read otherwise, the degree came back again and again.
    slots = {"requested_slot": "disability_degree", "disability_certificate": True}
    asked = tracker(text, intent, slots=slots, form=True)
    assert slot_events(run(ActionValidateSlotMappings(), asked)[0]) == {"skipped_questions": ["disability_degree"]}


def test_not_knowing_does_not_hide_the_facts_told_with_it() -> None:
    asked = tracker("nie wiem, mam 53 lata", "inform_age", slots={"requested_slot": "disability_degree"}, form=True)
    assert slot_events(run(ActionValidateSlotMappings(), asked)[0]).get("age") == 53


@pytest.mark.parametrize(
    "text, intent, entities, slots, expected",
    [
        (
            "właściwie mam 45 lat",
            "inform_age",
            [{"entity": "age", "value": "45", "text": "45"}],
            {"age": 52},
            {"age": 45},
        ),
        (
            "jednak mam zasiłek",
            "sit_benefit",
            [],
            {"unemployment_benefit": False, "work_status": "registered_unemployed"},
            {"unemployment_benefit": True},
        ),
        ("czterdzieści pięć", "inform_age", [], {"requested_slot": "age"}, {"age": 45}),
    ],
)
def test_corrections_and_numbers_as_words(text: str, intent: str, entities: list, slots: dict, expected: dict) -> None:
    form = "requested_slot" in slots
    assert (
        slot_events(run(ActionValidateSlotMappings(), tracker(text, intent, entities, slots, form=form))[0]) == expected
    )


def test_group_question_answered_with_no() -> None:
    asked = tracker("nic z tych rzeczy", "deny", slots={"requested_slot": "sensitive_topics"}, form=True)
    assert slot_events(run(ActionValidateSlotMappings(), asked)[0]) == {
        "addiction": False,
        "left_prison": False,
        "foreigner": False,
        "international_protection": False,
        "sensitive_topics": "answered",
    }


def test_no_to_a_group_question_keeps_what_was_said_before() -> None:
    slots = {"requested_slot": "life_situations", "social_enterprise": True}
    found = slot_events(run(ActionValidateSlotMappings(), tracker("nie", "deny", slots=slots, form=True))[0])
    assert "social_enterprise" not in found and found["homeless"] is False and found["carer"] is False


def test_form_asks_the_next_question_that_matters() -> None:
    slots = {"age": 52, "district": "Praga-Północ", "unemployment_benefit": False, "jobless": True}
    state = tracker(ACCEPTANCE, "greet", slots=slots, form=True, events=[{"event": "action", "name": "profile_form"}])
    events, _ = run(ValidateProfileForm(), state)
    assert slot_events(events)["requested_slot"] == "work_status"


def test_form_ends_when_nothing_worth_asking_is_left() -> None:
    slots = {
        "age": 52,
        "district": "Wola",
        "work_status": "registered_unemployed",
        "unemployment_benefit": False,
        "social_assistance": True,
        "disability_certificate": False,
    }
    events, _ = run(ValidateProfileForm(), tracker("nie", "deny", slots=slots, form=True, events=[]))
    assert slot_events(events)["requested_slot"] is None


@pytest.mark.parametrize(
    "text, entities, expected",
    [
        # a question about an institution instead of an answer: answered (who may go), then asked again
        ("a moge isc do ops jak nie mam zasilku?", [{"entity": "institution", "value": "ops"}], "Ośrodek Pomocy"),
        # no question, or a question naming nothing: the kind "not understood" and the question again
        ("ops", [{"entity": "institution", "value": "ops"}], "Nie zrozumiałem"),
        ("a co mi sie nalezy?", [], "Nie zrozumiałem"),
    ],
)
def test_a_question_asked_instead_of_an_answer_is_answered(text: str, entities: list, expected: str) -> None:
    slots = {"requested_slot": "work_status", "jobless": True}
    state = tracker(text, "inform", entities, slots=slots, form=True)
    events, dispatcher = run(ValidateProfileForm(), state)
    said = " ".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)
    if expected == "Nie zrozumiałem":
        assert [m.get("response") for m in dispatcher.messages] == ["utter_not_understood_answer"]
    else:
        assert expected in said
    assert slot_events(events)["requested_slot"] == "work_status"


def test_recommend_sends_text_and_the_contract_payload() -> None:
    slots = {
        "age": 52,
        "work_status": "registered_unemployed",
        "unemployment_benefit": False,
        "social_assistance": True,
    }
    events, dispatcher = run(ActionRecommend(), tracker(slots=slots))
    payloads = [m["custom"] for m in dispatcher.messages if m.get("custom")]
    assert len(payloads) == 1
    by_id = {r["institution"]: r for r in payloads[0]["recommendations"]}
    assert {"prace_spolecznie_uzyteczne", "prace_interwencyjne"} <= set(by_id["up"]["tools"]) and "ops" in by_id
    texts = "\n".join(m["text"] for m in dispatcher.messages if m.get("text"))
    assert "Urząd Pracy m.st. Warszawy" in texts and "Dlaczego:" in texts and "Prace społecznie użyteczne" in texts
    assert slot_events(events) == {"offer": "more_questions"}
    assert slot_events(run(ActionMoreQuestions(), tracker(slots=slots))[0]) == {
        "questions_phase": "extended",
        "offer": "done",
    }


def test_questions_about_tools_and_institutions() -> None:
    _, dispatcher = run(
        ActionAnswerQuestion(), tracker("ile trwa staż", "ask_how_long", [{"entity": "tool", "value": "staz"}])
    )
    assert "miesięcy" in dispatcher.messages[0]["text"]
    _, dispatcher = run(
        ActionAnswerQuestion(),
        tracker("kto może iść do ZAZ", "ask_who_can", [{"entity": "institution", "value": "zaz"}]),
    )
    assert "znacznym stopniem" in dispatcher.messages[0]["text"]
    _, dispatcher = run(ActionAnswerQuestion(), tracker("co to jest", "ask_what_is"))
    assert dispatcher.messages[0]["buttons"]


def test_summary_gives_a_code_that_staff_can_read(database: str) -> None:
    slots = {"age": 52, "work_status": "registered_unemployed", "social_assistance": True}
    events, dispatcher = run(ActionSummary(), tracker(slots=slots))
    code = slot_events(events)["summary_code"]
    assert code in dispatcher.messages[0]["text"]
    assert read_code(make_engine(database), code) == slots


def test_summary_names_a_condition_without_a_certificate_a_diagnosis(database: str) -> None:
    # "orzeczenie: nie; rodzaj niepełnosprawności: choroba psychiczna" read as a contradiction.
    slots = {"age": 33, "disability_certificate": False, "disability_condition": "mental_illness"}
    summary = run(ActionSummary(), tracker(slots=slots))[1].messages[0]["text"]
    assert "rozpoznanie (bez orzeczenia): choroba psychiczna" in summary
    assert "rodzaj niepełnosprawności" not in summary
    certified = run(ActionSummary(), tracker(slots={**slots, "disability_certificate": True}))[1].messages[0]["text"]
    assert "rodzaj niepełnosprawności: choroba psychiczna" in certified


def test_session_actions() -> None:
    events, dispatcher = run(ActionConfirmDelete(), tracker("usuń moje dane", "delete_data", form=True))
    assert "Czy na pewno" in dispatcher.messages[0]["text"] and slot_events(events)["offer"] == "delete"
    events, dispatcher = run(ActionDeleteData(), tracker("usuń moje dane", "delete_data"))
    assert {"event": "restart", "timestamp": None} in events and "Usunąłem" in dispatcher.messages[0]["text"]
    events, dispatcher = run(ActionConfirmRestart(), tracker("od nowa", "restart", form=True))
    assert "Czy na pewno" in dispatcher.messages[0]["text"] and slot_events(events)["offer"] == "restart"
    assert events[0] == {"event": "active_loop", "timestamp": None, "name": None}  # nothing forgotten yet
    events, dispatcher = run(ActionStartOver(), tracker("tak", "affirm"))
    assert [e["event"] for e in events] == ["restart"] and "od nowa" in dispatcher.messages[0]["text"]
    _, dispatcher = run(
        ActionHumanHandover(),
        tracker("chcę z człowiekiem", "ask_human", slots={"district": "Wola", "social_assistance": True}),
    )
    text = dispatcher.messages[0]["text"]
    assert "19115" in text and "22 571 50 00" in text
    assert "116 123" in text  # someone who asks for a person may be asking because it is very hard


def test_question_wording_follows_what_is_known() -> None:
    ask = type("AskWork", (AskQuestion,), {"slot": "work_status"})()
    _, dispatcher = run(ask, tracker(slots={"jobless": True}))
    assert (
        "status osoby bezrobotnej" in dispatcher.messages[0]["text"]
        and dispatcher.messages[0]["buttons"][0]["payload"] == "/affirm"
    )
    _, dispatcher = run(ask, tracker())
    assert dispatcher.messages[0]["buttons"][0]["payload"] == "/sit_registered"


def test_unclear_message_with_facts_goes_on_with_the_questions() -> None:
    from actions.questions import ActionClarify

    with_facts = tracker(
        "czesc, nie mam gdzie mieszkac",
        "nlu_fallback",
        events=[
            {"event": "user", "text": "czesc, nie mam gdzie mieszkac"},
            {"event": "slot", "name": "homeless", "value": True},
        ],
    )
    events, dispatcher = run(ActionClarify(), with_facts)
    assert events == [{"event": "followup", "name": "profile_form", "timestamp": None}] and not dispatcher.messages
    events, dispatcher = run(ActionClarify(), tracker("asdf qwer", "nlu_fallback"))
    assert events == [] and dispatcher.messages[0]["buttons"]


def test_the_same_list_is_not_sent_again_when_nothing_changed() -> None:
    slots = {
        "age": 52,
        "work_status": "registered_unemployed",
        "unemployment_benefit": False,
        "social_assistance": True,
    }
    _, first = run(ActionRecommend(), tracker(slots=slots))
    payload = next(m["custom"] for m in first.messages if m.get("custom"))
    history = [{"event": "user", "text": "co mi polecasz"}, {"event": "bot", "text": "…", "data": {"custom": payload}}]
    replies = []
    for _ in range(6):  # asked again and again, nothing new
        history = history + [{"event": "user", "text": "i co dalej"}]
        _, said = run(ActionRecommend(), tracker("i co dalej", "request_advice", slots=slots, events=history))
        assert not any(m.get("custom") for m in said.messages), "no second payload: the cards above still hold"
        replies.append(said.messages[0])
        history = history + [{"event": "bot", "text": said.messages[0]["text"]}]
    texts = [r["text"] for r in replies]
    assert all(t.startswith("Od ostatniej listy nic się nie zmieniło") for t in texts)
    assert "Urząd Pracy" in texts[0] and texts[1].startswith("Od ostatniej listy nic się nie zmieniło. Na początek:")
    assert replies[2]["buttons"], "then the next steps: a summary code, a person"
    assert all(a != b for a, b in zip(texts, texts[1:])), "never the same words twice in a row"
    # A fact that changed since the list: a new list.
    changed = history[:2] + [{"event": "slot", "name": "age", "value": 53}, {"event": "user", "text": "mam 53 lata"}]
    _, fresh = run(ActionRecommend(), tracker("mam 53 lata", "inform_age", slots={**slots, "age": 53}, events=changed))
    assert any(m.get("custom") for m in fresh.messages)


def test_a_fact_told_again_with_the_same_value_changes_nothing() -> None:
    """ "pracowałem 20 lat jako kierowca" after the list sets a slot again with the value it had: the
    list still holds (the long fuzzer run found the whole list sent a third time)."""
    slots = {"age": 52, "work_status": "registered_unemployed", "social_assistance": True}
    told = [{"event": "slot", "name": name, "value": value} for name, value in slots.items()]
    _, first = run(ActionRecommend(), tracker(slots=slots))
    payload = next(m["custom"] for m in first.messages if m.get("custom"))
    history = [*told, {"event": "bot", "text": "…", "data": {"custom": payload}}]
    again = history + [{"event": "slot", "name": "work_status", "value": "registered_unemployed"}]
    _, said = run(ActionRecommend(), tracker("pracowałem 20 lat", "inform", slots=slots, events=again))
    assert not any(m.get("custom") for m in said.messages), "the same facts: no second copy of the list"
    # Started over and told the same facts: a new list is due.
    restarted = [*history, {"event": "restart"}, *told]
    _, fresh = run(ActionRecommend(), tracker("co mi polecasz", "request_advice", slots=slots, events=restarted))
    assert any(m.get("custom") for m in fresh.messages)


def test_two_unplaced_answers_in_a_row_in_the_questions_change_the_strategy() -> None:
    """Twelfth session: "kalafior fioletowy" then "trzy kalosze w szafie" (both `nlu_fallback` in the questions)
    got the same "Nie zrozumiałem tej odpowiedzi" twice; the second time the person gets another way forward."""
    first = tracker("kalafior fioletowy", "nlu_fallback", slots={"requested_slot": "work_status", "age": 39}, form=True)
    _, dispatcher = run(ActionNotUnderstoodAnswer(), first)
    assert [m.get("response") for m in dispatcher.messages] == ["utter_not_understood_answer"]
    history = [
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "kalafior fioletowy", "parse_data": {"intent": {"name": "nlu_fallback"}}},
        {"event": "bot", "text": "Nie zrozumiałem", "metadata": {"utter_action": "utter_not_understood_answer"}},
        {"event": "action", "name": "action_listen"},
        {"event": "user", "text": "trzy kalosze w szafie", "parse_data": {"intent": {"name": "nlu_fallback"}}},
    ]
    second = tracker(
        "trzy kalosze w szafie",
        "nlu_fallback",
        slots={"requested_slot": "work_status", "age": 39},
        form=True,
        events=history,
    )
    _, dispatcher = run(ActionNotUnderstoodAnswer(), second)
    said = " ".join(m.get("text") or "" for m in dispatcher.messages)
    assert "19115" in said and "wiek: 39" in said.lower(), dispatcher.messages


@pytest.mark.parametrize("answer", ["na Pradze", "Praga", "Прага"])
def test_praga_alone_asks_which_praga_instead_of_not_understood(answer: str) -> None:
    """Probed: "Praga" at the district question got "I did not understand"; it is half an answer."""
    slots = {"requested_slot": "district", "age": 39}
    state = tracker(answer, "nlu_fallback", slots=slots, form=True)
    assert run(ActionNotUnderstoodAnswer(), state)[1].messages == []
    ask = type("AskDistrict", (AskQuestion,), {"slot": "district"})()
    [question] = run(ask, state)[1].messages
    assert question["text"].startswith("Która Praga: Praga-Północ czy Praga-Południe?")
    payloads = [b["payload"] for b in question["buttons"]]
    assert '/inform_district{"district": "Praga-Północ"}' in payloads
    assert '/inform_district{"district": "Praga-Południe"}' in payloads
    # any other answer at the district question: as before
    other = tracker("kalafior", "nlu_fallback", slots=slots, form=True)
    assert [m.get("response") for m in run(ActionNotUnderstoodAnswer(), other)[1].messages] == [
        "utter_not_understood_answer"
    ]
    assert run(ask, other)[1].messages[0]["text"].startswith("W której dzielnicy Warszawy mieszkasz?")


@pytest.mark.parametrize(
    "answer, lang, side",
    [("południe", "pl", "Praga-Południe"), ("north", "en", "Praga-Północ"), ("Південь", "uk", "Praga-Południe")],
)
def test_the_side_typed_after_which_praga_is_the_district(answer: str, lang: str, side: str) -> None:
    asked = tracker(answer, "nlu_fallback", slots={"requested_slot": "district", "language": lang}, form=True)
    assert slot_events(run(ActionValidateSlotMappings(), asked)[0])["district"] == side
