"""Lemma-based patterns of danger (lexicon.yml), matched on every inflected form of a word.

People in crisis write without diacritics, in any grammatical form, in long run-on messages. So
every word of the text is folded (no diacritics, lower case) and compared with the folded forms
that Morfeusz generates for each lemma of the lexicon: "zabić" matches "zabiję", "zabije",
"zabił", "zabijesz". A pattern is a handful of such terms close to one another, in any order.

A match is then read in its context (text.py, timing.py): a negation just before it in its
clause ("nie myślę o samobójstwie") makes it unsure; a distance marker ("rok temu mąż mnie bił",
"w zeszłym roku", "po udarze") in its sentence, or a resolution of the story told before it
("mamy już rozwód", "to już przeszłość"), sets it in the past; and an idiom, a question about a
service, or a bed for tonight ("umieram z nudów", "numer do Niebieskiej Linii", "śpię u
kolegi") cancels it. A category whose every match was set in the past or cancelled is reported
as `dismissed`: the words of danger were there, and were read as not a danger now (assess then
silences the classifier for it, which sees the same words without their context). The lexicon
is read once per process.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import yaml

from bot.nlp.foreign.tokens import sound_key
from bot.nlp.morphology import fold
from bot.nlp.safety.languages import applicable
from bot.nlp.safety.patterns import Pattern, Term, WordIndex, matches
from bot.nlp.safety.text import Text, fold_word, is_present, morfeusz, read_text
from bot.nlp.safety.timing import distanced, read_context
from bot.nlp.safety.transliteration import MIN_KEYED_PREFIX, latin_keys

LEXICON = Path(__file__).with_name("lexicon.yml")
# Polish is the reference; Ukrainian and English (issue 14) have their own lexicons of word stems
# (no morphological generator for them: a bare word is that word only, a prefix covers its
# inflection), read the same way and run side by side (languages.py decides which run).
LEXICONS = {"pl": LEXICON, "uk": LEXICON.with_name("lexicon_uk.yml"), "en": LEXICON.with_name("lexicon_en.yml")}
CATEGORIES = ("suicide", "violence", "shelter", "emergency")
DEFAULT_WINDOW = 4
_PRESENT_TAGS = {"fin", "impt", "bedzie"}
# Present verbs that are also read as nouns ("mam": of "mama" too), yet nearly always the verb.
_PRESENT_ANYWAY = frozenset({"mam", "mamy", "ma"})
_TERM_IDS = itertools.count()
_SCOPES = ("clause", "span", "segment", "message")


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
    # "clause": its clause; "span": only matches overlapping it; "segment": its sentence;
    # "message": the whole message (framing: "piszę pracę magisterską o…")
    scope: str
    # how many clauses an idiom of scope "clause" or "span" may take: one, said in one breath; two for
    # a threat with its condition after a comma ("mama mnie zabije, jak się dowie")
    clauses: int = 1


@dataclass(frozen=True)
class DistancePhrase:
    categories: frozenset[str]
    pattern: Pattern
    past_only: bool  # sets a match in the past only with a verb in the past ("przez lata mnie bił")
    future: bool  # sets it in the future, whatever the tense ("za dwa miesiące nie mam gdzie mieszkać")
    segment: bool  # a time, which reaches across commas; not an event ("po pogrzebie"), which does not


@dataclass(frozen=True)
class Lexicon:
    patterns: tuple[tuple[str, bool, Pattern], ...]  # (category, strong, pattern)
    cancels: tuple[Cancel, ...]
    negations: Term
    negation_reach: int
    distance: Term
    segment_markers: Term
    conditional: Term
    distance_phrases: tuple[DistancePhrase, ...]
    past_only: Term
    recurrence: Term
    returns: Term
    resolved: tuple[Pattern, ...]
    clause_breaks: Term
    segment_breaks: Term
    segment_openers: Term
    morphology: bool = True  # Polish: Morfeusz generates every form of a bare word, and tells tenses
    past_verb: re.Pattern[str] | None = None  # without morphology: what a verb in the past ends with
    present_verb: re.Pattern[str] | None = None  # … and a verb in the present
    function_words: frozenset[str] = frozenset()  # the language's commonest words (languages.py)
    # a negated verb that leaves what follows as it is: "не знаю, куди на ніч" is no bed found
    not_negating: Term | None = None
    index: WordIndex = field(default=None, compare=False)  # type: ignore[assignment]
    # A transliterated lexicon (transliteration.py): the sound keys of words that tell a message in
    # Latin letters is Ukrainian, and the same lexicon without sound keys, for any other message.
    markers: frozenset[str] = frozenset()
    plain: "Lexicon | None" = field(default=None, compare=False)

    def reading(self, message: str) -> "Lexicon":
        """The lexicon to read a message with: the keyed one only when the message has a marker
        ("zamykaja nasz hostel" is Polish, and "zamykaja" must not be read as "замикає")."""
        if self.plain is None or any(latin_keys(word) & self.markers for word in message.split()):
            return self
        return self.plain


def _generated(lemma: str) -> list[tuple[str, str, str]]:
    """(form, folded form, part of speech) of every form Morfeusz generates for `lemma`."""
    try:
        return [(form, fold(form), tag.split(":")[0]) for form, _l, tag, _n, _q in morfeusz().generate(lemma)]
    except RuntimeError:  # not a single word
        return []


# Morfeusz generates "spał", "spała", "spali"; people write "spałem", "spałam", "spaliśmy",
# "spałabym": the personal endings and the conditional glued to the past form.
_GLUED = (
    ("ł", ("em", "eś", "bym", "byś", "by")),
    ("ła", ("m", "ś", "bym", "byś", "by")),
    ("li", ("śmy", "ście", "byśmy", "by")),
    ("ły", ("śmy", "ście", "byśmy", "by")),
)


def _glued(form: str) -> list[str]:
    """First and second person past and conditional forms of a past form ("spał" -> "spałem")."""
    for ending, suffixes in _GLUED:
        if form.endswith(ending):
            return [fold(form + suffix) for suffix in suffixes]
    return []


def _term(spec: str, groups: dict[str, str], morphology: bool = True, keyed: bool = False) -> Term:
    forms: set[str] = set()
    prefixes: list[str] = []
    present: set[str] = set()
    keyed_forms: set[str] = set()
    keyed_prefixes: set[str] = set()
    for alternative in _alternatives(spec, groups):
        if alternative.endswith("*"):
            prefixes.append(fold_word(alternative[:-1]))
            if keyed and len(key := sound_key(alternative[:-1])) >= MIN_KEYED_PREFIX:
                keyed_prefixes.add(key)
            continue
        exact = alternative.startswith("=") or not morphology
        word = alternative.lstrip("=")
        forms.add(fold_word(word))
        if keyed:
            keyed_forms.add(sound_key(word))
        if morphology and is_present(word):
            present.add(fold(word))
        if not exact:
            for original, form, tag in _generated(word):
                if form.startswith("nie") and not word.startswith("nie"):
                    continue  # negated participles ("niezabity") are not what people write
                if len(form) < 2 <= len(word):
                    continue  # abbreviations ("o." of "ojciec") are everyday words when typed
                forms.add(form)
                if tag == "praet":
                    forms.update(_glued(original))
                if tag in _PRESENT_TAGS and (is_present(original) or form in _PRESENT_ANYWAY):
                    present.add(form)
    return Term(
        frozenset(forms),
        tuple(prefixes),
        frozenset(present),
        next(_TERM_IDS),
        frozenset(keyed_forms),
        tuple(sorted(keyed_prefixes)),
    )


def _alternatives(spec: str, groups: dict[str, str]) -> Iterator[str]:
    for alternative in spec.split("|"):
        alternative = alternative.strip()
        if alternative.startswith("@"):
            yield from _alternatives(groups[alternative[1:]], groups)
        elif alternative:
            yield alternative


def _pattern(entry: dict[str, Any], groups: dict[str, str], morphology: bool = True, keyed: bool = False) -> Pattern:
    extra = entry.get("extra")
    return Pattern(
        terms=tuple(_term(spec, groups, morphology, keyed) for spec in entry["terms"]),
        window=int(entry.get("window", DEFAULT_WINDOW)),
        ordered=bool(entry.get("ordered", False)),
        extra=_term("|".join(extra), groups, morphology, keyed) if extra else None,
    )


def _cancel(entry: dict[str, Any], groups: dict[str, str], morphology: bool = True, keyed: bool = False) -> Cancel:
    scope = entry.get("scope", "clause")
    if scope not in _SCOPES:
        raise ValueError(f"unknown cancel scope {scope!r}")
    return Cancel(
        frozenset(entry["categories"]), _pattern(entry, groups, morphology, keyed), scope, int(entry.get("clauses", 1))
    )


def load_lexicon(path: Path = LEXICON) -> Lexicon:
    """A lexicon file. A `transliterated` one is built twice: with the sound keys of its terms (read
    when the message has one of its `transliteration_markers`) and without them (`plain`)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not data.get("transliterated", False):
        return _built(data, path, keyed=False)
    lex = _built(data, path, keyed=True)
    markers = frozenset(sound_key(word) for word in str(data["transliteration_markers"]).split())
    object.__setattr__(lex, "markers", markers)
    object.__setattr__(lex, "plain", _built(data, path, keyed=False))
    return lex


def _built(data: dict[str, Any], path: Path, keyed: bool) -> Lexicon:
    groups: dict[str, str] = data.get("groups") or {}
    morphology = bool(data.get("morphology", True))

    def term(spec: str) -> Term:
        return _term(spec, groups, morphology, keyed)

    def pattern(entry: dict[str, Any]) -> Pattern:
        return _pattern(entry, groups, morphology, keyed)

    patterns = []
    for category, levels in data["categories"].items():
        if category not in CATEGORIES:
            raise ValueError(f"{path}: unknown category {category!r}")
        for level in ("strong", "weak"):
            for entry in levels.get(level) or []:
                patterns.append((category, level == "strong", pattern(entry)))
    distance = data["distance"]
    past_verb, present_verb = distance.get("past_verb"), distance.get("present_verb")
    lex = Lexicon(
        patterns=tuple(patterns),
        cancels=tuple(_cancel(e, groups, morphology, keyed) for e in data.get("cancel") or []),
        negations=term(data["negations"]),
        negation_reach=int(data.get("negation_reach", 2)),
        not_negating=term(data["not_negating"]) if data.get("not_negating") else None,
        distance=term(distance["markers"]),
        segment_markers=term(distance["segment_markers"]),
        conditional=term(distance["conditional"]),
        distance_phrases=tuple(
            DistancePhrase(
                frozenset(e.get("categories", CATEGORIES)),
                pattern(e),
                bool(e.get("past_only", False)),
                bool(e.get("future", False)),
                e.get("reach") == "segment",
            )
            for e in distance.get("phrases") or []
        ),
        past_only=term(distance["past_only"]),
        recurrence=term(distance["recurrence"]),
        returns=term(distance["returns"]),
        resolved=tuple(pattern(e) for e in distance.get("resolved") or []),
        clause_breaks=term(distance["clause_breaks"]),
        segment_breaks=term(distance["segment_breaks"]),
        segment_openers=term(distance["segment_openers"]),
        morphology=morphology,
        past_verb=re.compile(past_verb) if past_verb else None,
        present_verb=re.compile(present_verb) if present_verb else None,
        function_words=frozenset(fold_word(w) for w in str(data.get("function_words", "")).split()),
    )
    every_pattern = (
        [p for _c, _s, p in lex.patterns]
        + [c.pattern for c in lex.cancels]
        + [p.pattern for p in lex.distance_phrases]
        + list(lex.resolved)
    )
    object.__setattr__(lex, "index", WordIndex.of(t for p in every_pattern for t in p.terms))
    return lex


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The Polish lexicon."""
    return lexicons()["pl"]


@lru_cache(maxsize=1)
def lexicons() -> dict[str, Lexicon]:
    """Every language's lexicon, Polish first."""
    return {language: load_lexicon(path) for language, path in LEXICONS.items()}


def _negated(combo: tuple[int, ...], text: Text, lex: Lexicon) -> bool:
    used = set(combo)
    first = min(combo)
    before = [i for i in range(first - lex.negation_reach, first) if i >= 0]
    right_before = [i - 1 for i in combo if i - 1 >= 0]
    for i in set(before + right_before) - used:
        if text.clauses[i] in {text.clauses[j] for j in combo} and lex.negations.matches(text.words[i]):
            if _not_negating(i + 1, text, lex):
                continue
            return True
    return False


def _not_negating(i: int, text: Text, lex: Lexicon) -> bool:
    """Whether the word after a negation keeps it to itself ("не знаю", "dont know")."""
    return lex.not_negating is not None and i < len(text.words) and lex.not_negating.matches(text.words[i])


@dataclass
class _Cancelled:
    """Per category: clauses and segments whose matches are cancelled, and word positions of
    idioms (span); and the categories something was cancelled for."""

    clauses: dict[str, set[int]]
    segments: dict[str, set[int]]
    spans: dict[str, set[int]]
    seen: set[str]
    whole: set[str]  # categories cancelled in the whole message

    def covers(self, category: str, combo: tuple[int, ...], text: Text) -> bool:
        return bool(
            category in self.whole
            or self.clauses[category] & {text.clauses[i] for i in combo}
            or self.segments[category] & {text.segments[i] for i in combo}
            or self.spans[category] & set(combo)
        )


def _cancelled(text: Text, lex: Lexicon) -> _Cancelled:
    found = _Cancelled(
        {c: set() for c in CATEGORIES}, {c: set() for c in CATEGORIES}, {c: set() for c in CATEGORIES}, set(), set()
    )
    for cancel in lex.cancels:
        for combo in matches(cancel.pattern, text):
            where = {text.clauses[i] for i in combo}
            if len(where) > cancel.clauses and cancel.scope in ("clause", "span"):  # said in one breath
                continue
            found.seen |= cancel.categories
            for category in cancel.categories:
                if cancel.scope == "span":
                    found.spans[category].update(range(min(combo), max(combo) + 1))
                elif cancel.scope == "message":
                    found.whole.add(category)
                elif cancel.scope == "segment":
                    found.segments[category].update(text.segments[i] for i in combo)
                else:
                    found.clauses[category].update(where)
    return found


def _tightest(judged: list[tuple[frozenset[int], bool]]) -> list[tuple[frozenset[int], bool]]:
    """Drop a negated match that a tighter plain match of the same pattern shares all words but
    one with: in "nikt mi nie pomaga, nie widzę sensu" the pattern "nie … widzieć … sens" also
    matches with the first "nie", which the second negates; the tight match is what was said."""
    plain = [combo for combo, ok in judged if ok]
    span = lambda combo: max(combo) - min(combo)  # noqa: E731
    return [
        (combo, ok)
        for combo, ok in judged
        if ok or not any(len(combo & other) >= len(other) - 1 and span(other) < span(combo) for other in plain)
    ]


def find_signals(message: str, lex: Lexicon | None = None, indexed: bool = True) -> list[Signal]:
    """The signals of one lexicon (`lex`), or of every language's lexicon that applies to the
    message (languages.py: not the Polish one on a message written in English)."""
    if lex is not None:
        return _signals(message, lex, indexed)
    every = lexicons()
    return [
        signal
        for language in applicable(message, every)
        for signal in _signals(message, every[language].reading(message), indexed)
    ]


def _signals(message: str, lex: Lexicon, indexed: bool = True) -> list[Signal]:
    """Every pattern that matched, by category; `sure` when a match is present danger.

    A match is not sure when it is negated, and neither is any other match of its category that
    shares a word with such a match: in "nie myślę o samobójstwie" the pattern "myśleć …
    samobójstwo" is negated, so the bare word "samobójstwie" is too. A match set in the past or
    cancelled by an idiom counts for nothing; a category with only such matches is `dismissed`.
    `indexed=False` matches without the word index (the same result, slower: for tests).
    """
    text = read_text(
        message,
        lex.clause_breaks.matches,
        lex.segment_breaks.matches,
        lex.segment_openers.matches,
        lex.index if indexed else None,
        lex.index.knows,
    )
    if not text.words:
        return []
    cancelled = _cancelled(text, lex)
    context = read_context(text, lex, CATEGORIES)
    found: list[tuple[str, bool, list[tuple[frozenset[int], bool]]]] = []
    dismissed: set[tuple[str, bool]] = {(category, False) for category in cancelled.seen}
    doubtful: dict[str, set[int]] = {c: set() for c in CATEGORIES}
    past: dict[str, set[int]] = {c: set() for c in CATEGORIES}
    for category, strong, pattern in lex.patterns:
        judged = []
        for combo in matches(pattern, text):
            if len({text.segments[i] for i in combo}) != 1:
                continue  # words from two sentences, or from both sides of "ale", say nothing together
            if cancelled.covers(category, combo, text):
                dismissed.add((category, strong))
                continue
            if distanced(combo, text, lex, pattern, context, category):
                past[category].update(combo)
                dismissed.add((category, strong))
                continue
            judged.append((frozenset(combo), not _negated(combo, text, lex)))
        judged = _tightest(judged)
        for combo, plain in judged:
            if not plain:
                doubtful[category].update(combo)
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
