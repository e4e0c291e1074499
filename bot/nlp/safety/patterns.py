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

_MAX_POSITIONS = 12  # per term: more occurrences of one word than this add nothing


@dataclass(frozen=True)
class Term:
    """One word slot of a pattern: folded forms, folded prefixes; and which forms are present tense."""

    forms: frozenset[str]
    prefixes: tuple[str, ...]
    present: frozenset[str]
    tid: int = field(default=-1, compare=False)  # position in the lexicon's index of words

    def matches(self, word: str) -> bool:
        return word in self.forms or any(word.startswith(p) for p in self.prefixes)


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

    @classmethod
    def of(cls, terms: Iterable[Term]) -> "WordIndex":
        forms: dict[str, list[int]] = {}
        prefixes: list[tuple[str, int]] = []
        for term in terms:
            for form in term.forms:
                forms.setdefault(form, []).append(term.tid)
            prefixes.extend((prefix, term.tid) for prefix in term.prefixes)
        return cls({form: tuple(ids) for form, ids in forms.items()}, tuple(prefixes))

    def knows(self, word: str) -> bool:
        """Whether a folded word matches any term."""
        return word in self.forms or any(word.startswith(prefix) for prefix, _ in self.prefixes)

    def hits(self, words: tuple[str, ...]) -> dict[int, list[int]]:
        """term id -> positions of the words it matches."""
        found: dict[int, list[int]] = {}
        for position, word in enumerate(words):
            for tid in self.forms.get(word, ()):
                found.setdefault(tid, []).append(position)
            for prefix, tid in self.prefixes:
                if word.startswith(prefix):
                    positions = found.setdefault(tid, [])
                    if not positions or positions[-1] != position:
                        positions.append(position)
        return found


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
