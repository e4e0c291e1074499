"""Institution and tool spans DIET found, matched to the catalogue by the forms of their words."""

from __future__ import annotations

import pytest

from bot.nlp.catalogue_names import NameIndex
from bot.rasa_server.nlu.entity_filter import KNOWN, catalogue_entities

SYNONYMS = {
    "pośredniak": "up",
    "pośredniaka": "up",
    "urząd pracy": "up",
    "mops": "ops",
    "ośrodek pomocy społecznej": "ops",
    "pomoc społeczna": "ops",
    "prace społecznie użyteczne": "prace_spolecznie_uzyteczne",
    "psu": "prace_spolecznie_uzyteczne",
    "robotach": "roboty_publiczne",
    "kluby dla rodzin": "kluby_dla_rodzin",
    "pai": "pai",
    "kurs": "szkolenia",
}


@pytest.fixture(scope="module")
def names() -> NameIndex:
    return NameIndex.build(SYNONYMS, KNOWN)


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("z pośredniakiem", ("institution", "up")),  # a little word the span should not have begun with
        ("pośredniakiem", ("institution", "up")),  # a Morfeusz lemma
        ("urzędzie pracy", ("institution", "up")),
        ("urzedzie pracy", ("institution", "up")),  # no diacritics: the stem
        ("MOPS-", ("institution", "ops")),  # the tokenizer ends the span at the hyphen of "MOPS-em"
        ("mopsem", ("institution", "ops")),
        ("pomoc spoleczna", ("institution", "ops")),
        ("ośrodku pomocy społecznej", ("institution", "ops")),
        ("pracach spolecznie uzytecznych", ("tool", "prace_spolecznie_uzyteczne")),
        ("klubach dla rodzin", ("institution", "kluby_dla_rodzin")),
        ("PAI i", ("tool", "pai")),  # one little word too many
        ("posrednaka", ("institution", "up")),  # one letter left out of "posredniaka"
        ("kursu", ("tool", "szkolenia")),
    ],
)
def test_forms_of_catalogue_names(names: NameIndex, span: str, expected: tuple | None) -> None:
    assert names.resolve(span) == expected


@pytest.mark.parametrize(
    "span",
    [
        "pierogi",
        "kurs gotowania",
        "praca",
        "pomoc",
        "roboty",
        "robotę",
        "psem",
        "pies",
        "urzędzie",
        "socjalny",
        "pracy",
    ],
)
def test_words_that_name_nothing_in_the_catalogue(names: NameIndex, span: str) -> None:
    """General words stay general: "szukam roboty" is any work though "na robotach" is public works, and
    Morfeusz's "pies" for "psu" is no lemma of the acronym."""
    assert names.resolve(span) is None


def test_the_filter_keeps_matched_spans_with_the_catalogues_type(names: NameIndex) -> None:
    entities = [
        {"entity": "tool", "value": "posrednaka", "start": 20, "end": 30},  # DIET's type was wrong
        {"entity": "institution", "value": "pierogi"},
        {"entity": "institution", "value": "ops"},
    ]
    kept = catalogue_entities(entities, names)
    assert [(e["entity"], e["value"]) for e in kept] == [("institution", "up"), ("institution", "ops")]
    assert kept[0]["start"] == 20 and "CatalogueEntityFilter" in kept[0]["processors"]
    assert catalogue_entities(entities) == [entities[2]], "without the index only IDs stay"
