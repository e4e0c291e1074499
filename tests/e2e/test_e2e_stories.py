"""The test stories in tests/stories against the trained model, with `rasa test core`.

Every story step is checked: the NLU of each user text (intent and entities, so the texts must be
understood as written) and every action the policies predict, including the `action_listen`
after each bot turn. `--e2e` is what makes Rasa parse the `user:` texts; without it `rasa test
core` only replays the `intent:` labels and the texts and entity annotations are never checked.
Rasa does not run the actions here: the slot events written in the stories stand for them.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml

from tests.servers import ROOT

pytestmark = pytest.mark.e2e

STORIES = ROOT / "tests" / "stories"
RASA = ROOT / ".venv" / "bin" / "rasa"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def story_count() -> int:
    return sum(
        len(yaml.safe_load(path.read_text(encoding="utf-8"))["stories"]) for path in sorted(STORIES.glob("*.yml"))
    )


def failure_report(out: Path, output: str) -> str:
    """The failed stories: Rasa's file when it wrote one, else the story printed with the exception."""
    failed = out / "failed_test_stories.yml"
    if failed.exists() and "story:" in failed.read_text(encoding="utf-8"):
        return f"{failed}:\n{failed.read_text(encoding='utf-8')}"
    start = output.find("Failed Story")
    return output[start:] if start >= 0 else output[-6000:]


def test_test_stories_pass(trained_model: Path, tmp_path: Path) -> None:
    expected = story_count()
    assert expected > 0, f"no test stories in {STORIES}"
    command = [
        str(RASA),
        "test",
        "core",
        "--e2e",
        "--model",
        str(trained_model.relative_to(ROOT)),
        "--stories",
        str(STORIES.relative_to(ROOT)),
        "--fail-on-prediction-errors",
        "--out",
        str(tmp_path),
    ]
    result = subprocess.run(
        command,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=1800,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false"},
    )
    output = ANSI.sub("", result.stdout)
    exit_code = result.returncode
    if exit_code != 0:
        print(failure_report(tmp_path, output))
    assert exit_code == 0, "rasa test core failed; the failed story (with `# predicted:` comments) is printed above"
    # The conversation-level summary proves every story was evaluated (and not, say, data/ instead).
    correct = re.search(r"CONVERSATION level:\s.*?Correct:\s+(\d+)\s*/\s*(\d+)", output, re.S)
    assert correct, "no conversation-level results in the output of rasa test core"
    assert (int(correct.group(1)), int(correct.group(2))) == (expected, expected)
