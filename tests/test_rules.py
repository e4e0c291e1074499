"""Three-valued rule evaluation and the parser's error messages."""

from __future__ import annotations

import pytest

from bot.rules import RuleError, parse_rule

NAMED = {
    "jobless": {
        "key": "work_status",
        "in": ["registered_unemployed", "jobless_unregistered"],
        "reason": "Nie masz pracy.",
    }
}
RULE = parse_rule(
    {
        "all": [
            {"ref": "jobless"},
            {
                "any": [
                    {"key": "social_assistance", "is": True, "reason": "Korzystasz z pomocy OPS."},
                    {"key": "age", "gte": 50, "reason": "Masz {value} lat."},
                ]
            },
        ]
    },
    NAMED,
)


@pytest.mark.parametrize(
    "profile, value, unknown",
    [
        ({}, None, {"work_status", "social_assistance", "age"}),
        ({"work_status": "employed"}, False, set()),
        ({"work_status": "jobless_unregistered"}, None, {"social_assistance", "age"}),
        ({"work_status": "jobless_unregistered", "age": 30}, None, {"social_assistance"}),
        ({"work_status": "jobless_unregistered", "age": 30, "social_assistance": False}, False, set()),
        ({"work_status": "jobless_unregistered", "age": 55}, True, set()),
    ],
)
def test_unknown_is_not_no(profile: dict, value: bool | None, unknown: set) -> None:
    outcome = RULE.evaluate(profile)
    assert outcome.value is value
    assert set(outcome.unknown) == unknown


def test_reasons_and_specificity() -> None:
    outcome = RULE.evaluate({"work_status": "registered_unemployed", "age": 55, "social_assistance": True})
    assert outcome.reasons == ("Nie masz pracy.", "Korzystasz z pomocy OPS.", "Masz 55 lat.")
    assert outcome.met == 2


def test_empty_all_always_holds() -> None:
    assert parse_rule({"all": []}).evaluate({}).value is True


def test_an_exclusion_holds_until_the_answer_excludes() -> None:
    rule = parse_rule({"all": [{"ref": "jobless"}, {"key": "able_to_work", "is_not": False, "reason": "-"}]}, NAMED)
    jobless = {"work_status": "jobless_unregistered"}
    assert rule.evaluate(jobless).value is True and rule.evaluate(jobless).reasons == ("Nie masz pracy.",)
    assert rule.evaluate({**jobless, "able_to_work": True}).value is True
    assert rule.evaluate({**jobless, "able_to_work": False}).value is False
    assert rule.evaluate({**jobless, "able_to_work": True}).met == 1, "an exclusion adds nothing to how well it fits"


def test_an_unanswered_key_can_hold_only_while_unanswered() -> None:
    # Beside a rule every answer satisfies, the help does not wait for the answer.
    rule = parse_rule(
        {"any": [{"ref": "jobless"}, {"key": "work_status", "unknown": True, "reason": "Bez odpowiedzi."}]}, NAMED
    )
    assert rule.evaluate({}).value is True and rule.evaluate({}).reasons == ("Bez odpowiedzi.",)
    assert rule.evaluate({}).met == 0, "not knowing adds nothing to how well it fits"
    assert rule.evaluate({"work_status": "jobless_unregistered"}).reasons == ("Nie masz pracy.",)
    assert rule.evaluate({"work_status": "employed"}).value is False


@pytest.mark.parametrize(
    "rule, message",
    [
        ({"key": "salary", "is": 1, "reason": "x"}, "profile key"),
        ({"key": "age", "is": "old", "reason": "x"}, "liczbą całkowitą"),
        ({"key": "age", "gte": 18}, "reason"),
        ({"key": "homeless", "gte": 1, "reason": "x"}, "only applies to numbers"),
        ({"key": "age", "gte": 18, "lte": 60, "reason": "x"}, "exactly one"),
        ({"ref": "nothing"}, "unknown condition"),
        ({"any": []}, "at least one"),
        ({"all": {"key": "age"}}, "must be a list"),
        ("age > 18", "must be a mapping"),
        ({"key": "work_status", "unknown": False, "reason": "x"}, "only ever true"),
    ],
)
def test_bad_rules_are_explained(rule: object, message: str) -> None:
    with pytest.raises(RuleError, match=message):
        parse_rule(rule, NAMED)
