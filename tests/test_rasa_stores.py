"""Our Rasa tracker store and the one-time check of the action server's answers, in process."""

from __future__ import annotations

import asyncio
from pathlib import Path

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, text

from benchmarks.floor_store import FloorSQLTrackerStore
from bot.rasa_server import action_check
from bot.rasa_server.stores import PrivacySQLTrackerStore


def floor_store(path: Path) -> FloorSQLTrackerStore:
    return FloorSQLTrackerStore(dialect="sqlite", db=str(path))  # as benchmarks/minimal_bot/endpoints.yml


@pytest.mark.parametrize(
    "make_store",
    [lambda path: PrivacySQLTrackerStore(host=f"sqlite:///{path}"), floor_store],
    ids=["ours", "the load benchmark's floor bots"],
)
def test_sqlite_store_commits_in_wal_mode_and_keeps_every_turn(tmp_path: Path, make_store) -> None:
    url = f"sqlite:///{tmp_path / 'conversations.db'}"
    store = make_store(tmp_path / "conversations.db")
    tracker = DialogueStateTracker.from_events("person", [ActionExecuted("action_listen"), UserUttered("mam 40 lat")])
    asyncio.run(store.save(tracker))
    with store.engine.connect() as connection:
        assert connection.execute(text("pragma journal_mode")).scalar() == "wal"
        assert connection.execute(text("pragma synchronous")).scalar() == 1  # NORMAL
    with create_engine(url).connect() as other:  # another process's view: committed
        assert other.execute(text("select count(*) from events where sender_id = 'person'")).scalar() == 2


def test_valid_answers_pass_with_the_validator_built_once() -> None:
    action_check.install()  # as python -m bot.rasa_server run does
    action = RemoteAction("action_x", None)
    action_check.response_validator.cache_clear()
    for answer in (
        {"events": [{"event": "slot", "name": "age", "value": 40}], "responses": [{"text": "Dzień dobry"}]},
        {},
    ):
        assert action._validate_action_result(answer) is True
    assert action_check.response_validator.cache_info().misses == 1


@pytest.mark.parametrize("answer", [{"events": "not a list"}, {"events": [{"no": "event key"}]}, {"responses": [5]}])
def test_invalid_answers_still_get_rasas_own_error(answer: dict) -> None:
    with pytest.raises(jsonschema.ValidationError, match="Failed to validate Action server response"):
        RemoteAction("action_x", None)._validate_action_result(answer)
