"""What the crisis classifier learns from, and the format of the crisis example sets.

Two sources: the NLU training data (`data/nlu`: the `crisis_*` intents by category, every other
intent as "none") and the extra examples in `data/safety/*.yml`, which have a crisis category or
none but no intent for DIET (see data/safety/README.md). The Rasa component and the benchmark
both train from `training_examples()`, so what is measured is what runs.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import yaml

from bot.nlp.safety.classifier import NONE, label_of_intent
from bot.nlp.safety.signals import CATEGORIES

ROOT = Path(__file__).resolve().parents[3]
NLU_DIR = ROOT / "data" / "nlu"
EXTRA_DIR = ROOT / "data" / "safety"

Examples = tuple[list[str], list[str]]


def read_set(path: Path) -> list[tuple[str, str | None]]:
    """A crisis example set (data/safety, tests/crisis_eval): (text, category or None)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows: list[tuple[str, str | None]] = []
    for category, texts in (data.get("crisis") or {}).items():
        if category not in CATEGORIES:
            raise ValueError(f"{path}: unknown category {category!r}")
        rows.extend((str(t), category) for t in texts)
    rows.extend((str(t), None) for t in data.get("non_crisis") or [])
    return rows


def extra_files(directory: Path = EXTRA_DIR) -> list[Path]:
    return sorted(directory.glob("*.yml"))


def extra_examples(directory: Path = EXTRA_DIR) -> Examples:
    rows = [row for path in extra_files(directory) for row in read_set(path)]
    return [text for text, _ in rows], [category or NONE for _, category in rows]


def extra_digest(directory: Path = EXTRA_DIR) -> str:
    """Changes when an extra file does: Rasa's training cache must not reuse a stale classifier."""
    digest = hashlib.sha256()
    for path in extra_files(directory):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def nlu_examples(directory: Path = NLU_DIR) -> Examples:
    """(texts, labels) of every intent example: `crisis_*` intents by category, the rest "none"."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(directory))
    texts = [m.get("text") for m in data.intent_examples]
    labels = [label_of_intent(m.get("intent")) for m in data.intent_examples]
    return texts, labels


def training_examples(nlu: Examples | None = None) -> Examples:
    """Everything the classifier learns from: the NLU examples (given, or read) and the extra ones."""
    texts, labels = nlu if nlu is not None else nlu_examples()
    extra_texts, extra_labels = extra_examples()
    return list(texts) + extra_texts, list(labels) + extra_labels
