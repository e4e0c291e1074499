"""Questions in the middle of the interview (issue 13, point 1): the glossary of people's words,
situations, "ile jeszcze pytań?", a question among the facts of a long message, the offer of more
questions kept after a side question, and "nie wiem, …" as an answer."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from actions.answers import ActionAnswerQuestion
from actions.questions import ActionClarify
from actions.resume import ActionContinue
from actions.slots import ActionValidateSlotMappings, ValidateProfileForm
from bot.dialogue.replies import provenance
from bot.knowledge.files import KnowledgeError
from bot.knowledge.glossary import read_glossary
from tests.conftest import ROOT
from tests.dialogue.test_dialogue_actions import database, run, slot_events, tracker  # noqa: F401 (fixture)

KNOWLEDGE = ROOT / "data" / "knowledge"
PROFILE = {"age": 39, "district": "Ochota", "work_status": "registered_unemployed", "unemployment_benefit": False}


def said(dispatcher) -> str:
    return "\n".join(m.get("text") or m.get("response") or "" for m in dispatcher.messages)


@pytest.mark.parametrize(
    "message, entry",
    [
        ("czy stracę zasiłek jak pójdę do pracy?", "benefit_and_work"),
        ("czy strace kuroniowke jak znajde robote", "benefit_and_work"),
        ("czy stracę rentę socjalną jak pójdę do pracy?", "renta_socjalna"),
        ("a co to jest ta kuroniowka? ile sie tego dostaje", "kuroniowka"),
        ("co to jest pracownik socjalny?", "pracownik_socjalny"),
        ("czym się różni WTZ od ZAZ?", "wtz_and_zaz"),
        ("dostałam pismo z ZGN, wypowiedzą mi umowę", "zgn_letter"),
        ("mam długi za czynsz, co robić", "zgn_letter"),
        ("mam zaległości za mieszkanie", "zgn_letter"),
        ("ZGN przysłał wezwanie do zapłaty", "zgn_letter"),
        ("Wola, mieszkanie komunalne z ZGN", None),  # an answer naming the landlord (found by a code review)
        ("mam długi, mieszkam u mamy w jej mieszkaniu", None),
        ("co to jest pośredniak", "posredniak"),
        ("gdzie jest urząd pracy?", None),
        ("wypowiedzieli mi umowę o pracę", None),  # a job contract, not the flat
        ("mam orzeczenie, gdzie mogę pracować?", None),  # a plain term only when asked what it is
        ("co to jest orzeczenie?", "orzeczenie"),
        ("wyszedłem z zakładu karnego, chodzę na warsztaty", None),
    ],
)
def test_the_glossary_knows_the_words_people_use(message: str, entry: str | None) -> None:
    found = read_glossary(KNOWLEDGE).find(message)
    assert (found.id if found else None) == entry


def test_a_glossary_entry_must_quote_the_study(tmp_path: Path) -> None:
    for name in ("glossary.yaml", "sources.yaml"):
        shutil.copy(KNOWLEDGE / name, tmp_path / name)
    path = tmp_path / "glossary.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Kontrakt socjalny – jest", "Kontrakt jest"), "utf-8")
    with pytest.raises(KnowledgeError, match="not in the study"):
        read_glossary(tmp_path)


@pytest.mark.parametrize(
    "message, intent, entities, slots, wanted, unwanted",
    [
        ("czy stracę rentę socjalną jak pójdę do pracy?", "ask_who_can", [], {}, ["ZUS"], []),
        ("co to jest pracownik socjalny?", "ask_what_is", [], {}, ["pracę socjalną", "OPS"], []),
        (
            "czym się różni WTZ od ZAZ?",
            "ask_what_is",
            [{"entity": "institution", "value": "wtz"}, {"entity": "institution", "value": "zaz"}],
            {},
            ["Warsztat terapii zajęciowej (WTZ)", "Zakład aktywności zawodowej (ZAZ)", "Najpierw jest WTZ"],
            [],
        ),
        (
            "gdzie jest urząd pracy?",
            "ask_where",
            [{"entity": "institution", "value": "up"}],
            {"district": "Praga-Północ"},
            ["dla dzielnicy Praga-Północ:\n• Urząd Pracy m.st. Warszawy – siedziba przy ul. Grochowskiej"],
            ["lipca 2024", "Uwaga:"],
        ),
        (
            "ile jeszcze pytań?",
            "ask_how_much",
            [],
            {"requested_slot": "social_assistance", **PROFILE},
            ["najwyżej", "razem z tym"],
            [],
        ),
    ],
)
def test_questions_that_name_no_catalogue_entry_are_answered(
    message: str, intent: str, entities: list, slots: dict, wanted: list, unwanted: list
) -> None:
    _, dispatcher = run(ActionAnswerQuestion(), tracker(message, intent, entities, slots=slots, form=True))
    text = said(dispatcher)
    assert all(w in text for w in wanted), text
    assert not any(u in text for u in unwanted), text
    assert "O którą instytucję" not in text


@pytest.mark.parametrize(
    "message, intent, entities, wanted",
    [
        ("co to kuroniówka?", "sit_benefit", [], "potocznie zasiłek dla bezrobotnych"),
        ("czy stracę zasiłek jak pójdę do pracy?", "sit_unable_to_work", [], "19524"),
        (
            "dostałam pismo z ZGN, wypowiedzą mi umowę",
            "sit_housing_problem",
            [{"entity": "institution", "value": "zgn"}],
            "Zakładu Gospodarowania Nieruchomościami",
        ),
    ],
)
def test_the_form_answers_a_side_question_and_asks_again(
    message: str, intent: str, entities: list, wanted: str
) -> None:
    slots = {"requested_slot": "social_assistance", **PROFILE}
    events, dispatcher = run(ValidateProfileForm(), tracker(message, intent, entities, slots=slots, form=True))
    assert wanted in said(dispatcher) and "Nie zrozumiałem" not in said(dispatcher)
    assert slot_events(events)["requested_slot"] == "social_assistance"


LONG = (
    "Jestem alkoholikiem, nie pije od 3 miesiecy. Mam 39 lat, Ochota. Jestem w ops i mam kontrakt socjalny. "
    "Pracownik socjalny mowil cos o CIS, co to jest i czy moge tam isc?"
)


def _entity(kind: str, value: str, word: str) -> dict:
    start = LONG.index(word)
    return {"entity": kind, "value": value, "start": start, "end": start + len(word)}


def test_a_question_among_the_facts_is_answered_and_the_questions_go_on() -> None:
    entities = [
        _entity("institution", "ops", "ops"),
        _entity("tool", "kontrakt_socjalny", "kontrakt"),
        _entity("institution", "cis", "CIS"),
    ]
    events = [{"event": "user", "text": LONG}, {"event": "slot", "name": "addiction", "value": True}]
    result, dispatcher = run(ActionClarify(), tracker(LONG, "nlu_fallback", entities, events=events))
    assert result == [{"event": "followup", "name": "profile_form", "timestamp": None}]
    # the question names CIS; the OPS and the contract in the sentences before are facts, not questions
    assert "Centrum Integracji Społecznej" in said(dispatcher) and "Kontrakt socjalny" not in said(dispatcher)
    # with no question in the message, nothing is explained
    plain = LONG.split(" Pracownik")[0]
    _, dispatcher = run(ActionClarify(), tracker(plain, "nlu_fallback", entities[:2], events=events))
    assert not dispatcher.messages


def test_the_offer_of_more_questions_outlives_a_side_question() -> None:
    slots = {**PROFILE, "offer": "more_questions", "social_assistance": True, "disability_certificate": False}
    entities = [{"entity": "institution", "value": "kis"}]
    _, dispatcher = run(ActionAnswerQuestion(), tracker("co to jest KIS?", "ask_what_is", entities, slots=slots))
    assert "Klub Integracji" in dispatcher.messages[0]["text"]
    assert dispatcher.messages[-1]["text"].endswith("Chcesz?") and dispatcher.messages[-1]["buttons"]
    for message, intent in (
        ("Tak, pytaj", "affirm"),
        ("no dobra pytaj", "request_advice"),
        ("Tak, mozesz pytac.", "affirm"),
    ):
        events, dispatcher = run(ActionContinue(), tracker(message, intent, slots=slots))
        assert slot_events(events) == {"questions_phase": "extended", "offer": "done"}, message
        assert events[-1]["name"] == "profile_form" and not dispatcher.messages
    events, dispatcher = run(ActionContinue(), tracker("nie, nie pytaj", "deny", slots=slots))
    assert "questions_phase" not in slot_events(events)
    # "ile jeszcze pytań?" after the list: the offer itself says how many
    _, dispatcher = run(ActionAnswerQuestion(), tracker("ile jeszcze pytań?", "ask_how_much", slots=slots))
    assert [m["text"] for m in dispatcher.messages] == [dispatcher.messages[0]["text"]]
    assert dispatcher.messages[0]["text"].startswith("Mogę zadać jeszcze") and dispatcher.messages[0]["buttons"]


@pytest.mark.parametrize("message", ["nie wiem, chyba lekki", "Nie wiem... chyba lekki"])
def test_an_answer_that_begins_with_nie_wiem_skips_the_question(message: str) -> None:
    slots = {"requested_slot": "disability_degree", "disability_certificate": True}
    entities = [{"entity": "disability_degree", "value": "light", "start": len(message) - 5, "end": len(message)}]
    events, _ = run(ActionValidateSlotMappings(), tracker(message, "inform_degree", entities, slots=slots, form=True))
    assert slot_events(events) == {"skipped_questions": ["disability_degree"]}


def test_an_unconfirmed_contact_says_how_to_check_it_not_the_research_note() -> None:
    note = "Artykuł o tworzeniu CIS (kierownik …); nie sprawdzono, czy CIS obecnie działa"
    contact = {"source_date": "2019-03-01", "confirmed": False, "notes": note, "url": None}
    line = provenance(contact)
    assert "niepotwierdzone" in line and "19115" in line and "OPS" in line and note not in line
    assert "strona https://example.org" in provenance({**contact, "url": "https://example.org"})
    assert provenance({**contact, "confirmed": True}) == "(dane ze źródła z 2019-03-01 – sprawdź przed wizytą)."


def test_a_situation_with_a_question_naming_nothing_still_asks_for_advice() -> None:
    message = "Mam orzeczenie. Gdzie mogę pracować?"
    events = [{"event": "user", "text": message}, {"event": "slot", "name": "disability_certificate", "value": True}]
    result, dispatcher = run(ActionAnswerQuestion(), tracker(message, "ask_where", events=events))
    assert result == [{"event": "followup", "name": "action_continue", "timestamp": None}] and not dispatcher.messages
