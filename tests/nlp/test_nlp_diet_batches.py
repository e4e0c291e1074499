"""DIET's training batches hold messages of similar length (bot/rasa_server/nlu/diet.py), and nothing
else about the training changes: every message of the epoch, batches of the configured size."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest
from rasa.utils import train_utils
from rasa.utils.tensorflow.data_generator import RasaBatchDataGenerator
from rasa.utils.tensorflow.model_data import FeatureArray, RasaModelData

from bot.rasa_server.nlu.diet import LengthBucketedBatches, bucketed_batches, bucketed_order


def padding(lengths: np.ndarray, order: np.ndarray, batch_size: int) -> float:
    """Padded tokens over real tokens, when batches are cut from `order`."""
    batches = [lengths[order[i : i + batch_size]] for i in range(0, len(order), batch_size)]
    return sum(b.max() * len(b) for b in batches) / lengths.sum()


def short_with_a_long_tail(n: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.minimum(1 + rng.geometric(0.17, size=n), 28)


@pytest.mark.parametrize(("n", "batch_size"), [(1000, 64), (1000, 256), (64, 64), (70, 64), (10, 64), (0, 64)])
def test_the_order_is_every_message_once_in_full_batches(n: int, batch_size: int) -> None:
    lengths = short_with_a_long_tail(n)
    order = bucketed_order(lengths, batch_size, np.random.default_rng(1))
    assert sorted(order.tolist()) == list(range(n))
    full = n // batch_size
    # the short batch, if any, is last: the generator cuts batches of batch_size from the start
    assert set(order[full * batch_size :].tolist()) == set(range(n)) - set(order[: full * batch_size].tolist())


def test_batches_hold_messages_of_similar_length() -> None:
    rng = np.random.default_rng(2)
    mixed = rng.permutation(short_with_a_long_tail(4000))  # as Rasa shuffles an epoch
    assert padding(mixed, np.arange(len(mixed)), 160) > 2.5  # what Rasa's own batches pad
    assert padding(mixed, bucketed_order(mixed, 160, rng), 160) < 1.3


def test_the_batches_come_in_a_random_order() -> None:
    lengths = short_with_a_long_tail(1000)
    first = bucketed_order(lengths, 64, np.random.default_rng(3))
    second = bucketed_order(lengths, 64, np.random.default_rng(4))
    assert first.tolist() != second.tolist()
    batches = [sorted(first[i : i + 64].tolist()) for i in range(0, 960, 64)]
    assert batches != sorted(batches, key=lambda b: lengths[b].max())  # not longest-last


def model_data(lengths: np.ndarray) -> RasaModelData:
    """Messages whose sequence features have `lengths` rows, in three intents."""
    sequence = FeatureArray(np.array([np.ones((n, 4)) for n in lengths], dtype=object), number_of_dimensions=3)
    labels = FeatureArray(np.array([[i % 3] for i in range(len(lengths))]), number_of_dimensions=2)
    return RasaModelData(
        label_key="label", label_sub_key="ids", data={"text": {"sequence": [sequence]}, "label": {"ids": [labels]}}
    )


def epoch(generator: RasaBatchDataGenerator) -> list[tuple[np.ndarray, np.ndarray]]:
    """(sequence features, label ids) of each batch of the generator's current epoch."""
    return [(batch[0], batch[-1]) for batch in (generator[i][0] for i in range(len(generator)))]


def content(batches: list[tuple[np.ndarray, np.ndarray]]) -> Counter:
    """(true length, label) of every message in the batches."""
    return Counter(
        (int(row.any(-1).sum()), int(label[0])) for features, labels in batches for row, label in zip(features, labels)
    )


def padded_tokens(batches: list[tuple[np.ndarray, np.ndarray]]) -> int:
    return sum(features.shape[0] * features.shape[1] for features, _ in batches)


def test_rasa_trains_on_the_same_messages_in_batches_padded_less() -> None:
    data = model_data(short_with_a_long_tail(600, seed=5))
    np.random.seed(6)
    with bucketed_batches():
        ours, _ = train_utils.create_data_generators(data, [32, 64], 5, "balanced")
    np.random.seed(6)
    theirs, _ = train_utils.create_data_generators(data, [32, 64], 5, "balanced")
    assert isinstance(ours, LengthBucketedBatches)
    assert train_utils.RasaBatchDataGenerator is RasaBatchDataGenerator  # Rasa's own again after training
    for _ in range(2):  # the first epoch and the next
        mine, rasa = epoch(ours), epoch(theirs)
        assert [len(labels) for _, labels in mine] == [len(labels) for _, labels in rasa]
        assert content(mine) == content(rasa)
        assert padded_tokens(mine) < 0.6 * padded_tokens(rasa)
        ours.on_epoch_end()
        theirs.on_epoch_end()
