"""Lemma-based patterns of danger (lexicon.yml), matched on every inflected form of a word.

People in crisis write without diacritics, in any grammatical form, in long run-on messages. So
every word of the text is folded (no diacritics, lower case) and compared with the folded forms
that Morfeusz generates for each lemma of the lexicon: "zabić" matches "zabiję", "zabije",
"zabił", "zabijesz". A pattern is a handful of such terms close to one another, in any order.

A match is then read in its clause: a negation just before it ("nie myślę o samobójstwie") or a
distance marker with a verb in the past ("rok temu mąż mnie bił") makes it not count as a sure
sign, and an idiom or a bed for tonight in the clause ("umieram z nudów", "śpię u kolegi")
cancels it. The lexicon is read once per process.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Iterator

import yaml

from bot.nlp.morphology import MAX_WORD_CHARS, fold

LEXICON = Path(__file__).with_name("lexicon.yml")
CATEGORIES = ("suicide", "violence", "shelter", "emergency")
DEFAULT_WINDOW = 4
_MAX_POSITIONS = 12  # per term: more occurrences of one word than this add nothing
_WORD = re.compile(r"[a-z0-9]+")
_PRESENT_TAGS = {"fin", "impt", "bedzie"}
_NOT_VERBS = {"ppron12", "ppron3", "siebie", "subst", "depr", "adj", "prep", "qub", "conj", "comp", "adv"}
_PAST_SUFFIX = re.compile(r"[aeiouy](l|la|lo|li|ly)(em|am|es|as|smy|scie)?$")


@dataclass(frozen=True)
class Term:
    """One word slot of a pattern: folded forms, folded prefixes; and which forms are present tense."""

    forms: frozenset[str]
    prefixes: tuple[str, ...]
    present: frozenset[str]

    def matches(self, word: str) -> bool:
        return word in self.forms or any(word.startswith(p) for p in self.prefixes)


@dataclass(frozen=True)
class Pattern:
    terms: tuple[Term, ...]
    window: int
    ordered: bool
    extra: Term | None  # must also occur somewhere in the message, outside the match


@dataclass(frozen=True)
class Signal:
    """What one pattern found: `sure` when at least one of its matches is plain present danger."""

    category: str
    strong: bool
    sure: bool


@dataclass(frozen=True)
class Lexicon:
    patterns: tuple[tuple[str, bool, Pattern], ...]  # (category, strong, pattern)
    cancels: tuple[tuple[frozenset[str], Pattern], ...]
    negations: Term
    negation_reach: int
    distance: Term
    past_only: Term
    clause_breaks: Term


def _morfeusz() -> Any:
    from bot.nlp.morphology import _morfeusz as shared

    return shared()


def _analysed_tags(word: str) -> set[str]:
    if not word or len(word) > MAX_WORD_CHARS:
        return set()
    return {tag.split(":")[0] for _s, _e, (_o, _l, tag, _n, _q) in _morfeusz().analyse(word)}


def _is_present(word: str) -> bool:
    """A verb form in the present (or perfective future) and nothing else: "śpię", not "mnie"."""
    tags = _analysed_tags(word)
    return bool(tags & _PRESENT_TAGS) and not tags & _NOT_VERBS


def _generated(lemma: str) -> list[tuple[str, str, str]]:
    """(form, folded form, part of speech) of every form Morfeusz generates for `lemma`."""
    try:
        return [(form, fold(form), tag.split(":")[0]) for form, _l, tag, _n, _q in _morfeusz().generate(lemma)]
    except RuntimeError:  # not a single word
        return []


def _term(spec: str, groups: dict[str, str]) -> Term:
    forms: set[str] = set()
    prefixes: list[str] = []
    present: set[str] = set()
    for alternative in _alternatives(spec, groups):
        if alternative.endswith("*"):
            prefixes.append(fold(alternative[:-1]))
            continue
        exact = alternative.startswith("=")
        word = alternative.lstrip("=")
        forms.add(fold(word))
        if _is_present(word):
            present.add(fold(word))
        if not exact:
            for original, form, tag in _generated(word):
                if form.startswith("nie") and not word.startswith("nie"):
                    continue  # negated participles ("niezabity") are not what people write
                forms.add(form)
                if tag in _PRESENT_TAGS and _is_present(original):
                    present.add(form)
    return Term(frozenset(forms), tuple(prefixes), frozenset(present))


def _alternatives(spec: str, groups: dict[str, str]) -> Iterator[str]:
    for alternative in spec.split("|"):
        alternative = alternative.strip()
        if alternative.startswith("@"):
            yield from _alternatives(groups[alternative[1:]], groups)
        elif alternative:
            yield alternative


def _pattern(entry: dict[str, Any], groups: dict[str, str]) -> Pattern:
    extra = entry.get("extra")
    return Pattern(
        terms=tuple(_term(spec, groups) for spec in entry["terms"]),
        window=int(entry.get("window", DEFAULT_WINDOW)),
        ordered=bool(entry.get("ordered", False)),
        extra=_term("|".join(extra), groups) if extra else None,
    )


def load_lexicon(path: Path = LEXICON) -> Lexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    groups: dict[str, str] = data.get("groups") or {}
    patterns = []
    for category, levels in data["categories"].items():
        if category not in CATEGORIES:
            raise ValueError(f"{path}: unknown category {category!r}")
        for level in ("strong", "weak"):
            for entry in levels.get(level) or []:
                patterns.append((category, level == "strong", _pattern(entry, groups)))
    cancels = tuple((frozenset(e["categories"]), _pattern(e, groups)) for e in data.get("cancel") or [])
    distance = data["distance"]
    return Lexicon(
        patterns=tuple(patterns),
        cancels=cancels,
        negations=_term(data["negations"], groups),
        negation_reach=int(data.get("negation_reach", 2)),
        distance=_term(distance["markers"], groups),
        past_only=_term(distance["past_only"], groups),
        clause_breaks=_term(distance["clause_breaks"], groups),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return load_lexicon()


@dataclass(frozen=True)
class Text:
    """A message as folded words, with the clause each word belongs to."""

    words: tuple[str, ...]
    originals: tuple[str, ...]
    clauses: tuple[int, ...]


_SPLIT = re.compile(r"\w+|[.,;:!?()\n]+", re.UNICODE)


def read_text(text: str, breaks: Term) -> Text:
    words: list[str] = []
    originals: list[str] = []
    clauses: list[int] = []
    clause = 0
    for piece in _SPLIT.findall(text):
        if not piece[0].isalnum() and piece[0] != "_":
            clause += 1
            continue
        folded = fold(piece)
        if not _WORD.fullmatch(folded):
            folded = "".join(_WORD.findall(folded)) or folded
        if breaks.matches(folded) and words:
            clause += 1
        words.append(folded)
        originals.append(piece)
        clauses.append(clause)
    return Text(tuple(words), tuple(originals), tuple(clauses))


def _positions(term: Term, words: tuple[str, ...]) -> list[int]:
    return [i for i, w in enumerate(words) if term.matches(w)][:_MAX_POSITIONS]


def matches(pattern: Pattern, text: Text) -> Iterator[tuple[int, ...]]:
    """Every set of word positions (one per term, all different) within the pattern's window."""
    candidates = [_positions(term, text.words) for term in pattern.terms]
    if not all(candidates):
        return
    for combo in itertools.product(*candidates):
        if len(set(combo)) != len(combo) or max(combo) - min(combo) > pattern.window:
            continue
        if pattern.ordered and list(combo) != sorted(combo):
            continue
        if pattern.extra and not any(pattern.extra.matches(w) for i, w in enumerate(text.words) if i not in combo):
            continue
        yield combo


def _is_past(original: str, folded: str) -> bool:
    tags = _analysed_tags(original)
    if "praet" in tags:
        return True
    return (not tags or tags == {"ign"}) and bool(_PAST_SUFFIX.search(folded)) and len(folded) >= 4


def _negated(combo: tuple[int, ...], text: Text, lex: Lexicon) -> bool:
    used = set(combo)
    first = min(combo)
    before = [i for i in range(first - lex.negation_reach, first) if i >= 0]
    right_before = [i - 1 for i in combo if i - 1 >= 0]
    for i in set(before + right_before) - used:
        if text.clauses[i] in {text.clauses[j] for j in combo} and lex.negations.matches(text.words[i]):
            return True
    return False


def _distanced(combo: tuple[int, ...], text: Text, lex: Lexicon, pattern: Pattern) -> bool:
    clauses = {text.clauses[i] for i in combo}
    clause_words = [i for i, c in enumerate(text.clauses) if c in clauses]
    markers = [i for i in clause_words if lex.distance.matches(text.words[i])]
    if not markers:
        return False
    if any(text.words[i] in term.present for i, term in _paired(combo, pattern)):
        return False  # "tydzień temu mnie wyrzucili i śpię na dworcu": happening now
    if all(lex.past_only.matches(text.words[i]) for i in markers):
        return any(_is_past(text.originals[i], text.words[i]) for i in clause_words)
    return True


def _paired(combo: tuple[int, ...], pattern: Pattern) -> Iterable[tuple[int, Term]]:
    return zip(combo, pattern.terms)


def _cancelled_clauses(text: Text, lex: Lexicon) -> dict[str, set[int]]:
    cancelled: dict[str, set[int]] = {c: set() for c in CATEGORIES}
    for categories, pattern in lex.cancels:
        for combo in matches(pattern, text):
            clauses = {text.clauses[i] for i in combo}
            if len(clauses) == 1:  # an idiom is said in one breath
                for category in categories:
                    cancelled[category].update(clauses)
    return cancelled


def find_signals(message: str, lex: Lexicon | None = None) -> list[Signal]:
    """Every pattern that matched, by category; `sure` when a match is present danger.

    A match is not sure when it is negated or set at a distance, and neither is any other match
    of its category that shares a word with such a match: in "nie myślę o samobójstwie" the
    pattern "myśleć … samobójstwo" is negated, so the bare word "samobójstwie" is too.
    """
    lex = lex or lexicon()
    text = read_text(message, lex.clause_breaks)
    if not text.words:
        return []
    cancelled = _cancelled_clauses(text, lex)
    found: list[tuple[str, bool, list[tuple[frozenset[int], bool]]]] = []
    doubtful: dict[str, set[int]] = {c: set() for c in CATEGORIES}
    for category, strong, pattern in lex.patterns:
        judged = []
        for combo in matches(pattern, text):
            if cancelled[category] & {text.clauses[i] for i in combo}:
                continue
            plain = not _negated(combo, text, lex) and not _distanced(combo, text, lex, pattern)
            if not plain:
                doubtful[category].update(combo)
            judged.append((frozenset(combo), plain))
        if judged:
            found.append((category, strong, judged))
    return [
        Signal(category, strong, any(plain and not combo & doubtful[category] for combo, plain in judged))
        for category, strong, judged in found
    ]
