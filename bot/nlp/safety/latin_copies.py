"""Ukrainian training messages copied into Latin letters, for the Ukrainian and English crisis classifier
(fourteenth session).

Of the Ukrainian messages the classifier learns from, most everyday ones (the NLU examples, most hard
negatives) are in Cyrillic, while a third of the crisis messages are in Latin letters: Latin-letter
Ukrainian itself leaned towards danger ("ja taka zla na cholovika, vin znovu ne pomyv posudu" read as
violence). A copy of each Cyrillic training message in Latin letters, spelled the way people type it
(English-style "shcho", "khochu" or Polish-style "szczo", "choczu", one or the other by the message),
gives both scripts the same balance. Only training examples are copied, never a message being read.
"""

from __future__ import annotations

import re
import zlib
from typing import Sequence

_SHARED = {
    "а": "a", "б": "b", "д": "d", "е": "e", "з": "z", "і": "i", "к": "k", "л": "l", "м": "m", "н": "n",
    "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "г": "h", "ґ": "g", "и": "y",
    "ь": "", "ъ": "", "ы": "y", "э": "e",
}  # fmt: skip
ENGLISH_STYLE = {
    **_SHARED,
    "в": "v", "ж": "zh", "ї": "yi", "й": "y", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ю": "yu", "я": "ya", "є": "ye", "ё": "yo",
}  # fmt: skip
POLISH_STYLE = {
    **_SHARED,
    "в": "w", "ж": "ż", "ї": "ji", "й": "j", "х": "ch", "ц": "c", "ч": "cz", "ш": "sz", "щ": "szcz",
    "ю": "ju", "я": "ja", "є": "je", "ё": "jo",
}  # fmt: skip
STYLES = (ENGLISH_STYLE, POLISH_STYLE)
_CYRILLIC = re.compile(r"[а-яіїєґё]", re.IGNORECASE)
_APOSTROPHES = re.compile(r"['’ʼ`]")


def in_latin_letters(text: str, style: dict[str, str]) -> str:
    """ "Хочу вмерти, щоб усе скінчилось" -> "khochu vmerty, shchob use skinchylos" (English style)."""
    lowered = _APOSTROPHES.sub("", text.lower())
    return "".join(style.get(char, char) for char in lowered)


def style_for(text: str) -> dict[str, str]:
    """The same style for the same message on every run (no randomness in training)."""
    return STYLES[zlib.crc32(text.encode("utf-8")) % len(STYLES)]


def with_latin_copies(texts: Sequence[str], labels: Sequence[str]) -> tuple[list[str], list[str]]:
    """The examples, then a Latin-letter copy of each one with Cyrillic letters, with its label."""
    copies = [(in_latin_letters(t, style_for(t)), label) for t, label in zip(texts, labels) if _CYRILLIC.search(t)]
    return list(texts) + [t for t, _ in copies], list(labels) + [label for _, label in copies]


def every_latin_spelling(text: str) -> list[str]:
    """The message in each style: the crisis router learns that "choczu wmerty" is Ukrainian as well as
    "khochu vmerty" (routing.py)."""
    return [in_latin_letters(text, style) for style in STYLES]
