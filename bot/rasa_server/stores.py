"""Rasa's conversation and lock stores, configured from TRACKER_STORE_URL and REDIS_URL.

- The tracker store takes a full SQLAlchemy URL (SQLite by default, PostgreSQL in production)
  and forgets a person completely when the conversation ran `action_delete_data`: instead of
  saving that turn, it deletes every stored event of the conversation.
- The lock store is Redis when REDIS_URL is set (several Rasa servers; every change of a lock is
  one Redis transaction, bot/rasa_server/redis_lock_store.py), in memory otherwise.
- Database errors carry no SQL parameters (events hold message texts); Rasa's own log fields with
  texts are redacted by bot/rasa_server/log_privacy.py, which `python -m bot.rasa_server run`
  installs whatever tracker store endpoints.yml names.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlparse

from rasa.core.lock_store import InMemoryLockStore, LockStore
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.rasa_server.redis_lock_store import AtomicRedisLockStore
from bot.settings import load_settings
from bot.sqlite_speed import speed_up_sqlite

logger = logging.getLogger(__name__)
WRITTEN_FOR_RASA = "3.6.21"  # SQLTrackerStore's get_db_url, session_scope and SQLEvent
DELETE_ACTION = "action_delete_data"


def deletion_requested(tracker: DialogueStateTracker) -> bool:
    """Whether the latest turn (since the person's last message) ran the delete action."""
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, ActionExecuted) and event.action_name == DELETE_ACTION:
            return True
    return False


class PrivacySQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore on any SQLAlchemy URL, which deletes a conversation on request."""

    def __init__(self, domain: Any = None, host: Optional[str] = None, event_broker: Any = None, **kwargs: Any) -> None:
        self._url = host or load_settings().tracker_store_url
        if self._url.startswith("sqlite:///"):
            Path(self._url[len("sqlite:///") :]).parent.mkdir(parents=True, exist_ok=True)
        kwargs.pop("url", None)
        super().__init__(domain=domain, event_broker=event_broker, **kwargs)
        self.engine.hide_parameters = True  # a failed INSERT would otherwise log the event's text
        speed_up_sqlite(self.engine)  # WAL, commits that do not wait for the disk

    def get_db_url(self, *args: Any, **kwargs: Any) -> str:  # type: ignore[override]
        return self._url

    async def save(self, tracker: DialogueStateTracker) -> None:
        if deletion_requested(tracker):
            await self.delete(tracker.sender_id)
            return
        await super().save(tracker)

    async def delete(self, sender_id: str) -> int:
        """Remove every stored event of one conversation; returns how many were removed."""
        with self.session_scope() as session:
            removed = session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == sender_id).delete()
            session.commit()
        logger.info("conversation deleted on request (%d events)", removed)
        return removed


class ConfiguredLockStore:
    """Factory used as `lock_store.type`: Redis when REDIS_URL is set, else in memory."""

    def __new__(cls, endpoint_config: Any = None) -> LockStore:  # type: ignore[misc]
        url = load_settings().redis_url
        if not url:
            return InMemoryLockStore()
        parsed = urlparse(url)
        return AtomicRedisLockStore(
            host=parsed.hostname or "localhost",
            port=parsed.port or 6379,
            db=int((parsed.path or "/1").lstrip("/") or 1),
            username=parsed.username,
            password=parsed.password,
            use_ssl=parsed.scheme == "rediss",
        )
