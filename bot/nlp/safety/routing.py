"""Which crisis classifier reads a message the NLU reads as Polish: Ukrainian in Latin letters goes to
the Ukrainian and English one (issue 14, twelfth session).

lingua knows Ukrainian only in Cyrillic, so a first message such as "muż bije mene, ja z dytynoju, ne
znaju kudy jty" is read as Polish (bot.language) and got the Polish crisis classifier, which has seen
little Ukrainian: 106 of uk4's 395 messages, and most of the Ukrainian first-message misses under
leave-one-writer-out. The conversation's language is left as it is (the person is answered in
Polish and can switch); only the crisis classifier changes.

`LatinUkrainianRouter` is a logistic regression over character 1-4 grams (within words, lower case,
diacritics kept: "ż", "ł" say Polish as often as "kh", "zh", "yi" say Ukrainian) that tells
Ukrainian written in Latin letters from Polish (bot.nlp.safety.training.router_examples). A message
read as Polish goes to the foreign classifier only when the router is very sure and the message is
long enough for the classifier to read at all; Polish messages must essentially never move
(docs/benchmarks.md, "Ukrainian in Latin letters and a fifth writer").
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional, Sequence

import joblib
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from bot.nlp.linear import LinearScorer
from bot.nlp.safety.assess import count_words
from bot.nlp.safety.foreign_classifier import reads_foreign

ROUTER_FILE_NAME = "crisis_router.joblib"
UKRAINIAN = "uk"
POLISH = "pl"
# Chosen by leave-one-writer-out (the router of each fold trained without the held-out writer) and by
# the Polish messages it would move: 5-fold cross-validation over the Polish training and development
# messages read as Polish (data/nlu, data/safety), and the same messages in-sample (the product router
# is trained on them). C 10, char 1-4; Ukrainian first messages rerouted of 614 read as Polish (3 words
# or more); Polish moved, cross-validated / in-sample; uk first-message recall per category, false alarms:
#   min words  threshold | rerouted | Polish moved | suicide violence shelter emergency  false alarms
#   3          0.8       | 388      | 20 / 6       | 0.975 0.988 0.984 0.991            3.4 %
#   3          0.9       | 356      |  5 / 0       | 0.975 0.988 0.984 0.987            3.5 %
#   4          0.85      | 370      |  4 / 2       | 0.975 0.988 0.984 0.991            3.4 %
#   4          0.9       | 352      |  2 / 0       | 0.975 0.988 0.984 0.987            3.5 %   <- chosen
#   4          0.95      | 326      |  2 / 0       | 0.969 0.985 0.984 0.984            3.5 %
#   5          0.9       | 350      |  2 / 0       | 0.975 0.988 0.984 0.987            3.5 %
# (C 3 and 30, char 2-5 and words added were no better: docs/benchmarks.md.) The two Polish messages
# moved under cross-validation are Ukrainian in Latin letters among the Polish residents' examples.
ROUTE_THRESHOLD = 0.9
# Below four words the router errs on Polish ("co to CIS", "tak, mam zasiłek"), and under three the
# classifiers are not heard at all (bot.nlp.safety.assess.MIN_CLASSIFIER_WORDS): nothing to gain.
ROUTE_MIN_WORDS = 4
_C = 10.0  # 3 moved fewer Polish messages but rerouted fewer Ukrainian ones (suicide 0.972 at 0.9); 30 the other way


class LatinUkrainianRouter:
    """The probability that a message in Latin letters is Ukrainian rather than Polish."""

    def __init__(self, pipeline: Optional[Pipeline] = None) -> None:
        self.pipeline = pipeline
        self._scorer = LinearScorer(pipeline) if pipeline is not None else None

    @staticmethod
    def _new_pipeline() -> Pipeline:
        chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(1, 4), lowercase=True, sublinear_tf=True)
        model = LogisticRegression(C=_C, class_weight="balanced", max_iter=3000)
        return Pipeline([("features", FeatureUnion([("chars", chars)])), ("model", model)])

    def fit(self, ukrainian: Sequence[str], polish: Sequence[str]) -> "LatinUkrainianRouter":
        if not ukrainian or not polish:
            raise ValueError("the router needs Ukrainian and Polish examples")
        labels = [UKRAINIAN] * len(ukrainian) + [POLISH] * len(polish)
        self.pipeline = self._new_pipeline().fit(list(ukrainian) + list(polish), labels)
        self._scorer = LinearScorer(self.pipeline)
        return self

    @property
    def trained(self) -> bool:
        return self._scorer is not None

    def probability(self, text: str) -> float:
        return self._scorer.probabilities(text)[UKRAINIAN] if self._scorer is not None else 0.0

    def save(self, directory: Path) -> None:
        joblib.dump(self.pipeline, directory / ROUTER_FILE_NAME)

    @classmethod
    def load(cls, directory: Path) -> "LatinUkrainianRouter":
        path = directory / ROUTER_FILE_NAME
        return cls(joblib.load(path) if path.is_file() else None)


def rerouted(
    read_as: Optional[str],
    words: int,
    probability: float,
    threshold: float = ROUTE_THRESHOLD,
    min_words: int = ROUTE_MIN_WORDS,
) -> Optional[str]:
    """Ukrainian for a message read as anything but Ukrainian or English, of `words` words
    (bot.nlp.safety.assess.count_words), that the router gives `probability` of being Ukrainian;
    otherwise `read_as` itself."""
    if reads_foreign(read_as) or words < min_words or probability < threshold:
        return read_as
    return UKRAINIAN


def crisis_reading(text: str, read_as: Optional[str], router: LatinUkrainianRouter) -> Optional[str]:
    """The reading whose crisis classifier answers the message (rerouted, with this router)."""
    if reads_foreign(read_as) or not router.trained:
        return read_as
    return rerouted(read_as, count_words(text), router.probability(text))
