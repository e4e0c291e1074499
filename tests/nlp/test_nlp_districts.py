"""Every district in nominative, genitive and locative, alone and in a sentence; neighbourhoods,
abbreviations, typos and text typed without diacritics.

The code folds case and diacritics before it looks a word up (bot.nlp.morphology.fold), and splits
words at hyphens and spaces alike: spellings that differ only in that are one case here.
"""

import pytest

from bot.nlp.districts import (
    OUTSIDE,
    PHRASES,
    PRAGA_NORTH,
    PRAGA_SOUTH,
    district_answer,
    normalise_district,
    place_forms,
    praga_without_side,
)
from bot.profile import DISTRICTS as CONTRACT_DISTRICTS
from bot.profile import validate_profile

# district -> (nominative, genitive, locative)
FORMS = {
    "Bemowo": ("Bemowo", "Bemowa", "Bemowie"),
    "Białołęka": ("Białołęka", "Białołęki", "Białołęce"),
    "Bielany": ("Bielany", "Bielan", "Bielanach"),
    "Mokotów": ("Mokotów", "Mokotowa", "Mokotowie"),
    "Ochota": ("Ochota", "Ochoty", "Ochocie"),
    "Praga-Południe": ("Praga-Południe", "Pragi-Południe", "Pradze-Południe"),
    "Praga-Północ": ("Praga-Północ", "Pragi-Północ", "Pradze-Północ"),
    "Rembertów": ("Rembertów", "Rembertowa", "Rembertowie"),
    "Śródmieście": ("Śródmieście", "Śródmieścia", "Śródmieściu"),
    "Targówek": ("Targówek", "Targówka", "Targówku"),
    "Ursus": ("Ursus", "Ursusa", "Ursusie"),
    "Ursynów": ("Ursynów", "Ursynowa", "Ursynowie"),
    "Wawer": ("Wawer", "Wawra", "Wawrze"),
    "Wesoła": ("Wesoła", "Wesołej", "Wesołej"),
    "Wilanów": ("Wilanów", "Wilanowa", "Wilanowie"),
    "Włochy": ("Włochy", "Włoch", "Włochach"),
    "Wola": ("Wola", "Woli", "Woli"),
    "Żoliborz": ("Żoliborz", "Żoliborza", "Żoliborzu"),
}

CASES = [
    pytest.param(text, district, id=f"{district}-{variant}-{text}")
    for district, forms in FORMS.items()
    for form in dict.fromkeys(forms)  # "Woli" and "Wesołej" are both genitive and locative
    for variant, text in (
        ("alone", form),
        ("in-sentence", f"mieszkam na {form}"),
    )
]


def test_every_value_it_gives_is_a_contract_district_and_every_district_can_be_given() -> None:
    """What the bot stores must pass the contract's own check (bot.profile), and no district is unreachable."""
    values = set(place_forms().values()) | {value for *_, value in PHRASES} | {PRAGA_SOUTH, PRAGA_NORTH}
    for value in values:
        assert validate_profile({"district": value}) == {"district": value}
    assert values == set(CONTRACT_DISTRICTS) | {OUTSIDE}


@pytest.mark.parametrize("text, district", CASES)
def test_every_district_in_every_case(text: str, district: str) -> None:
    assert normalise_district(text) == district


@pytest.mark.parametrize(
    "text, district",
    [
        ("na Woli", "Wola"),
        ("woli", "Wola"),  # typed lower-case and without diacritics: folded before the lookup
        ("Praga Płd.", "Praga-Południe"),  # the dot is dropped
        ("Praga Pn", "Praga-Północ"),
        ("praga polnoc", "Praga-Północ"),
        ("Bródno", "Targówek"),
        ("Bródnie", "Targówek"),
        ("bialolece", "Białołęka"),  # ł is folded by hand, ę by decomposition
        ("Saskiej Kępie", "Praga-Południe"),
        ("Grochowie", "Praga-Południe"),
        ("Gocławiu", "Praga-Południe"),
        ("Tarchominie", "Białołęka"),
        ("Kabatach", "Ursynów"),
        ("Służewcu", "Mokotów"),
        ("Muranowie", "Śródmieście"),
        ("Jelonkach", "Bemowo"),
        ("Chomiczówce", "Bielany"),
        ("na Starówce", "Śródmieście"),
        ("na Starym Mieście", "Śródmieście"),
        ("na Starej Pradze", "Praga-Północ"),
        ("mieszkam w warszawie na bemowie", "Bemowo"),
        ("mieszkam na Woli, pracuję na Mokotowie", "Wola"),
        ("mokotowei", "Mokotów"),  # typo
        ("ursynowe", "Ursynów"),
        # Ukrainian in Latin letters, as the Ukrainian NLU passes it on (the fourteenth session's probe)
        ("Pradzi Pivnich", "Praga-Północ"),
        ("na Prazi pivnichnij", "Praga-Północ"),
        ("Praha Pivden", "Praga-Południe"),
    ],
)
def test_forms_neighbourhoods_and_typos(text: str, district: str) -> None:
    assert normalise_district(text) == district


@pytest.mark.parametrize(
    "text",
    [
        "spoza Warszawy",
        "mieszkam poza Warszawą",
        "pod Warszawą",
        "Pruszków",
        "w Pruszkowie",
        "Piaseczno",
        "Legionowo",
        "Ząbki",
        "z Ząbek",
        "Marki",
        "Łomianki",
        "Otwock",
        "z innego miasta",
    ],
)
def test_outside_warsaw(text: str) -> None:
    assert normalise_district(text) == OUTSIDE


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Warszawa",
        "na Pradze",  # which Praga is not said
        "nie wiem",
        "wolę nie mówić",
        "wole nie mowic",
        "nie mam ochoty",
        "ul. Mokotowska",  # a street in Śródmieście, not the district
        "mam wolną chwilę",
    ],
)
def test_unknown_or_not_a_district(text: str) -> None:
    assert normalise_district(text) is None


@pytest.mark.parametrize(
    "text", ["Praga", "na Pradze", "mieszkam na Pradze, blisko Wisły", "Praha", "Прага", "на Празі"]
)
def test_praga_without_its_side(text: str) -> None:
    assert praga_without_side(text) and normalise_district(text) is None


@pytest.mark.parametrize("text", ["Praga Południe", "na Pradze pld", "Stara Praga", "Прага-Північ", "Wola", "ok", ""])
def test_praga_with_its_side_or_no_praga(text: str) -> None:
    assert not praga_without_side(text)


@pytest.mark.parametrize(
    "text, expected",
    [("South Praga", PRAGA_SOUTH), ("Praga North", PRAGA_NORTH), ("northern Praga", PRAGA_NORTH), ("Wola", "Wola")],
)
def test_english_sides_of_praga(text: str, expected: str) -> None:
    assert normalise_district(text) == expected == district_answer(text)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("południe", PRAGA_SOUTH),
        ("ta południowa", PRAGA_SOUTH),
        ("the south one", PRAGA_SOUTH),
        ("Південь", PRAGA_SOUTH),
        ("pivnich", PRAGA_NORTH),
        ("północ", PRAGA_NORTH),
        ("pół", None),
        ("I live in the north", None),  # more than a side: no district
    ],
)
def test_a_side_alone_answers_the_district_question(text: str, expected: str | None) -> None:
    """After "Która Praga: Praga-Północ czy Praga-Południe?" people type the side."""
    assert normalise_district(text) is None and district_answer(text) == expected
