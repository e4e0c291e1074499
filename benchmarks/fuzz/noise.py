"""Deterministic typing noise: missing Polish letters and one pair of swapped letters.

People type "nie mam zasilku" and "zarejestorwany". The noise comes from the conversation's
seeded RNG, so a conversation is reproduced exactly by its seed. Swaps never touch numbers,
capitalised words (district names), short words or negations, so that a typo cannot turn a
message into one that states something else; crisis messages only lose their diacritics.
"""

from __future__ import annotations

import random
import re

PLAIN = str.maketrans("ąćęłńóśźżĄĆĘŁŃÓŚŹŻ", "acelnoszzACELNOSZZ")
PROTECTED = {"nigdy", "żadna", "żadnej", "żadnego", "zadna", "zadnej", "zadnego"}
DROP_DIACRITICS, SWAP = 0.25, 0.15


def without_diacritics(text: str) -> str:
    return text.translate(PLAIN)


def swap_letters(text: str, rng: random.Random) -> str:
    """Swap two neighbouring letters inside one lower-case word of six letters or more."""
    words = [
        m
        for m in re.finditer(r"[^\W\d_]+", text)
        if len(m.group()) >= 6
        and m.group().islower()
        and m.group() not in PROTECTED
        and not m.group().startswith("nie")
    ]
    if not words:
        return text
    word = rng.choice(words)
    at = rng.randrange(word.start() + 2, word.end() - 1)
    return text[:at] + text[at + 1] + text[at] + text[at + 2 :]


def noisy(text: str, rng: random.Random, swaps: bool = True) -> str:
    """The message as typed in a hurry, or unchanged; button payloads ("/affirm") never change."""
    if text.startswith("/"):
        return text
    if rng.random() < DROP_DIACRITICS:
        text = without_diacritics(text)
    if swaps and rng.random() < SWAP:
        text = swap_letters(text, rng)
    return text
