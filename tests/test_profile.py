"""The contract profile: valid values pass unchanged, everything else names its field."""

from __future__ import annotations

import pytest

from bot.profile import ProfileError, validate_profile

# The contract: every key in its order, with a valid value of its type.
CONTRACT_PROFILE = {
    "age": 52,
    "district": "Praga-Północ",
    "work_status": "registered_unemployed",
    "unemployment_benefit": False,
    "long_term_unemployed": True,
    "social_assistance": True,
    "disability_certificate": True,
    "disability_degree": "moderate",
    "disability_condition": "autism",
    "able_to_work": True,
    "health_limitations": False,
    "homeless": False,
    "housing_problem": True,
    "addiction": False,
    "left_prison": False,
    "foreigner": True,
    "international_protection": True,
    "leaving_care": False,
    "family_support": True,
    "carer": False,
    "social_enterprise": False,
    "cis_kis_months": 6,
}
CONTRACT_DISTRICTS = [
    "Bemowo",
    "Białołęka",
    "Bielany",
    "Mokotów",
    "Ochota",
    "Praga-Południe",
    "Praga-Północ",
    "Rembertów",
    "Śródmieście",
    "Targówek",
    "Ursus",
    "Ursynów",
    "Wawer",
    "Wesoła",
    "Wilanów",
    "Włochy",
    "Wola",
    "Żoliborz",
    "outside_warsaw",
]


def test_every_contract_key_and_district_is_accepted_and_an_unknown_key_is_told_the_keys_in_order() -> None:
    assert validate_profile(CONTRACT_PROFILE) == CONTRACT_PROFILE
    for district in CONTRACT_DISTRICTS:
        assert validate_profile({"district": district}) == {"district": district}
    with pytest.raises(ProfileError) as raised:
        validate_profile({"salary": 3000})
    assert raised.value.field == "salary"
    assert raised.value.message.endswith("Dozwolone pola: " + ", ".join(CONTRACT_PROFILE) + ".")
    with pytest.raises(ProfileError) as raised:
        validate_profile({"district": "Warszawa"})
    assert raised.value.message.endswith("Dozwolone: " + ", ".join(CONTRACT_DISTRICTS) + ".")


def test_valid_profile_keeps_values_and_drops_nulls() -> None:
    body = {
        "age": 52,
        "district": "Praga-Północ",
        "work_status": "registered_unemployed",
        "unemployment_benefit": False,
        "social_assistance": None,
        "cis_kis_months": 0,
    }
    assert validate_profile(body) == {
        "age": 52,
        "district": "Praga-Północ",
        "work_status": "registered_unemployed",
        "unemployment_benefit": False,
        "cis_kis_months": 0,
    }


@pytest.mark.parametrize(
    "body, field",
    [
        ([], "body"),
        ("age", "body"),
        ({"name": "Jan"}, "name"),
        ({"age": "52"}, "age"),
        ({"age": True}, "age"),
        ({"age": 52.5}, "age"),
        ({"age": 14}, "age"),
        ({"age": 101}, "age"),
        ({"district": "praga-północ"}, "district"),
        ({"district": "'; DROP TABLE institution; --"}, "district"),
        ({"work_status": "unemployed"}, "work_status"),
        ({"homeless": "true"}, "homeless"),
        ({"homeless": 1}, "homeless"),
        ({"disability_degree": "znaczny"}, "disability_degree"),
        ({"cis_kis_months": -1}, "cis_kis_months"),
        ({"social_assistance": {"$ne": None}}, "social_assistance"),
    ],
)
def test_invalid_values_name_their_field(body: object, field: str) -> None:
    with pytest.raises(ProfileError) as raised:
        validate_profile(body)
    assert raised.value.field == field
    assert raised.value.message
