"""The one registry of profile facts (data/profile/facts.yaml), read once and shared by every consumer.

`registry()` reads the file named by the environment variable DROGOWSKAZ_FACTS (read once, at the
first call) or data/profile/facts.yaml; `load(path)` reads any file (the tests' fixtures).
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from bot.facts_registry.loader import RegistryError, load, parse_facts
from bot.facts_registry.model import FROM_ENTITY, Fact, PatternRow, Registry

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_PATH = ROOT / "data" / "profile" / "facts.yaml"
PATH_VARIABLE = "DROGOWSKAZ_FACTS"

__all__ = ["FROM_ENTITY", "Fact", "PatternRow", "Registry", "RegistryError", "load", "parse_facts", "registry"]


@lru_cache(maxsize=1)
def registry() -> Registry:
    """The registry every module reads."""
    return load(os.environ.get(PATH_VARIABLE) or DEFAULT_PATH)
