"""The casebook (data/knowledge/cases.yaml) is the engine's specification: every case holds in the
engine and through the real API, its quotations are the study's, it covers every tool both ways,
and docs/casebook.md is generated from it. Every number in a rule cites a dated source."""

from __future__ import annotations

import json
import urllib.request
from typing import Iterator

import pytest

from bot.casebook import ALL_TOOLS, DEFECTS, DOC, load_cases, markdown, problems
from bot.eligibility import recommend
from bot.knowledge.catalogue import Catalogue
from bot.knowledge.files import read_knowledge
from bot.rules import All, Any_, Leaf
from tests.conftest import KNOWLEDGE_DIR, squash
from tests.servers import free_port, running, web_command

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case_holds_in_the_engine(case, catalogue: Catalogue) -> None:
    assert problems(case, recommend(case.profile, catalogue)) == []


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("casebook-web")
    port = free_port()
    env = {"WEB_PORT": str(port), "DATABASE_URL": f"sqlite:///{tmp / 'kb.db'}"}
    base = f"http://127.0.0.1:{port}"
    with running(web_command(), f"{base}/api/health", env, log=tmp / "web.log"):
        yield base


def test_every_case_holds_through_the_api(api: str) -> None:
    failures = {}
    for case in CASES:
        request = urllib.request.Request(
            f"{api}/api/recommendations",
            data=json.dumps(case.profile).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            wrong = problems(case, json.loads(response.read()))
        if wrong:
            failures[case.id] = wrong
    assert failures == {}


def test_the_quotations_are_the_study(study_text: str) -> None:
    for case in CASES:
        for quote in case.because.split(" … "):
            assert squash(quote) in study_text, f"{case.id}: not in the study: {quote[:80]}"


def test_every_tool_is_a_must_and_a_must_not_somewhere() -> None:
    musts = {t for c in CASES for t in c.must["tools"]}
    must_nots = {t for c in CASES for t in c.must_not["tools"]}
    assert ALL_TOOLS - musts == set() and ALL_TOOLS - must_nots == set()


def test_every_kind_of_wrong_advice_found_has_a_case() -> None:
    assert set(DEFECTS) == {c.defect for c in CASES if c.defect}


def test_the_document_is_generated_from_the_casebook() -> None:
    assert DOC.read_text(encoding="utf-8") == markdown(CASES), "run: .venv/bin/python -m bot.casebook --write"


def _leaves(rule) -> Iterator[Leaf]:
    if isinstance(rule, Leaf):
        yield rule
    elif isinstance(rule, (All, Any_)):
        for part in rule.parts:
            yield from _leaves(part)


def _rules(catalogue: Catalogue) -> Iterator[tuple[str, object]]:
    for institution in catalogue.institutions.values():
        for name, rule in (("eligibility", institution.eligibility), ("participants", institution.participants)):
            if rule is not None:
                yield f"{institution.id}.{name}", rule
        for n, step in enumerate(institution.steps):
            if step.unless is not None:
                yield f"{institution.id}.steps[{n}]", step.unless
    for tool in catalogue.tools.values():
        yield f"{tool.id}.eligibility", tool.eligibility
        for n, (rule, _) in enumerate(tool.extras):
            yield f"{tool.id}.extras[{n}]", rule


def test_every_number_in_a_rule_cites_a_dated_source(catalogue: Catalogue) -> None:
    dated = {s["id"] for s in read_knowledge(KNOWLEDGE_DIR).sources if s["date"] is not None}
    bounds = [(where, leaf) for where, rule in _rules(catalogue) for leaf in _leaves(rule) if leaf.op in ("gte", "lte")]
    assert bounds, "the walk must reach the numeric bounds"
    unsourced = [
        f"{where}: {leaf.key} {leaf.op} {leaf.expected} (source {leaf.source!r})"
        for where, leaf in bounds
        if leaf.source not in dated
    ]
    assert unsourced == []
