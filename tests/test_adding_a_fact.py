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
# The new fact's words: what a writer adds to each language's catalogue (locale/<lang>/LC_MESSAGES).
WORDS = ROOT / "tests" / "fixtures" / "pregnant.po"


def test_a_new_fact_in_the_registry_reaches_every_consumer(tmp_path: Path) -> None:
    catalogue = tmp_path / "locale" / "pl" / "LC_MESSAGES" / "drogowskaz.po"
    catalogue.parent.mkdir(parents=True)
    real = (ROOT / "locale" / "pl" / "LC_MESSAGES" / "drogowskaz.po").read_text(encoding="utf-8")
    catalogue.write_text(real + "\n" + WORDS.read_text(encoding="utf-8"), encoding="utf-8")
    env = {**os.environ, "DROGOWSKAZ_FACTS": str(FIXTURE), "DROGOWSKAZ_LOCALE": str(tmp_path / "locale")}
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
