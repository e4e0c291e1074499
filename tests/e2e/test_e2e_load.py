"""Smoke test of the load benchmark (benchmarks.load): a few residents for a few seconds against our
stack and both floor bots; the full run and its figures are in docs/benchmarks.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.conversation import SCRIPTS
from benchmarks.floors import FLOORS, MINIMAL, running_floor, trained_model
from benchmarks.load import floor_scripts, measure, report
from tests.servers import Stack, free_port

pytestmark = pytest.mark.e2e
LOAD = dict(residents=5, seconds=10, warmup=2, pause=(0.0, 0.0))  # short, so no pauses


def test_load_benchmark_measures_every_bot_and_none_has_errors(stack: Stack, tmp_path: Path) -> None:
    ours = measure("ours", stack.rasa, SCRIPTS, {"rasa": stack.rasa_pid, "actions": stack.actions_pid}, **LOAD)
    floors = []
    for floor in FLOORS:
        with running_floor(floor, tmp_path) as bot:
            floors.append(measure(floor.name, bot.url, floor_scripts(floor), {"rasa": bot.pid}, **LOAD))

    for row in (ours, *floors):
        assert row["errors"] == 0, (row["bot"], row["error_kinds"])
        assert row["conversations"] > 0 and row["turns"] >= row["conversations"]
        assert 0 < row["p50_ms"] <= row["p95_ms"] <= row["p99_ms"] <= row["max_ms"]
        assert row["server_cpu_ms_per_turn"]["rasa"] > 0
    assert ours["server_cpu_ms_per_turn"]["actions"] > 0
    table = report(ours, floors)
    assert "| ours | 5 |" in table and "| minimal | 5 |" in table and "| rasa_init | 5 |" in table
    assert "ours / minimal: p95" in table and "ours / rasa_init: p95" in table


def test_residents_pause_between_turns(tmp_path: Path) -> None:
    with running_floor(MINIMAL, tmp_path) as bot:
        row = measure(
            "paused", bot.url, [["cześć"] * 20], {"rasa": bot.pid}, residents=1, seconds=3, warmup=0, pause=(0.5, 0.5)
        )
    assert row["errors"] == 0 and 3 <= row["turns"] <= 7, row["turns"]  # a turn every half second at most


def test_floor_bots_are_trained_once_for_unchanged_files() -> None:
    for floor in FLOORS:
        model = trained_model(floor)
        built = model.stat().st_mtime_ns
        assert trained_model(floor) == model and model.stat().st_mtime_ns == built


def test_turns_that_get_no_answer_are_counted_as_errors() -> None:
    nobody = f"http://127.0.0.1:{free_port()}"
    row = measure("nobody", nobody, [["cześć", "tak"]], {}, residents=2, seconds=0.5, warmup=0, pause=(0.0, 0.0))
    assert row["errors"] > 0 and row["turns"] == 0 and set(row["error_kinds"]) == {"ClientConnectorError"}
