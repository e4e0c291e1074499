"""`python -m bot.retention`: forget old conversations and expired conversation codes.

Removes from the conversation store (TRACKER_STORE_URL) every conversation whose most recent event
is older than `--days` (default RETENTION_DAYS), always all events of a sender, never a part of a
conversation; and removes expired codes from the knowledge database (DATABASE_URL). One transaction
per database. Prints counts only, never sender ids or texts. `--dry-run` only counts.
Exit status: 0 done, 1 a bad URL, an unreachable database or a bad setting (message on stderr).
Production runs it daily (cron or a systemd timer); see README, "Privacy and retention".
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Callable, TypeVar

from sqlalchemy import Column, Float, MetaData, String, Table, create_engine, delete, func, inspect, select
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError

from bot.codes import purge_expired
from bot.settings import load_settings

SECONDS_PER_DAY = 24 * 60 * 60
T = TypeVar("T")

# The columns of Rasa's SQLTrackerStore table that retention needs (rasa.core.tracker_store.SQLEvent).
EVENTS = Table("events", MetaData(), Column("sender_id", String(255), nullable=False), Column("timestamp", Float))


class RetentionError(Exception):
    """A database that cannot be used; the message says why, in Polish and English."""


def purge_conversations(url: str, days: int, now: float | None = None, dry_run: bool = False) -> int:
    """Remove whole conversations whose latest event is older than `days` before `now` (epoch seconds).

    Returns how many conversations were removed (with `dry_run`: would be removed).
    """
    if days < 1:
        raise ValueError("days must be at least 1: 0 would remove conversations still going on")
    cutoff = (time.time() if now is None else now) - days * SECONDS_PER_DAY
    old = select(EVENTS.c.sender_id).group_by(EVENTS.c.sender_id).having(func.max(EVENTS.c.timestamp) < cutoff)

    def purge(engine: Engine) -> int:
        if not inspect(engine).has_table(EVENTS.name):
            raise RetentionError(
                "w bazie nie ma tabeli rozmów Rasy „events” (no Rasa events table: not a conversation store?)"
            )
        # Counting and deleting in one transaction. A person writing to an old conversation while
        # this runs cannot leave a fragment behind: Rasa saves the tracker's events past the number
        # stored for its session, so if they were deleted meanwhile it saves the whole session again.
        with engine.begin() as connection:
            count = connection.execute(select(func.count()).select_from(old.subquery())).scalar_one()
            if not dry_run:
                connection.execute(delete(EVENTS).where(EVENTS.c.sender_id.in_(old)))
        return count

    return _with_engine(url, purge)


def purge_codes(url: str, dry_run: bool = False) -> int:
    """Remove the expired conversation codes from the knowledge database at `url`; returns how many."""
    return _with_engine(url, lambda engine: purge_expired(engine, dry_run=dry_run))


def _with_engine(url: str, work: Callable[[Engine], T]) -> T:
    """Run `work` on an engine for `url`, turning connection problems into RetentionError."""
    engine = _engine(url)
    try:
        return work(engine)
    except SQLAlchemyError as error:
        # The driver's own message names the host and the problem, never the password.
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        raise RetentionError(f"nie mogę użyć bazy danych (cannot use the database): {reason}") from error
    finally:
        engine.dispose()


def _engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
        engine = create_engine(parsed, future=True, hide_parameters=True)
    except (ArgumentError, NoSuchModuleError, ValueError) as error:
        raise RetentionError(
            "zły adres bazy danych, oczekuję adresu SQLAlchemy, np. sqlite:///var/conversations.db "
            "albo postgresql://… (bad database URL)"
        ) from error
    except ImportError as error:
        raise RetentionError(f"brak sterownika bazy danych (missing database driver): {error.name}") from error
    database = parsed.database
    if parsed.get_backend_name() == "sqlite" and database and database != ":memory:" and not Path(database).is_file():
        # Connecting would create an empty file and report success on a mistyped path.
        raise RetentionError(f"plik bazy danych nie istnieje (database file not found): {database}")
    return engine


def main(argv: list[str] | None = None) -> int:
    try:
        settings = load_settings()
    except ValueError as error:
        print(
            f"Błędne ustawienie, liczba musi być całkowita (bad setting, not a whole number): {error}", file=sys.stderr
        )
        return 1
    parser = argparse.ArgumentParser(prog="python -m bot.retention", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--days",
        type=_days,
        default=settings.retention_days,
        help=f"remove conversations older than this many days (RETENTION_DAYS, now {settings.retention_days})",
    )
    parser.add_argument("--dry-run", action="store_true", help="only count what would be removed")
    args = parser.parse_args(argv)
    if args.days < 1:
        print(f"Błędne ustawienie RETENTION_DAYS (bad setting): {args.days}, a musi być co najmniej 1", file=sys.stderr)
        return 1
    verb = "Do usunięcia (would be removed)" if args.dry_run else "Usunięte (removed)"
    failed = False
    jobs = [
        (
            "TRACKER_STORE_URL",
            f"rozmowy starsze niż {'1 dzień' if args.days == 1 else f'{args.days} dni'} (conversations)",
            lambda: purge_conversations(settings.tracker_store_url, args.days, dry_run=args.dry_run),
        ),
        (
            "DATABASE_URL",
            "wygasłe kody rozmów (expired conversation codes)",
            lambda: purge_codes(settings.database_url, dry_run=args.dry_run),
        ),
    ]
    for variable, what, job in jobs:  # each store on its own: a broken one does not stop the other
        try:
            print(f"{verb}: {what}: {job()}")
        except RetentionError as error:
            print(f"Błąd w {variable}: {error}", file=sys.stderr)
            failed = True
    return 1 if failed else 0


def _days(raw: str) -> int:
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError("podaj liczbę dni, co najmniej 1 (a whole number of days, at least 1)")
    return value


if __name__ == "__main__":
    sys.exit(main())
