"""The held-out NLU set is held out for real: no copies of training examples, every intent and entity."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from benchmarks.overlap import Index, near_copies, nlu_examples, normalised
from bot.language import DETECTOR_INTENTS

ROOT = Path(__file__).resolve().parent.parent
HELDOUT = ROOT / "tests" / "nlu_heldout" / "heldout.yml"
CLASSIFIED = "crisis_"  # intents DIET never learns: the crisis detector sets them


def heldout_intents() -> dict[str, list[str]]:
    data = yaml.safe_load(HELDOUT.read_text(encoding="utf-8"))
    return {
        item["intent"]: [line.strip()[2:] for line in item["examples"].splitlines() if line.strip()]
        for item in data["nlu"]
    }


def test_no_held_out_example_copies_a_training_example() -> None:
    examples = [e for texts in heldout_intents().values() for e in texts]
    assert near_copies(examples, nlu_examples(ROOT / "data" / "nlu")) == []


def test_the_set_is_large_and_covers_every_intent_and_entity() -> None:
    intents = heldout_intents()
    domain = yaml.safe_load((ROOT / "domain" / "domain.yml").read_text(encoding="utf-8"))
    assert sum(map(len, intents.values())) >= 500
    # the crisis intents and the language detector's are set by their components, not by DIET
    assert set(intents) == {i for i in domain["intents"] if not i.startswith(CLASSIFIED) and i not in DETECTOR_INTENTS}
    assert all(len(texts) >= 10 for texts in intents.values())
    text = HELDOUT.read_text(encoding="utf-8")
    assert all(f'"entity": "{e}"' in text or f"]({e})" in text for e in domain["entities"] if e != "language")


def test_the_gate_catches_copies_a_writer_could_make() -> None:
    index = Index(
        ['w zeszłym tygodniu zarejestrowałem się w [pośredniaku]{"entity": "institution", "value": "up"} na Woli']
    )
    assert normalised("w [Woli](district), OK?") == "w woli ok"
    assert index.copy_of("W zeszlym tygodniu zarejestrowalem sie w posredniaku na Woli!") is not None  # folded
    assert index.copy_of("zarejestrowałem się na Woli w pośredniaku w zeszłym tygodniu") is not None  # reordered
    assert index.copy_of("w zeszłym miesiącu zarejestrowałem się w pośredniaku na Woli") is not None  # a word
    assert index.copy_of("w zeszlym tygodniu zarejestrowalam sie w posredniaku na woli") is not None  # a letter
    assert index.copy_of("od roku jestem w urzędzie pracy jako bezrobotna") is None


@pytest.mark.parametrize("language", ["uk", "en"])
def test_no_held_out_example_copies_a_training_example_of_its_language(language: str) -> None:
    """Issue 14's sets: Ukrainian (Cyrillic compared as such) and English, against their training data."""
    examples = nlu_examples(ROOT / "tests" / "nlu_heldout" / f"{language}.yml")
    assert len(examples) >= 150
    assert near_copies(examples, nlu_examples(ROOT / "languages" / language / "nlu")) == []


def test_the_gate_reads_cyrillic() -> None:
    """A normaliser that kept only Latin letters made every Cyrillic message equal to every other one."""
    assert normalised("Я безробітна") != normalised("Де знайти ОПС?")
    assert Index(["Я безробітна, маю 34 роки"]).copy_of("я безробітна маю 34 роки") is not None
