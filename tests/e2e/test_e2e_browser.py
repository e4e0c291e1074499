"""The resident page and the staff console in headless Chromium against the real services.

The node tests of tests/web/browser/web.browser.test.mjs (Playwright's driver, playwright-core) talk to
the real web app, whose chat widget talks to the real Rasa server (socket.io) and action server.
`scripts/browser.sh` installs Debian's Chromium and playwright-core; screenshots go to
tests/artifacts/screenshots. What needs no Rasa server is tested in tests/web/test_web_browser.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pytest

from tests.browser import ARTIFACTS, run_node_tests
from tests.servers import Stack, free_port, running_stack, running_web

pytestmark = pytest.mark.e2e

NODE_TIMEOUT = 420  # seconds for the whole browser run


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
            "DATABASE_URL": stack.database_url,
            "RASA_PUBLIC_URL": stack.rasa,
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        }
        with running_web(tmp, env, port=web_port) as app:
            yield WebStack(app.url, stack, tmp)


def test_resident_page_and_staff_console_in_chromium(web_stack: WebStack) -> None:
    env = {"WEB_URL": web_stack.web, "RASA_URL": web_stack.stack.rasa}
    run_node_tests("web.browser.test.mjs", env, NODE_TIMEOUT, ARTIFACTS, web_stack.logs)
