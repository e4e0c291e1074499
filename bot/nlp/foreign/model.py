"""The NLU of one language other than Polish: its intent classifier and its entity extractor,
trained from `languages/<lang>/nlu` (Rasa's YAML format, read with Rasa's own reader), saved and
loaded as one file.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

import joblib

from bot.nlp.foreign.entities import EntityModel, Span
from bot.nlp.foreign.intents import IntentModel

ROOT = Path(__file__).resolve().parents[3]
LANGUAGES_DIR = ROOT / "languages"


@dataclass(frozen=True)
class Examples:
    texts: list[str]
    intents: list[str]
    entities: list[list[dict[str, Any]]]
    synonyms: dict[str, str]


def nlu_dir(language: str, root: Path = LANGUAGES_DIR) -> Path:
    return root / language / "nlu"


def read_examples(directory: Path) -> Examples:
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(directory))
    examples = [m for m in data.intent_examples if m.get("text")]
    return Examples(
        texts=[m.get("text") for m in examples],
        intents=[m.get("intent") for m in examples],
        entities=[list(m.get("entities") or []) for m in examples],
        synonyms=dict(data.entity_synonyms),
    )


# How the models learn, where data alone does not say it; change it with the code (Rasa's cache keys on it).
RECIPE = "entities: synonyms also by sound key"


def digest(root: Path = LANGUAGES_DIR) -> str:
    """Changes when any NLU file of another language or the recipe does (Rasa's cache must not keep a
    stale model)."""
    hashed = hashlib.sha256(RECIPE.encode() + b"\0")
    for path in sorted(root.glob("*/nlu/**/*.yml")):
        hashed.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return hashed.hexdigest()


class LanguageModel:
    FILE = "{language}.joblib"

    def __init__(self, language: str, intents: IntentModel, entities: EntityModel) -> None:
        self.language = language
        self.intents = intents
        self.entities = entities

    @classmethod
    def fit(cls, language: str, examples: Examples, **params: float) -> "LanguageModel":
        intent_params = {k: v for k, v in params.items() if k == "c"}
        entity_params = {k: v for k, v in params.items() if k in ("c1", "c2")}
        return cls(
            language,
            IntentModel.fit(examples.texts, examples.intents, language, **intent_params),
            EntityModel.fit(list(zip(examples.texts, examples.entities)), examples.synonyms, language, **entity_params),
        )

    def parse(self, text: str) -> tuple[list[tuple[str, float]], list[Span]]:
        return self.intents.ranking(text), self.entities.spans(text)

    def save(self, directory: Path) -> None:
        joblib.dump(
            {"language": self.language, "intents": self.intents.pipeline, "entities": self.entities},
            directory / self.FILE.format(language=self.language),
        )

    @classmethod
    def load(cls, directory: Path, language: str) -> "LanguageModel":
        stored: Mapping[str, Any] = joblib.load(directory / cls.FILE.format(language=language))
        return cls(language, IntentModel(stored["intents"]), stored["entities"])
