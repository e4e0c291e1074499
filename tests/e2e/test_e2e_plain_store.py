"""With Rasa's plain SQLTrackerStore in endpoints.yml, the privacy and fallback guarantees still hold.

The extensions used to be installed by importing our tracker store; now `python -m bot.rasa_server
run` installs them whatever endpoints.yml names. Here the Rasa server runs with an endpoints file
that names Rasa's own `SQL` store (and no lock store), and the log-privacy check of
tests/e2e/test_e2e_privacy.py and the action-server-down check of tests/e2e/test_e2e_production.py
run against it unchanged. A normal conversation makes Rasa log nothing personal, so the privacy
case also locks the conversation store for one message: Rasa then logs the failed read and write
with the database's error, which must not carry the SQL parameters (the sender, the text).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Iterator

import pytest
import yaml

from tests.e2e.talk import new_sender
from tests.e2e.test_e2e_privacy import conversation_leaves_nothing_personal_in_the_logs, leaks
from tests.e2e.test_e2e_production import apology_while_the_action_server_is_down
from tests.servers import Stack, running_stack

pytestmark = pytest.mark.e2e

SECRET = "Nazywam się Bożydar Pstrowski i mieszkam na Wawrze"


def plain_endpoints(folder: Path) -> tuple[Path, Path]:
    """An endpoints file with Rasa's own SQL tracker store on a SQLite file; (file, database)."""
    database = folder / "plain-conversations.db"
    endpoints = {
        "action_endpoint": {"url": "http://127.0.0.1:${ACTION_PORT}/webhook"},
        "tracker_store": {"type": "SQL", "dialect": "sqlite", "db": str(database)},
    }
    path = folder / "endpoints-plain.yml"
    path.write_text(yaml.safe_dump(endpoints), encoding="utf-8")
    return path, database


@pytest.fixture(scope="module")
def plain(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Stack, Path]]:
    tmp = tmp_path_factory.mktemp("plain-store")
    endpoints, database = plain_endpoints(tmp)
    with running_stack(tmp, endpoints=str(endpoints)) as stack:
        yield stack, database


def test_the_server_runs_rasas_own_store(plain: tuple[Stack, Path]) -> None:
    stack, database = plain
    assert stack.say(new_sender(), "dzień dobry")
    assert database.stat().st_size > 0, "conversations go to Rasa's SQLTrackerStore's file"


def test_log_privacy_with_rasas_plain_store(plain: tuple[Stack, Path]) -> None:
    stack, database = plain
    conversation_leaves_nothing_personal_in_the_logs(stack)
    sender = new_sender()
    with sqlite3.connect(database, isolation_level=None) as holder:
        holder.execute("BEGIN EXCLUSIVE")  # every read and write of the store fails after SQLite's 5 s wait
        try:
            stack.say(sender, SECRET)
        finally:
            holder.execute("ROLLBACK")
    log = stack.logs / "rasa.log"
    assert "Error happened when trying to save conversation tracker" in log.read_text(encoding="utf-8")
    assert leaks(log, ("Bożydar", "Pstrowski", "Wawrze", sender)) == [], "the failed write's parameters are logged"


def test_action_server_down_with_rasas_plain_store(plain: tuple[Stack, Path]) -> None:
    stack, _ = plain
    assert stack.action_server is not None
    apology_while_the_action_server_is_down(stack, stack.action_server)
