"""Retention: whole old conversations and expired codes are removed, nothing else (bot.retention).

The conversation store is written by our own PrivacySQLTrackerStore (Rasa's SQLTrackerStore), so
the test holds the command to the schema Rasa really uses.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, text

from bot.codes import create_code, read_code
from bot.rasa_server.stores import PrivacySQLTrackerStore
from bot.retention import RetentionError, purge_codes, purge_conversations
from tests.servers import ROOT, free_port

DAY = 24 * 60 * 60
HOUR = 60 * 60
OLD, MIXED, RECENT, NEAR_LIMIT = (
    "retention-old-4f1c",
    "retention-mixed-9b2e",
    "retention-recent-17d0",
    "retention-near-c3a8",
)


def turn(message: str, age: int, at: float) -> list:
    return [
        UserUttered(message, {"name": "inform", "confidence": 1.0}, timestamp=at),
        SlotSet("age", age, timestamp=at + 1),
        ActionExecuted("action_listen", timestamp=at + 2),
    ]


async def save_conversations(url: str, now: float) -> None:
    """Times relative to `now`, with an hour's margin where a test's own run time could matter."""
    store = PrivacySQLTrackerStore(host=url)
    for sender, start in (
        (OLD, now - 100 * DAY),
        (MIXED, now - 200 * DAY),
        (RECENT, now - 6 * HOUR),
        (NEAR_LIMIT, now - 90 * DAY + HOUR),
    ):
        tracker = DialogueStateTracker.from_events(
            sender, [ActionExecuted("action_listen", timestamp=start), *turn("mam 40 lat", 40, start + 1)]
        )
        await store.save(tracker)
    # The same person comes back after months: the conversation is recent and must stay whole.
    tracker = DialogueStateTracker.from_events(
        MIXED,
        [ActionExecuted("action_listen", timestamp=now - 200 * DAY), *turn("mam 40 lat", 40, now - 200 * DAY + 1)],
    )
    for event in turn("właściwie mam 41 lat", 41, now - 2 * DAY):
        tracker.update(event)
    await store.save(tracker)
    store.engine.dispose()


@pytest.fixture
def now() -> float:
    return time.time()


@pytest.fixture
def store(tmp_path: Path, now: float) -> str:
    url = f"sqlite:///{tmp_path / 'conversations.db'}"
    asyncio.run(save_conversations(url, now))
    return url


def events_per_sender(url: str) -> dict[str, int]:
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(text("select sender_id, count(*) from events group by sender_id")).all()
    engine.dispose()
    return dict(rows)


def test_old_conversations_go_whole_and_recent_ones_stay_whole(store: str, now: float) -> None:
    before = events_per_sender(store)
    assert before[MIXED] == 7 and before[OLD] == 4, "the store holds what the tracker saved"
    assert purge_conversations(store, 90, now=now) == 1
    after = events_per_sender(store)
    assert OLD not in after
    assert after == {MIXED: before[MIXED], RECENT: before[RECENT], NEAR_LIMIT: before[NEAR_LIMIT]}
    assert purge_conversations(store, 90, now=now) == 0
    assert purge_conversations(store, 1, now=now) == 2, "a shorter retention reaches further"
    assert set(events_per_sender(store)) == {RECENT}


def test_dry_run_only_counts(store: str, now: float) -> None:
    before = events_per_sender(store)
    assert purge_conversations(store, 90, now=now, dry_run=True) == 1
    assert events_per_sender(store) == before


def test_zero_days_is_refused(store: str) -> None:
    with pytest.raises(ValueError):
        purge_conversations(store, 0)


@pytest.fixture
def knowledge_db(tmp_path: Path) -> tuple[str, list[str], list[str]]:
    url = f"sqlite:///{tmp_path / 'knowledge.db'}"
    engine = create_engine(url)
    valid = [create_code(engine, {"age": 30}, ttl_days=30) for _ in range(2)]
    expired = [create_code(engine, {"age": 50}, ttl_days=-1) for _ in range(3)]
    engine.dispose()
    return url, valid, expired


def test_expired_codes_are_removed_and_valid_ones_kept(knowledge_db: tuple[str, list[str], list[str]]) -> None:
    url, valid, expired = knowledge_db
    assert purge_codes(url, dry_run=True) == 3
    assert code_count(url) == 5
    assert purge_codes(url) == 3
    assert code_count(url) == 2
    engine = create_engine(url)
    assert all(read_code(engine, code) == {"age": 30} for code in valid)
    engine.dispose()
    assert purge_codes(url) == 0


def test_a_database_without_codes_has_none_to_remove(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'knowledge.db'}"
    create_engine(url).connect().close()  # an empty database file
    assert purge_codes(url) == 0


def code_count(url: str) -> int:
    engine = create_engine(url)
    with engine.connect() as connection:
        count = connection.execute(text("select count(*) from conversation_code")).scalar_one()
    engine.dispose()
    return count


@pytest.mark.parametrize(
    "url, message",
    [
        ("not a database url", "zły adres bazy danych"),
        ("nosuchdialect://localhost/x", "zły adres bazy danych"),
        ("sqlite:///{tmp}/missing/conversations.db", "plik bazy danych nie istnieje"),
        ("postgresql://retention:secret-password@127.0.0.1:{port}/conversations", "nie mogę użyć bazy danych"),
    ],
)
def test_unusable_stores_raise_a_clear_error(url: str, message: str, tmp_path: Path) -> None:
    url = url.format(tmp=tmp_path, port=free_port())
    with pytest.raises(RetentionError, match=message) as raised:
        purge_conversations(url, 90)
    assert "secret-password" not in str(raised.value)
    assert not (tmp_path / "missing").exists(), "a mistyped path is not created"


def test_a_database_that_is_not_a_conversation_store_is_an_error(
    knowledge_db: tuple[str, list[str], list[str]],
) -> None:
    with pytest.raises(RetentionError, match="events"):
        purge_conversations(knowledge_db[0], 90)


def run_command(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot.retention", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "SQLALCHEMY_SILENCE_UBER_WARNING": "1", **env},
        timeout=60,
    )


def test_command_removes_old_conversations_and_expired_codes_printing_counts_only(
    store: str, knowledge_db: tuple[str, list[str], list[str]]
) -> None:
    url, valid, expired = knowledge_db
    env = {"TRACKER_STORE_URL": store, "DATABASE_URL": url, "RETENTION_DAYS": "90"}
    dry = run_command("--dry-run", **env)
    assert dry.returncode == 0, dry.stderr
    assert "conversations): 1" in dry.stdout and "codes): 3" in dry.stdout
    assert len(events_per_sender(store)) == 4 and code_count(url) == 5

    done = run_command(**env)
    assert done.returncode == 0, done.stderr
    assert "Usunięte" in done.stdout and "conversations): 1" in done.stdout and "codes): 3" in done.stdout
    assert set(events_per_sender(store)) == {MIXED, RECENT, NEAR_LIMIT} and code_count(url) == 2
    for secret in (OLD, MIXED, RECENT, NEAR_LIMIT, "mam 40 lat", *valid, *expired):
        assert secret not in done.stdout + done.stderr

    longer = run_command("--days", "1", **env)
    assert longer.returncode == 0 and "conversations): 2" in longer.stdout, "--days wins over RETENTION_DAYS"


def test_command_reads_retention_days_from_the_environment(
    store: str, knowledge_db: tuple[str, list[str], list[str]]
) -> None:
    result = run_command(TRACKER_STORE_URL=store, DATABASE_URL=knowledge_db[0], RETENTION_DAYS="365")
    assert result.returncode == 0, result.stderr
    assert "365 dni" in result.stdout and "conversations): 0" in result.stdout
    assert len(events_per_sender(store)) == 4


def test_command_exits_1_with_a_message_for_a_bad_url(knowledge_db: tuple[str, list[str], list[str]]) -> None:
    result = run_command(TRACKER_STORE_URL="postgres ql://nowhere", DATABASE_URL=knowledge_db[0])
    assert result.returncode == 1
    assert "TRACKER_STORE_URL" in result.stderr and "zły adres bazy danych" in result.stderr
    assert "codes): 3" in result.stdout, "a broken conversation store does not stop the codes' expiry"
    assert code_count(knowledge_db[0]) == 2


def test_command_exits_1_for_a_bad_setting(store: str) -> None:
    result = run_command(TRACKER_STORE_URL=store, RETENTION_DAYS="0")
    assert result.returncode == 1 and "RETENTION_DAYS" in result.stderr
    assert len(events_per_sender(store)) == 4
