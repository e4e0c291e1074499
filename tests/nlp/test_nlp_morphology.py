"""Lemmas of inflected and diacritic-less forms: the words the NLU must see as one."""

import pytest

from bot.nlp.morphology import best_lemma, cut_homonym, fold, folded_lemmas, lemmas


@pytest.mark.parametrize(
    "word, lemma",
    [
        ("zasiłku", "zasiłek"),
        ("zasiłkiem", "zasiłek"),
        ("orzeczenia", "orzeczenie"),  # the noun, not the gerund of "orzec"
        ("orzeczeniem", "orzeczenie"),
        ("Woli", "Wola"),
        ("woli", "Wola"),
        ("bezrobotnym", "bezrobotny"),
        ("bezrobotna", "bezrobotny"),
        ("Targówku", "Targówek"),
        ("Pradze", "Praga"),
        ("Włochach", "Włochy"),
        ("mieszkaniu", "mieszkanie"),
        ("szkolenia", "szkolenie"),
        ("ośrodka", "ośrodek"),
        ("niepełnosprawności", "niepełnosprawność"),
        ("stopnia", "stopień"),
        ("znacznym", "znaczny"),
        ("dzieci", "dziecko"),
        ("mam", "mieć"),
        ("lata", "rok"),
        ("lat", "rok"),
        ("jestem", "być"),
        ("byłem", "być"),  # agglutinate "-em" is a second segment
        ("wolę", "woleć"),  # "wolę nie mówić", not the district
        ("ZASIŁKU", "zasiłek"),
        ("pomocy", "pomoc"),
        ("nie", "nie"),
    ],
)
def test_best_lemma_of_inflected_forms(word: str, lemma: str) -> None:
    assert best_lemma(word) == lemma


@pytest.mark.parametrize(
    "word, lemma",
    [
        ("zasilku", "zasiłek"),
        ("Wlochach", "Włochy"),
        ("bialolece", "Białołęka"),
        ("zoliborzu", "Żoliborz"),
        ("srodmiesciu", "Śródmieście"),
        ("stazu", "staż"),
        ("uzaleznienie", "uzależnienie"),
        ("wiezienia", "więzienie"),
        ("niepelnosprawnosci", "niepełnosprawność"),
        ("osrodka", "ośrodek"),
        ("urzedu", "urząd"),
        ("spoldzielni", "spółdzielnia"),
        ("uchodzca", "uchodźca"),
        ("cudzoziemcem", "cudzoziemiec"),
        ("pieciu", "pięć"),
        ("piecdziesiat", "pięćdziesiąt"),
        ("wole", "woleć"),
        ("sad", "sąd"),  # a vocabulary word typed without diacritics beats "sad" (orchard)
    ],
)
def test_best_lemma_without_diacritics(word: str, lemma: str) -> None:
    assert best_lemma(word) == lemma


@pytest.mark.parametrize("word", ["xyzqw", "Xyzqw", "blablabla"])
def test_unknown_word_is_its_own_lower_cased_lemma(word: str) -> None:
    assert lemmas(word) == [word.lower()]
    assert best_lemma(word) == word.lower()


def test_lemmas_lists_alternatives_best_first() -> None:
    candidates = lemmas("orzeczenia")
    assert candidates[0] == "orzeczenie"
    assert "orzec" in candidates
    assert all(":" not in lemma for lemma in lemmas("Woli"))


@pytest.mark.parametrize("lemma, cut", [("Wola:Sf~i", "Wola"), ("bez:P", "bez"), ("rok:Sm3~lata", "rok"), (":", ":")])
def test_cut_homonym(lemma: str, cut: str) -> None:
    assert cut_homonym(lemma) == cut


@pytest.mark.parametrize(
    "text, folded",
    [
        ("zażółć gęślą jaźń", "zazolc gesla jazn"),
        ("ZAŻÓŁĆ GĘŚLĄ JAŹŃ", "zazolc gesla jazn"),
        ("Łódź Śródmieście Żoliborz", "lodz srodmiescie zoliborz"),
        ("Ąą Ćć Ęę Łł Ńń Óó Śś Źź Żż", "aa cc ee ll nn oo ss zz zz"),
        ("already plain 123", "already plain 123"),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_folded_lemmas_maps_back_to_vocabulary() -> None:
    assert folded_lemmas("zasilku") == ["zasiłek"]
    assert folded_lemmas("nieznanyzupelnie") == []


def test_hyphenated_word_is_lemmatised_by_part() -> None:
    assert best_lemma("Pradze-Północ") == "Praga-północ"
    assert best_lemma("-") == "-"
