"""The contract profile: valid values pass unchanged, everything else names its field."""

from __future__ import annotations

import pytest

from bot.profile import DISTRICTS, PROFILE_KEYS, ProfileError, validate_profile


def test_contract_keys_in_order() -> None:
    assert PROFILE_KEYS == (
        "age", "district", "work_status", "unemployment_benefit", "long_term_unemployed",
        "social_assistance", "disability_certificate", "disability_degree", "disability_condition",
        "able_to_work", "health_limitations", "homeless", "housing_problem", "addiction", "left_prison",
        "foreigner", "international_protection", "leaving_care", "family_support", "carer",
        "social_enterprise", "cis_kis_months",
    )
    assert len(DISTRICTS) == 18


def test_valid_profile_keeps_values_and_drops_nulls() -> None:
    body = {"age": 52, "district": "Praga-Północ", "work_status": "registered_unemployed",
            "unemployment_benefit": False, "social_assistance": None, "cis_kis_months": 0}
    assert validate_profile(body) == {"age": 52, "district": "Praga-Północ", "work_status": "registered_unemployed",
                                      "unemployment_benefit": False, "cis_kis_months": 0}


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
