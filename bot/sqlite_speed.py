"""The SQLite settings of the conversation store: WAL journal, commits that do not wait for the disk.

Rasa commits on its event loop once a turn. With the WAL journal (kept in the file, so set once)
and synchronous=NORMAL (a per-connection setting) a commit no longer waits for the disk: a killed
process loses nothing; a power cut may lose the last turns, never consistency. PostgreSQL, for
production, is left as configured. No side effects at import: the load benchmark gives the same
settings to the floor bots it compares us with (benchmarks/floor_store.py).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine


def _no_sync_wait(connection: Any, _: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def speed_up_sqlite(engine: Engine) -> None:
    """WAL and synchronous=NORMAL on an SQLite engine; any other database is left alone."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA journal_mode=WAL")
    event.listen(engine, "connect", _no_sync_wait)
