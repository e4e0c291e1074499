"""The writer's own statements in Ukrainian and English messages (bot.dialogue.clauses), and the facts
read from them (bot.dialogue.facts): several facts in one message, questions, a family member's facts."""

from __future__ import annotations

import pytest

from bot.dialogue.clauses import Reading, about_others, clause_intents, read
from bot.dialogue.facts import Turn, read_facts
from bot.messages import using


@pytest.mark.parametrize(
    "text, language, own, others",
    [
        (
            "I am 40, registered at the labour office, no benefit",
            "en",
            ("I am 40", "registered at the labour office", "no benefit"),
            False,
        ),
        # probed: stored as the writer's registration
        ("my husband is unemployed and registered, i work part time", "en", ("i work part time",), True),
        ("i dont know what is orzeczenie", "en", (), False),  # probed: stored as no certificate
        ("What is CIS? I have no job", "en", ("I have no job",), False),
        ("I look after my mother and I have no job", "en", ("I look after my mother", "I have no job"), False),
        ("i dont get the benefit", "en", ("i dont get the benefit",), False),  # "don't" is no daughter
        ("мій син має 17 років і не працює, а я працюю", "uk", ("я працюю",), True),
        ("не знаю, що таке ЦІС", "uk", (), False),
        ("ja ne pracuju, donka maje 10 rokiv", "uk", ("ja ne pracuju",), True),
        ("Mam 40 lat, nie pracuję", "pl", ("Mam 40 lat, nie pracuję",), False),  # Polish: the text patterns
    ],
)
def test_own_statements(text: str, language: str, own: tuple[str, ...], others: bool) -> None:
    assert read(text, language) == Reading(own, others)


def _turn(text: str, intent: str, ranking: tuple, clauses: tuple | None, others: bool = False, **kw) -> Turn:
    return Turn(
        text=text,
        intent=intent,
        confidence=ranking[0][1],
        entities=(),
        requested_slot=kw.get("requested_slot"),
        ranking=ranking,
        clauses=clauses,
        others=others,
    )


def test_each_statement_of_a_long_message_counts() -> None:
    """Probed: the whole message was no benefit 0.44, registered 0.41; registration alone was kept."""
    turn = _turn(
        "I am 40, registered at the labour office, no benefit",
        "sit_no_benefit",
        (("sit_no_benefit", 0.44), ("sit_registered", 0.41)),
        (("inform", 0.6), ("sit_registered", 0.9), ("sit_no_benefit", 0.8)),
    )
    with using("en"):
        facts = read_facts(turn)
    assert facts["work_status"] == "registered_unemployed" and facts["unemployment_benefit"] is False
    # an unsure statement says nothing of its own ("допомоги не маю": social assistance 0.58, benefit meant)
    unsure = _turn(turn.text, "inform", (("inform", 0.6),), (("sit_registered", 0.58),))
    with using("en"):
        assert "work_status" not in read_facts(unsure)


def test_a_family_members_facts_are_not_the_writers() -> None:
    turn = _turn(
        "my husband is unemployed and registered, i work part time",
        "sit_registered",
        (("sit_registered", 0.6), ("sit_employed", 0.3)),
        (("sit_employed", 0.8),),
        others=True,
    )
    with using("en"):
        assert read_facts(turn)["work_status"] == "employed"
    # as before the clauses were read: the whole message's intents
    with using("en"):
        assert read_facts(_turn(turn.text, turn.intent, turn.ranking, None))["work_status"] == "registered_unemployed"


def test_a_question_about_a_word_states_nothing() -> None:
    turn = _turn(
        "i dont know what is orzeczenie",
        "ask_what_is",
        (("ask_what_is", 0.4), ("dont_know", 0.35), ("sit_no_certificate", 0.22)),
        (),
    )
    with using("en"):
        assert "disability_certificate" not in read_facts(turn)


def test_the_parse_data_fields_are_read_defensively() -> None:
    assert clause_intents({"own_clauses": [["sit_registered", 0.9], ["x"], "junk", [1, "a"]]}) == (
        ("sit_registered", 0.9),
    )
    assert clause_intents({"own_clauses": "junk"}) is None and clause_intents(None) is None
    assert about_others({"about_others": True}) and not about_others({})
