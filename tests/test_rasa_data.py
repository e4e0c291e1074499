"""The Rasa training data loads and holds together (what `rasa data validate` checks), in seconds.

A broken rule file used to surface only when the model was trained, minutes into `make test`.
"""

from __future__ import annotations

import warnings

import pytest
from rasa.shared.core.constants import DEFAULT_INTENTS
from rasa.shared.importers.importer import TrainingDataImporter
from rasa.validator import Validator

from bot.language import DETECTOR_INTENTS
from scripts.validate_rasa_data import is_expected, names_in_code
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def validator() -> Validator:
    importer = TrainingDataImporter.load_from_dict(
        config_path=str(ROOT / "config.yml"),
        domain_path=str(ROOT / "domain"),
        training_data_paths=[str(ROOT / "data")],
    )
    return Validator.from_importer(importer)


def test_domain_and_responses(validator: Validator) -> None:
    assert validator.verify_domain_validity()
    # Rasa 3.6 answers True even when it warns about an unused response (RasaHQ/rasa#11843): count the warnings.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        validator.verify_utterances_in_stories(ignore_warnings=False)
    code_names = names_in_code()
    assert [str(w.message) for w in caught if not is_expected(str(w.message), code_names)] == []


def test_rules_and_stories_do_not_contradict_each_other(validator: Validator) -> None:
    assert validator.verify_story_structure(ignore_warnings=False, max_history=5)


def test_every_trained_intent_is_in_the_domain(validator: Validator) -> None:
    trained = {m.get("intent") for m in validator.intents.intent_examples}
    assert trained <= set(validator.domain.intents)
    untrained = set(validator.domain.intents) - trained - set(DEFAULT_INTENTS)
    crisis = {"crisis_suicide", "crisis_violence", "crisis_shelter", "crisis_emergency", "crisis_unsure"}
    assert untrained == crisis | DETECTOR_INTENTS, (
        "only the crisis detector's intents (it learns from data/safety) and the language detector's have no NLU examples"
    )
