"""Words of a Ukrainian or English message, with where they stand and their lemmas (issue 14).

Ukrainian words in Cyrillic get their lemma from pymorphy3's Ukrainian dictionary ("шукаю" ->
"шукати"); Latin-script words in a Ukrainian message are transliterated Ukrainian or the Polish
words people learn first in Warsaw ("orzeczenie", "urząd pracy"): Morfeusz gives the Polish lemma
when it knows the word, and the word itself otherwise. English words are only folded: the
character n-grams of the classifiers carry English inflection well enough.

Folding: lower case, apostrophes dropped (Ukrainians often write "пять" for "п'ять"), diacritics
dropped as for Polish (bot.nlp.morphology.fold; "ї" becomes "і", "й" becomes "и", the way people
type on a phone without a Ukrainian keyboard).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bot.nlp.morphology import MAX_WORD_CHARS, best_lemma
from bot.nlp.morphology import fold as fold_polish

_WORD = re.compile(r"\w+(?:['’ʼ`]\w+)*")
_APOSTROPHES = re.compile(r"['’ʼ`]")
_CYRILLIC = re.compile(r"[а-яіїєґё]", re.IGNORECASE)


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    lemma: str

    @property
    def folded(self) -> str:
        return fold(self.text)


def fold(text: str) -> str:
    return fold_polish(_APOSTROPHES.sub("", text))


@lru_cache(maxsize=1)
def _ukrainian() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="uk")


@lru_cache(maxsize=50_000)
def lemma(word: str, language: str) -> str:
    folded = fold(word)
    if len(word) > MAX_WORD_CHARS or language != "uk":
        return folded
    if _CYRILLIC.search(word):
        return fold(_ukrainian().parse(_APOSTROPHES.sub("'", word.lower()))[0].normal_form)
    return fold(best_lemma(word))


def tokens(text: str, language: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end(), lemma(m.group(), language)) for m in _WORD.finditer(text)]


# Ukrainian is written in Cyrillic and in Latin letters, with no one transliteration ("шукаю",
# "shukaju", "szukaju"): both are spelled into one Latin key, so that the character n-grams of the
# two scripts meet. Cyrillic letters first, then the Latin spellings of one sound made one.
_CYRILLIC_KEY = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ye", "ж": "z",
        "з": "z", "и": "y", "і": "i", "ї": "yi", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n",
        "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "c",
        "ч": "c", "ш": "s", "щ": "sc", "ь": "", "ю": "yu", "я": "ya", "ё": "yo", "ы": "y", "э": "e",
        "ъ": "",
    }
)  # fmt: skip
_LATIN_KEY = (
    (re.compile(r"shch|szcz|sch"), "sc"),
    (re.compile(r"sh|sz"), "s"),
    (re.compile(r"zh|rz"), "z"),
    (re.compile(r"kh"), "h"),
    (re.compile(r"ch|cz|ts|tz"), "c"),
    (re.compile(r"w"), "v"),
    (re.compile(r"j"), "y"),
    (re.compile(r"(?<=[^aeiouy])i(?=[aeu])"), "y"),
)


def sound_key(text: str) -> str:
    """ "Шукаю роботу", "shukaju robotu" and "szukaju robotu" -> "sukayu robotu"."""
    key = _APOSTROPHES.sub("", text.lower()).translate(_CYRILLIC_KEY)
    key = fold(key)
    for pattern, replacement in _LATIN_KEY:
        key = pattern.sub(replacement, key)
    return key


def lemma_terms(text: str, language: str) -> list[str]:
    """Lemmas and lemma pairs of a message: the word features of the intent classifier."""
    words = [t.lemma for t in tokens(text, language)]
    return words + [f"{a}_{b}" for a, b in zip(words, words[1:])]
