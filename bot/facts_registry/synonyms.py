"""data/nlu/synonyms.yml, generated: the registry's value synonyms, then the catalogue IDs' synonyms.

Rasa's synonym mapper turns what the entity extractor found ("na Bródnie" -> "bródnie") into the
value the profile needs ("Targówek"). The words come from data/profile/facts.yaml (a choice's
values) and data/profile/catalogue_synonyms.yaml (institutions and tools); edit those and run
`python -m bot.facts_registry synonyms --write`.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.facts_registry.loader import RegistryError
from bot.facts_registry.model import Registry
from bot.knowledge.contract_ids import INSTITUTION_IDS, TOOL_IDS

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE_SYNONYMS = ROOT / "data" / "profile" / "catalogue_synonyms.yaml"
SYNONYMS_FILE = ROOT / "data" / "nlu" / "synonyms.yml"
CATALOGUE_IDS = {"institution": set(INSTITUTION_IDS), "tool": {t for tools in TOOL_IDS.values() for t in tools}}

HEADER = """version: "3.1"

# Surface forms (lower case: the synonym mapper lower-cases the extracted text before lookup)
# -> profile / catalogue value from /work/shared/CONTRACT.md.

nlu:
"""


def catalogue_synonyms(path: Path = CATALOGUE_SYNONYMS) -> list[tuple[str, list[tuple[str, list[str]]]]]:
    """(institution / tool, [(catalogue ID, its synonyms)]), checked against the contract's IDs."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or set(data) != set(CATALOGUE_IDS):
        raise RegistryError(path, "file", f"sections must be exactly {', '.join(CATALOGUE_IDS)}")
    sections = []
    for section, entries in data.items():
        for catalogue_id, words in entries.items():
            if catalogue_id not in CATALOGUE_IDS[section]:
                raise RegistryError(path, f"{section}.{catalogue_id}", f"not a contract {section} ID")
            if not words or any(not isinstance(w, str) or w != w.lower() for w in words):
                raise RegistryError(path, f"{section}.{catalogue_id}", "synonyms are words in lower case")
        sections.append((section, [(catalogue_id, list(words)) for catalogue_id, words in entries.items()]))
    return sections


def synonyms_yaml(registry: Registry, catalogue: Path = CATALOGUE_SYNONYMS) -> str:
    """The text of data/nlu/synonyms.yml."""
    sections = [(f.key, [(v, list(s)) for v, s in f.synonyms]) for f in registry.facts.values() if f.synonyms]
    lines = [HEADER]
    for title, entries in sections + catalogue_synonyms(catalogue):
        lines.append(f"# --- {title} ---")
        for value, words in entries:
            lines.append(f"- synonym: {value}\n  examples: |")
            lines += [f"    - {word}" for word in words]
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"
