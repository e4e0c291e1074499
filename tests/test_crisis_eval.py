"""The crisis evaluation set is held out for real, and the detector meets the issue's thresholds on it.

- No message of a held-out set is a copy or a near-copy of a training example (data/nlu, the
  Ukrainian and English NLU examples of languages/, the classifier's extra examples in
  data/safety, and what only the Ukrainian and English classifier learns from: the retired sets of
  data/safety/foreign and the development sets of data/safety/dev), once case, diacritics,
  punctuation and entity markup are ignored (normalised exact match, and the similarity
  thresholds of benchmarks/overlap.py). Failures give a count, never a held-out message.
- The Polish classifier does not learn from the Ukrainian and English sets.
- Trained exactly as the Rasa component trains, the detector reaches recall >= 0.98 overall
  and >= 0.95 in each category, with at most 5 % false alarms on the held-out set the figures
  are reported on (`eval`: tests/crisis_eval/eval3.yml and eval4.yml together; benchmarks/crisis.py
  prints the table).
"""

from __future__ import annotations

from functools import lru_cache

import pytest

from benchmarks.crisis import DEV, SETS, evaluate, read_sets, report
from benchmarks.overlap import near_copies
from bot.nlp.safety.classifier import CrisisClassifier
from bot.nlp.safety.signals import CATEGORIES
from bot.nlp.safety.training import (
    FOREIGN_DIR,
    extra_files,
    foreign_examples,
    foreign_files,
    read_set,
    training_examples,
)

# uk, en, uk2, en2, uk3 and en3 were retired into data/safety/foreign (2026-11-30, eleventh session),
# uk4 and en4 too (twelfth session), uk5 … uk8 and en5 … en8 in the thirteenth, uk9 and en9 in the
# fourteenth, uk10, uk11 and en10 in the fifteenth; uk13, uk14 and en11 were written apart (fifteenth session)
# and are read here only when present, for the copy tests.
HELD_OUT_SETS = ("eval3", "eval4", "uk13", "uk14", "en11")


@lru_cache(maxsize=1)
def training() -> tuple[list[str], list[str]]:
    """Everything the Polish classifier learns from: data/nlu and the extra examples of data/safety."""
    return training_examples()


@lru_cache(maxsize=1)
def every_training_text() -> list[str]:
    """What either classifier learns from: the Polish classifier's data and the Ukrainian and English sets."""
    return training()[0] + foreign_examples()[0]


def present(name: str) -> bool:
    return all(path.is_file() for path in SETS[name])


def held_out_messages(name: str) -> list[str]:
    if not present(name):
        pytest.skip(f"{name} is not written yet")
    return [text for text, _ in read_sets(name)]


@pytest.mark.parametrize("name", HELD_OUT_SETS)
def test_no_test_message_copies_a_training_example(name: str) -> None:
    assert copies(held_out_messages(name), every_training_text()) == 0


def test_the_polish_classifier_does_not_learn_from_the_ukrainian_and_english_sets() -> None:
    assert foreign_files() and not set(foreign_files()) & set(extra_files())
    assert all(path.parent != FOREIGN_DIR for path in extra_files())


def development_messages() -> list[str]:
    """Issue 14's Ukrainian and English development sets (data/safety/dev): tuned on, and since the
    eleventh session training data of the Ukrainian and English classifier only."""
    return [text for path in sorted(DEV.glob("*.yml")) for text, _ in read_set(path)]


def copies(texts: list[str], others: list[str]) -> int:
    """How many of `texts` copy one of `others`: a count, so that a failure prints no held-out message."""
    return len(near_copies(texts, others))


def test_the_development_sets_are_not_training_data() -> None:
    assert development_messages() and not any(path.parent == DEV for path in extra_files())


def test_no_development_message_copies_a_training_example() -> None:
    assert near_copies(development_messages(), training()[0]) == []


def test_the_development_sets_and_the_held_out_sets_share_no_message() -> None:
    held_out = [text for name in HELD_OUT_SETS if present(name) for text, _ in read_sets(name)]
    mine = development_messages()
    found = copies(mine, held_out) + copies(held_out, mine)
    assert found == 0


def test_the_held_out_sets_were_written_apart_from_each_other() -> None:
    assert near_copies([t for t, _ in read_sets("eval4")], [t for t, _ in read_sets("eval3")]) == []


def test_the_evaluation_set_is_large_enough_in_every_category() -> None:
    rows = read_sets("eval")
    crisis = [category for _, category in rows if category]
    assert len(crisis) >= 150 and len(rows) - len(crisis) >= 150
    assert all(crisis.count(c) >= 100 for c in CATEGORIES)


def test_recall_and_false_alarms_on_the_held_out_set() -> None:
    texts, labels = training()
    results = evaluate(read_sets("eval"), CrisisClassifier().fit(texts, labels))
    table, figures = report(results)
    assert figures["overall"] >= 0.98, table
    assert all(figures[c] >= 0.95 for c in CATEGORIES), table
    assert figures["false_alarms"] <= 0.05, table
