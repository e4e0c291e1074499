"""Entities that name the catalogue are catalogue IDs, or they are not entities.

DIET may mark a word as an `institution` or a `tool` that is neither ("przepis na [pierogi]"):
after the EntitySynonymMapper, every institution and tool entity whose value is not an ID of the
contract is first matched to the catalogue by its words' forms (bot.nlp.catalogue_names: "z
pośredniakiem", "z MOPS-em", "o pracach spolecznie uzytecznych", which the synonym mapper leaves
as they are), and dropped when that finds nothing, so nothing downstream (the actions, `rasa test`,
the tracker) sees one. The synonyms it matches by are the training data's, kept with the model.

Names DIET missed are then looked up in the whole text (`NameIndex.find`: "chodzimy do CWR", "dług w
zakładzie gospodarowania nieruchomościami", "do hufców pracy" that DIET took for a duration) and added
as this component's entities, unless the training data mostly leaves such a name unmarked (`Marking`).
Last, a number no age can be is no age ("4 godziny", "do 2027"), a year is no duration ("od 2019"), "opieka"
meaning care is no office ("wymaga opieki", "pod opieką": `care`), and an age is its number: "47 lat" marked
whole is "47", as the training data marks it ("[47](age) lat"). Then, in a message read in Polish, the other
entities are set right as the annotation conventions mark them (bot.nlp.personal_entities: conditions and
degrees named in full or dropped, one thing said twice marked once, a family member's condition, streets,
ages and durations DIET missed, an acronym's hyphenated ending).
"""

from __future__ import annotations

import json
import re
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, ENTITY_ATTRIBUTE_TYPE, ENTITY_ATTRIBUTE_VALUE
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.knowledge.contract_ids import INSTITUTION_IDS, TOOL_IDS
from bot.nlp.catalogue_names import MARKED_SHARE, Found, Marking, NameIndex
from bot.nlp.morphology import fold
from bot.nlp.numbers import parse_age
from bot.nlp.personal_entities import personal_entities

READ_AS = "read_as"  # the language the NLU read the message in (bot.language.READ_AS_KEY)
KNOWN = {"institution": frozenset(INSTITUTION_IDS), "tool": frozenset(t for ids in TOOL_IDS.values() for t in ids)}
SYNONYMS_FILE = "synonyms.json"
MARKING_FILE = "marking.json"
NAME = "CatalogueEntityFilter"
RESOLVED_BY = NAME  # added to an entity's `processors` when its value was matched here
YEAR = re.compile(r"(?:19|20)\d\d")
AGE_AND_UNIT = re.compile(r"(\d{1,3})\s*(?:lat|lata|latek|l\.?)", re.IGNORECASE)


def catalogue_entities(entities: List[Dict[Text, Any]], names: Optional[NameIndex] = None) -> List[Dict[Text, Any]]:
    """The entities without an institution or tool whose value names nothing in the catalogue; with
    `names`, such a value is first matched to an ID by the forms of its words."""
    kept = []
    for entity in entities:
        kind, value = entity.get(ENTITY_ATTRIBUTE_TYPE), entity.get(ENTITY_ATTRIBUTE_VALUE)
        if kind not in KNOWN or value in KNOWN[kind]:
            kept.append(entity)
            continue
        match = names.resolve(str(value or "")) if names is not None else None
        if match is not None:
            processors = list(entity.get("processors") or []) + [RESOLVED_BY]
            kept.append(
                {**entity, ENTITY_ATTRIBUTE_TYPE: match[0], ENTITY_ATTRIBUTE_VALUE: match[1], "processors": processors}
            )
    return kept


def found_entities(
    text: str, entities: List[Dict[Text, Any]], names: NameIndex, marking: Marking
) -> List[Dict[Text, Any]]:
    """The entities with the catalogue names found in the text added; a name replaces the entities that
    lie inside it ("agencję pracy" of "agencję pracy tymczasowej", "hufców" taken for a duration), and
    is left out where it overlaps an entity reaching beyond it."""
    result = list(entities)
    for found in names.find(text, marking.likely):
        overlapping = [e for e in result if _overlaps(e, found)]
        if all(found.start <= e.get("start", -1) and e.get("end", -1) <= found.end for e in overlapping):
            if any(e.get("end", 0) - e.get("start", 0) == found.end - found.start for e in overlapping):
                continue  # DIET's own entity on exactly these characters stays
            result = [e for e in result if e not in overlapping] + [_entity(text, found)]
    return sorted(result, key=lambda e: e.get("start", 0))


def _overlaps(entity: Dict[Text, Any], found: Found) -> bool:
    start, end = entity.get("start"), entity.get("end")
    return isinstance(start, int) and isinstance(end, int) and start < found.end and found.start < end


def _entity(text: str, found: Found) -> Dict[Text, Any]:
    kind, value = found.match
    return {
        "entity": kind,
        "start": found.start,
        "end": found.end,
        "value": value,
        "confidence_entity": 1.0,
        "extractor": NAME,
        "processors": [NAME],
        "text": text[found.start : found.end],
    }


# "opieka" meaning care is no social assistance office (docs/nlu-conventions.md): "pod opieką", "wymaga
# opieki", "potrzebuję opieki", "pod stałą opieką", "opieka nad dzieckiem", "opieki całodobowej"
CARE_BEFORE = re.compile(r"(?:\bpod\s+(?:\w+\s+)?|\bwymaga\w*\s+|\bpotrzebuj\w*\s+|\bpotrzebow\w*\s+)$")
CARE_AFTER = re.compile(r"^\s+(?:nad|calodobow\w*)\b")


def care(entity: Dict[Text, Any], text: str) -> bool:
    """Whether an `ops` entity is one word "opieka" meaning care: after "pod", "wymaga", "potrzebuję", or before
    "nad", "całodobowej"."""
    start, end = entity.get("start"), entity.get("end")
    if entity.get(ENTITY_ATTRIBUTE_VALUE) != "ops" or not (isinstance(start, int) and isinstance(end, int)):
        return False
    if not re.fullmatch(r"opiek\w*", fold(text[start:end])):
        return False
    return bool(CARE_BEFORE.search(fold(text[:start])) or CARE_AFTER.match(fold(text[end:])))


def possible(entity: Dict[Text, Any], text: str) -> bool:
    """False for a number no age can be ("4 godziny", "do 2027", "5 osób"), for a year taken for a
    duration ("od 2019") and for "opieka" meaning care taken for the office (`care`); words are the
    model's call ("sześćdziesiąt")."""
    kind = entity.get(ENTITY_ATTRIBUTE_TYPE)
    start, end = entity.get("start"), entity.get("end")
    span = text[start:end] if isinstance(start, int) and isinstance(end, int) else str(entity.get("value") or "")
    if care(entity, text):
        return False
    if kind == "age" and any(ch.isdigit() for ch in span):
        return parse_age(span) is not None
    if kind == "duration":
        return not YEAR.fullmatch(span.strip())
    return True


def number_only(entity: Dict[Text, Any], text: str) -> Dict[Text, Any]:
    """An age entity that took the unit with its number ("47 lat": the similar-length DIET of the twelfth
    session did) ends after the number, with the number as its value; every other entity as it is."""
    start, end = entity.get("start"), entity.get("end")
    if entity.get(ENTITY_ATTRIBUTE_TYPE) != "age" or not (isinstance(start, int) and isinstance(end, int)):
        return entity
    found = AGE_AND_UNIT.fullmatch(text[start:end])
    if not found:
        return entity
    return {**entity, "end": start + len(found.group(1)), ENTITY_ATTRIBUTE_VALUE: found.group(1)}


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class CatalogueEntityFilter(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"marked_share": MARKED_SHARE}  # see bot.nlp.catalogue_names.Marking

    def __init__(
        self,
        model_storage: ModelStorage,
        resource: Resource,
        synonyms: Dict[str, str],
        marking: Marking,
        config: Optional[Dict[Text, Any]] = None,
    ) -> None:
        self._config = {**self.get_default_config(), **(config or {})}
        self._model_storage = model_storage
        self._resource = resource
        self.names = NameIndex.build(synonyms, KNOWN)
        self.marking = marking

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "CatalogueEntityFilter":
        return cls(model_storage, resource, {}, Marking(), config)

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "CatalogueEntityFilter":
        synonyms: Dict[str, str] = {}  # a model trained before the synonyms were kept: exact IDs only
        marking = Marking()
        try:
            with model_storage.read_from(resource) as directory:
                synonyms = json.loads((directory / SYNONYMS_FILE).read_text(encoding="utf-8"))
                marking = Marking.from_json(json.loads((directory / MARKING_FILE).read_text(encoding="utf-8")))
        except (ValueError, FileNotFoundError):
            pass
        return cls(model_storage, resource, synonyms, marking, config)

    def train(self, training_data: TrainingData) -> Resource:
        ids = KNOWN["institution"] | KNOWN["tool"]
        synonyms = {form: value for form, value in training_data.entity_synonyms.items() if value in ids}
        self.names = NameIndex.build(synonyms, KNOWN)
        self.marking = Marking.learn(self.names, _marked_spans(training_data), self._config["marked_share"])
        with self._model_storage.write_to(self._resource) as directory:
            for name, stored in ((SYNONYMS_FILE, synonyms), (MARKING_FILE, self.marking.to_json())):
                (directory / name).write_text(json.dumps(stored, ensure_ascii=False, sort_keys=True), encoding="utf-8")
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            entities = message.get(ENTITIES) or []
            text = str(message.get("text") or "")
            kept = [number_only(e, text) for e in catalogue_entities(entities, self.names) if possible(e, text)]
            kept = found_entities(text, kept, self.names, self.marking)
            if message.get(READ_AS) in (None, "pl"):  # Polish words and Polish conventions
                kept = personal_entities(text, kept, NAME)
            if kept != entities:
                message.set(ENTITIES, kept, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data


def _marked_spans(training_data: TrainingData) -> List[tuple]:
    """(text, the spans of its institution and tool entities) of every training example."""
    return [
        (
            str(example.get("text") or ""),
            [(e["start"], e["end"]) for e in example.get(ENTITIES) or [] if e.get(ENTITY_ATTRIBUTE_TYPE) in KNOWN],
        )
        for example in training_data.training_examples
    ]
