"""Disability degree and condition in people's words -> the contract's values.

"znacznym", "II grupa" and "całkowita niezdolność do pracy" all name a degree: the old
disability groups and ZUS certificates count as degrees under art. 5 and 62 of the
rehabilitation act (I grupa / niezdolność do samodzielnej egzystencji = znaczny, II grupa /
całkowita niezdolność do pracy = umiarkowany, III grupa / częściowa niezdolność = lekki).
Matching is on folded word stems, so case endings and missing diacritics do not matter.
"""

from __future__ import annotations

import re
from typing import List, Optional, Tuple

from bot.facts_registry import registry
from bot.nlp.morphology import fold

# (pattern over folded text, value) from the registry (data/profile/facts.yaml, value_patterns);
# the first pattern that matches wins, so the specific ZUS phrases come before the bare degree
# words, and autism before a mental illness (the autism-specific services are the narrower fit).
_DEGREE_PATTERNS: List[Tuple[str, str]] = [
    (pattern, value) for value, pattern in registry().facts["disability_degree"].value_patterns
]
_CONDITION_PATTERNS: List[Tuple[str, str]] = [
    (pattern, value) for value, pattern in registry().facts["disability_condition"].value_patterns
]


def _roman_to_digits(text: str) -> str:
    """Group numbers as digits. "I" is a numeral only in capitals or where "i" cannot be "and"
    ("i grupa" at the start, "grupa i" at the end); "mam orzeczenie i grupę" is not group I.
    """
    text = re.sub(r"\b(III|iii)\b", "3", text)
    text = re.sub(r"\b(II|ii)\b", "2", text)
    text = re.sub(r"\bI\b", "1", text)
    text = re.sub(r"^(mam |miałem |miałam |mialem |mialam )?i(?= grup)", r"\g<1>1", text)
    return re.sub(r"(grup\w*)\s+i$", r"\1 1", text)


def _first_match(text: str, patterns: List[Tuple[str, str]]) -> Optional[str]:
    folded = " ".join(re.findall(r"\w+", fold(_roman_to_digits(text.strip()))))
    for pattern, value in patterns:
        if re.search(pattern, folded):
            return value
    return None


def normalise_degree(text: str) -> Optional[str]:
    """'light' | 'moderate' | 'severe' from "znaczny stopień", "umiarkowanym", "II grupa"…"""
    return _first_match(text or "", _DEGREE_PATTERNS)


def normalise_condition(text: str) -> Optional[str]:
    """'autism' | 'mental_illness' | 'intellectual_disability' | 'other', or None if unnamed."""
    return _first_match(text or "", _CONDITION_PATTERNS)
