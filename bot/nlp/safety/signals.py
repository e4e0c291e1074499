"""Lemma-based patterns of danger (lexicon.yml), matched on every inflected form of a word.

People in crisis write without diacritics, in any grammatical form, in long run-on messages. So
every word of the text is folded (no diacritics, lower case) and compared with the folded forms
that Morfeusz generates for each lemma of the lexicon: "zabić" matches "zabiję", "zabije",
"zabił", "zabijesz". A pattern is a handful of such terms close to one another, in any order.

A match is then read in its clause: a negation just before it ("nie myślę o samobójstwie") makes
it unsure; a distance marker ("rok temu mąż mnie bił", "w zeszłym roku", "po udarze") or a
resolution of the whole story ("mamy już rozwód") with a verb in the past sets it in the past,
and an idiom or a bed for tonight ("umieram z nudów", "śpię u kolegi") cancels it. A category
whose every match was set in the past or cancelled is reported as `dismissed`: the words of
danger were there, and were read as not a danger now (assess then silences the classifier for
it, which sees the same words without their context). The lexicon is read once per process.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
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
# Present verbs that are also read as nouns ("mam": of "mama" too), yet nearly always the verb.
_PRESENT_ANYWAY = frozenset({"mam", "mamy", "ma"})
_TERM_IDS = itertools.count()
_PAST_SUFFIX = re.compile(r"[aeiouy](l|la|lo|li|ly)(em|am|es|as|smy|scie)?$")


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
class Signal:
    """What one pattern found: `sure` when at least one of its matches is plain present danger;
    `dismissed` when every match was set in the past or cancelled as an idiom."""

    category: str
    strong: bool
    sure: bool
    dismissed: bool = False


@dataclass(frozen=True)
class Cancel:
    categories: frozenset[str]
    pattern: Pattern
    span: bool  # drop only the matches that overlap the idiom, not its whole clause


@dataclass(frozen=True)
class Lexicon:
    patterns: tuple[tuple[str, bool, Pattern], ...]  # (category, strong, pattern)
    cancels: tuple[Cancel, ...]
    negations: Term
    negation_reach: int
    distance: Term
    distance_phrases: tuple[tuple[frozenset[str], Pattern], ...]  # (the categories it applies to, phrase)
    past_only: Term
    recurrence: Term
    resolved: tuple[Pattern, ...]
    clause_breaks: Term
    index: "WordIndex" = field(default=None, compare=False)  # type: ignore[assignment]


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


# Morfeusz generates "spał", "spała", "spali"; people write "spałem", "spałam", "spaliśmy",
# "spałabym": the personal endings and the conditional glued to the past form.
_GLUED = (("ł", ("em", "eś", "bym", "byś", "by")), ("ła", ("m", "ś", "bym", "byś", "by")),
          ("li", ("śmy", "ście", "byśmy", "by")), ("ły", ("śmy", "ście", "byśmy", "by")))


def _glued(form: str) -> list[str]:
    """First and second person past and conditional forms of a past form ("spał" -> "spałem")."""
    for ending, suffixes in _GLUED:
        if form.endswith(ending):
            return [fold(form + suffix) for suffix in suffixes]
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
                if tag == "praet":
                    forms.update(_glued(original))
                if tag in _PRESENT_TAGS and (_is_present(original) or form in _PRESENT_ANYWAY):
                    present.add(form)
    return Term(frozenset(forms), tuple(prefixes), frozenset(present), next(_TERM_IDS))


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
    cancels = tuple(Cancel(frozenset(e["categories"]), _pattern(e, groups), e.get("scope") == "span")
                    for e in data.get("cancel") or [])
    distance = data["distance"]
    lex = Lexicon(
        patterns=tuple(patterns),
        cancels=cancels,
        negations=_term(data["negations"], groups),
        negation_reach=int(data.get("negation_reach", 2)),
        distance=_term(distance["markers"], groups),
        distance_phrases=tuple((frozenset(e.get("categories", CATEGORIES)), _pattern(e, groups))
                               for e in distance.get("phrases") or []),
        past_only=_term(distance["past_only"], groups),
        recurrence=_term(distance["recurrence"], groups),
        resolved=tuple(_pattern(e, groups) for e in distance.get("resolved") or []),
        clause_breaks=_term(distance["clause_breaks"], groups),
    )
    every_pattern = [p for _c, _s, p in lex.patterns] + [c.pattern for c in lex.cancels] + \
        [p for _c, p in lex.distance_phrases] + list(lex.resolved)
    object.__setattr__(lex, "index", WordIndex.of(t for p in every_pattern for t in p.terms))
    return lex


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


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return load_lexicon()


@dataclass(frozen=True)
class Text:
    """A message as folded words, with the clause each word belongs to."""

    words: tuple[str, ...]
    originals: tuple[str, ...]
    clauses: tuple[int, ...]
    hits: dict[int, list[int]] | None = None  # term id -> positions, from the lexicon's index


_SPLIT = re.compile(r"\w+|[.,;:!?()\n]+", re.UNICODE)


def read_text(text: str, breaks: Term, index: WordIndex | None = None) -> Text:
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
    folded = tuple(words)
    return Text(folded, tuple(originals), tuple(clauses), index.hits(folded) if index else None)


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


def _is_past(original: str, folded: str) -> bool:
    tags = _analysed_tags(original)
    if "praet" in tags:
        return True
    if not _PAST_SUFFIX.search(folded) or len(folded) < 3:
        return False
    # unknown, or a short word read otherwise only for want of its diacritics ("bil", "pil")
    return not tags or tags == {"ign"} or (len(folded) <= 4 and not tags & {"fin", "inf", "praet"})


def _negated(combo: tuple[int, ...], text: Text, lex: Lexicon) -> bool:
    used = set(combo)
    first = min(combo)
    before = [i for i in range(first - lex.negation_reach, first) if i >= 0]
    right_before = [i - 1 for i in combo if i - 1 >= 0]
    for i in set(before + right_before) - used:
        if text.clauses[i] in {text.clauses[j] for j in combo} and lex.negations.matches(text.words[i]):
            return True
    return False


@dataclass(frozen=True)
class Context:
    """What a message says about time, found once: distance phrases, and whether it is resolved."""

    phrase_words: dict[str, set[int]]  # per category: words of distance phrases ("w zeszłym roku")
    resolved: bool  # the story is over ("mamy już rozwód", "teraz mam pokój")


def _context(text: Text, lex: Lexicon) -> Context:
    phrase_words: dict[str, set[int]] = {c: set() for c in CATEGORIES}
    for categories, pattern in lex.distance_phrases:
        for combo in matches(pattern, text):
            for category in categories:
                phrase_words[category].update(combo)
    resolved = any(next(matches(pattern, text), None) is not None for pattern in lex.resolved)
    return Context(phrase_words, resolved)


def _distanced(combo: tuple[int, ...], text: Text, lex: Lexicon, pattern: Pattern, context: Context, category: str) -> bool:
    """In the past: a distance marker in the clause, or a past verb in a message whose story is over.

    Never when a word of the match is in the present ("rok temu mnie wyrzucili i śpię na dworcu")
    or the clause says it is back ("znowu", "nadal").
    """
    clauses = {text.clauses[i] for i in combo}
    clause_words = [i for i, c in enumerate(text.clauses) if c in clauses]
    if any(lex.recurrence.matches(text.words[i]) for i in clause_words):
        return False
    phrase_words = context.phrase_words[category]
    markers = [i for i in clause_words if lex.distance.matches(text.words[i]) or i in phrase_words]
    # a present verb of the match in a clause set at a distance: it is happening now
    timed = {text.clauses[i] for i in markers} or clauses
    if any(text.words[i] in term.present and text.clauses[i] in timed for i, term in zip(combo, pattern.terms)):
        return False
    past_verb = any(_is_past(text.originals[i], text.words[i]) for i in clause_words)
    if not markers:
        return context.resolved and past_verb
    if all(lex.past_only.matches(text.words[i]) and i not in phrase_words for i in markers):
        return past_verb
    return True


def _cancelled(text: Text, lex: Lexicon) -> tuple[dict[str, set[int]], dict[str, set[int]], set[str]]:
    """Per category: clauses whose matches are cancelled, word positions of idioms (span); and
    the categories an idiom or a bed for tonight was found for."""
    clauses: dict[str, set[int]] = {c: set() for c in CATEGORIES}
    spans: dict[str, set[int]] = {c: set() for c in CATEGORIES}
    seen: set[str] = set()
    for cancel in lex.cancels:
        for combo in matches(cancel.pattern, text):
            where = {text.clauses[i] for i in combo}
            if len(where) != 1:  # an idiom is said in one breath
                continue
            seen |= cancel.categories
            for category in cancel.categories:
                if cancel.span:
                    spans[category].update(range(min(combo), max(combo) + 1))
                else:
                    clauses[category].update(where)
    return clauses, spans, seen


def find_signals(message: str, lex: Lexicon | None = None) -> list[Signal]:
    """Every pattern that matched, by category; `sure` when a match is present danger.

    A match is not sure when it is negated, and neither is any other match of its category that
    shares a word with such a match: in "nie myślę o samobójstwie" the pattern "myśleć …
    samobójstwo" is negated, so the bare word "samobójstwie" is too. A match set in the past or
    cancelled by an idiom counts for nothing; a category with only such matches is `dismissed`.
    """
    lex = lex or lexicon()
    text = read_text(message, lex.clause_breaks, lex.index)
    if not text.words:
        return []
    cancelled_clauses, cancelled_spans, idioms = _cancelled(text, lex)
    context = _context(text, lex)
    found: list[tuple[str, bool, list[tuple[frozenset[int], bool]]]] = []
    dismissed: set[tuple[str, bool]] = {(category, False) for category in idioms}
    doubtful: dict[str, set[int]] = {c: set() for c in CATEGORIES}
    past: dict[str, set[int]] = {c: set() for c in CATEGORIES}
    for category, strong, pattern in lex.patterns:
        judged = []
        for combo in matches(pattern, text):
            if cancelled_clauses[category] & {text.clauses[i] for i in combo} or cancelled_spans[category] & set(combo):
                dismissed.add((category, strong))
                continue
            if _distanced(combo, text, lex, pattern, context, category):
                past[category].update(combo)
                dismissed.add((category, strong))
                continue
            plain = not _negated(combo, text, lex)
            if not plain:
                doubtful[category].update(combo)
            judged.append((frozenset(combo), plain))
        if judged:
            found.append((category, strong, judged))
    signals = []
    for category, strong, judged in found:
        live = [(combo, plain) for combo, plain in judged if not combo <= past[category]]
        if live:
            signals.append(Signal(category, strong, any(p and not c & doubtful[category] for c, p in live)))
        else:
            dismissed.add((category, strong))
    reported = {s.category for s in signals}
    signals += [Signal(c, strong, False, True) for c, strong in sorted(dismissed) if c not in reported]
    return signals
