"""docs/adding-a-fact.md as a test: the registry with one fact added (a fixture), loaded through the
same loader by a process that reads it instead of data/profile/facts.yaml, drives every consumer."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "fixtures" / "facts_with_pregnant.yaml"
WALKTHROUGH = ROOT / "tests" / "fixtures" / "walkthrough_pregnant.py"


def test_a_new_fact_in_the_registry_reaches_every_consumer() -> None:
    env = {**os.environ, "DROGOWSKAZ_FACTS": str(FIXTURE)}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(WALKTHROUGH)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert run.stdout.strip().splitlines()[-1].startswith("7 passed"), run.stdout[-2000:]
