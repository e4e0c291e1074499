"""Rasa's own responses: generated from the message catalogue, current, and what Rasa reads."""

from __future__ import annotations

import yaml
from rasa.shared.core.domain import Domain

from bot import responses
from bot.messages import REFERENCE, languages, text


def test_the_responses_file_is_generated_from_the_current_catalogue() -> None:
    assert responses.is_current(), "run: python -m bot.responses --write"


def test_a_stale_or_missing_file_is_noticed(tmp_path) -> None:
    stale = tmp_path / "responses.yml"
    assert not responses.is_current(stale)
    stale.write_text(responses.render().replace("Do widzenia", "Na razie"), encoding="utf-8")
    assert not responses.is_current(stale)


def _language_of(variant: dict) -> str:
    conditions = variant.get("condition") or []
    assert all(c["type"] == "slot" and c["name"] == "language" for c in conditions)
    return conditions[0]["value"] if conditions else REFERENCE


def test_every_response_and_button_title_comes_from_the_catalogue_in_every_language() -> None:
    written = yaml.safe_load(responses.render())["responses"]
    assert list(written) == list(responses.RESPONSES)
    for name, (key, buttons) in responses.RESPONSES.items():
        variants = {_language_of(v): v for v in written[name]}
        assert sorted(variants) == sorted(languages()) and len(written[name]) == len(languages())
        assert _language_of(written[name][-1]) == REFERENCE, "the unconditional Polish one is the fallback"
        for lang, variant in variants.items():
            assert variant["text"] == text(key, lang)
            assert [b["title"] for b in variant.get("buttons", [])] == [text(b["title"], lang) for b in buttons]
            assert [b["payload"] for b in variant.get("buttons", [])] == [b["payload"] for b in buttons]


def test_text_with_quotes_and_new_lines_stays_one_yaml_string() -> None:
    tricky = 'Powiedz „tak” albo "nie":\n• 112 – {brak}'
    assert yaml.safe_load(f"x: {responses._quoted(tricky)}")["x"] == tricky


def test_the_domain_rasa_loads_has_every_generated_response() -> None:
    domain = Domain.load(str(responses.PATH.parent))
    assert set(responses.RESPONSES) <= set(domain.responses)
    assert domain.responses["utter_goodbye"][-1]["text"] == text("response.utter_goodbye")
    assert domain.responses["utter_goodbye"][0]["text"] == text("response.utter_goodbye", "en")


def test_the_check_command_reports_a_current_file() -> None:
    assert responses.main(["--check"]) == 0
