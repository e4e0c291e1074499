"""The registry of profile facts (data/profile/facts.yaml): it matches the contract, its loader
rejects mistakes naming the file and the entry, and what is generated from it or must agree with
it (data/nlu/synonyms.yml, domain/domain.yml, the question buttons, the labels) does."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable

import pytest
import yaml

from bot.dialogue.prompts import QUESTIONS
from bot.facts_registry import DEFAULT_PATH, RegistryError, load, registry
from bot.facts_registry.domain_check import domain_problems
from bot.facts_registry.synonyms import SYNONYMS_FILE, synonyms_yaml
from bot.messages import text
from bot.profile import FIELDS
from bot.web.staff_form import SECTION_TITLES

ROOT = Path(__file__).resolve().parents[1]
CONTRACT = ROOT / "data" / "contract" / "CONTRACT.md"  # the copy of ../shared/CONTRACT.md
FIXTURE = ROOT / "tests" / "fixtures" / "facts_with_pregnant.yaml"
ANSWERS = {"/affirm", "/deny", "/dont_know", "/prefer_not_say"}
KINDS = {"integer": int, "boolean": bool, "string": str}


def _contract_profile() -> dict[str, tuple[type, set[str]]]:
    """key -> (type, values) from section 3 of the contract."""
    section = CONTRACT.read_text(encoding="utf-8").split("## 3.")[1].split("## 4.")[0]
    profile = {}
    for key, kind, meaning in re.findall(r"^\| `(\w+)` \| (\w+) \| (.*) \|$", section, re.M):
        values = set(re.findall(r"`(\w+)`", meaning)) if kind == "string" else set()
        if "written exactly:" in meaning:
            values |= set(meaning.split("written exactly:")[1].split(";")[0].strip().split(", "))
        profile[key] = (KINDS[kind], values)
    return profile


def test_the_registry_holds_exactly_the_contracts_keys_types_and_values() -> None:
    facts = registry().facts
    contract = _contract_profile()
    assert list(facts) == list(contract)
    for key, (kind, values) in contract.items():
        assert facts[key].kind is kind, key
        assert set(facts[key].values) == values, key
    assert (facts["age"].minimum, facts["age"].maximum) == (15, 100)


def test_data_nlu_synonyms_is_generated_from_the_registry() -> None:
    """Run `python -m bot.facts_registry synonyms --write` after editing the registry."""
    assert SYNONYMS_FILE.read_text(encoding="utf-8") == synonyms_yaml(registry())


def test_the_domain_agrees_with_the_registry() -> None:
    domain = yaml.safe_load((ROOT / "domain" / "domain.yml").read_text(encoding="utf-8"))
    assert domain_problems(registry(), domain) == []


def test_the_domain_check_names_what_disagrees() -> None:
    domain = yaml.safe_load((ROOT / "domain" / "domain.yml").read_text(encoding="utf-8"))
    del domain["slots"]["carer"]
    domain["forms"]["profile_form"]["required_slots"].remove("age")
    domain["actions"].append("action_ask_carer")
    assert domain_problems(registry(), domain) == [
        "no slot carer",
        "profile_form does not require age",
        "action_ask_carer asks nothing the registry asks",
    ]


def _asked_by(question: str) -> set[str]:
    return set(registry().group_members(question)) if question in registry().groups else {question}


def test_the_buttons_that_state_a_fact_are_the_registrys() -> None:
    for question, variants in QUESTIONS.items():
        shown = {b["payload"] for v in variants for b in v["buttons"]} - ANSWERS
        listed = {p for key in _asked_by(question) for p in registry().fact(key).buttons}
        assert shown == listed, question


def test_every_fact_has_a_label_and_every_staff_section_a_title() -> None:
    assert all(text(FIELDS[key].label_key) for key in registry().facts)  # a missing entry raises
    assert set(SECTION_TITLES) == set(registry().staff_sections)


def test_the_walkthrough_fixture_is_the_registry_plus_one_fact() -> None:
    """tests/fixtures/facts_with_pregnant.yaml must follow data/profile/facts.yaml."""
    real = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    fixture = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
    assert set(fixture["facts"]) - set(real["facts"]) == {"pregnant"}
    del fixture["facts"]["pregnant"]
    assert fixture["text_patterns"][-1]["fact"] == "pregnant"
    fixture["text_patterns"].pop()
    assert fixture == real


def _broken(tmp_path: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "facts.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _row(data: dict[str, Any], fact: str) -> dict[str, Any]:
    return next(row for row in data["text_patterns"] if row["fact"] == fact)


@pytest.mark.parametrize(
    ("change", "entry", "problem"),
    [
        (
            lambda d: d["facts"]["carer"].update(asked={"group": "hobbies", "position": 5}),
            "facts.carer.asked",
            "hobbies",
        ),
        (lambda d: d["facts"]["carer"].update(colour="red"), "facts.carer", "colour"),
        (lambda d: d["facts"]["carer"].update(type="text"), "facts.carer", "type"),
        (
            lambda d: d["facts"]["unemployment_benefit"].update(requires={"work_status": "registered"}),
            "facts.unemployment_benefit.requires",
            "'registered' is not a value of work_status",
        ),
        (
            lambda d: d["facts"]["foreigner"].update(implies={"citizen": False}),
            "facts.foreigner.implies",
            "unknown fact 'citizen'",
        ),
        (
            lambda d: d["facts"]["disability_degree"]["value_patterns"].append({"severe": "grup(a"}),
            "facts.disability_degree.value_patterns[9]",
            "does not compile",
        ),
        (
            lambda d: d["facts"]["disability_degree"]["value_patterns"].append({"heavy": "ciezk"}),
            "facts.disability_degree.values",
            "'heavy' is not a value",
        ),
        (lambda d: d["facts"]["carer"].update(staff={"section": "hobby", "position": 1}), "facts.carer.staff", "hobby"),
        (lambda d: d["facts"]["carer"]["asked"].update(position=10), "facts.carer", "also homeless"),
        (lambda d: _row(d, "homeless").update(match="PRISONS 2wyszed*"), "text_patterns[", "unknown word list PRISONS"),
        (lambda d: _row(d, "homeless").update(states="homeless=yes"), "text_patterns[", "not a value of homeless"),
        (lambda d: _row(d, "homeless").update(fact="addiction"), "text_patterns[", "first fact it states (homeless)"),
        (lambda d: _row(d, "homeless").update(flags="px"), "text_patterns[", "flags"),
        (lambda d: d["words"].pop("NEGATORS"), "words", "NEGATORS"),
        (lambda d: d["facts"]["district"]["values"]["Wola"].update(synonyms=["Wola"]), "Wola.synonyms", "lower case"),
    ],
)
def test_mistakes_are_named_with_the_file_and_the_entry(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], entry: str, problem: str
) -> None:
    path = _broken(tmp_path, change)
    with pytest.raises(RegistryError) as error:
        load(path)
    message = str(error.value)
    assert message.startswith(f"{path}: ") and entry in message and problem in message, message
