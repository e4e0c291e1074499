"""The synonym lookup tables: made from the training data's synonyms, one per entity type, and they mark tokens."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.formats.rasa_yaml import RasaYAMLReader
from rasa.shared.nlu.training_data.message import Message

from bot.rasa_server.nlu.synonym_lookup import SynonymLookupFeaturizer, synonym_tables

DATA = """
version: "3.1"
nlu:
- intent: ask_institution
  examples: |
    - co to jest [OPS]{"entity": "institution", "value": "ops"}
    - mieszkam na [Woli](district)
- synonym: ops
  examples: |
    - MOPS-ie
    - ośrodek pomocy społecznej
- synonym: Wola
  examples: |
    - woli
    - odolany
- synonym: nothing_annotated
  examples: |
    - coś tam
"""


def training_data():
    return RasaYAMLReader().reads(DATA)


def test_one_table_per_entity_type_with_the_forms_with_and_without_diacritics() -> None:
    tables = {t["name"]: t["elements"] for t in synonym_tables(training_data())}
    assert set(tables) == {"synonyms_institution", "synonyms_district"}
    # "OPS" annotated with the value "ops" is itself a synonym (Rasa adds it)
    assert tables["synonyms_institution"] == [
        "mops-ie",
        "ops",
        "osrodek pomocy spolecznej",
        "ośrodek pomocy społecznej",
    ]
    # "Woli" is annotated as itself; its synonym gives it the value Wola, whose forms are the district's
    assert tables["synonyms_district"] == ["odolany", "woli"]


def _tokenized(text: str) -> Message:
    message = Message(data={TEXT: text})
    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    tokenizer.process([message])
    return message


def test_a_form_never_annotated_marks_its_tokens_whatever_its_case(tmp_path: Path) -> None:
    featurizer = SynonymLookupFeaturizer.create(
        {**SynonymLookupFeaturizer.get_default_config(), "case_sensitive": False},
        LocalModelStorage(tmp_path),
        Resource("lookup"),
        ExecutionContext(GraphSchema({}), "lookup"),
    )
    featurizer.train(training_data())
    message = _tokenized("bylam w Osrodek Pomocy Spolecznej wczoraj")
    featurizer.process([message])
    sequence, _ = message.get_sparse_features(TEXT)
    marked = np.asarray(sequence.features.todense()).any(axis=1).tolist()
    assert marked == [False, False, True, True, True, False]
