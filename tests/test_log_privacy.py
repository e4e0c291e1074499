"""Rasa's own log fields with message texts are redacted at the default level (bot.rasa_server.log_privacy).

Each case runs in a fresh interpreter that does what `python -m bot.rasa_server run` does before
and while Rasa's CLI starts (install the extensions, then Rasa configures logging and structlog),
and logs the events Rasa logs when a message cannot be handled.
"""

from __future__ import annotations

import os
import subprocess
import sys

from tests.servers import ROOT

SCRIPT = """
import logging, sys
import structlog
from rasa.utils.common import configure_logging_and_warnings

from bot.rasa_server import extensions

level = logging.getLevelName(sys.argv[1])
extensions.install()  # what python -m bot.rasa_server run does before Rasa's CLI
import rasa.__main__ as rasa_cli
configure_logging_and_warnings(level)
rasa_cli.configure_structlog(level)  # what Rasa's CLI does next
early = structlog.get_logger()
early.info("bound.before.first.message")
def handle(text):  # the text is a local variable of the failing frame, as in Rasa's channels
    raise RuntimeError("the lock store is down")
try:
    handle("Mam 47 lat, nazywam się Zenobia Kwiatkowska")
except RuntimeError:
    early.exception("rest.message.received.failure", text="Mam 47 lat, nazywam się Zenobia Kwiatkowska")
try:
    handle("Zenobia Kwiatkowska")
except RuntimeError as error:
    structlog.get_logger().error("http.parse.text.exception", exc_info=error)
structlog.get_logger().warning("event.deserialization.failed", rasa_event={"event": "slot", "value": "Ursynów"})
"""


def run(level: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, level],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "SQLALCHEMY_SILENCE_UBER_WARNING": "1", "RASA_TELEMETRY_ENABLED": "false"},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def test_texts_are_redacted_at_the_default_level() -> None:
    output = run("INFO")
    assert "rest.message.received.failure" in output and "event.deserialization.failed" in output
    assert output.count("RuntimeError: the lock store is down") == 2 and "in handle" in output, (
        "the traceback is still there to debug"
    )
    for secret in ("Zenobia", "Kwiatkowska", "47 lat", "Ursyn"):
        assert secret not in output
    assert output.count("[redacted]") == 2


def test_debug_level_keeps_them_for_whoever_debugs_on_purpose() -> None:
    assert "Zenobia Kwiatkowska" in run("DEBUG")
