"""Entities that name the catalogue are catalogue IDs, or they are not entities.

DIET may mark a word as an `institution` or a `tool` that is neither ("przepis na [pierogi]"):
after the EntitySynonymMapper, every institution and tool entity whose value is not an ID of the
contract is dropped, so nothing downstream (the actions, `rasa test`, the tracker) sees one.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, ENTITY_ATTRIBUTE_TYPE, ENTITY_ATTRIBUTE_VALUE
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.knowledge.contract_ids import INSTITUTION_IDS, TOOL_IDS

KNOWN = {"institution": frozenset(INSTITUTION_IDS), "tool": frozenset(t for ids in TOOL_IDS.values() for t in ids)}


def catalogue_entities(entities: List[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
    """The entities without an institution or tool whose value names nothing in the catalogue."""
    return [
        e
        for e in entities
        if e.get(ENTITY_ATTRIBUTE_TYPE) not in KNOWN or e.get(ENTITY_ATTRIBUTE_VALUE) in KNOWN[e[ENTITY_ATTRIBUTE_TYPE]]
    ]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False)
class CatalogueEntityFilter(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "CatalogueEntityFilter":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            entities = message.get(ENTITIES) or []
            kept = catalogue_entities(entities)
            if len(kept) != len(entities):
                message.set(ENTITIES, kept, add_to_output=True)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
