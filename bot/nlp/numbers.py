"""Numbers, ages and durations written the way people type them in Polish (and in Ukrainian and
English, issue 14: bot.nlp.foreign.number_words).

An age arrives as "52", "pięćdziesiąt dwa", "piecdziesiat dwa" or "rocznik 1975"; a stay in a
CIS as "pół roku", "półtora roku" or "3 mies.". Number words inflect ("czterdziestu pięciu"), so
every form is generated from its lemma by Morfeusz once, folded (no diacritics), and looked up.
"""

from __future__ import annotations

import math
import re
from datetime import date
from functools import lru_cache
from typing import Dict, Iterable, List, Optional, Tuple

from bot.nlp.foreign import number_words as foreign
from bot.nlp.morphology import fold, generated_forms

NUMBER_LEMMAS: Dict[str, int] = {
    "zero": 0,
    "jeden": 1,
    "dwa": 2,
    "trzy": 3,
    "cztery": 4,
    "pięć": 5,
    "sześć": 6,
    "siedem": 7,
    "osiem": 8,
    "dziewięć": 9,
    "dziesięć": 10,
    "jedenaście": 11,
    "dwanaście": 12,
    "trzynaście": 13,
    "czternaście": 14,
    "piętnaście": 15,
    "szesnaście": 16,
    "siedemnaście": 17,
    "osiemnaście": 18,
    "dziewiętnaście": 19,
    "dwadzieścia": 20,
    "trzydzieści": 30,
    "czterdzieści": 40,
    "pięćdziesiąt": 50,
    "sześćdziesiąt": 60,
    "siedemdziesiąt": 70,
    "osiemdziesiąt": 80,
    "dziewięćdziesiąt": 90,
    "sto": 100,
    "dwieście": 200,
    "trzysta": 300,
    "czterysta": 400,
    "pięćset": 500,
    "sześćset": 600,
    "siedemset": 700,
    "osiemset": 800,
    "dziewięćset": 900,
    "tysiąc": 1000,
}
# Forms the generator does not give, and common phone spellings.
_EXTRA_FORMS: Dict[str, int] = {"tys": 1000, "dwoch": 2, "trzech": 3, "czterech": 4}

# Approximate and fractional quantities used for durations ("kilka tygodni", "pół roku").
_QUANTITY_WORDS: Dict[str, float] = {
    "pol": 0.5,
    "polowa": 0.5,
    "polowe": 0.5,
    "poltora": 1.5,
    "poltorej": 1.5,
    "poltory": 1.5,
    "kilka": 3,
    "kilku": 3,
    "kilkoma": 3,
    "pare": 2,
    "paru": 2,
    "paroma": 2,
    "kilkanascie": 12,
    "kilkunastu": 12,
    "kilkadziesiat": 30,
    "kilkudziesieciu": 30,
}
_MONTHS_PER_UNIT: Dict[str, float] = {"year": 12.0, "month": 1.0, "week": 7 / 30, "day": 1 / 30}
# An age said as a bare number ("mam 17 i nie chodzę do szkoły"): the numbers an adult's or a teenager's
# age can be, and the words that may follow it (bot.dialogue.patterns, bot.nlp.personal_entities).
BARE_AGES = range(15, 100)
AFTER_BARE_AGE = frozenset({"i", "a", "ale", "oraz"})
_NEVER = {"nigdy", "wcale", "zero"}
_TOKEN = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+")
_APOSTROPHES = re.compile(r"['’ʼ`]")  # "п'ять" is one word
_HALF_YEAR = re.compile(r"\b(пiв|пів|piv|pol)(року|roku)\b")  # "півроку" written as one word


@lru_cache(maxsize=1)
def number_forms() -> Dict[str, int]:
    """folded form -> value for every inflected form of every number word.

    A form shared by two numbers would be a guess, so such forms are left out.
    """
    forms: Dict[str, int] = {}
    clashes = set()
    for lemma, value in NUMBER_LEMMAS.items():
        for form in {lemma, *generated_forms(lemma)}:
            key = fold(form)
            if forms.get(key, value) != value:
                clashes.add(key)
            forms[key] = value
    for key in clashes:
        del forms[key]
    forms.update(_EXTRA_FORMS)
    forms.update(foreign.NUMBER_WORDS)
    return forms


@lru_cache(maxsize=1)
def _english_forms() -> Dict[str, int]:
    return {**number_forms(), **foreign.ENGLISH_ONLY}


def _forms_in_language() -> Dict[str, int]:
    """The number words, with those English shares with Polish ("one", "ten") in English only."""
    from bot.messages import current_language

    return _english_forms() if current_language() == "en" else number_forms()


def _tokens(text: str) -> List[str]:
    folded = _HALF_YEAR.sub(r"\1 \2", fold(_APOSTROPHES.sub("", text)).replace("m-c", "mc"))
    return _TOKEN.findall(folded)


def _combine(values: Iterable[int]) -> Tuple[Optional[int], int]:
    """Value of the longest well-formed prefix ("sto dwadzieścia trzy") and its length.

    Within a group of three digits a word must be smaller than the place before it: after a
    hundred come tens or units, after "dwadzieścia" only units, after a teen nothing.
    """
    total, group, allowed, used = 0, 0, 999, 0
    seen_any = False
    for value in values:
        if value == 1000:
            if total:
                break
            total, group, allowed = (group or 1) * 1000, 0, 999
        elif value > allowed or (value == 0 and seen_any):
            break
        else:
            group += value
            allowed = 99 if value >= 100 else 9 if value >= 20 and value % 10 == 0 else -1
        seen_any = True
        used += 1
    return (total + group if used else None), used


def _numbers_in(tokens: List[str]) -> List[Tuple[int, int]]:
    """Every number in the tokens as (value, index of the token after it)."""
    forms = _forms_in_language()
    found: List[Tuple[int, int]] = []
    run: List[int] = []
    for index, token in enumerate([*tokens, ""]):
        value = forms.get(token)
        if value is not None:
            run.append(value)
            continue
        while run:  # "jedenaście pięć" holds two numbers
            combined, used = _combine(run)
            if combined is None:
                break
            found.append((combined, index - len(run) + used))
            run = run[used:]
        if token.isdigit():
            found.append((int(token), index + 1))
    return found


def parse_number(text: str) -> Optional[int]:
    """The first number in the text, written in digits or in words in any case."""
    found = _numbers_in(_tokens(text))
    return found[0][0] if found else None


def _as_age(number: int, birth_year_said: bool, year: int) -> Optional[int]:
    if number < 100 and birth_year_said:
        number += 1900 if number > year % 100 else 2000
    if 1900 <= number <= year:
        number = year - number
    return number if 15 <= number <= 100 else None


def parse_age(text: str, today: Optional[date] = None) -> Optional[int]:
    """Age in years (15-100), also from a year of birth ("rocznik 1975", "urodzony w 75").

    In "mam 2 dzieci i 45 lat" the number before "lat" wins; otherwise the first number that
    is a plausible age.
    """
    tokens = _tokens(text)
    year = (today or date.today()).year
    born = "|".join(("rocznik", "urodzon", "urodzil", r"\bur\b", *foreign.BORN))
    birth_year_said = bool(re.search(born, " ".join(tokens)))
    candidates = []
    for number, after in _numbers_in(tokens):
        age = _as_age(number, birth_year_said, year)
        if age is not None:
            before_years = after < len(tokens) and (
                tokens[after] in {"lat", "lata", "latek", "l"} or tokens[after] in foreign.AGE_YEAR_WORDS
            )
            candidates.append((not before_years, age))
    return min(candidates, key=lambda c: c[0])[1] if candidates else None


def _unit(token: str) -> Optional[str]:
    # "miesiąc", "miesiecy", "miesiace"; not "mieszkanie", "mieszkam" ("czynsz za mieszkanie" is no month)
    if (
        token.startswith("mies")
        and not token.startswith("miesz")
        or token in {"mc", "mce", "mcy", "msc", "mcu", "mcach"}
    ):
        return "month"
    if token.startswith(("rok", "lat")) or token == "roczek":
        return "year"
    if token.startswith(("tydz", "tygod")) or token == "tyg":
        return "week"
    if token in {"dzien", "dni", "dnia", "dniach", "dniami"}:
        return "day"
    for unit, starts in foreign.UNIT_PREFIXES.items():
        if token.startswith(starts):
            return unit
    return foreign.UNIT_WORDS.get(token)


def _quantity(token: str) -> Optional[float]:
    if token[0].isdigit():
        return float(token.replace(",", "."))
    return _QUANTITY_WORDS.get(token, foreign.QUANTITY_WORDS.get(token))


def parse_months(text: str) -> Optional[int]:
    """A duration in whole months, rounded down ("pół roku" 6, "6 tygodni" 1, "nigdy" 0).

    "kilka" counts as 3 and "kilkanaście" as 12, the cautious reading. A bare number with no
    unit is not a duration: the caller knows what it asked and can use parse_number.
    """
    forms = _forms_in_language()
    tokens = _tokens(text)
    months, pending, last_unit, run = 0.0, None, None, []

    def flush() -> None:
        nonlocal pending, run
        if run:
            value = _combine(run)[0]
            pending = float(value) if pending is None else pending + value
            run = []

    for token in tokens:
        if token in forms and not _unit(token):
            run.append(forms[token])
            continue
        flush()
        unit = _unit(token)
        quantity = _quantity(token)
        if unit:
            amount = 1.0 if pending is None else pending
            if unit == "year" and amount >= 100:
                return None  # "od 2020 roku" is a date, not a duration
            months += amount * _MONTHS_PER_UNIT[unit]
            pending, last_unit = None, unit
        elif quantity is not None:
            # "dwa i pół roku": the half adds to the number before it
            pending = quantity if pending is None or quantity >= 1 else pending + quantity
    flush()
    if last_unit is None:
        return 0 if _NEVER & set(tokens) else None
    if pending is not None:  # "rok i pół": a trailing quantity counts in the last unit
        months += pending * _MONTHS_PER_UNIT[last_unit]
    result = math.floor(months + 1e-9)
    return result if result <= 1200 else None
