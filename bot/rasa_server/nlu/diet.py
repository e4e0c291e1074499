"""DIET trained on batches of messages of similar length: the same model, less work on padding.

Rasa pads every batch to its longest message. Our Polish training messages are short (6 tokens on
average) with a long tail (19 at the 99th percentile, 28 at most), so a batch of 64–256 random
messages is mostly padding: the transformer, the dropout and the CRF ran over about 3.5 times the
tokens there are (measured on data/nlu, docs/benchmarks.md "Training time"). Here each epoch's
messages, after Rasa's own shuffling and class balancing, are sorted by length within windows of
WINDOW_BATCHES batches, cut into batches, and the batches are shuffled: every message is still seen
once an epoch, in a batch of the configured size, in a random order of batches.

config.yml, in place of DIETClassifier (every DIET option works unchanged):
    - name: bot.rasa_server.nlu.diet.BucketedDIETClassifier
"""

from __future__ import annotations

import contextlib
from typing import Any, Dict, Iterator, Sequence, Text

import numpy as np
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.training_data import TrainingData
from rasa.utils import train_utils
from rasa.utils.tensorflow.constants import SEQUENCE
from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator
from rasa.utils.tensorflow.model_data import Data

WRITTEN_FOR_RASA = "3.6.21"  # train_utils.create_data_generators builds RasaBatchDataGenerator by name
# Batches sorted together: wide enough that most batches hold messages of one length, narrow enough
# that a window still mixes messages from all over the (shuffled, balanced) epoch.
WINDOW_BATCHES = 16


def bucketed_order(lengths: Sequence[int], batch_size: int, rng: np.random.Generator | Any) -> np.ndarray:
    """Positions 0..n-1 reordered: windows of WINDOW_BATCHES batches sorted by length (stable), cut
    into batches of `batch_size`, full batches in random order, the one short batch (if any) last."""
    positions = np.arange(len(lengths))
    lengths = np.asarray(lengths)
    window = batch_size * WINDOW_BATCHES
    chunks = [positions[start : start + window] for start in range(0, len(positions), window)]
    ordered = np.concatenate([c[np.argsort(lengths[c], kind="stable")] for c in chunks]) if chunks else positions
    full = len(ordered) // batch_size
    batches = ordered[: full * batch_size].reshape(full, batch_size)[rng.permutation(full)]
    return np.concatenate([batches.reshape(-1), ordered[full * batch_size :]])


def sequence_lengths(data: Data) -> list[int]:
    """Tokens of each message: the rows of its text sequence features."""
    features = data[TEXT][SEQUENCE][0]
    return [int(example.shape[0]) for example in features]


class LengthBucketedBatches(RasaBatchDataGenerator):
    """Rasa's batch generator, with each epoch's messages in batches of similar length."""

    def _shuffle_and_balance(self, batch_size: int) -> Data:
        data = super()._shuffle_and_balance(batch_size)
        if not self.shuffle or TEXT not in data or SEQUENCE not in data[TEXT]:
            return data
        order = bucketed_order(sequence_lengths(data), batch_size, np.random)
        return self.model_data._data_for_ids(data, order)


@contextlib.contextmanager
def bucketed_batches() -> Iterator[None]:
    """While training, Rasa's data generators are LengthBucketedBatches."""
    original = train_utils.RasaBatchDataGenerator
    train_utils.RasaBatchDataGenerator = LengthBucketedBatches  # type: ignore[misc]
    try:
        yield
    finally:
        train_utils.RasaBatchDataGenerator = original  # type: ignore[misc]


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR],
    is_trainable=True,
)
class BucketedDIETClassifier(DIETClassifier):
    """DIETClassifier whose training batches hold messages of similar length."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return DIETClassifier.get_default_config()

    def train(self, training_data: TrainingData) -> Resource:
        with bucketed_batches():
            return super().train(training_data)
