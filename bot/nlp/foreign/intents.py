"""The intent classifier of one language: TF-IDF over the character n-grams of the message's sound key
(Cyrillic and Latin spellings of Ukrainian made one, bot.nlp.foreign.tokens.sound_key) and over lemmas
and lemma pairs, then a multinomial logistic regression with balanced class weights (the crisis
classifier's recipe, bot.nlp.safety).

Probabilities, not only a label: the FallbackClassifier after it and the action server's trust in an
intent (bot.dialogue.facts) read them as they read DIET's.
"""

from __future__ import annotations

from functools import partial
from typing import Sequence

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from bot.nlp.foreign.tokens import lemma_terms, sound_key
from bot.nlp.linear import LinearScorer

# Regularisation chosen by five-fold cross-validation on the training data of both languages
# (benchmarks/nlu_foreign.py --cv; the held-out sets were not used): see docs/benchmarks.md.
C = 30.0


def new_pipeline(language: str, c: float = C) -> Pipeline:
    features = FeatureUnion(
        [
            (
                "chars",
                TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), preprocessor=sound_key, sublinear_tf=True),
            ),
            ("lemmas", TfidfVectorizer(analyzer=partial(lemma_terms, language=language), sublinear_tf=True)),
        ]
    )
    return Pipeline(
        [("features", features), ("model", LogisticRegression(C=c, class_weight="balanced", max_iter=3000))]
    )


class IntentModel:
    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self._scorer = LinearScorer(pipeline)

    @classmethod
    def fit(cls, texts: Sequence[str], intents: Sequence[str], language: str, c: float = C) -> "IntentModel":
        return cls(new_pipeline(language, c).fit(list(texts), list(intents)))

    def ranking(self, text: str) -> list[tuple[str, float]]:
        """Every intent with its probability, the likeliest first."""
        return sorted(self._scorer.probabilities(text).items(), key=lambda item: -item[1])
