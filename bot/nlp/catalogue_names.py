"""Catalogue names as people write them: an institution or tool span DIET found, matched to a catalogue ID.

Rasa's EntitySynonymMapper maps a span only when its lower-cased text is one of the synonyms'
surface forms (data/nlu/synonyms.yml). People inflect and misspell the names: "z pośredniakiem",
"z MOPS-em" (the tokenizer ends the span at the hyphen: "MOPS-"), "o klubach dla rodzin", "o pracach
spolecznie uzytecznych", "PAI i" (a span one word too long), "z posrednaka". The catalogue filter
dropped every such span, so the question went unanswered. `NameIndex.resolve` matches a span to a
surface form word by word, each word by any of its keys:

- the word folded (lower case, no diacritics: "pomoc spoleczna" is "pomoc społeczna");
- its lemmas from Morfeusz ("pośredniakiem" -> pośredniak), folded;
- its folded stem without a Polish inflectional ending ("uzytecznych", "użyteczne" -> "uzyteczn"),
  for words typed without diacritics, which Morfeusz does not know;

a name's words before the preposition of its complement, two or more, are a name by themselves ("pomoc
integracyjną" of "pomoc integracyjna dla cudzoziemców"); then, with nothing found, without leading or
trailing little words ("PAI i" -> "PAI"), and last, for a one-word span of at least MIN_TYPO_CHARS letters,
one typo against a single catalogue ID's forms ("posrednaka"). The ID's entity type is the catalogue's (a span DIET called a tool that names an
institution is an institution).

A typo is one letter added, left out or changed, or two neighbouring letters swapped ("inteletkualna":
Damerau's distance of one). In a name of two words or more, one word of at least MIN_TYPO_CHARS letters
that is no Polish word may have one ("niepelnosprawnosc inteletkualna"); the other words match as above.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Dict, FrozenSet, Iterable, List, Mapping, Optional, Sequence, Tuple

from bot.nlp.morphology import fold, is_word, lemmas

# Polish inflectional endings, longest first; a stem keeps at least MIN_STEM letters.
ENDINGS = tuple(
    sorted(
        "ami ach ych ich ymi imi ego emu iem iej ej om ow ie im ym em a e i y u o".split(),
        key=len,
        reverse=True,
    )
)
MIN_STEM = 3
MIN_TYPO_CHARS = 7
# Words of applying for something, before "o" (and "się"): "wniosek o", "złożyłam o", "staram się o".
APPLYING = ("wniosek", "wniosk", "sklada", "skladal", "zloz", "stara", "ubiega", "wystap", "wystepow")
# Little words a span may wrongly begin or end with ("PAI i", "pomoc na usamodzielnienie to").
EDGE_WORDS = frozenset("i a o w we z ze na do to czy oraz albo lub tez też ten ta te tym".split())
_WORD = re.compile(r"\w+")

Match = Tuple[str, str]  # (entity type, catalogue ID)
MIN_ACRONYM_CHARS = 2


@dataclass(frozen=True)
class Found:
    """A catalogue name found in a message's text: its characters, the ID, and its surface key."""

    start: int
    end: int
    match: Match
    key: str  # the ID and the words' folded stems: one key for a name's spellings in one grammatical case


def stem(folded: str) -> str:
    for ending in ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= MIN_STEM:
            return folded[: -len(ending)]
    return folded


# Lemmas of general words that one synonym uses in a narrow sense ("na robotach" is public works, but
# "szukam roboty" is any work): their other forms are not that name.
GENERAL_LEMMAS = frozenset({"robota", "praca", "pomoc"})
MAX_ACRONYM_CHARS = 4  # "PSU", "OPS", "UP": no lemmas (Morfeusz reads "psu" as a form of "pies")


@lru_cache(maxsize=16384)
def word_keys(word: str) -> FrozenSet[str]:
    """Every key a word matches by: folded, its folded lemmas, its folded stem."""
    folded = fold(word)
    keys = {folded, stem(folded)}
    if len(folded) > MAX_ACRONYM_CHARS:
        keys.update(fold(lemma) for lemma in lemmas(word))
    return frozenset(k for k in keys if k)


def _form_keys(words: List[str]) -> Tuple[FrozenSet[str], ...]:
    """A synonym's keys; a one-word form of a general word matches only as written."""
    if len(words) == 1 and GENERAL_LEMMAS & {fold(lemma) for lemma in lemmas(words[0])}:
        return (frozenset({fold(words[0])}),)
    return tuple(word_keys(w) for w in words)


def _words(text: str) -> List[str]:
    return _WORD.findall(text or "")


# Prepositions that begin a name's complement: "pomoc integracyjna | dla cudzoziemców"
COMPLEMENT_PREPOSITIONS = frozenset("dla na do w we o z ze od po przy u".split())


def _head(words: List[str]) -> List[str]:
    """A name's words before the preposition of its complement, when they are two or more ("pomoc
    integracyjna dla cudzoziemców" -> "pomoc integracyjna"); people leave the complement out. Empty when
    there is none ("dotacje na miejsca pracy" has a head of one word, a general word by itself)."""
    at = next((i for i, w in enumerate(words) if fold(w) in COMPLEMENT_PREPOSITIONS), len(words))
    return words[:at] if 2 <= at < len(words) else []


def _one_edit(a: str, b: str) -> bool:
    """Whether b is a with one letter added, left out or changed, or two neighbouring letters swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        differ = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        return len(differ) == 1 or (
            len(differ) == 2
            and differ[1] == differ[0] + 1
            and a[differ[0]] == b[differ[1]]
            and a[differ[1]] == b[differ[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


@dataclass
class NameIndex:
    """The synonyms' surface forms of catalogue IDs, indexed by their first word's keys."""

    known: Mapping[str, FrozenSet[str]]  # entity type -> the catalogue's IDs
    forms: Dict[str, List[Tuple[Tuple[FrozenSet[str], ...], Match]]] = field(default_factory=dict)
    folded: Dict[str, Optional[Match]] = field(default_factory=dict)  # one-word folded forms, for typos
    longest: int = 1  # words in the longest form
    # folded words of MIN_TYPO_CHARS letters or more in forms of two words or more -> their keys, for typos
    name_words: Dict[str, FrozenSet[str]] = field(default_factory=dict)
    _near: Dict[str, FrozenSet[str]] = field(default_factory=dict, repr=False)  # cache of near_keys

    @classmethod
    def build(cls, synonyms: Mapping[str, str], known: Mapping[str, FrozenSet[str]]) -> "NameIndex":
        """`synonyms`: surface form -> value (Rasa's entity synonyms); only values that are IDs count."""
        index = cls(known)
        surfaces = [(form, value) for form, value in synonyms.items()] + [(i, i) for ids in known.values() for i in ids]
        for form, value in surfaces:
            match = index._typed(value)
            words = _words(form.replace("_", " "))
            if match is None or not words:
                continue
            keys = _form_keys(words)
            index.longest = max(index.longest, len(words))
            for key in keys[0]:
                index.forms.setdefault(key, []).append((keys, match))
            head = _head(words)
            if head:  # "pomoc integracyjna" of "pomoc integracyjna dla cudzoziemców"
                for key in keys[0]:
                    index.forms[key].append((keys[: len(head)], match))
            if len(words) == 1:
                single = fold(words[0])
                index.folded[single] = match if index.folded.get(single, match) == match else None
            else:
                for word, word_key in zip(words, keys):
                    if len(fold(word)) >= MIN_TYPO_CHARS:
                        index.name_words[fold(word)] = index.name_words.get(fold(word), frozenset()) | word_key
        return index

    def _typed(self, value: str) -> Optional[Match]:
        return next(((kind, value) for kind, ids in self.known.items() if value in ids), None)

    def resolve(self, text: str) -> Optional[Match]:
        """The catalogue ID a span names, with its entity type, or None."""
        words = _words(text)
        found = self._matched(words)
        if found is None:
            while words and fold(words[0]) in EDGE_WORDS:
                words = words[1:]
            while words and fold(words[-1]) in EDGE_WORDS:
                words = words[:-1]
            found = self._matched(words)
        if found is None and len(words) == 1:
            found = self._misspelt(fold(words[0]))
        return found

    def _matched(self, words: List[str]) -> Optional[Match]:
        if not words:
            return None
        keys = [word_keys(w) for w in words]
        found = self._matches(keys)
        if not found and len(words) > 1:  # one misspelt word in a longer name
            for i, word in enumerate(words):
                near = self.near_keys(word)
                if near:
                    found |= self._matches(keys[:i] + [near] + keys[i + 1 :])
        return found.pop() if len(found) == 1 else None

    def _matches(self, keys: List[FrozenSet[str]]) -> set:
        return {
            match
            for first in keys[0]
            for form, match in self.forms.get(first, ())
            if len(form) == len(keys) and all(a & b for a, b in zip(form, keys))
        }

    def near_keys(self, word: str) -> FrozenSet[str]:
        """The keys of the words of longer names one typo away from `word`, a word of MIN_TYPO_CHARS letters
        or more that is no Polish word ("inteletkualna"); empty for any other word."""
        folded = fold(word)
        if folded not in self._near:
            near: FrozenSet[str] = frozenset()
            if len(folded) >= MIN_TYPO_CHARS and folded not in self.name_words and not is_word(word):
                near = frozenset(
                    key for form, keys in self.name_words.items() if _one_edit(folded, form) for key in keys
                )
            self._near[folded] = near
        return self._near[folded]

    def find(self, text: str, likely: Callable[[Found], bool] = lambda found: True) -> List[Found]:
        """The catalogue names in a whole text, longest first and not overlapping: forms of two words or
        more ("w zakładzie gospodarowania nieruchomościami") and one-word forms written in capitals as
        acronyms are ("CWR", "NGO", "MOPS-em"). A one-word form in lower case is left to the NLU: "staż",
        "fundacja" and "opieki" name the catalogue in some sentences only. `likely` drops the names the
        training data mostly leaves unmarked ("mam orzeczenie o niepełnosprawności" is a fact, not a
        question about the certifying: see `Marking`).

        What one applies for is a tool, in any case and whatever `likely` says: a tool's name of one word or
        more right after "wniosek o", "złożyłam o", "staram się o", "ubiegam się o", "wystąpić o"
        ("odrzucili mi wniosek o orzeczenie", "składam o staż")."""
        words = list(_WORD.finditer(text or ""))
        found: List[Found] = []
        i = 0
        while i < len(words):
            applied = self._applied_for(words, i)
            hit = applied or self._name_at(words, i)
            if hit is not None and (applied or likely(hit[1])):
                found.append(hit[1])
                i += hit[0]
            else:
                i += 1
        return found

    def _applied_for(self, words: List[re.Match], i: int) -> Optional[Tuple[int, Found]]:
        """(words taken, the name) of the longest tool's name at word `i` right after an application, or None."""
        before = [fold(w.group()) for w in words[max(0, i - 3) : i]]
        if not before or before[-1] != "o":
            return None
        verb = (
            before[-3] if len(before) == 3 and before[-2] in ("sie", "się") else before[-2] if len(before) > 1 else ""
        )
        if not verb.startswith(APPLYING):
            return None
        for n in range(_reach(words, i, self.longest), 0, -1):
            span = words[i : i + n]
            match = self._matched([w.group() for w in span])
            if match is not None and match[0] == "tool":
                return n, self._found(span, match)
        return None

    def _name_at(self, words: List[re.Match], i: int) -> Optional[Tuple[int, Found]]:
        """(words taken, the name) of the longest name starting at word `i`, or None."""
        for n in range(_reach(words, i, self.longest), 1, -1):
            span = words[i : i + n]
            match = self._matched([w.group() for w in span])
            if match is not None:
                return n, self._found(span, match)
        word = words[i].group()
        match = self.folded.get(fold(word)) if len(word) >= MIN_ACRONYM_CHARS and word.isupper() else None
        return (1, self._found([words[i]], match)) if match is not None else None

    @staticmethod
    def _found(span: List[re.Match], match: Match) -> Found:
        key = " ".join([match[1]] + [stem(fold(w.group())) for w in span])
        return Found(span[0].start(), span[-1].end(), match, key)

    def _misspelt(self, word: str) -> Optional[Match]:
        if len(word) < MIN_TYPO_CHARS:
            return None
        found = {m for form, m in self.folded.items() if m and len(form) >= MIN_TYPO_CHARS and _one_edit(word, form)}
        return found.pop() if len(found) == 1 else None


_PAUSE = re.compile(r"[,.;:!?()\n]")


def _reach(words: List[re.Match], i: int, longest: int) -> int:
    """How many words from word `i` on one name can take: at most `longest`, and no name goes on over a
    comma or a full stop ("w spektrum, autyzm" holds no "spektrum autyzmu")."""
    n = 1
    while (
        n < longest
        and i + n < len(words)
        and not _PAUSE.search(words[i].string, words[i + n - 1].end(), words[i + n].start())
    ):
        n += 1
    return n


MARKED_SHARE = 0.5  # a name the training data marks less often than this is no entity by itself (default)


@dataclass(frozen=True)
class Marking:
    """Which names `NameIndex.find` finds the training data marks as entities.

    The annotators mark nearly every institution and tool name (685 of the 700 found in the training
    data at the time of writing); the exception is the certificate: "mam orzeczenie o
    niepełnosprawności" states a fact and is left unmarked, while a question about getting one
    marks it. A name's key marked in less than a share of its occurrences (MARKED_SHARE unless
    configured) is unlikely; so is an unseen key of an ID whose names together are marked less often."""

    marked: FrozenSet[str] = frozenset()
    unmarked: FrozenSet[str] = frozenset()
    unmarked_ids: FrozenSet[str] = frozenset()

    @classmethod
    def learn(
        cls,
        index: NameIndex,
        examples: Iterable[Tuple[str, Sequence[Tuple[int, int]]]],
        marked_share: float = MARKED_SHARE,
    ) -> "Marking":
        """`examples`: (text, the character spans of its institution and tool entities)."""
        seen: Counter = Counter()
        marked: Counter = Counter()
        for text, spans in examples:
            for found in index.find(text):
                hit = any(a < found.end and found.start < b for a, b in spans)
                for key in (found.key, found.match[1]):
                    seen[key] += 1
                    marked[key] += hit
        share = {key: marked[key] / n for key, n in seen.items()}
        ids = {i for ids in index.known.values() for i in ids}
        return cls(
            marked=frozenset(k for k, v in share.items() if k not in ids and v >= marked_share),
            unmarked=frozenset(k for k, v in share.items() if k not in ids and v < marked_share),
            unmarked_ids=frozenset(k for k, v in share.items() if k in ids and v < marked_share),
        )

    def likely(self, found: Found) -> bool:
        if found.key in self.marked or found.key in self.unmarked:
            return found.key in self.marked
        return found.match[1] not in self.unmarked_ids

    def to_json(self) -> Dict[str, List[str]]:
        return {
            "marked": sorted(self.marked),
            "unmarked": sorted(self.unmarked),
            "unmarked_ids": sorted(self.unmarked_ids),
        }

    @classmethod
    def from_json(cls, stored: Mapping[str, Sequence[str]]) -> "Marking":
        return cls(*(frozenset(stored.get(name) or ()) for name in ("marked", "unmarked", "unmarked_ids")))
