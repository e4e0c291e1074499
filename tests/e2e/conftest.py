"""The real stack for end-to-end tests: trained model, action server and Rasa server on free ports.

Started once per test session (a Rasa server needs ~40 s to load its model).
"""

from __future__ import annotations

import json
import secrets
import subprocess
import urllib.request
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.servers import ROOT, free_port, running

MODEL = ROOT / "models" / "drogowskaz.tar.gz"


@dataclass
class Stack:
    rasa: str
    token: str
    database_url: str
    tracker_store_url: str

    def say(self, sender: str, text: str) -> list[dict[str, Any]]:
        """One turn over the REST channel."""
        body = json.dumps({"sender": sender, "message": text}).encode()
        request = urllib.request.Request(f"{self.rasa}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())

    def tracker(self, sender: str) -> dict[str, Any]:
        with urllib.request.urlopen(f"{self.rasa}/conversations/{sender}/tracker?token={self.token}", timeout=30) as response:
            return json.loads(response.read())

    def slots(self, sender: str) -> dict[str, Any]:
        return {k: v for k, v in self.tracker(sender)["slots"].items() if v is not None}


def service_env(tmp: Path, action_port: int) -> dict[str, str]:
    return {
        "DATABASE_URL": f"sqlite:///{tmp / 'kb.db'}",
        "TRACKER_STORE_URL": f"sqlite:///{tmp / 'conversations.db'}",
        "ACTION_PORT": str(action_port),
        "FB_VERIFY_TOKEN": secrets.token_hex(8), "FB_APP_SECRET": secrets.token_hex(8), "FB_PAGE_ACCESS_TOKEN": "unset",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    }


def rasa_command(port: int, token: str) -> list[str]:
    return [str(ROOT / ".venv" / "bin" / "rasa"), "run", "--model", str(MODEL), "--port", str(port), "--enable-api",
            "--auth-token", token, "--credentials", "credentials.yml", "--endpoints", "endpoints.yml"]


def actions_command(port: int) -> list[str]:
    return [str(ROOT / ".venv" / "bin" / "rasa"), "run", "actions", "--actions", "actions", "--port", str(port)]


@pytest.fixture(scope="session")
def trained_model() -> Path:
    subprocess.run([str(ROOT / "scripts" / "train.sh")], cwd=ROOT, check=True)
    return MODEL


@pytest.fixture(scope="session")
def stack(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    tmp = tmp_path_factory.mktemp("stack")
    action_port, rasa_port, token = free_port(), free_port(), secrets.token_urlsafe(16)
    env = service_env(tmp, action_port)
    with ExitStack() as services:
        services.enter_context(running(actions_command(action_port), f"http://127.0.0.1:{action_port}/health", env, timeout=120, log=tmp / "actions.log"))
        services.enter_context(running(rasa_command(rasa_port, token), f"http://127.0.0.1:{rasa_port}/", env, timeout=240, log=tmp / "rasa.log"))
        yield Stack(f"http://127.0.0.1:{rasa_port}", token, env["DATABASE_URL"], env["TRACKER_STORE_URL"])
