"""The floor bots' conversation store: Rasa's own SQLTrackerStore with our SQLite settings.

The load benchmark compares our bot with floor bots; a fair floor stores its conversations the
way ours does (bot/sqlite_speed.py), so the comparison measures the bots, not the journal mode.
"""

from __future__ import annotations

from typing import Any

from rasa.core.tracker_store import SQLTrackerStore

from bot.sqlite_speed import speed_up_sqlite


class FloorSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        speed_up_sqlite(self.engine)
