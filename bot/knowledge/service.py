"""Ready-to-use catalogue: load the files into the database when they changed, then read it once."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from bot.knowledge.catalogue import Catalogue, read_catalogue
from bot.knowledge.db import make_engine
from bot.knowledge.loader import load_knowledge


@lru_cache(maxsize=4)
def get_catalogue(database_url: str, knowledge_dir: Path) -> Catalogue:
    """The process-wide catalogue for this database; KnowledgeError if the files are broken."""
    engine = make_engine(database_url)
    load_knowledge(engine, knowledge_dir)
    return read_catalogue(engine)
