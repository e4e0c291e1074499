"""Checked when the action server starts (rasa-sdk imports every module of this package).

The knowledge base is loaded now, not at the first person's message: broken or missing files, or
an unreachable database, stop the server with a clear message and exit code 1. Loading is one
transaction (bot.knowledge.loader), so nothing is half-written.
"""

from __future__ import annotations

import sys

from sqlalchemy.exc import SQLAlchemyError

from actions.common import catalogue
from bot.knowledge.files import KnowledgeError


def require_catalogue() -> None:
    try:
        catalogue()
    except KnowledgeError as error:
        print(f"Nie mogę uruchomić serwera akcji: błąd w bazie wiedzy (knowledge base error): {error}", file=sys.stderr)
        raise SystemExit(1) from error
    except SQLAlchemyError as error:
        print(
            f"Nie mogę uruchomić serwera akcji: brak połączenia z bazą wiedzy (DATABASE_URL): {type(error).__name__}",
            file=sys.stderr,
        )
        raise SystemExit(1) from error


require_catalogue()
