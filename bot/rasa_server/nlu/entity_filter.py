"""Entities that name the catalogue are catalogue IDs, or they are not entities.

DIET may mark a word as an `institution` or a `tool` that is neither ("przepis na [pierogi]"):
after the EntitySynonymMapper, every institution and tool entity whose value is not an ID of the
contract is first matched to the catalogue by its words' forms (bot.nlp.catalogue_names: "z
pośredniakiem", "z MOPS-em", "o pracach spolecznie uzytecznych", which the synonym mapper leaves
as they are), and dropped when that finds nothing, so nothing downstream (the actions, `rasa test`,
the tracker) sees one. The synonyms it matches by are the training data's, kept with the model.
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, ENTITY_ATTRIBUTE_TYPE, ENTITY_ATTRIBUTE_VALUE
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.knowledge.contract_ids import INSTITUTION_IDS, TOOL_IDS
from bot.nlp.catalogue_names import NameIndex

KNOWN = {"institution": frozenset(INSTITUTION_IDS), "tool": frozenset(t for ids in TOOL_IDS.values() for t in ids)}
SYNONYMS_FILE = "synonyms.json"
RESOLVED_BY = "CatalogueEntityFilter"  # added to an entity's `processors` when its value was matched here


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


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=True)
class CatalogueEntityFilter(GraphComponent):
    def __init__(self, model_storage: ModelStorage, resource: Resource, synonyms: Dict[str, str]) -> None:
        self._model_storage = model_storage
        self._resource = resource
        self.names = NameIndex.build(synonyms, KNOWN)

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "CatalogueEntityFilter":
        return cls(model_storage, resource, {})

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "CatalogueEntityFilter":
        try:
            with model_storage.read_from(resource) as directory:
                synonyms = json.loads((directory / SYNONYMS_FILE).read_text(encoding="utf-8"))
        except (ValueError, FileNotFoundError):
            synonyms = {}  # a model trained before the synonyms were kept: exact IDs only
        return cls(model_storage, resource, synonyms)

    def train(self, training_data: TrainingData) -> Resource:
        ids = KNOWN["institution"] | KNOWN["tool"]
        synonyms = {form: value for form, value in training_data.entity_synonyms.items() if value in ids}
        with self._model_storage.write_to(self._resource) as directory:
            (directory / SYNONYMS_FILE).write_text(
                json.dumps(synonyms, ensure_ascii=False, sort_keys=True), encoding="utf-8"
            )
        self.names = NameIndex.build(synonyms, KNOWN)
        return self._resource

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            entities = message.get(ENTITIES) or []
            kept = catalogue_entities(entities, self.names)
            if kept != entities:
                message.set(ENTITIES, kept, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
