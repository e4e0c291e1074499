"""`make test`'s `rasa data validate` step fails on every warning but the two Rasa cannot see past."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.validate_rasa_data import is_expected, names_in_code, validate

UNUSED = "The utterance '{}' is not used in any story or rule."
UNTRAINED = "The intent '{}' is listed in the domain file, but is not found in the NLU training data."

NLU = """version: "3.1"
nlu:
- intent: greet
  examples: |
    - dzień dobry
    - cześć
"""
RULES = """version: "3.1"
rules:
- rule: greet
  steps:
  - intent: greet
  - action: utter_greet
"""


def domain(*responses: str) -> str:
    lines = ['version: "3.1"', "intents:", "  - greet", "responses:"]
    for name in ("utter_greet", *responses):
        lines += [f"  {name}:", '    - text: "Cześć!"']
    return "\n".join(lines) + "\n"


def test_a_response_is_expected_unused_only_when_the_code_names_it() -> None:
    assert is_expected(UNUSED.format("utter_sent"), {"utter_sent"})
    assert not is_expected(UNUSED.format("utter_forgotten"), {"utter_sent"})


def test_only_the_crisis_detectors_intents_may_lack_examples() -> None:
    assert is_expected(UNTRAINED.format("crisis_unsure"), set())
    assert not is_expected(UNTRAINED.format("greet"), {"greet"})
    assert not is_expected("The intent 'crisis_unsure' is not used in any story or rule.", set())


def test_names_in_code_reads_the_action_servers_string_literals(tmp_path: Path) -> None:
    (tmp_path / "actions").mkdir()
    (tmp_path / "bot").mkdir()
    (tmp_path / "actions" / "a.py").write_text('dispatcher.utter_message(response="utter_sent")\n', encoding="utf-8")
    (tmp_path / "bot" / "b.py").write_text("NAME = 'utter_other'  # utter_comment\n", encoding="utf-8")
    assert {"utter_sent", "utter_other"} <= names_in_code(tmp_path)
    assert "utter_comment" not in names_in_code(tmp_path)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A tiny Rasa project; Rasa's CLI sets LOG_LEVEL, monkeypatch puts it back afterwards."""
    monkeypatch.setenv("LOG_LEVEL", "WARNING")
    monkeypatch.setenv("RASA_TELEMETRY_ENABLED", "false")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "nlu.yml").write_text(NLU, encoding="utf-8")
    (tmp_path / "data" / "rules.yml").write_text(RULES, encoding="utf-8")
    (tmp_path / "config.yml").write_text("recipe: default.v1\nlanguage: pl\nassistant_id: t\n", encoding="utf-8")
    return tmp_path


def run(project: Path, code_names: set) -> int:
    args = ["--domain", str(project / "domain.yml"), "--data", str(project / "data"), "--config"]
    return validate([*args, str(project / "config.yml")], code_names)


def test_a_response_nobody_sends_fails_the_step(project: Path) -> None:
    (project / "domain.yml").write_text(domain("utter_sent", "utter_forgotten"), encoding="utf-8")
    assert run(project, {"utter_sent"}) == 1


def test_a_response_sent_by_an_action_passes(project: Path) -> None:
    (project / "domain.yml").write_text(domain("utter_sent"), encoding="utf-8")
    assert run(project, {"utter_sent"}) == 0
