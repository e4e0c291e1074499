"""Every district in nominative, genitive and locative, with and without diacritics."""

import pytest

from bot.nlp.districts import DISTRICTS, OUTSIDE, normalise_district
from bot.nlp.morphology import fold

CONTRACT_DISTRICTS = {
    "Bemowo", "Białołęka", "Bielany", "Mokotów", "Ochota", "Praga-Południe", "Praga-Północ",
    "Rembertów", "Śródmieście", "Targówek", "Ursus", "Ursynów", "Wawer", "Wesoła", "Wilanów",
    "Włochy", "Wola", "Żoliborz",
}

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
    for form in forms
    for variant, text in (
        ("pl", form),
        ("folded", fold(form)),
        ("in-sentence", f"mieszkam na {form}"),
    )
]


def test_the_table_covers_exactly_the_contract() -> None:
    assert set(DISTRICTS) == CONTRACT_DISTRICTS == set(FORMS)


@pytest.mark.parametrize("text, district", CASES)
def test_every_district_in_every_case(text: str, district: str) -> None:
    assert normalise_district(text) == district


@pytest.mark.parametrize(
    "text, district",
    [
        ("na Woli", "Wola"),
        ("woli", "Wola"),
        ("Pradze Południe", "Praga-Południe"),
        ("pradze-poludnie", "Praga-Południe"),
        ("praga pld", "Praga-Południe"),
        ("Praga Płd.", "Praga-Południe"),
        ("Praga Pn", "Praga-Północ"),
        ("praga polnoc", "Praga-Północ"),
        ("Bródno", "Targówek"),
        ("Bródnie", "Targówek"),
        ("brodnie", "Targówek"),
        ("Targówku", "Targówek"),
        ("Włochach", "Włochy"),
        ("wlochach", "Włochy"),
        ("Białołęce", "Białołęka"),
        ("bialolece", "Białołęka"),
        ("Saskiej Kępie", "Praga-Południe"),
        ("saskiej kepie", "Praga-Południe"),
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
        "lomianki",
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
