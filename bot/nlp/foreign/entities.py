"""The entity extractor of one language: a linear-chain CRF (python-crfsuite, through
sklearn-crfsuite, which Rasa installs for its own CRF extractor) over the words of a message,
BIO tags, features of each word and its neighbours: the folded word, its sound key, its lemma, its
ends, its shape, and whether a synonym of the language's data names it.

The value of an entity is its synonym's value when the text is a known synonym (districts,
institutions, tools, degrees: the contract's values), otherwise the text itself; the Polish synonym
mapper and the catalogue filter after it in the pipeline do the rest, as for Polish.

Synonyms are matched by their folded text and, failing that, by their sound key: Latin-letter
Ukrainian has no one spelling ("na Bemowi", "na Bemovi"), and the data cannot list every one. A
sound key two values share names neither.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Sequence

import sklearn_crfsuite

from bot.nlp.foreign.tokens import Token, fold, sound_key, tokens

OUTSIDE = "O"
# Regularisation chosen by five-fold cross-validation on the training data (benchmarks/nlu_foreign.py --cv).
C1 = 0.05
C2 = 0.05


@dataclass(frozen=True)
class Span:
    entity: str
    start: int
    end: int
    text: str
    value: str
    confidence: float


def _shape(word: str) -> str:
    if word.isdigit():
        return "digits"
    if any(ch.isdigit() for ch in word):
        return "mixed"
    return "title" if word[:1].isupper() else "lower"


def _word_features(token: Token, known: Mapping[str, str], prefix: str) -> dict[str, Any]:
    word = token.folded
    return {
        f"{prefix}word": word,
        f"{prefix}key": sound_key(word),
        f"{prefix}lemma": token.lemma,
        f"{prefix}suffix3": word[-3:],
        f"{prefix}prefix4": word[:4],
        f"{prefix}shape": _shape(token.text),
        f"{prefix}known": known.get(word) or known.get(sound_key(word), "-"),
    }


def features(words: Sequence[Token], known: Mapping[str, str]) -> list[dict[str, Any]]:
    rows = []
    for i, token in enumerate(words):
        row = {"bias": 1.0, **_word_features(token, known, "")}
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(words):
                row.update(_word_features(words[j], known, f"{offset}:"))
            else:
                row[f"{offset}:edge"] = True
        rows.append(row)
    return rows


def bio_tags(words: Sequence[Token], entities: Sequence[Mapping[str, Any]]) -> list[str]:
    tags = [OUTSIDE] * len(words)
    for entity in entities:
        inside = [i for i, t in enumerate(words) if t.start >= entity["start"] and t.end <= entity["end"]]
        for n, i in enumerate(inside):
            tags[i] = ("B-" if n == 0 else "I-") + entity["entity"]
    return tags


def known_words(synonyms: Mapping[str, str], entity_of_value: Mapping[str, str]) -> dict[str, str]:
    """Each folded word of a synonym, and its sound key, -> the entity type its value belongs to."""
    pairs = []
    for text, value in synonyms.items():
        entity = entity_of_value.get(value)
        if entity:
            pairs += [(word, entity) for word in fold(text).split()]
    by_sound = unambiguous((sound_key(word), entity) for word, entity in pairs)
    by_word = dict(reversed(pairs))  # a word of two entity types keeps the first one's
    return {**by_sound, **by_word}  # the word itself before its sound key


def unambiguous(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """key -> value for the keys that have one value only."""
    values: dict[str, set[str]] = {}
    for key, value in pairs:
        values.setdefault(key, set()).add(value)
    return {key: next(iter(found)) for key, found in values.items() if len(found) == 1}


class EntityModel:
    def __init__(self, crf: sklearn_crfsuite.CRF, synonyms: Mapping[str, str], known: Mapping[str, str], language: str):
        self.crf = crf
        self.synonyms = {fold(k): v for k, v in synonyms.items()}
        self.keyed = unambiguous((sound_key(k), v) for k, v in self.synonyms.items())
        self.known = dict(known)
        self.language = language

    @classmethod
    def fit(
        cls,
        examples: Sequence[tuple[str, Sequence[Mapping[str, Any]]]],
        synonyms: Mapping[str, str],
        language: str,
        c1: float = C1,
        c2: float = C2,
    ) -> "EntityModel":
        entity_of_value = {e.get("value"): e["entity"] for _, found in examples for e in found}
        known = known_words(synonyms, entity_of_value)
        x, y = [], []
        for text, found in examples:
            words = tokens(text, language)
            if words:
                x.append(features(words, known))
                y.append(bio_tags(words, found))
        crf = sklearn_crfsuite.CRF(algorithm="lbfgs", c1=c1, c2=c2, max_iterations=200, all_possible_transitions=True)
        crf.fit(x, y)
        return cls(crf, synonyms, known, language)

    def spans(self, text: str) -> list[Span]:
        words = tokens(text, self.language)
        if not words:
            return []
        rows = features(words, self.known)
        marginals = self.crf.predict_marginals_single(rows)
        tags = self.crf.predict_single(rows)
        found: list[Span] = []
        current: list[int] = []

        def close() -> None:
            if current:
                entity = tags[current[0]][2:]
                start, end = words[current[0]].start, words[current[-1]].end
                surface = text[start:end]
                confidence = min(marginals[i][tags[i]] for i in current)
                found.append(Span(entity, start, end, surface, self.value(surface), confidence))
                current.clear()

        for i, tag in enumerate(tags):
            if tag.startswith("B-") or (tag.startswith("I-") and (not current or tags[current[0]][2:] != tag[2:])):
                close()
                current.append(i)
            elif tag.startswith("I-"):
                current.append(i)
            else:
                close()
        close()
        return found

    def value(self, surface: str) -> str:
        """The synonym's value of an entity's text, or the text itself."""
        return self.synonyms.get(fold(surface)) or self.keyed.get(sound_key(surface)) or surface
