"""The words people use for what the assistant knows: "kuroniówka", "pośredniak", "pracownik socjalny".

`data/knowledge/glossary.yaml` (described at its top) holds each term or situation with the words
that name it, a plain answer and its source. `read_glossary` validates the file (a source the
knowledge base does not cite, a seed passage that is not in the study, or an unknown catalogue ID
stops it); `Glossary.find` returns the entry a message is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

from bot.knowledge.contract_ids import INSTITUTION_IDS, TOOL_IDS
from bot.knowledge.files import KnowledgeError
from bot.nlp.morphology import fold

FILE = "glossary.yaml"
STUDY = Path(__file__).resolve().parents[2] / "data" / "study" / "000_a7486e0fa1ff358d.txt"
TOOLS = {tool for tools in TOOL_IDS.values() for tool in tools}
# Words of a question about what a word means (folded): "co to", "czym jest", "kto to", "co znaczy".
DEFINITION_CUES = frozenset({"co", "czym", "kto", "znaczy", "oznacza"})


def _word_matches(pattern: str, word: str) -> bool:
    return word.startswith(pattern[:-1]) if pattern.endswith("*") else word == pattern


@dataclass(frozen=True)
class Term:
    id: str
    when: tuple[tuple[tuple[str, ...], ...], ...]  # alternatives → words → spellings
    answer: str
    first: bool
    explains: tuple[str, str] | None  # ("institution" | "tool", id)
    source_id: str | None

    def matches(self, words: Iterable[str]) -> bool:
        words = list(words)
        return any(
            all(any(_word_matches(p, w) for p in spellings for w in words) for spellings in alternative)
            for alternative in self.when
        )


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]

    def find(self, message: str, first_only: bool = False) -> Term | None:
        """The first entry the message is about: a situation or comparison whenever its words are
        there; a plain term only when the message asks what something is ("co to kuroniówka?", not
        "mam orzeczenie, gdzie mogę pracować?"), and never when `first_only`."""
        words = re.findall(r"\w+", fold(message))
        defines = not first_only and bool(DEFINITION_CUES & set(words))
        return next((t for t in self.terms if (t.first or defines) and t.matches(words)), None)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _term(entry: Any, number: int, path: Path, source_ids: set[str], study: str) -> Term:
    def fail(problem: str) -> KnowledgeError:
        return KnowledgeError(path, f"entry {number} ({(entry or {}).get('id', '?')})", problem)

    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise fail("an entry needs an id")
    unknown = set(entry) - {"id", "when", "answer", "first", "explains", "source"}
    if unknown:
        raise fail(f"unknown keys {sorted(unknown)}")
    when = entry.get("when")
    if not isinstance(when, list) or not when or not all(isinstance(w, str) and w.strip() for w in when):
        raise fail("`when` must be a list of word patterns")
    answer = entry.get("answer")
    if not isinstance(answer, str) or not answer.strip():
        raise fail("`answer` is required")
    explains = entry.get("explains")
    if explains is not None:
        kind, value = next(iter(explains.items())) if isinstance(explains, dict) and len(explains) == 1 else ("", "")
        known = {"institution": set(INSTITUTION_IDS), "tool": TOOLS}.get(kind, set())
        if value not in known:
            raise fail(f"`explains` names no catalogue institution or tool: {explains!r}")
        explains = (kind, value)
    source = entry.get("source")
    source_id = None
    if source is not None:
        source_id = source.get("id") if isinstance(source, dict) else None
        if source_id not in source_ids:
            raise fail(f"source {source_id!r} is not in sources.yaml")
        passage = source.get("passage")
        if source_id == "seed" and not (isinstance(passage, str) and _squash(passage) in study):
            raise fail(f"the passage is not in the study: {passage!r}")
    return Term(
        id=entry["id"],
        when=tuple(tuple(tuple(fold(word).split("|")) for word in w.split()) for w in when),
        answer=" ".join(answer.split()),
        first=bool(entry.get("first")),
        explains=explains,
        source_id=source_id,
    )


def read_glossary(directory: Path) -> Glossary:
    path = directory / FILE
    entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    sources = yaml.safe_load((directory / "sources.yaml").read_text(encoding="utf-8")) or []
    source_ids = {s["id"] for s in sources if isinstance(s, dict) and "id" in s}
    study = _squash(STUDY.read_text(encoding="utf-8"))
    terms = [_term(entry, n, path, source_ids, study) for n, entry in enumerate(entries, start=1)]
    ids = [t.id for t in terms]
    if len(ids) != len(set(ids)):
        raise KnowledgeError(path, "ids", "every id must be unique")
    return Glossary(tuple(terms))


@lru_cache(maxsize=4)
def glossary(directory: Path) -> Glossary:
    return read_glossary(directory)
