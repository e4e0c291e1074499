"""Start the project's real services for tests: free ports, readiness polling, clean shutdown."""

from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "models" / "drogowskaz.tar.gz"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the process exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout} s")


class Service:
    """One service process that can be started, stopped, killed and started again (fault tests).

    Its output is appended to `log` (kept for failures), so a restart keeps the earlier output.
    """

    def __init__(
        self, args: list[str], health_url: str, env: dict[str, str], timeout: float = 60, log: Path | None = None
    ) -> None:
        self.args, self.health_url, self.env, self.timeout, self.log = args, health_url, env, timeout, log
        self.process: subprocess.Popen | None = None

    def start(self, wait: bool = True) -> "Service":
        sink = open(self.log, "ab") if self.log else subprocess.DEVNULL
        try:
            self.process = subprocess.Popen(
                self.args, cwd=ROOT, env={**os.environ, **self.env}, stdout=sink, stderr=subprocess.STDOUT
            )
        finally:
            if self.log:
                sink.close()  # the child keeps its own copy
        if wait:
            self.wait_ready()
        return self

    def wait_ready(self) -> None:
        assert self.process is not None
        wait_until_up(self.health_url, self.process, self.timeout)

    def stop(self) -> None:
        """SIGTERM, then SIGKILL after 15 s."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def kill(self) -> None:
        """SIGKILL: the crash of a fault test, no chance to clean up."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@contextmanager
def started(service: Service) -> Iterator[Service]:
    """Run `service` until the block ends."""
    try:
        service.start()
        yield service
    finally:
        service.stop()


@contextmanager
def running(
    args: list[str], health_url: str, env: dict[str, str], timeout: float = 60, log: Path | None = None
) -> Iterator[subprocess.Popen]:
    """Run a service until the block ends; its output goes to `log` (kept for failures)."""
    with started(Service(args, health_url, env, timeout, log)) as service:
        yield service.process


def web_command() -> list[str]:
    return [sys.executable, "-m", "bot.web"]


@dataclass
class WebApp:
    url: str
    database_url: str


@contextmanager
def running_web(
    tmp: Path, env: dict[str, str] | None = None, timeout: float = 60, port: int | None = None
) -> Iterator[WebApp]:
    """`python -m bot.web` on `port` (a free one by default) until the block ends, with a knowledge base of
    its own in `tmp` unless `env` names one (DATABASE_URL); its output goes to `tmp`/web.log."""
    port = port or free_port()
    url = f"http://127.0.0.1:{port}"
    env = {"DATABASE_URL": f"sqlite:///{tmp / 'kb.db'}", **(env or {}), "WEB_PORT": str(port)}
    with running(web_command(), f"{url}/api/health", env, timeout=timeout, log=tmp / "web.log"):
        yield WebApp(url, env["DATABASE_URL"])


@dataclass
class Stack:
    rasa: str
    token: str
    database_url: str
    tracker_store_url: str
    rasa_pid: int = 0
    logs: Path | None = None  # folder holding actions.log and rasa.log
    actions_pid: int = 0
    action_server: Service | None = None  # to stop and start it again (fault tests)

    def say(self, sender: str, text: str) -> list[dict[str, Any]]:
        """One turn over the REST channel."""
        body = json.dumps({"sender": sender, "message": text}).encode()
        request = urllib.request.Request(
            f"{self.rasa}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())

    def tracker(self, sender: str, events: str = "AFTER_RESTART") -> dict[str, Any]:
        """The conversation as Rasa holds it; `events="ALL"` keeps the events before a restart too."""
        url = f"{self.rasa}/conversations/{sender}/tracker?token={self.token}&include_events={events}"
        with urllib.request.urlopen(url, timeout=30) as response:
            return json.loads(response.read())

    def slots(self, sender: str) -> dict[str, Any]:
        return {k: v for k, v in self.tracker(sender)["slots"].items() if v is not None}


def service_env(tmp: Path, action_port: int) -> dict[str, str]:
    return {
        "DATABASE_URL": f"sqlite:///{tmp / 'kb.db'}",
        "TRACKER_STORE_URL": f"sqlite:///{tmp / 'conversations.db'}",
        "ACTION_PORT": str(action_port),
        "FB_VERIFY_TOKEN": secrets.token_hex(8),
        "FB_APP_SECRET": secrets.token_hex(8),
        "FB_PAGE_ACCESS_TOKEN": "unset",
        "FB_GRAPH_API_URL": "http://127.0.0.1:9/unset",  # credentials.yml needs it; tests never reach Facebook
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "RASA_TELEMETRY_ENABLED": "false",
        "SANIC_REQUEST_MAX_SIZE": "2097152",  # the largest request body, as scripts/env.sh sets it
    }


def rasa_command(port: int, token: str, cors: str | None = None, endpoints: str = "endpoints.yml") -> list[str]:
    """The Rasa server as scripts/run.sh starts it: `python -m bot.rasa_server run` (every extension).

    `cors`: origins allowed to call Rasa from a browser (`--cors`, as scripts/run.sh passes CORS_ORIGINS),
    none by default; `endpoints`: another endpoints file (e.g. Rasa's own tracker store)."""
    return [
        sys.executable,
        "-m",
        "bot.rasa_server",
        "run",
        "--model",
        str(MODEL),
        "--port",
        str(port),
        "--enable-api",
        f"--auth-token={token}",
        "--credentials",
        "credentials.yml",
        "--endpoints",
        endpoints,
        *(["--cors", cors] if cors else []),
    ]


def actions_command(port: int) -> list[str]:
    return [str(ROOT / ".venv" / "bin" / "rasa"), "run", "actions", "--actions", "actions", "--port", str(port)]


@contextmanager
def running_stack(
    tmp: Path, extra_env: dict[str, str] | None = None, cors: str | None = None, endpoints: str = "endpoints.yml"
) -> Iterator[Stack]:
    """Action server and Rasa server (REST, tracker API) on free ports, with their own databases.

    `extra_env` overrides or adds variables for both services (e.g. FB_* for the Messenger tests);
    `cors` is passed to Rasa's `--cors` (e.g. the web app's origin for the browser tests);
    `endpoints` is the Rasa server's endpoints file (another tracker store, say).
    """
    action_port, rasa_port, token = free_port(), free_port(), secrets.token_urlsafe(16)
    env = {**service_env(tmp, action_port), **(extra_env or {})}
    with ExitStack() as services:
        actions = services.enter_context(
            started(
                Service(
                    actions_command(action_port),
                    f"http://127.0.0.1:{action_port}/health",
                    env,
                    timeout=120,
                    log=tmp / "actions.log",
                )
            )
        )
        rasa = services.enter_context(
            running(
                rasa_command(rasa_port, token, cors, endpoints),
                f"http://127.0.0.1:{rasa_port}/",
                env,
                timeout=240,
                log=tmp / "rasa.log",
            )
        )
        yield Stack(
            f"http://127.0.0.1:{rasa_port}",
            token,
            env["DATABASE_URL"],
            env["TRACKER_STORE_URL"],
            rasa.pid,
            tmp,
            actions.process.pid,
            actions,
        )
