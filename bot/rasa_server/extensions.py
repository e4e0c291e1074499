"""Every extension of the Rasa server, installed in one place before Rasa's CLI runs.

`install()` is called by `python -m bot.rasa_server run …` (bot/rasa_server/__main__.py), whatever
tracker store, lock store and channels endpoints.yml and credentials.yml name:
- log privacy (bot/rasa_server/log_privacy.py): put in front of Rasa's structlog chain right after
  Rasa's CLI has configured structlog (`configure_structlog` builds a new chain, so installing
  earlier would be undone), and no SQL parameters in the errors of any SQLTrackerStore;
- the apology when the action server cannot answer (bot/rasa_server/fallback.py);
- the action-answer check with one validator (bot/rasa_server/action_check.py);
- the quiet session start when the first message is a cry for help (bot/rasa_server/safety_first.py);
- an unsure question about a word of the glossary read as a question (bot/rasa_server/side_questions.py);
- the app-wide JSON error handlers and the HTTP API body check (bot/rasa_server/channels/api_guard.py),
  added to the Sanic app Rasa builds (`rasa.core.run.configure_app`), with or without the HTTP API.

Each step is idempotent. `installed()` tells which are in place (tests, and the start-up check).
"""

from __future__ import annotations

import functools
from typing import Any, Callable

import rasa.__main__ as rasa_cli
import rasa.core.run as rasa_run
from sanic import Sanic

from bot.rasa_server import action_check, fallback, log_privacy, safety_first, side_questions
from bot.rasa_server.channels import api_guard

WRITTEN_FOR_RASA = "3.6.21"  # wraps rasa.__main__.configure_structlog and rasa.core.run.configure_app


def privacy_after(configure_structlog: Callable[..., None]) -> Callable[..., None]:
    @functools.wraps(configure_structlog)
    def configure(*args: Any, **kwargs: Any) -> None:
        configure_structlog(*args, **kwargs)
        log_privacy.install()

    configure.drogowskaz_log_privacy = True  # type: ignore[attr-defined]
    return configure


def guarded(configure_app: Callable[..., Sanic]) -> Callable[..., Sanic]:
    @functools.wraps(configure_app)
    def configure(*args: Any, **kwargs: Any) -> Sanic:
        app = configure_app(*args, **kwargs)
        api_guard.install(app)
        return app

    configure.drogowskaz_api_guard = True  # type: ignore[attr-defined]
    return configure


def install() -> None:
    """Install every extension into this process (idempotent)."""
    log_privacy.install()  # covers whatever logs before Rasa's CLI configures structlog
    if not getattr(rasa_cli.configure_structlog, "drogowskaz_log_privacy", False):
        rasa_cli.configure_structlog = privacy_after(rasa_cli.configure_structlog)
    if not getattr(rasa_run.configure_app, "drogowskaz_api_guard", False):
        rasa_run.configure_app = guarded(rasa_run.configure_app)
    log_privacy.hide_sql_parameters()
    fallback.install()
    action_check.install()
    safety_first.install()
    side_questions.install()


def installed() -> dict[str, bool]:
    """Which extension is in place in this process."""
    return {
        "log_privacy": getattr(rasa_cli.configure_structlog, "drogowskaz_log_privacy", False),
        "sql_parameters": log_privacy.sql_parameters_hidden(),
        "api_guard": getattr(rasa_run.configure_app, "drogowskaz_api_guard", False),
        "fallback": fallback.installed(),
        "action_check": action_check.installed(),
        "safety_first": safety_first.installed(),
        "side_questions": side_questions.installed(),
    }
