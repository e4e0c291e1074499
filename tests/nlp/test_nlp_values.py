"""Disability degree and condition from free text.

The text is folded (case, diacritics) before it is matched, so one spelling of a phrase stands for all.
"""

from typing import Optional

import pytest

from bot.nlp.values import normalise_condition, normalise_degree


@pytest.mark.parametrize(
    "text, degree",
    [
        ("znaczny", "severe"),
        ("znacznym", "severe"),
        ("znaczny stopień", "severe"),
        ("o znacznym stopniu niepełnosprawności", "severe"),
        ("I grupa", "severe"),
        ("i grupa", "severe"),
        ("pierwsza grupa", "severe"),
        ("grupa I", "severe"),
        ("II grupa", "moderate"),
        ("grupa 2", "moderate"),
        ("II grupa inwalidzka", "moderate"),
        ("III grupa", "light"),
        ("mam trzecią grupę", "light"),
        ("umiarkowany", "moderate"),
        ("umiarkowanym", "moderate"),
        ("umiarkowanego stopnia", "moderate"),
        ("lekki", "light"),
        ("lekkim", "light"),
        ("stopień lekki", "light"),
        ("znacznym stopniem", "severe"),
        ("niezdolność do samodzielnej egzystencji", "severe"),
        ("całkowita niezdolność do pracy", "moderate"),
        ("częściowa niezdolność do pracy", "light"),
        ("mam orzeczenie i grupę", None),  # "i" is "and" here
        ("nie wiem", None),
        ("", None),
    ],
)
def test_normalise_degree(text: str, degree: Optional[str]) -> None:
    assert normalise_degree(text) == degree


@pytest.mark.parametrize(
    "text, condition",
    [
        ("autyzm", "autism"),
        ("autyzmu", "autism"),
        ("spektrum autyzmu", "autism"),
        ("zespół Aspergera", "autism"),
        ("syn jest autystyczny", "autism"),
        ("choroba psychiczna", "mental_illness"),
        ("chorobę psychiczną", "mental_illness"),
        ("jestem chory psychicznie", "mental_illness"),
        ("schizofrenia", "mental_illness"),
        ("schizofrenię", "mental_illness"),
        ("depresja", "mental_illness"),
        ("depresje", "mental_illness"),
        ("choroba afektywna dwubiegunowa", "mental_illness"),
        ("upośledzenie", "intellectual_disability"),
        ("uposledzenie umyslowe", "intellectual_disability"),
        ("niepełnosprawność intelektualna", "intellectual_disability"),
        ("zespół Downa", "intellectual_disability"),
        ("cukrzyca", "other"),
        ("wzrok", "other"),
        ("ruchowa", "other"),
        ("niepełnosprawność ruchowa", "other"),
        ("słabo słyszę", "other"),
        ("padaczka", "other"),
        ("mam autyzm i depresję", "autism"),
        ("niepełnosprawność", None),
        ("nie wiem", None),
        ("", None),
    ],
)
def test_normalise_condition(text: str, condition: Optional[str]) -> None:
    assert normalise_condition(text) == condition
