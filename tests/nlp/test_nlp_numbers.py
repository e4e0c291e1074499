"""Numbers, ages and durations as people type them.

The text is folded (case, diacritics) before the words are looked up: one spelling stands for all,
and "PIECDZIESIAT DWA" for the folding itself.
"""

from datetime import date
from typing import Optional

import pytest

from bot.messages import using
from bot.nlp.numbers import parse_age, parse_months, parse_number

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    "text, number",
    [
        ("52", 52),
        ("mam 52 lata", 52),
        ("pięćdziesiąt dwa", 52),
        ("PIECDZIESIAT DWA", 52),
        ("czterdziestu pięciu", 45),
        ("dwudziestu", 20),
        ("osiemnaście", 18),
        ("dziewiętnastu", 19),
        ("sto", 100),
        ("stu", 100),
        ("sto dwadzieścia trzy", 123),
        ("trzydzieści", 30),
        ("sześćdziesiąt siedem", 67),
        ("dwóch", 2),
        ("jeden", 1),
        ("zero", 0),
        ("tysiąc dziewięćset siedemdziesiąt pięć", 1975),
        ("dwa tysiące pięć", 2005),
        ("jedenaście pięć", 11),  # not well-formed: only the first number counts
        ("nie wiem", None),
        ("", None),
    ],
)
def test_parse_number(text: str, number: Optional[int]) -> None:
    assert parse_number(text) == number


@pytest.mark.parametrize(
    "text, age",
    [
        ("52", 52),
        ("mam 52 lata", 52),
        ("pięćdziesiąt dwa", 52),
        ("czterdziestu pięciu", 45),
        ("15", 15),
        ("100", 100),
        ("14", None),
        ("101", None),
        ("sto jeden", None),
        ("rocznik 1975", 51),
        ("rocznik 75", 51),
        ("urodzony w 2001", 25),
        ("mam 2 dzieci i 45 lat", 45),
        ("mam dwoje dzieci i czterdzieści lat", 40),
        ("wolę nie mówić", None),
    ],
)
def test_parse_age(text: str, age: Optional[int]) -> None:
    assert parse_age(text, today=TODAY) == age


@pytest.mark.parametrize(
    "text, months",
    [
        ("pół roku", 6),
        ("rok", 12),
        ("roku", 12),
        ("półtora roku", 18),
        ("8 miesięcy", 8),
        ("osiem miesiecy", 8),
        ("dwa lata", 24),
        ("przez 2 lata", 24),
        ("3 mies.", 3),
        ("4 m-ce", 4),
        ("miesiąc", 1),
        ("trzy miesiące", 3),
        ("dwadzieścia cztery miesiące", 24),
        ("dwa i pół roku", 30),
        ("2,5 roku", 30),
        ("rok i pół", 18),
        ("rok i trzy miesiące", 15),
        ("kilka miesięcy", 3),
        ("kilkanaście miesięcy", 12),
        ("kilka tygodni", 0),
        ("6 tygodni", 1),
        ("tydzień", 0),
        ("90 dni", 3),
        ("nigdy", 0),
        ("od 2020 roku", None),
        ("8", None),  # a bare number is not a duration
        ("nie wiem", None),
        ("mam zaległości w czynszu za mieszkanie", None),  # a flat, not a month
        ("mieszkam na Woli od miesiąca", 1),
    ],
)
def test_parse_months(text: str, months: Optional[int]) -> None:
    assert parse_months(text) == months


# ---------------------------------------------------------------- Ukrainian and English (issue 14)


@pytest.mark.parametrize(
    "text, age",
    [
        ("мені тридцять чотири роки", 34),
        ("мне сорок два года", 42),
        ("мені 56 років, маю двоє дітей", 56),
        ("i am thirty four years old", 34),
        ("im 45 and have 2 kids", 45),
    ],
)
def test_ages_in_ukrainian_and_english(text: str, age: int) -> None:
    assert parse_age(text) == age


def test_a_year_of_birth_in_ukrainian_and_english() -> None:
    today = date(2026, 11, 29)
    assert parse_age("народилась у 1990 році", today) == 36
    assert parse_age("born in 1985", today) == 41


@pytest.mark.parametrize(
    "text, months",
    [
        ("півроку", 6),
        ("пів року", 6),
        ("два роки", 24),
        ("рік і три місяці", 15),
        ("пять місяців", 5),
        ("six months", 6),
        ("2 years", 24),
    ],
)
def test_durations_in_ukrainian_and_english(text: str, months: int) -> None:
    assert parse_months(text) == months


def test_an_hour_and_a_sunday_are_no_durations() -> None:
    assert parse_months("одну годину") is None
    assert parse_months("в неділю") is None


def test_english_words_that_are_also_polish_count_only_in_english() -> None:
    assert parse_number("ten staż") is None  # "ten" is "this" in Polish
    with using("en"):
        assert parse_number("ten") == 10
