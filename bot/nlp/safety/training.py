"""The classifier's examples from the NLU training data, and the crisis test sets' format."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.nlp.safety.classifier import label_of_intent
from bot.nlp.safety.signals import CATEGORIES

NLU_DIR = Path(__file__).resolve().parents[3] / "data" / "nlu"


def nlu_examples(directory: Path = NLU_DIR) -> tuple[list[str], list[str]]:
    """(texts, labels) of every intent example: `crisis_*` intents by category, the rest "none"."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(directory))
    texts = [m.get("text") for m in data.intent_examples]
    labels = [label_of_intent(m.get("intent")) for m in data.intent_examples]
    return texts, labels


def read_set(path: Path) -> list[tuple[str, str | None]]:
    """A crisis test set (tests/crisis_dev, tests/crisis_eval): (text, category or None)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    rows: list[tuple[str, str | None]] = []
    for category, texts in (data.get("crisis") or {}).items():
        if category not in CATEGORIES:
            raise ValueError(f"{path}: unknown category {category!r}")
        rows.extend((str(t), category) for t in texts)
    rows.extend((str(t), None) for t in data.get("non_crisis") or [])
    return rows
