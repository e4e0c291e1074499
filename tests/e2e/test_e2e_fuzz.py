"""The conversation fuzzer (benchmarks/fuzz) against the real stack: 150 generated conversations.

Each conversation is a seeded random walk through natural Polish messages (openings with many
facts, answers to the question shown, "nie wiem", corrections, questions, off-topic, typos,
starting over, crisis messages), and after every turn six invariants must hold (see
benchmarks/fuzz/invariants.py). The full report with every violation and the conversation
that led to it is written to tests/artifacts/fuzz.json; replay one conversation with
`.venv/bin/python -m benchmarks.fuzz --seed 1 --start I --conversations 1`.
The long run is a benchmark: `.venv/bin/python -m benchmarks.fuzz --conversations 2000`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

import pytest

from benchmarks.fuzz.runner import run
from benchmarks.fuzz.services import Services
from tests.servers import ROOT, Stack, free_port, running, web_command

pytestmark = pytest.mark.e2e

CONVERSATIONS = 150
SEED = 1
REPORT = ROOT / "tests" / "artifacts" / "fuzz.json"


@pytest.fixture(scope="module")
def services(stack: Stack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    """The session's Rasa and action servers, and the web app (the recommendation API) over the same knowledge base."""
    port = free_port()
    web = f"http://127.0.0.1:{port}"
    env = {"WEB_PORT": str(port), "DATABASE_URL": stack.database_url, "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
    with running(
        web_command(), f"{web}/api/health", env, timeout=60, log=tmp_path_factory.mktemp("fuzz-web") / "web.log"
    ):
        yield Services(stack, web)


def test_generated_conversations_keep_every_invariant(services: Services) -> None:
    report = run(services, CONVERSATIONS, SEED)
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(report.as_json(), ensure_ascii=False, indent=1), encoding="utf-8")
    assert not report.errors, report.text()
    assert report.turns >= CONVERSATIONS * 5
    distinct = sorted({(v["invariant"], v["detail"], v["conversation_so_far"][-1]["user"]) for v in report.violations})
    summary = "\n".join(f"- {name}: {detail} (after {said!r})" for name, detail, said in distinct[:40])
    assert not report.violations, f"{report.text()}\n{summary}\nfull report: {Path(REPORT).relative_to(ROOT)}"
