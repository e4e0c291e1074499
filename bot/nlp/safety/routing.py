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
(docs/benchmarks.md, "Ukrainian in Latin letters and a fifth writer"). A message read as Polish with
Cyrillic letters in it is not Polish either (ukrainian_probability).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional, Sequence

import joblib
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from bot.nlp.linear import LinearScorer
from bot.nlp.safety.assess import count_words
from bot.nlp.safety.foreign_classifier import reads_foreign
from bot.nlp.safety.training import has_cyrillic, latin_ukrainian

ROUTER_FILE_NAME = "crisis_router.joblib"
UKRAINIAN = "uk"
POLISH = "pl"
# Chosen by leave-one-writer-out (`python -m benchmarks.crisis --lowo uk --sweep`: the router of each
# fold trained without the held-out writer) and by the Polish messages it moves
# (`python -m benchmarks.crisis_router`: the 7,212 Polish training and development messages read as
# Polish, scored by the product's router, trained on them too, and by five routers each trained
# without a fifth of them). With the Cyrillic rule (ukrainian_probability) and assess's calm-plea fix;
# Ukrainian first messages rerouted, of 638 read as Polish; Polish messages moved, in-sample /
# cross-validated; pooled uk first-message recall per category and false alarms:
#   min words  threshold | rerouted | Polish moved | suicide violence shelter emergency  false alarms
#   -          -         |   0      |  - / -       | 0.942 0.972 0.972 0.965            3.0 %
#   3          0.9       | 559      |  3 / 5       | 0.982 0.991 0.994 0.991            3.2 %
#   4          0.8       | 567      |  5 / 5       | 0.982 0.991 0.994 0.991            3.1 %
#   4          0.85      | 560      |  4 / 5       | 0.982 0.991 0.994 0.991            3.2 %
#   4          0.9       | 547      |  3 / 5       | 0.982 0.991 0.994 0.991            3.2 %   <- chosen
#   4          0.95      | 527      |  3 / 5       | 0.982 0.991 0.994 0.991            3.4 %
#   4          0.98      | 489      |  3 / 5       | 0.975 0.988 0.994 0.984            3.4 %
# The Polish messages moved are not Polish: three mixed with Ukrainian in Cyrillic ("чи можна мені
# допомогти, ja chce umrzec, mam tabletki przygotowane") and, under cross-validation, two Ukrainian
# ones in Latin letters among the residents' examples ("de ja budu zhyty, hostel zakryvayut"). 0.9 is
# the lowest threshold that moves no Latin-letter Polish training message; recall holds up to 0.95.
ROUTE_THRESHOLD = 0.9
# Under three words the classifiers are not heard at all (bot.nlp.safety.assess.MIN_CLASSIFIER_WORDS),
# so rerouting changes nothing; at three, a first router (trained with languages/uk/nlu/typed too)
# moved short Polish answers ("co to CIS", "tak, mam zasiłek"): four words, the same recall.
ROUTE_MIN_WORDS = 4
# C and features, tried with that first router (docs/benchmarks.md): C 3 moved 2 Polish messages
# in-sample and cut suicide recall to 0.972; C 30 moved 14 cross-validated; character 2-5 grams and
# added word unigrams were no better.
_C = 10.0


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


def ukrainian_probability(text: str, router: LatinUkrainianRouter) -> float:
    """The router's probability; 1 for a message with Cyrillic letters. Read as Polish, such a message
    is Ukrainian that lingua took for Russian ("мужик в тролейбусі показав ніж", surzhyk), which the
    assistant reads as Polish, or Ukrainian mixed with Polish ("чи можна мені допомогти, ja chce
    umrzec"): 216 of the Ukrainian sets' first messages, 3 of the Polish training messages, all three
    mixed (docs/benchmarks.md). The router learned Latin letters only."""
    return 1.0 if has_cyrillic(text) else router.probability(text)


def crisis_reading(
    text: str, read_as: Optional[str], router: LatinUkrainianRouter, words: Optional[int] = None
) -> Optional[str]:
    """The reading whose crisis classifier answers the message (rerouted, with this router); `words`: the
    message's count_words, when the caller has it. A message too short to move is not scored."""
    words = count_words(text) if words is None else words
    if reads_foreign(read_as) or not router.trained or words < ROUTE_MIN_WORDS:
        return read_as
    return rerouted(read_as, words, ukrainian_probability(text, router))


def latin_ukrainian_reader(router: LatinUkrainianRouter) -> Optional[Callable[[str], bool]]:
    """Whether a message is Ukrainian in Latin letters, by this router, as sure as rerouting needs (and as
    long): the NLU's reader of such messages (bot.language.written_in; fourteenth session). Of the 1,211
    Polish held-out and development NLU messages (tests/nlu_heldout/heldout.yml, benchmarks/nlu_dev; 1,063
    of them in Latin letters with four words or more) it takes none for Ukrainian, nor any of the 246
    English held-out ones; of the Ukrainian held-out set's 47 Latin-letter messages of four words or more,
    33 (lingua: none; most of the rest are Polish sentences: "mam orzeczenie, znaczny stopien"). None for an
    untrained router."""
    if not router.trained:
        return None

    @lru_cache(maxsize=1024)  # asked several times a turn (reading, written_in, the earlier messages)
    def reads(text: str) -> bool:
        return (
            latin_ukrainian(text)
            and count_words(text) >= ROUTE_MIN_WORDS
            and router.probability(text) >= ROUTE_THRESHOLD
        )

    return reads
