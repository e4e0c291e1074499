"""Institution and tool entities name the catalogue, or they are not passed on."""

from __future__ import annotations

import pytest
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.catalogue_names import Marking
from bot.rasa_server.nlu.entity_filter import NAME, CatalogueEntityFilter, catalogue_entities, number_only, possible


def test_only_catalogue_ids_stay_as_institutions_and_tools() -> None:
    entities = [
        {"entity": "institution", "value": "pierogi"},  # "przepis na pierogi"
        {"entity": "institution", "value": "ops"},
        {"entity": "tool", "value": "staz"},
        {"entity": "tool", "value": "kurs gotowania"},
        {"entity": "district", "value": "Wola"},
        {"entity": "age", "value": "52"},
    ]
    assert catalogue_entities(entities) == [entities[1], entities[2], entities[4], entities[5]]


@pytest.mark.parametrize(
    ("text", "start", "end", "kind", "expected"),
    [
        ("mam 47 lat", 4, 10, "age", (4, 6, "47")),  # the unit taken with the number
        ("mam 52 lata, mieszkam na Woli", 4, 11, "age", (4, 6, "52")),
        ("mam 47 lat", 4, 6, "age", (4, 6, "47")),  # already the number
        ("mam czterdziesci siedem lat", 4, 23, "age", (4, 23, "czterdziesci siedem")),  # words: the model's call
        ("bez pracy od 2 lat", 13, 18, "duration", (13, 18, "2 lat")),  # a duration keeps its unit
    ],
)
def test_an_age_is_its_number(text: str, start: int, end: int, kind: str, expected: tuple) -> None:
    entity = {"entity": kind, "start": start, "end": end, "value": text[start:end]}
    got = number_only(entity, text)
    assert (got["start"], got["end"], got["value"]) == expected


@pytest.mark.parametrize(
    ("text", "word", "office"),
    [
        ("zajmuje sie tesciowa ktora wymaga opieki", "opieki", False),
        ("mam pod opieka niepelnosprawnego brata", "opieka", False),
        ("jestem pod stałą opieką poradni", "opieką", False),
        ("po wypadku potrzebuję opieki", "opieki", False),
        ("opieka nad tata zajmuje mi caly dzien", "opieka", False),
        ("korzystam z opieki", "opieki", True),
        ("dostaję zasiłek z opieki dla samotnych matek", "opieki", True),
        ("nie jestem pod opieka ops", "ops", True),  # the office itself
    ],
)
def test_opieka_meaning_care_is_no_office(text: str, word: str, office: bool) -> None:
    """docs/nlu-conventions.md: "opieka" meaning care ("pod opieką", "opieka nad dzieckiem", "wymaga opieki")
    is no mention of the social assistance office."""
    start = text.index(word)
    entity = {"entity": "institution", "value": "ops", "start": start, "end": start + len(word)}
    assert possible(entity, text) is office


def _diet(text: str, words: str, kind: str, value: str | None = None) -> dict:
    start = text.index(words)
    value = words if value is None else value
    return {"entity": kind, "start": start, "end": start + len(words), "value": value, "extractor": "DIETClassifier"}


@pytest.mark.parametrize(
    ("text", "diet", "expected"),
    [
        # a condition widened to the name around it, a typo in a long word and all
        (
            "od dziecka mam niepelnosprawnosc inteletkualna",
            [("niepelnosprawnosc", "disability_condition", None)],
            [("niepelnosprawnosc inteletkualna", "disability_condition", "intellectual_disability")],
        ),
        # a condition and a degree that name none
        ("czy będzie padać w weekend", [("padać", "disability_condition", None)], []),
        ("mam pod opieka schorowana matke", [("schorowana", "disability_degree", None)], []),
        # one thing said twice, marked where it is named
        (
            "zdiagnozowali mnie w spektrum, autyzm atypowy",
            [("spektrum", "disability_condition", None), ("autyzm", "disability_condition", "autism")],
            [("autyzm", "disability_condition", "autism")],
        ),
        (
            "po czterdziestce jestem, dokładnie 42",
            [("czterdziestce", "age", None), ("42", "age", None)],
            [("42", "age", "42")],
        ),
        # a family member's condition
        ("jestem sama z trojka, najmlodszy ma adhd", [("adhd", "disability_condition", "other")], []),
        # a street is no district
        (
            "mieszkam na woli, ul. Górczewska",
            [("woli", "district", "Wola"), ("Górczewska", "district", None)],
            [("woli", "district", "Wola")],
        ),
        # an age and a duration DIET missed
        ("wlasnie skonczylem 18", [], [("18", "age", "18")]),
        ("wyszedlem z wiezienia rok temu", [], [("rok", "duration", "rok")]),
        # an acronym's hyphenated ending
        ("mam kontrakt z MOPS-em", [("MOPS", "institution", "ops")], [("MOPS-em", "institution", "ops")]),
    ],
)
def test_the_filter_sets_the_entities_right_as_the_conventions_mark_them(text: str, diet: list, expected: list) -> None:
    component = CatalogueEntityFilter(None, None, {"mops": "ops"}, Marking())  # type: ignore[arg-type]
    message = Message(data={"text": text, "entities": [_diet(text, *found) for found in diet]})
    component.process([message])
    got = message.get("entities")
    assert [(text[e["start"] : e["end"]], e["entity"], e["value"]) for e in got] == expected


def test_the_conventions_rules_are_for_polish_messages_only() -> None:
    component = CatalogueEntityFilter(None, None, {}, Marking())  # type: ignore[arg-type]
    text = "od dziecka mam niepelnosprawnosc inteletkualna"
    diet = [_diet(text, "niepelnosprawnosc", "disability_condition")]
    polish = Message(data={"text": text, "entities": list(diet)})
    english = Message(data={"text": text, "entities": list(diet), "read_as": "en"})
    component.process([polish, english])
    assert polish.get("entities")[0]["end"] == len(text) and NAME in polish.get("entities")[0]["processors"]
    assert english.get("entities") == diet
