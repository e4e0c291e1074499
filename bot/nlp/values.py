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

from bot.nlp.morphology import fold

SEVERE, MODERATE, LIGHT = "severe", "moderate", "light"
AUTISM, MENTAL, INTELLECTUAL, OTHER = (
    "autism",
    "mental_illness",
    "intellectual_disability",
    "other",
)

# (pattern over folded text, value); the first pattern that matches wins, so the specific
# ZUS phrases come before the bare degree words.
_DEGREE_PATTERNS: List[Tuple[str, str]] = [
    (r"samodzielnej egzystencji", SEVERE),
    (r"calkowit\w* niezdoln", MODERATE),
    (r"czesciow\w* niezdoln", LIGHT),
    (r"\bznaczn", SEVERE),
    (r"\bumiark", MODERATE),
    (r"\blekk|\blekki", LIGHT),
    (r"\bgrup\w*( inwalidzk\w*)? (1|pierwsz\w*)\b|\b(1|pierwsz\w*) grup", SEVERE),
    (r"\bgrup\w*( inwalidzk\w*)? (2|drug\w*)\b|\b(2|drug\w*) grup", MODERATE),
    (r"\bgrup\w*( inwalidzk\w*)? (3|trzeci\w*)\b|\b(3|trzeci\w*) grup", LIGHT),
]

# Checked in this order: a person with autism and depression is routed as autistic, since
# the autism-specific services are the narrower fit.
_CONDITION_PATTERNS: List[Tuple[str, str]] = [
    (r"autyz|autyst|spektrum|asperger|\basd\b|calosciow\w* zaburzen\w* rozwoj", AUTISM),
    (
        r"uposledz|intelektualn|niedorozw|oligofren|\bdowna?\b"
        r"|niepelnospraw\w* umysl|uposl\w* umysl",
        INTELLECTUAL,
    ),
    (
        r"psychiczn|psychiatr|schizofren|depres|dwubiegun|afektywn|\bchad\b|borderline"
        r"|osobowosci|psychoz|nerwic|\blekow|\bptsd\b|bipolar|chor\w* umysl",
        MENTAL,
    ),
    (
        r"cukrzyc|wzrok|widz|niewidom|slep|sluch|gluch|slysz|niedoslu|ruch|wozk|kregoslup"
        r"|serc|kardio|padaczk|epilep|stwardnien|porazen|amputac|nowotw|\brak\w*\b|onkolog"
        r"|astm|neurolog|reumat|nerk|dializ|stomi|fizyczn|przewlek|chorob|\binn[aey]\b"
        r"|parkinson|alzheimer|mpd|\bsm\b",
        OTHER,
    ),
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
