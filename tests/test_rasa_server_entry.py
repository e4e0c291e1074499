"""`python -m bot.rasa_server run …` installs every extension; importing the package installs none.

Each check runs in a fresh interpreter, since the extensions change Rasa's classes for the whole
process. The e2e tests start the real server through the same entry point (tests/servers.py), with
our stores and with Rasa's plain SQLTrackerStore (tests/e2e/test_e2e_plain_store.py).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.servers import ROOT

EXTENSIONS = {
    "log_privacy",
    "sql_parameters",
    "api_guard",
    "fallback",
    "action_check",
    "safety_first",
    "side_questions",
}

IMPORT_EVERYTHING = """
import importlib, json, pkgutil
import bot.rasa_server
for module in pkgutil.walk_packages(bot.rasa_server.__path__, "bot.rasa_server."):
    if module.name != "bot.rasa_server.__main__":
        importlib.import_module(module.name)
from bot.rasa_server import extensions
print(json.dumps(extensions.installed()))
"""

INSTALL = """
import json, logging
import structlog
from rasa.core.actions.action import RemoteAction
from bot.rasa_server import extensions, log_privacy
extensions.install()
extensions.install()  # twice: nothing is wrapped twice
import rasa.__main__ as rasa_cli
import rasa.core.run as rasa_run
rasa_cli.configure_structlog(logging.INFO)  # what Rasa's CLI does after our install
app = rasa_run.configure_app(input_channels=[], enable_api=False)  # what `rasa run` does next
print(json.dumps({
    "installed": extensions.installed(),
    "redacting": structlog.get_config()["processors"][0] is log_privacy.redact_content,
    "guarded_app": getattr(app.ctx, "drogowskaz_api_guard", False),
    "run_wrapped_once": not getattr(RemoteAction.run.__wrapped__, "drogowskaz_apology", False),
}))
"""


def python(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "RASA_TELEMETRY_ENABLED": "false", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"},
    )


def last_json_line(result: subprocess.CompletedProcess) -> dict:
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_importing_the_package_installs_nothing() -> None:
    installed = last_json_line(python("-c", IMPORT_EVERYTHING))
    assert set(installed) == EXTENSIONS
    assert not any(installed.values()), installed


def test_install_puts_every_extension_in_place_once() -> None:
    found = last_json_line(python("-c", INSTALL))
    assert found["installed"] == dict.fromkeys(EXTENSIONS, True)
    assert found["redacting"], "log privacy is first in the structlog chain Rasa's CLI configured"
    assert found["guarded_app"], "the app Rasa builds gets the JSON error handlers, with no REST channel"
    assert found["run_wrapped_once"]


def test_only_commands_that_start_the_server_are_accepted() -> None:
    for args in ([], ["train"], ["--help"]):
        result = python("-m", "bot.rasa_server", *args)
        assert result.returncode == 2 and "usage: python -m bot.rasa_server" in result.stderr, args
