"""Warsaw district names in any case and spelling -> the contract's district value.

People write "na woli", "Pradze Południe", "praga pld", "na Bródnie" or "spoza Warszawy".
The entity extractor returns that surface text; the profile needs exactly one of the 18
contract names (or "outside_warsaw"). Forms come from Morfeusz's generator, folded so that
missing diacritics do not matter, for the districts and the neighbourhoods the registry lists
(data/profile/facts.yaml), plus a table of abbreviations.
"""

from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import Dict, List, Optional, Tuple

from bot.facts_registry import registry
from bot.nlp.morphology import fold, generated_forms, lemmas

OUTSIDE = "outside_warsaw"
PRAGA_SOUTH = "Praga-Południe"
PRAGA_NORTH = "Praga-Północ"

_DISTRICT = registry().facts["district"]
DISTRICTS: Tuple[str, ...] = tuple(d for d in _DISTRICT.values if d != OUTSIDE)

# Place lemma (as Morfeusz spells it, so that its forms can be generated) -> value: the districts,
# then the neighbourhoods and towns the registry lists for each value (data/profile/facts.yaml).
PLACES: Dict[str, str] = {
    **{d: d for d in DISTRICTS if not d.startswith("Praga")},
    **dict(_DISTRICT.places),
}

# Folded forms the generator does not give: abbreviations, glued and colloquial spellings.
EXTRA_FORMS: Dict[str, str] = {
    "pragapoludnie": PRAGA_SOUTH,
    "pragapolnoc": PRAGA_NORTH,
    "starowce": "Śródmieście",
    "starowki": "Śródmieście",
    "centrum": "Śródmieście",
    "zolibozu": "Żoliborz",
    "bialolenka": "Białołęka",
    "bialolence": "Białołęka",
}

# Two-word names: first word's folded prefix, second word's folded prefix -> value.
PHRASES: Tuple[Tuple[str, str, str], ...] = (
    ("sask", "kep", PRAGA_SOUTH),
    ("star", "prag", PRAGA_NORTH),
    ("star", "pradz", PRAGA_NORTH),
    ("now", "prag", PRAGA_NORTH),
    ("now", "pradz", PRAGA_NORTH),
    ("star", "miast", "Śródmieście"),
    ("star", "miesc", "Śródmieście"),
    ("star", "milosn", "Wesoła"),
    ("marysin", "wawer", "Wawer"),
    ("nowy", "dwor", OUTSIDE),
    ("nowym", "dwor", OUTSIDE),
    ("nowego", "dwor", OUTSIDE),
)

_OUTSIDE_PATTERNS = re.compile(
    r"\bspoza\b|\bpoza (miastem|warszaw)|\bpod warszaw|\bokolic|\binn\w* miast|\bna wsi\b"
    r"|\bnie (mieszkam |jestem |zyje )?(w|z|ze) warszaw|\bpowiat|\bwojewodztw"
)
# Ukrainian in Latin letters too: "na Pradzi Pivnich", "Praha Pivden" (Cyrillic forms are synonyms of
# the Ukrainian NLU data, languages/uk/nlu/synonyms.yml; their sides here serve praga_without_side)
_SOUTH = re.compile(r"^(polud|pld$|pd$|pol$|pivd|south|півд|пiвд|полуд|юг)")
_NORTH = re.compile(r"^(polno|poln$|pln$|pn$|pivn|north|півн|пiвн|север)")
_PRAGA_FORMS = {
    *(
        "praga",
        "pragi",
        "pradze",
        "prage",
        "prago",
        "praski",
        "praskiej",
        "pradzi",
        "praha",
        "prahy",
        "prazi",
        "prague",
    ),
}
_ENGLISH_SIDES = {"south", "southern", "north", "northern"}
_PRAGA_CYRILLIC = {"прага", "праги", "празі", "прагу", "прагою", "праге"}  # praga_without_side only
# Forms that are everyday words too ("wolę nie mówić", "nie mam ochoty"): accepted only
# after a preposition, written with a capital letter, or as a one-word answer.
_AMBIGUOUS = {
    "wole",
    "wolo",
    "ochote",
    "ochoty",
    "ochot",
    "wesole",
    "wesolym",
    "marek",
    "kabat",
    "wloch",
    "zabek",
    "sadyb",
}
_PREPOSITIONS = {"na", "w", "we", "z", "ze", "do", "od", "po", "dzielnica", "dzielnicy"}
_FUZZY_MIN_LENGTH = 6
_FUZZY_CUTOFF = 0.86


@lru_cache(maxsize=1)
def place_forms() -> Dict[str, str]:
    """folded form -> value for every generated form of every place."""
    forms: Dict[str, str] = {}
    for place, value in PLACES.items():
        for form in {place, *generated_forms(place)}:
            forms.setdefault(fold(form), value)
    forms.update(EXTRA_FORMS)
    return forms


@lru_cache(maxsize=1)
def _folded_places() -> Dict[str, str]:
    return {fold(place): value for place, value in PLACES.items()}


def _words(text: str) -> List[Tuple[str, str]]:
    """(original, folded) words; hyphens split ("Pradze-Północ")."""
    return [(m.group(), fold(m.group())) for m in re.finditer(r"[^\W\d_]+\.?", text)]


def _side(word: str) -> Optional[str]:
    if _SOUTH.match(word):
        return PRAGA_SOUTH
    if _NORTH.match(word):
        return PRAGA_NORTH
    return None


def _praga(folded_words: List[str], index: int) -> Optional[str]:
    """Praga needs its side, after it ("Praga Płd.", "Praga Pivden") or, in English, before it ("South
    Praga"); a bare "Praga" is ambiguous and stays unknown."""
    for following in folded_words[index + 1 : index + 3]:
        side = _side(following.rstrip("."))
        if side:
            return side
    return _side(folded_words[index - 1]) if index > 0 and folded_words[index - 1] in _ENGLISH_SIDES else None


def _accepts(words: List[Tuple[str, str]], index: int) -> bool:
    original, folded = words[index]
    if folded not in _AMBIGUOUS or len(words) == 1 or original[:1].isupper():
        return True
    return index > 0 and words[index - 1][1] in _PREPOSITIONS


def _match_word(words: List[Tuple[str, str]], index: int) -> Optional[str]:
    folded_words = [f.rstrip(".") for _, f in words]
    word = folded_words[index]
    if word in _PRAGA_FORMS:
        return _praga(folded_words, index)
    if index + 1 < len(words):
        for first, second, value in PHRASES:
            if word.startswith(first) and folded_words[index + 1].startswith(second):
                return value
    forms = place_forms()
    if word in forms:
        return forms[word] if _accepts(words, index) else None
    for lemma in lemmas(words[index][0].rstrip(".")):
        value = _folded_places().get(fold(lemma))
        if value:
            return value
    return None


@lru_cache(maxsize=1)
def _fuzzy_candidates() -> Tuple[str, ...]:
    return tuple(f for f in place_forms() if len(f) >= _FUZZY_MIN_LENGTH and f not in _AMBIGUOUS)


def _fuzzy(word: str) -> Optional[str]:
    """Typos ("mokotowei", "ursynowe") against forms of at least six letters."""
    if len(word) < _FUZZY_MIN_LENGTH:
        return None
    # A length difference over one is another word ("Mokotowska" is a street, not Mokotów).
    near = [f for f in _fuzzy_candidates() if abs(len(f) - len(word)) <= 1]
    best = difflib.get_close_matches(word, near, n=1, cutoff=_FUZZY_CUTOFF)
    return place_forms()[best[0]] if best else None


def normalise_district(text: str) -> Optional[str]:
    """The contract's district value for a place written in any form, or None if unknown.

    The earliest place named wins ("mieszkam na Woli, pracuję na Mokotowie" is Wola).
    """
    if not text or not text.strip():
        return None
    words = _words(text)
    joined = " ".join(folded for _, folded in words)
    outside = _OUTSIDE_PATTERNS.search(joined)
    outside_at = len(joined[: outside.start()].split()) if outside else None
    for index in range(len(words)):
        if outside_at is not None and index >= outside_at:
            return OUTSIDE
        value = _match_word(words, index)
        if value:
            return value
    if outside_at is not None:
        return OUTSIDE
    for _, folded in words:
        value = _fuzzy(folded.rstrip("."))
        if value:
            return value
    return None


def praga_without_side(text: str) -> bool:
    """Whether the text names Praga without saying which ("na Pradze", "Praga", "Прага") and no other place:
    two districts, each with its own social welfare centre, so the person is asked which one."""
    if not text or normalise_district(text):
        return False
    folded = [f.rstrip(".") for _, f in _words(text)]
    return any(
        (word in _PRAGA_FORMS or word in _PRAGA_CYRILLIC) and _praga(folded, index) is None
        for index, word in enumerate(folded)
    )


# Words around a side given alone ("ta południowa", "the south one"); the side itself is read by _side.
_SIDE_FILLERS = {"the", "one", "side", "part", "na", "ta", "to", "chyba", "please", "prosze", "на", "ну", "мабуть"}


def district_answer(text: str) -> Optional[str]:
    """The district answering the question about it: any place normalise_district knows, or Praga's side
    alone ("południe", "south", "північ", after "Która Praga?"), the only sides Warsaw's districts have."""
    found = normalise_district(text)
    if found:
        return found
    words = [f.rstrip(".") for _, f in _words(text or "") if f.rstrip(".") not in _SIDE_FILLERS]
    return _side(words[0]) if len(words) == 1 and words[0] != "pol" else None  # "pol": "Praga Pol." only
