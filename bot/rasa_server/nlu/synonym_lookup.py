"""Rasa's RegexFeaturizer whose lookup tables are the training data's entity synonyms.

Every surface form in data/nlu/synonyms.yml ("MOPS-ie", "pośredniaka", "hufcach pracy") names
an entity type's value, but DIET learns an entity only from the forms that appear annotated in
an example, and about half of them never do. Rasa's documented remedy is a lookup table: the
RegexFeaturizer marks each token a table's entry covers, and DIET learns that the mark goes with
the entity. Here the tables are made from the synonyms at training time (one per entity type, the
forms written with and without diacritics), so there is no second list to keep in step.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from typing import Dict, List, Set, Text

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.featurizers.sparse_featurizer.regex_featurizer import RegexFeaturizer
from rasa.shared.nlu.constants import ENTITIES, ENTITY_ATTRIBUTE_TYPE, ENTITY_ATTRIBUTE_VALUE
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlp.morphology import fold

TABLE_PREFIX = "synonyms_"


def synonym_tables(training_data: TrainingData) -> List[Dict[Text, object]]:
    """One lookup table per entity type: the surface forms of the synonyms of its values.

    A value's type is the one its annotated examples give it; a synonym whose value no example
    annotates has no type and is left out.
    """
    synonyms = training_data.entity_synonyms
    value_types: Dict[Text, Set[Text]] = defaultdict(set)
    for example in training_data.entity_examples:
        for entity in example.get(ENTITIES) or []:
            value = str(entity.get(ENTITY_ATTRIBUTE_VALUE))
            value = synonyms.get(value, synonyms.get(value.lower(), value))
            value_types[value].add(entity[ENTITY_ATTRIBUTE_TYPE])
    forms: Dict[Text, Set[Text]] = defaultdict(set)
    for surface, value in synonyms.items():
        for entity_type in value_types.get(str(value), ()):
            forms[entity_type].update({surface.lower(), fold(surface)})
    return [
        {"name": f"{TABLE_PREFIX}{entity_type}", "elements": sorted(f for f in found if f.strip())}
        for entity_type, found in sorted(forms.items())
    ]


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=True)
class SynonymLookupFeaturizer(RegexFeaturizer):
    """RegexFeaturizer (lookup tables and regexes of the data as usual) plus the synonym tables."""

    def train(self, training_data: TrainingData) -> Resource:
        with_tables = copy.copy(training_data)
        with_tables.lookup_tables = list(training_data.lookup_tables) + synonym_tables(training_data)
        return super().train(with_tables)
