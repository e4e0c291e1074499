"""Institution and tool entities name the catalogue, or they are not passed on."""

from __future__ import annotations

import pytest

from bot.rasa_server.nlu.entity_filter import catalogue_entities, number_only


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
