"""The resident page and the staff console in headless Chromium against the real services.

The node tests in tests/web/browser/ (Playwright's driver, playwright-core) talk to the real web app,
whose chat widget talks to the real Rasa server (socket.io) and action server. `scripts/browser.sh`
installs Debian's Chromium and playwright-core; screenshots go to tests/artifacts/screenshots.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from tests.servers import ROOT, Stack, free_port, running, running_stack, web_command

pytestmark = pytest.mark.e2e

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "tests" / "artifacts" / "screenshots"
NODE_TESTS = ROOT / "tests" / "web" / "browser"
NODE_TIMEOUT = 240  # seconds for the whole browser run


@dataclass
class WebStack:
    web: str
    stack: Stack
    logs: Path


@pytest.fixture(scope="session")
def web_stack(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebStack]:
    """Action server, Rasa server (socket.io open to the web app's origin) and the web app."""
    tmp = tmp_path_factory.mktemp("browser")
    web_port = free_port()
    web = f"http://127.0.0.1:{web_port}"
    with running_stack(tmp, cors=web) as stack:
        env = {
            "WEB_PORT": str(web_port),
            "DATABASE_URL": stack.database_url,
            "RASA_PUBLIC_URL": stack.rasa,
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        }
        with running(web_command(), f"{web}/api/health", env, timeout=60, log=tmp / "web.log"):
            yield WebStack(web, stack, tmp)


def test_resident_page_and_staff_console_in_chromium(web_stack: WebStack) -> None:
    node = shutil.which("node")
    assert node, "node is missing (Debian: apt-get install -y nodejs npm)"
    assert CHROMIUM.exists() and (ROOT / "node_modules" / "playwright-core").is_dir(), "run scripts/browser.sh first"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for old in ARTIFACTS.glob("*.png"):
        old.unlink()  # only this run's pictures
    env = {
        **os.environ,
        "WEB_URL": web_stack.web,
        "RASA_URL": web_stack.stack.rasa,
        "CHROMIUM": str(CHROMIUM),
        "ARTIFACTS_DIR": str(ARTIFACTS),
    }
    try:
        result = subprocess.run(
            [node, "--test", "--test-reporter=spec", str(NODE_TESTS)],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=NODE_TIMEOUT,
        )
    except subprocess.TimeoutExpired as expired:
        output = "".join(
            part.decode() if isinstance(part, bytes) else part for part in (expired.stdout or "", expired.stderr or "")
        )
        pytest.fail(f"the browser tests took longer than {NODE_TIMEOUT} s\n{output}\n{logs(web_stack.logs)}")
    print(result.stdout)  # shown with -s or -rP: each browser test and its timing
    if result.returncode != 0:
        pytest.fail(
            f"node --test exited with {result.returncode}\n{result.stdout}\n{result.stderr}\n{logs(web_stack.logs)}"
        )


def logs(folder: Path, tail: int = 40) -> str:
    """The last lines of the services' logs, to tell a page bug from a server error."""
    parts = []
    for log in sorted(folder.glob("*.log")):
        lines = log.read_text(errors="replace").splitlines()[-tail:]
        parts.append(f"--- {log.name} (last {len(lines)} lines)\n" + "\n".join(lines))
    return "\n".join(parts)
