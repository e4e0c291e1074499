"""A fitted scikit-learn pipeline (TF-IDF vectorizers in a FeatureUnion, then a multinomial logistic
regression) scored for one text in plain Python and NumPy."""

from __future__ import annotations

from collections import Counter
from typing import Any, Callable

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline


class LinearScorer:
    """The fitted pipeline's predict_proba for one text, in plain Python and NumPy.

    scikit-learn's checks and sparse-matrix plumbing cost about 2 ms a call, ten times the
    arithmetic; the crisis detector and the Ukrainian and English NLU run on every message, so the
    same numbers are computed directly: per vectorizer, sublinear tf times idf, L2-normalised; then the multinomial logistic
    regression's softmax (a binary one's sigmoid). tests/nlp/test_nlp_safety_classifier.py and
    tests/nlp/test_nlp_safety_routing.py hold it to predict_proba.
    """

    def __init__(self, pipeline: Pipeline) -> None:
        union: FeatureUnion = pipeline.named_steps["features"]
        model: LogisticRegression = pipeline.named_steps["model"]
        self.parts: list[tuple[Callable[[str], list[str]], dict[str, int], Any, int]] = []
        offset = 0
        for _name, vectorizer in union.transformer_list:
            self.parts.append((vectorizer.build_analyzer(), vectorizer.vocabulary_, vectorizer.idf_, offset))
            offset += len(vectorizer.vocabulary_)
        self.coef = model.coef_
        self.intercept = model.intercept_
        self.classes = [str(c) for c in model.classes_]

    def probabilities(self, text: str) -> dict[str, float]:
        scores = self.intercept.astype(float).copy()
        for analyzer, vocabulary, idf, offset in self.parts:
            counts = Counter(i for i in (vocabulary.get(g) for g in analyzer(text)) if i is not None)
            if not counts:
                continue
            columns = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
            weights = (1.0 + np.log(np.fromiter(counts.values(), dtype=float, count=len(counts)))) * idf[columns]
            weights /= np.sqrt(weights @ weights)
            scores += self.coef[:, offset + columns] @ weights
        if len(self.classes) == 2 and len(scores) == 1:  # a binary model has one score: the second class's logit
            second = float(1.0 / (1.0 + np.exp(-scores[0])))
            return {self.classes[0]: 1.0 - second, self.classes[1]: second}
        exp = np.exp(scores - scores.max())
        return dict(zip(self.classes, (exp / exp.sum()).tolist()))
