"""Smoke test of the load benchmark (benchmarks.load): a few residents for a few seconds against our
stack and the minimal Rasa bot; the full run and its figures are in docs/benchmarks.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.conversation import SCRIPTS
from benchmarks.load import action_server_pid, measure, minimal_scripts, report
from benchmarks.minimal_bot import running_minimal_bot, trained_model
from tests.servers import Stack, free_port

pytestmark = pytest.mark.e2e
LOAD = dict(residents=5, seconds=10, warmup=2)


def test_load_benchmark_measures_both_bots_and_ours_has_no_errors(stack: Stack, tmp_path: Path) -> None:
    ours = measure("ours", stack.rasa, SCRIPTS, {"rasa": stack.rasa_pid, "actions": action_server_pid()}, **LOAD)
    with running_minimal_bot(tmp_path) as bot:
        minimal = measure("minimal", bot.url, minimal_scripts(), {"rasa": bot.pid}, **LOAD)

    assert ours["errors"] == 0, ours["error_kinds"]
    assert minimal["errors"] == 0, minimal["error_kinds"]
    for row in (ours, minimal):
        assert row["conversations"] > 0 and row["turns"] >= row["conversations"]
        assert 0 < row["p50_ms"] <= row["p95_ms"] <= row["p99_ms"] <= row["max_ms"]
        assert row["server_cpu_ms_per_turn"]["rasa"] > 0
    assert ours["server_cpu_ms_per_turn"]["actions"] > 0
    table = report(ours, minimal)
    assert "| ours | 5 |" in table and "| minimal | 5 |" in table and "ratio ours / minimal: p95" in table


def test_minimal_bot_is_trained_once_for_unchanged_files() -> None:
    model = trained_model()
    built = model.stat().st_mtime_ns
    assert trained_model() == model and model.stat().st_mtime_ns == built


def test_turns_that_get_no_answer_are_counted_as_errors() -> None:
    nobody = f"http://127.0.0.1:{free_port()}"
    row = measure("nobody", nobody, [["cześć", "tak"]], {}, residents=2, seconds=0.5, warmup=0)
    assert row["errors"] > 0 and row["turns"] == 0 and set(row["error_kinds"]) == {"ClientConnectorError"}
