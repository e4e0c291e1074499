"""Database engines: SQLite under var/ by default, any SQLAlchemy URL (PostgreSQL) when configured."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine, make_url


@lru_cache(maxsize=8)
def make_engine(url: str) -> Engine:
    """One engine per URL for the process; creates the SQLite file's folder when needed.

    Errors carry no SQL parameters: conversation codes and profiles must not reach a log.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        return create_engine(url, future=True, hide_parameters=True, connect_args={"check_same_thread": False})
    return create_engine(url, future=True, hide_parameters=True, pool_pre_ping=True)
