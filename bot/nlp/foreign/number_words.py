"""Number words and time units in Ukrainian (with the Russian forms many Ukrainians write) and in
English, folded as bot.nlp.numbers folds text (lower case, no diacritics: "й" -> "и", "ї" -> "і";
apostrophes dropped before: "п'ять" -> "пять"). Read by bot.nlp.numbers beside the Polish words.
"""

from __future__ import annotations

from typing import Dict

from bot.nlp.morphology import fold

_UKRAINIAN = {
    0: "нуль", 1: "один одна одного одному", 2: "два дві двох двом", 3: "три трьох трем", 4: "чотири чотирьох",
    5: "пять пяти", 6: "шість шести", 7: "сім семи", 8: "вісім восьми", 9: "девять девяти", 10: "десять десяти",
    11: "одинадцять одинадцяти", 12: "дванадцять дванадцяти", 13: "тринадцять", 14: "чотирнадцять",
    15: "пятнадцять", 16: "шістнадцять", 17: "сімнадцять", 18: "вісімнадцять", 19: "девятнадцять",
    20: "двадцять двадцяти", 30: "тридцять тридцяти", 40: "сорок сорока", 50: "пятдесят пятдесяти",
    60: "шістдесят шістдесяти", 70: "сімдесят сімдесяти", 80: "вісімдесят вісімдесяти",
    90: "девяносто", 100: "сто",
}  # fmt: skip
_RUSSIAN = {
    1: "один одна", 2: "два две двух", 3: "три трех трёх", 4: "четыре", 5: "пять", 6: "шесть", 7: "семь",
    8: "восемь", 9: "девять", 10: "десять", 11: "одиннадцать", 12: "двенадцать", 20: "двадцать",
    30: "тридцать", 40: "сорок", 50: "пятьдесят", 60: "шестьдесят", 70: "семьдесят", 80: "восемьдесят",
    90: "девяносто",
}  # fmt: skip
_ENGLISH = {
    0: "zero", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine",
    11: "eleven", 12: "twelve", 13: "thirteen", 14: "fourteen", 15: "fifteen", 16: "sixteen", 17: "seventeen",
    18: "eighteen", 19: "nineteen", 20: "twenty", 30: "thirty", 40: "forty fourty", 50: "fifty", 60: "sixty",
    70: "seventy", 80: "eighty", 90: "ninety", 100: "hundred",
}  # fmt: skip
# Polish words as well ("one" they, "ten" this): numbers only in an English conversation.
ENGLISH_ONLY: Dict[str, int] = {"one": 1, "ten": 10}


def _forms(table: Dict[int, str]) -> Dict[str, int]:
    return {fold(word): value for value, words in table.items() for word in words.split()}


NUMBER_WORDS: Dict[str, int] = {**_forms(_RUSSIAN), **_forms(_UKRAINIAN), **_forms(_ENGLISH)}

QUANTITY_WORDS: Dict[str, float] = {
    **{fold(w): 0.5 for w in ("пів", "пол", "half")},
    **{fold(w): 1.5 for w in ("півтора", "півтори", "полтора")},
    **{fold(w): 3 for w in ("кілька", "декілька", "кількох", "несколько", "few", "several")},
    **{fold(w): 2 for w in ("пару", "пара", "пари", "couple")},
}

# Units by the start of the folded word, and whole words where a start would take in other words
# ("година" is an hour, not the Russian "год"; "неділя" is a Sunday).
UNIT_PREFIXES: Dict[str, tuple[str, ...]] = {
    "year": (fold("рік"), fold("рок"), "year", "yr"),
    "month": (fold("місяц"), fold("месяц"), "month", "mth"),
    "week": (fold("тижд"), fold("тижн"), fold("недел"), "week", "wk"),
}
UNIT_WORDS: Dict[str, str] = {
    **{fold(w): "year" for w in ("лет", "год", "года", "году")},
    **{fold(w): "day" for w in ("день", "дні", "днів", "дня", "дней", "днями", "day", "days")},
}
# "мені 34 роки", "34 years old": the number before such a word is an age
AGE_YEAR_WORDS = frozenset(
    fold(w) for w in ("років", "роки", "рік", "року", "лет", "года", "год", "years", "year", "yrs", "yo")
)
BORN = ("народ", "born", "рожд", "narodz", "narodyv")
