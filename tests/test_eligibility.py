"""The engine as a whole: unknown is not "no", `missing`, ordering, supporting actors, contacts."""

from __future__ import annotations

import pytest

from bot.eligibility import recommend
from bot.knowledge.catalogue import Catalogue
from bot.messages import text


def ids(result: dict) -> list[str]:
    return [item["institution"] for item in result["recommendations"]]


def tools(result: dict) -> set[str]:
    return {t for item in result["recommendations"] for t in item["tools"]}


def test_unknown_keys_are_not_claimed_but_missing(catalogue: Catalogue) -> None:
    result = recommend({"work_status": "registered_unemployed", "social_assistance": True}, catalogue)
    assert "prace_spolecznie_uzyteczne" not in tools(result)
    assert "unemployment_benefit" in result["missing"]
    answered = recommend(
        {"work_status": "registered_unemployed", "social_assistance": True, "unemployment_benefit": False}, catalogue
    )
    assert "prace_spolecznie_uzyteczne" in tools(answered)
    assert "unemployment_benefit" not in answered["missing"]


def test_known_keys_are_never_missing(catalogue: Catalogue) -> None:
    profile = {"age": 40, "work_status": "employed", "disability_certificate": False}
    assert not set(profile) & set(recommend(profile, catalogue)["missing"])


def test_a_key_that_cannot_change_anything_is_not_missing(catalogue: Catalogue) -> None:
    # Without a certificate the degree cannot matter.
    result = recommend({"disability_certificate": False}, catalogue)
    assert "disability_degree" not in result["missing"] and "disability_condition" not in result["missing"]
    result = recommend({}, catalogue)
    assert "disability_degree" not in result["missing"] and "disability_certificate" in result["missing"]
    result = recommend({"disability_certificate": True}, catalogue)
    assert "disability_degree" in result["missing"]
    assert "unemployment_benefit" not in recommend({"work_status": "employed"}, catalogue)["missing"]


def test_most_specific_help_first(catalogue: Catalogue) -> None:
    result = recommend(
        {"disability_certificate": True, "disability_degree": "severe", "work_status": "employed", "district": "Wola"},
        catalogue,
    )
    assert ids(result)[0] in ("zaz", "wcpr")
    assert ids(result).index("zaz") < ids(result).index("up")


@pytest.mark.parametrize(
    "profile, institution",
    [
        ({"carer": True, "district": "Mokotów"}, "cus"),
        ({"family_support": True, "district": "Wola"}, "cwr"),
        ({"age": 16, "district": "Wola"}, "cwr"),
        ({"family_support": True}, "kluby_dla_rodzin"),
        ({"age": 19}, "ohp"),
        ({"work_status": "jobless_unregistered"}, "agencja_zatrudnienia"),
        ({"housing_problem": True, "district": "Targówek", "work_status": "jobless_unregistered"}, "zgn"),
        ({"homeless": True, "family_support": True}, "lsw"),
        ({"addiction": True}, "ngo"),
    ],
)
def test_supporting_actors_by_their_area_of_cooperation(catalogue: Catalogue, profile: dict, institution: str) -> None:
    result = recommend(profile, catalogue)
    assert institution in ids(result)
    item = next(i for i in result["recommendations"] if i["institution"] == institution)
    assert item["reasons"]


def test_supporting_actor_not_recommended_outside_its_area(catalogue: Catalogue) -> None:
    assert "zgn" not in ids(recommend({"housing_problem": True, "district": "Wola"}, catalogue))
    assert "zgn" not in ids(recommend({"housing_problem": True}, catalogue))
    assert "district" in recommend({"housing_problem": True}, catalogue)["missing"]


@pytest.mark.parametrize("age, offered", [(17, True), (23, True), (30, True), (31, False), (45, False), (58, False)])
def test_ohp_is_for_young_people_only(catalogue: Catalogue, age: int, offered: bool) -> None:
    # "Wsparcie osób młodych": the study gives no age; the engine reads young as labour-market law
    # does (up to 30) and says in the reason that the study itself gives no limit.
    result = recommend({"age": age}, catalogue)
    assert ("ohp" in ids(result)) is offered
    if offered:
        ohp = next(i for i in result["recommendations"] if i["institution"] == "ohp")
        assert any("nie podaje granicy wieku" in reason for reason in ohp["reasons"])


@pytest.mark.parametrize(
    "situation",
    [{"homeless": True}, {"addiction": True}, {"left_prison": True}, {"social_assistance": True}],
)
def test_lsw_serves_families_with_children_not_adults_alone(catalogue: Catalogue, situation: dict) -> None:
    # "pomocy dzieciom i ich rodzinom zagrożonym wykluczeniem społecznym"
    assert "lsw" not in ids(recommend({**situation, "family_support": False}, catalogue))
    assert "lsw" in ids(recommend({**situation, "family_support": True}, catalogue))
    assert "family_support" in recommend(situation, catalogue)["missing"]


def test_lsw_not_for_a_parent_whose_family_is_not_at_risk(catalogue: Catalogue) -> None:
    profile = {"family_support": True, "social_assistance": False, "homeless": False, "addiction": False}
    profile |= {"left_prison": False, "housing_problem": False, "leaving_care": False}
    assert "lsw" not in ids(recommend(profile, catalogue))
    assert "lsw" in ids(recommend({"leaving_care": True}, catalogue))
    # a minor in one of those situations is one of the children the LSW serve
    assert "lsw" in ids(recommend({"age": 16, "homeless": True}, catalogue))
    assert "lsw" not in ids(recommend({"age": 18, "homeless": True, "family_support": False}, catalogue))


def test_zgn_serves_a_tenant_in_arrears_first_and_the_homeless_only_as_a_possibility(catalogue: Catalogue) -> None:
    # A tenant with arrears or a notice in a revitalisation district: the ZGN manages her flat.
    tenant = recommend({"housing_problem": True, "family_support": True, "district": "Praga-Północ"}, catalogue)
    assert "zgn" in ids(tenant)
    # A homeless man: offered, but after the help that fits his situation (the study does not say
    # the ZGN's housing support reaches someone without a flat).
    homeless = {"age": 45, "homeless": True, "district": "Praga-Północ", "social_assistance": True}
    order = ids(recommend({**homeless, "work_status": "registered_unemployed"}, catalogue))
    assert "zgn" in order
    assert order.index("zgn") > order.index("ops") and order.index("zgn") > order.index("cis")
    assert order.index("zgn") >= len(order) - 3, order


@pytest.mark.parametrize("work_status", [None, "registered_unemployed", "jobless_unregistered", "employed"])
def test_employment_agencies_do_not_wait_for_registration(catalogue: Catalogue, work_status: str | None) -> None:
    # "korzystających lub nie korzystających ze wsparcia Urzędu Pracy": whatever the answer, or none.
    profile = {"age": 41, "district": "Wola"} | ({"work_status": work_status} if work_status else {})
    assert "agencja_zatrudnienia" in ids(recommend(profile, catalogue))
    assert "agencja_zatrudnienia" not in ids(recommend({**profile, "able_to_work": False}, catalogue))


def test_outside_warsaw_gets_a_note_and_no_warsaw_addresses(catalogue: Catalogue) -> None:
    result = recommend({"district": "outside_warsaw", "social_assistance": True}, catalogue)
    assert result["recommendations"]
    for item in result["recommendations"]:
        assert item["contact"] == {} and item["note"] == text("recommend.outside_warsaw")


def test_srodmiescie_contact_is_the_cps(catalogue: Catalogue) -> None:
    result = recommend({"social_assistance": True, "district": "Śródmieście"}, catalogue)
    ops = next(i for i in result["recommendations"] if i["institution"] == "ops")
    assert "Centrum Pomocy Społecznej" in ops["contact"]["name"]


def test_same_answer_every_time(catalogue: Catalogue) -> None:
    profile = {
        "age": 52,
        "work_status": "registered_unemployed",
        "unemployment_benefit": False,
        "social_assistance": True,
    }
    assert recommend(profile, catalogue) == recommend(dict(reversed(list(profile.items()))), catalogue)


@pytest.mark.parametrize(
    "district, street", [("Praga-Północ", "Grochowska"), ("Wola", "Ciołka"), ("Wawer", "Grochowska")]
)
def test_labour_office_seat_serving_the_district(catalogue: Catalogue, district: str, street: str) -> None:
    result = recommend({"work_status": "registered_unemployed", "district": district}, catalogue)
    up = next(i for i in result["recommendations"] if i["institution"] == "up")
    assert street in up["contact"]["address"]


def test_the_way_into_cis_goes_through_the_ops_until_the_person_is_its_client(catalogue: Catalogue) -> None:
    homeless = {"age": 40, "homeless": True, "work_status": "jobless_unregistered", "district": "Wola"}
    cis = next(
        i
        for i in recommend({**homeless, "social_assistance": False}, catalogue)["recommendations"]
        if i["institution"] == "cis"
    )
    assert (
        cis["steps"][0]["institution"] == "ops" and "Zgłoś się do ośrodka pomocy społecznej" in cis["steps"][0]["text"]
    )
    client = next(
        i
        for i in recommend({**homeless, "social_assistance": True}, catalogue)["recommendations"]
        if i["institution"] == "cis"
    )
    assert not any("Zgłoś się" in step["text"] for step in client["steps"]) and client["steps"]


def test_every_recommendation_says_how_to_start(catalogue: Catalogue) -> None:
    result = recommend(
        {"age": 30, "work_status": "jobless_unregistered", "homeless": True, "carer": True, "district": "Wola"},
        catalogue,
    )
    assert all(
        item["steps"] and all(step["text"].strip() for step in item["steps"]) for item in result["recommendations"]
    )


def test_would_open_is_what_the_rules_give_after_the_change(catalogue: Catalogue) -> None:
    profile = {"age": 30, "work_status": "jobless_unregistered", "social_assistance": False, "district": "Wola"}
    result = recommend(profile, catalogue)
    registering = next(o for o in result["would_open"] if o["change"] == {"work_status": "registered_unemployed"})
    now = tools(result)
    after = tools(recommend({**profile, "work_status": "registered_unemployed"}, catalogue))
    assert set(registering["tools"]) == after - now and "staz" in registering["tools"]
    assert registering["text"].startswith("Jeśli zarejestrujesz się w urzędzie pracy")
    # Nothing to open by registering once registered; no certificate offered without health problems.
    registered = recommend({**profile, "work_status": "registered_unemployed"}, catalogue)["would_open"]
    assert not any("work_status" in o["change"] for o in registered)
    assert not any("disability_certificate" in o["change"] for o in result["would_open"])


def test_the_tools_that_fit_best_come_first(catalogue: Catalogue) -> None:
    profile = {
        "age": 52,
        "work_status": "registered_unemployed",
        "unemployment_benefit": False,
        "social_assistance": True,
        "long_term_unemployed": True,
        "district": "Wola",
    }
    up = next(i for i in recommend(profile, catalogue)["recommendations"] if i["institution"] == "up")
    # A tool whose rule uses three facts about the person comes before one open to any job seeker.
    assert up["tools"].index("prace_spolecznie_uzyteczne") < up["tools"].index("posrednictwo_pracy")


def test_every_contact_shows_its_date_whether_it_is_confirmed_and_how_to_check(catalogue: Catalogue) -> None:
    from bot.dialogue.replies import explain_institution, recommendation_messages

    profile = {"age": 30, "work_status": "registered_unemployed", "district": "Wola", "social_assistance": True}
    result = recommend(profile, catalogue)
    up = next(i for i in result["recommendations"] if i["institution"] == "up")
    assert up["contact"]["confirmed"] is False and "2024" in up["contact"]["notes"], (
        "the 2018 address carries the 2024 move"
    )
    text = next(t for t in recommendation_messages(result) if t.splitlines()[0].endswith("Urząd Pracy m.st. Warszawy"))
    assert "z 2018-07-19, niepotwierdzone" in text and "Jak to sprawdzić: strona https://warszawa.praca.gov.pl" in text
    # the research note behind the doubt stays in the payload for the staff, never in the person's text
    assert "lipca 2024" not in text and "do sprawdzenia" not in text
    ops = next(i for i in result["recommendations"] if i["institution"] == "ops")
    assert ops["contact"]["notes"] and ops["contact"]["notes"] not in "\n".join(recommendation_messages(result))
    where = explain_institution(catalogue.institutions["owes"], "where")
    assert "sprawdzon" not in where and "niepotwierdzone" in where
    assert all(("z " in line or "bez daty" in line) for line in where.splitlines()[1:])


def test_the_api_knows_what_facts_imply(catalogue: Catalogue) -> None:
    # International protection is granted to foreigners: the OPS's help for foreigners applies.
    result = recommend({"international_protection": True, "work_status": "employed"}, catalogue)
    ops = next(i for i in result["recommendations"] if i["institution"] == "ops")
    assert any("cudzoziemcom" in reason for reason in ops["reasons"])
    assert "foreigner" not in result["missing"]
    # A stated answer is never overruled by an implication.
    from bot.profile import with_implied

    assert with_implied({"international_protection": True, "foreigner": False})["foreigner"] is False
    assert with_implied({"unemployment_benefit": True})["work_status"] == "registered_unemployed"
    assert with_implied({"unemployment_benefit": True, "work_status": "employed"})["work_status"] == "employed"


def test_documents_follow_what_is_known_about_the_certificate(catalogue: Catalogue) -> None:
    def ops_documents(profile: dict) -> list[str]:
        result = recommend({"work_status": "jobless_unregistered", "district": "Wola", **profile}, catalogue)
        return next(i for i in result["recommendations"] if i["institution"] == "ops")["documents"]

    assert "orzeczenie o niepełnosprawności, jeśli je masz" in ops_documents({})
    assert "orzeczenie o niepełnosprawności" in ops_documents({"disability_certificate": True})
    assert not any(d.startswith("orzeczenie") for d in ops_documents({"disability_certificate": False}))


def test_the_50_plus_reason_carries_the_2025_change(catalogue: Catalogue) -> None:
    result = recommend({"age": 55, "work_status": "registered_unemployed", "district": "Wola"}, catalogue)
    up = next(i for i in result["recommendations"] if i["institution"] == "up")
    reasons = next(d["reasons"] for d in up["tool_details"] if d["id"] == "prace_interwencyjne")
    assert any("24 miesięcy" in r and "2025" in r for r in reasons), reasons


def test_what_the_study_does_not_decide_never_moves_up(catalogue: Catalogue) -> None:
    order = ids(recommend({"age": 25, "work_status": "employed", "district": "Wola"}, catalogue))
    assert order[-1] == "ohp", order


def test_a_registered_person_is_not_told_to_register(catalogue: Catalogue) -> None:
    def up_steps(status: str) -> str:
        result = recommend({"age": 40, "work_status": status, "district": "Wola"}, catalogue)
        return " ".join(
            s["text"] for s in next(i for i in result["recommendations"] if i["institution"] == "up")["steps"]
        )

    assert "Zarejestruj się" not in up_steps("registered_unemployed") and "doradcę" in up_steps("registered_unemployed")
    assert up_steps("jobless_unregistered").startswith("Zarejestruj się")
