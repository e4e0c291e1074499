"""Pattern terms and their matching: which words of a message a pattern's terms take.

A term is one word slot (folded forms and prefixes); a pattern is a handful of terms that must
all match different words within a window. The word index answers, for every word of a
message, which terms it matches in one dictionary lookup.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from bot.nlp.safety.text import Text
from bot.nlp.safety.transliteration import word_keys

_MAX_POSITIONS = 12  # per term: more occurrences of one word than this add nothing


@dataclass(frozen=True)
class Term:
    """One word slot of a pattern: folded forms, folded prefixes; and which forms are present tense.
    A term of a transliterated lexicon also has the sound keys of its forms and prefixes, which a
    word in Latin letters is compared by (transliteration.py)."""

    forms: frozenset[str]
    prefixes: tuple[str, ...]
    present: frozenset[str]
    tid: int = field(default=-1, compare=False)  # position in the lexicon's index of words
    keyed_forms: frozenset[str] = frozenset()
    keyed_prefixes: tuple[str, ...] = ()

    def matches(self, word: str) -> bool:
        if word in self.forms or any(word.startswith(p) for p in self.prefixes):
            return True
        if not (self.keyed_forms or self.keyed_prefixes):
            return False
        return any(
            key in self.keyed_forms or any(key.startswith(p) for p in self.keyed_prefixes) for key in word_keys(word)
        )


@dataclass(frozen=True)
class Pattern:
    terms: tuple[Term, ...]
    window: int
    ordered: bool
    extra: Term | None  # must also occur somewhere in the message, outside the match


@dataclass(frozen=True)
class WordIndex:
    """Which pattern terms each folded word matches: one dictionary lookup a word instead of a
    scan of every term's forms for every pattern (the detector runs on every message)."""

    forms: dict[str, tuple[int, ...]]
    prefixes: tuple[tuple[str, int], ...]
    keyed_forms: dict[str, tuple[int, ...]] = field(default_factory=dict)  # transliterated lexicons only
    keyed_prefixes: tuple[tuple[str, int], ...] = ()

    @classmethod
    def of(cls, terms: Iterable[Term]) -> "WordIndex":
        forms: dict[str, list[int]] = {}
        prefixes: list[tuple[str, int]] = []
        keyed_forms: dict[str, list[int]] = {}
        keyed_prefixes: list[tuple[str, int]] = []
        for term in terms:
            for form in term.forms:
                forms.setdefault(form, []).append(term.tid)
            prefixes.extend((prefix, term.tid) for prefix in term.prefixes)
            for form in term.keyed_forms:
                keyed_forms.setdefault(form, []).append(term.tid)
            keyed_prefixes.extend((prefix, term.tid) for prefix in term.keyed_prefixes)
        return cls(
            {form: tuple(ids) for form, ids in forms.items()},
            tuple(prefixes),
            {form: tuple(ids) for form, ids in keyed_forms.items()},
            tuple(keyed_prefixes),
        )

    def knows(self, word: str) -> bool:
        """Whether a folded word matches any term."""
        return bool(self._terms_of(word))

    def hits(self, words: tuple[str, ...]) -> dict[int, list[int]]:
        """term id -> positions of the words it matches."""
        found: dict[int, list[int]] = {}
        for position, word in enumerate(words):
            for tid in self._terms_of(word):
                found.setdefault(tid, []).append(position)
        return found

    def _terms_of(self, word: str) -> list[int]:
        """The ids of the terms a word matches, each once, in the order found."""
        tids = list(self.forms.get(word, ()))
        tids += [tid for prefix, tid in self.prefixes if word.startswith(prefix)]
        if self.keyed_forms or self.keyed_prefixes:
            for key in word_keys(word):
                tids += self.keyed_forms.get(key, ())
                tids += [tid for prefix, tid in self.keyed_prefixes if key.startswith(prefix)]
        return list(dict.fromkeys(tids))


def _positions(term: Term, text: Text) -> list[int]:
    if text.hits is not None and term.tid >= 0:
        return text.hits.get(term.tid, [])[:_MAX_POSITIONS]
    return [i for i, w in enumerate(text.words) if term.matches(w)][:_MAX_POSITIONS]


def matches(pattern: Pattern, text: Text) -> Iterator[tuple[int, ...]]:
    """Every set of word positions (one per term, all different) within the pattern's window."""
    candidates = []
    for term in pattern.terms:  # most patterns fail on one term: stop there
        positions = _positions(term, text)
        if not positions:
            return
        candidates.append(positions)
    for combo in itertools.product(*candidates):
        if len(set(combo)) != len(combo) or max(combo) - min(combo) > pattern.window:
            continue
        if pattern.ordered and list(combo) != sorted(combo):
            continue
        if pattern.extra and not any(pattern.extra.matches(w) for i, w in enumerate(text.words) if i not in combo):
            continue
        yield combo
