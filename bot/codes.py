"""Short conversation codes: a resident gives one to front-desk staff instead of repeating everything.

A code maps to an anonymous profile snapshot (the contract's keys only: no name, no message text)
and expires after CODE_TTL_DAYS. Codes avoid look-alike characters so they can be read aloud.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any, Mapping

from sqlalchemy import JSON, Column, DateTime, String, delete, func, inspect, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.knowledge.models import Base
from bot.profile import validate_profile

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
CODE_LENGTH = 6


class ConversationCode(Base):
    __tablename__ = "conversation_code"
    code = Column(String(16), primary_key=True)
    profile = Column(JSON, nullable=False)
    created_at = Column(DateTime, nullable=False)
    expires_at = Column(DateTime, nullable=False, index=True)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


def normalise_code(raw: str) -> str:
    """Accept what people type: lower case, spaces, a dash in the middle."""
    return "".join(ch for ch in str(raw).upper() if ch in ALPHABET)[: CODE_LENGTH + 2]


def format_code(code: str) -> str:
    return f"{code[:3]}-{code[3:]}"


# The conversation's language rides in the same JSON under a key no profile key can have, so codes made
# before it existed (and their table) stay as they are.
LANGUAGE_KEY = "_language"


def create_code(engine: Engine, profile: Mapping[str, Any], ttl_days: int, language: str | None = None) -> str:
    """Store a validated profile snapshot (and the conversation's language) under a new code and return
    it as shown to people."""
    snapshot = validate_profile(dict(profile))
    if language:
        snapshot[LANGUAGE_KEY] = language
    ConversationCode.__table__.create(engine, checkfirst=True)
    with Session(engine) as session, session.begin():
        while True:
            code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
            if session.get(ConversationCode, code) is None:
                break
        now = _now()
        session.add(
            ConversationCode(code=code, profile=snapshot, created_at=now, expires_at=now + dt.timedelta(days=ttl_days))
        )
    return format_code(code)


def read_conversation(engine: Engine, raw: str) -> tuple[dict[str, Any], str | None] | None:
    """The profile behind a code and the conversation's language (None for older codes), or None when
    the code does not exist or has expired."""
    ConversationCode.__table__.create(engine, checkfirst=True)
    with Session(engine) as session:
        found = session.get(ConversationCode, normalise_code(raw))
        if found is None or found.expires_at <= _now():
            return None
        profile = dict(found.profile)
        return profile, profile.pop(LANGUAGE_KEY, None)


def read_code(engine: Engine, raw: str) -> dict[str, Any] | None:
    """The profile behind a code, or None when it does not exist or has expired."""
    found = read_conversation(engine, raw)
    return found[0] if found else None


def purge_expired(engine: Engine, dry_run: bool = False) -> int:
    """Remove every expired code (`bot.retention` runs this daily); returns how many.

    With `dry_run` only counts. A database where no code was ever made has nothing to remove.
    """
    if not inspect(engine).has_table(ConversationCode.__tablename__):
        return 0
    expired = ConversationCode.expires_at <= _now()
    with Session(engine) as session, session.begin():
        if dry_run:
            return session.execute(select(func.count()).select_from(ConversationCode).where(expired)).scalar_one()
        return session.execute(delete(ConversationCode).where(expired)).rowcount
