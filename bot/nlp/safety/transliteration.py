"""Ukrainian in Latin letters, however it is spelled, for the Ukrainian lexicon's patterns.

People write Ukrainian in Latin letters in several habits at once: English-style ("khochu vmerty",
"shcho"), Polish-style ("choczu wmerty", "szczo", "żinka") and mixed. The lexicon cannot list every
spelling of every word, and each new writer brought spellings it did not list (uk5: "wmerty",
"petlu", "pryczawyło"). So a lexicon marked `transliterated` also compares a word written in Latin
letters by its sound key (bot.nlp.foreign.tokens.sound_key, the key the Ukrainian intent classifier
uses: "шукаю", "shukaju" and "szukaju" are one key) with the keys of its terms, Cyrillic and Latin
alike. Cyrillic words are compared as written: the key merges letters ("ж" and "з", "ш" and "с")
that Cyrillic keeps apart, and a Cyrillic prefix would then take words it never meant.

"ch" is "ч" in English-style spelling and "х" in Polish-style ("chołodno", "choczu"): a Latin word
with "ch" gets both keys.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.nlp.foreign.tokens import sound_key
from bot.nlp.safety.text import fold_word

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_PUNCTUATION = ".,;:!?()\"'«»…-"
MIN_KEYED_PREFIX = 3  # a shorter prefix by its key would take too many words


def is_latin(word: str) -> bool:
    return bool(word) and not _CYRILLIC.search(word)


@lru_cache(maxsize=100_000)
def word_keys(word: str) -> tuple[str, ...]:
    """The keys a folded word in Latin letters is compared by (none for a Cyrillic word)."""
    if not is_latin(word):
        return ()
    keys = [sound_key(word)]
    if "ch" in word:
        keys.append(sound_key(word.replace("ch", "kh")))
    return tuple(dict.fromkeys(keys))


def latin_keys(word: str) -> frozenset[str]:
    """The keys of a word as typed (any case, punctuation around it), for the markers."""
    return frozenset(word_keys(fold_word(word.strip(_PUNCTUATION))))
