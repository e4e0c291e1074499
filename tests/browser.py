"""Run the node browser tests of tests/web/browser/ (headless Debian Chromium driven by playwright-core).

`scripts/browser.sh` installs Chromium and playwright-core (`make test` runs it first); never
`playwright install`. The tests' screenshots go to `artifacts`, emptied of the last run's first.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.servers import ROOT

CHROMIUM = Path("/usr/bin/chromium")
NODE_TESTS = ROOT / "tests" / "web" / "browser"
ARTIFACTS = ROOT / "tests" / "artifacts" / "screenshots"


def run_node_tests(test_file: str, env: dict[str, str], timeout: int, artifacts: Path, logs: Path) -> None:
    """`node --test` on one file of NODE_TESTS with `env` (plus CHROMIUM and ARTIFACTS_DIR); a failure
    fails the calling test with the output and the last lines of the services' logs in `logs`."""
    node = shutil.which("node")
    assert node, "node is missing (Debian: apt-get install -y nodejs npm)"
    assert CHROMIUM.exists() and (ROOT / "node_modules" / "playwright-core").is_dir(), "run scripts/browser.sh first"
    artifacts.mkdir(parents=True, exist_ok=True)
    for old in artifacts.glob("*.png"):
        old.unlink()  # only this run's pictures
    env = {**os.environ, **env, "CHROMIUM": str(CHROMIUM), "ARTIFACTS_DIR": str(artifacts)}
    try:
        result = subprocess.run(
            [node, "--test", "--test-reporter=spec", str(NODE_TESTS / test_file)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    except subprocess.TimeoutExpired as expired:
        output = "".join(
            part.decode() if isinstance(part, bytes) else part for part in (expired.stdout or "", expired.stderr or "")
        )
        pytest.fail(f"the browser tests took longer than {timeout} s\n{output}\n{service_logs(logs)}")
    print(result.stdout)  # shown with -s or -rP: each browser test and its timing
    if result.returncode != 0:
        pytest.fail(
            f"node --test exited with {result.returncode}\n{result.stdout}\n{result.stderr}\n{service_logs(logs)}"
        )


def service_logs(folder: Path, tail: int = 40) -> str:
    """The last lines of the services' logs, to tell a page bug from a server error."""
    parts = []
    for log in sorted(folder.glob("*.log")):
        lines = log.read_text(errors="replace").splitlines()[-tail:]
        parts.append(f"--- {log.name} (last {len(lines)} lines)\n" + "\n".join(lines))
    return "\n".join(parts)
