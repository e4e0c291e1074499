"""The crisis classifier: learns categories from the crisis intents, and its fast scorer is exact."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.nlp.safety.classifier import NONE, CrisisClassifier, label_of_intent, lemma_words

TRAIN = [
    ("chce sie zabic", "suicide"),
    ("nie chce juz zyc", "suicide"),
    ("mam odlozone tabletki", "suicide"),
    ("maz mnie bije", "violence"),
    ("ojciec pijany bije mame", "violence"),
    ("partner mnie dusil", "violence"),
    ("nie mam gdzie dzis spac", "shelter"),
    ("spie na dworcu, zimno", "shelter"),
    ("wyrzucili mnie na noc", "shelter"),
    ("kolega nie oddycha", "emergency"),
    ("goni mnie facet z nozem", "emergency"),
    ("mama zemdlala", "emergency"),
    ("nie mam pracy", NONE),
    ("szukam pracy na magazynie", NONE),
    ("umieram z nudow", NONE),
    ("co to jest CIS", NONE),
    ("mam 45 lat", NONE),
    ("mieszkam na Woli", NONE),
    ("dostaje zasilek", NONE),
    ("jestem po wyroku", NONE),
]


@pytest.fixture(scope="module")
def classifier() -> CrisisClassifier:
    return CrisisClassifier().fit([t for t, _ in TRAIN], [label for _, label in TRAIN])


def test_intents_map_to_categories() -> None:
    assert label_of_intent("crisis_shelter") == "shelter"
    assert label_of_intent("crisis_unsure") == NONE and label_of_intent("sit_homeless") == NONE


def test_lemmas_and_their_pairs_are_features() -> None:
    assert {"bic", "ja", "bic_ja"} <= set(lemma_words("bije mnie"))


@pytest.mark.parametrize(
    "text", ["mąż znowu mnie bije", "śpię na dworcu", "szukam pracy", "", "ąęśćżź 12345 !!!", "x" * 300]
)
def test_the_fast_scorer_gives_predict_proba_exactly(classifier: CrisisClassifier, text: str) -> None:
    ours = classifier.probabilities([text])[0]
    reference = dict(zip(classifier.pipeline.classes_, classifier.pipeline.predict_proba([text])[0]))
    assert ours.keys() == reference.keys()
    assert all(abs(ours[k] - reference[k]) < 1e-9 for k in ours)


def test_it_learns_the_categories(classifier: CrisisClassifier) -> None:
    probabilities = classifier.probabilities(["mąż mnie bije"])[0]
    assert max(probabilities, key=probabilities.get) == "violence"


def test_saved_and_loaded_it_answers_the_same(classifier: CrisisClassifier, tmp_path: Path) -> None:
    classifier.save(tmp_path)
    assert CrisisClassifier.load(tmp_path).probabilities(["nie mam gdzie spać"]) == classifier.probabilities(
        ["nie mam gdzie spać"]
    )


def test_untrained_it_knows_nothing(tmp_path: Path) -> None:
    assert CrisisClassifier.load(tmp_path).probabilities(["chce sie zabic"]) == [{}]
    with pytest.raises(ValueError):
        CrisisClassifier().fit(["nie mam pracy"], [NONE])
