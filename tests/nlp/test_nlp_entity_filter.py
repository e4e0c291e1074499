"""Institution and tool entities name the catalogue, or they are not passed on."""

from __future__ import annotations

from bot.rasa_server.nlu.entity_filter import catalogue_entities


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
