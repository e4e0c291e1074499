"""`pytest --clock=DAY` really moves the clock: of this process and of every Python process it starts."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
import time_machine

CLOCK_DIR = Path(__file__).parent / "clock"
TODAY_IN_A_CHILD = "import datetime, time; print(datetime.date.today().isoformat(), int(time.time()))"
# Sleeps (time.sleep is not moved), then reads the moved clock for the first time.
LATE_READ_IN_A_CHILD = "import time; time.sleep(1.5); print(repr(time.time()))"


def real_time() -> float:
    hatch = time_machine.escape_hatch
    return hatch.time.time() if hatch.is_travelling() else time.time()


def run_child(code: str, shift: float) -> str:
    env = dict(os.environ, DROGOWSKAZ_TEST_CLOCK_SHIFT=str(shift))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(CLOCK_DIR), env.get("PYTHONPATH")]))
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout


def child_today(shift: float) -> tuple[str, int]:
    day, stamp = run_child(TODAY_IN_A_CHILD, shift).split()
    return day, int(stamp)


def test_a_started_process_lives_on_the_day_of_the_shift() -> None:
    target = datetime(2030, 1, 1, 9, tzinfo=timezone.utc)
    day, stamp = child_today(target.timestamp() - real_time())
    assert day == "2030-01-01"
    assert abs(stamp - target.timestamp()) < 120


def test_a_process_that_reads_the_clock_late_is_not_behind() -> None:
    """A server first reading the clock a while after starting keeps the test's time (an expired code
    stayed valid for it under --clock when ticking began at its first reading)."""
    shift = datetime(2030, 1, 1, 9, tzinfo=timezone.utc).timestamp() - real_time()
    started = real_time()
    moved = float(run_child(LATE_READ_IN_A_CHILD, shift))
    assert moved - (started + shift) >= 1.4


def test_under_clock_this_process_and_its_children_live_on_that_day(request: pytest.FixtureRequest) -> None:
    day = request.config.getoption("--clock")
    if not day:
        pytest.skip("only under pytest --clock=DAY")
    assert date.today().isoformat() == day
    assert child_today(float(os.environ["DROGOWSKAZ_TEST_CLOCK_SHIFT"]))[0] == day


def test_a_process_descheduled_while_moving_its_clock_is_not_behind() -> None:
    """The destination computed 50 ms before the clock first ticks (a process descheduled there on a busy
    machine) still gives real time plus the shift: a server lagging milliseconds behind the test saw a
    code that expired as the test made it as valid (CI red at 8d65e0a)."""
    code = (
        "import time, time_machine, sitecustomize\n"
        "sitecustomize.move_clock(1e8, lambda: time.time() - 0.05)\n"
        "moved = time.time(); real = time_machine.escape_hatch.time.time()\n"
        "print(repr(moved - real - 1e8))"
    )
    env = {k: v for k, v in os.environ.items() if k != "DROGOWSKAZ_TEST_CLOCK_SHIFT"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(CLOCK_DIR), env.get("PYTHONPATH")]))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True).stdout
    assert abs(float(out)) < 0.001
