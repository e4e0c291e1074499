"""Load data/knowledge into the database: validate first, then replace everything in one transaction.

Idempotent: the files' digest is stored, and loading unchanged files writes nothing. A bad file
raises KnowledgeError before the transaction starts, so the database keeps its previous content.
The stored digest also covers the table layout, so a database written by an older version (say,
without the helpline table) is filled again even when the files did not change.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from sqlalchemy import delete, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.knowledge.db import make_engine
from bot.knowledge.files import KnowledgeData, KnowledgeError, read_knowledge
from bot.knowledge.models import Base, Helpline, Institution, LegalNote, Location, Meta, Rule, Source, Tool

DIGEST_KEY = "knowledge_digest"


KNOWLEDGE_MODELS = (Source, Institution, Tool, Rule, LegalNote, Location, Helpline, Meta)


def ensure_schema(engine: Engine) -> None:
    """Create the tables; if an older version of them exists, rebuild them (the files are the source)."""
    tables = [model.__table__ for model in KNOWLEDGE_MODELS]
    inspector = inspect(engine)
    outdated = any(
        inspector.has_table(table.name)
        and {c["name"] for c in inspector.get_columns(table.name)} != set(table.columns.keys())
        for table in tables
    )
    if outdated:
        Base.metadata.drop_all(engine, tables=tables)
    Base.metadata.create_all(engine, tables=tables)


def content_digest(files_digest: str) -> str:
    """The files' digest bound to the table layout.

    Older versions stored the files' digest alone; a table they did not have is created empty by
    ensure_schema, and only a different stored value makes the next load fill it.
    """
    layout = ";".join(
        f"{model.__tablename__}:{','.join(sorted(model.__table__.columns.keys()))}" for model in KNOWLEDGE_MODELS
    )
    return hashlib.sha256(f"{files_digest}\0{layout}".encode()).hexdigest()


def load_knowledge(engine: Engine, directory: Path, force: bool = False) -> bool:
    """Load the files into the database; return True when something was written."""
    data = read_knowledge(directory)
    ensure_schema(engine)
    digest = content_digest(data.digest)
    with Session(engine) as session, session.begin():
        current = session.get(Meta, DIGEST_KEY)
        if current is not None and current.value == digest and not force:
            return False
        for model in (Helpline, LegalNote, Rule, Location, Tool, Institution, Source, Meta):
            session.execute(delete(model))
        _write(session, data, digest)
    return True


def _write(session: Session, data: KnowledgeData, digest: str) -> None:
    session.add_all(Source(**s) for s in data.sources)
    session.flush()
    session.add_all(Helpline(**line) for line in data.helplines)
    for name, expression in data.conditions.items():
        session.add(Rule(owner_type="condition", owner_id=name, kind="named", expression=expression))
    for item in data.institutions:
        fields = {k: v for k, v in item.items() if k not in ("legal_notes", "eligibility", "participants")}
        session.add(Institution(**fields))
        for kind in ("eligibility", "participants"):
            if item[kind] is not None:
                session.add(Rule(owner_type="institution", owner_id=item["id"], kind=kind, expression=item[kind]))
        _notes(session, "institution", item)
    session.flush()
    for item in data.tools:
        fields = {k: v for k, v in item.items() if k not in ("legal_notes", "eligibility", "extras")}
        session.add(Tool(**fields))
        session.add(Rule(owner_type="tool", owner_id=item["id"], kind="eligibility", expression=item["eligibility"]))
        for extra in item["extras"]:
            session.add(
                Rule(
                    owner_type="tool",
                    owner_id=item["id"],
                    kind="extra",
                    expression=extra["when"],
                    reason=extra["reason"],
                )
            )
        _notes(session, "tool", item)
    session.add_all(Location(**row) for row in data.locations)
    session.add(Meta(key=DIGEST_KEY, value=digest))


def _notes(session: Session, owner_type: str, item: dict) -> None:
    for note in item["legal_notes"]:
        session.add(LegalNote(owner_type=owner_type, owner_id=item["id"], **note))


def main(argv: list[str] | None = None) -> int:
    """`python -m bot.knowledge.loader`: load (or check) the knowledge base, exit 1 on bad data."""
    from bot.settings import load_settings

    settings = load_settings()
    parser = argparse.ArgumentParser(description="Load data/knowledge into the knowledge database.")
    parser.add_argument("--dir", type=Path, default=settings.knowledge_dir)
    parser.add_argument("--check", action="store_true", help="only validate the files")
    parser.add_argument("--force", action="store_true", help="reload even if the files did not change")
    args = parser.parse_args(argv)
    try:
        if args.check:
            data = read_knowledge(args.dir)
            print(
                f"OK: {len(data.institutions)} institutions, {len(data.tools)} tools, {len(data.locations)} locations, "
                f"{len(data.helplines)} help lines"
            )
            return 0
        written = load_knowledge(make_engine(settings.database_url), args.dir, args.force)
    except KnowledgeError as error:
        print(f"Błąd w bazie wiedzy (knowledge base error): {error}", file=sys.stderr)
        return 1
    print("knowledge base loaded" if written else "knowledge base unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
