"""Reading and validating data/knowledge: every mistake is reported with its file and entry.

The files are edited by people, so the checks are strict and the messages concrete: a wrong key
in a rule, a tool whose institution does not exist, a missing contract ID or a date that is not a
date stops the load before anything is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml

from bot.knowledge.contract_ids import INSTITUTION_IDS, TOOL_IDS
from bot.profile import DISTRICTS
from bot.rules import RuleError, parse_rule

LOCATION_COLUMNS = (
    "institution",
    "district",
    "serves",
    "name",
    "address",
    "phone",
    "email",
    "url",
    "source_url",
    "source_date",
    "notes",
    "primary",
    "confirmed",
)
ROLES = ("key", "supporting")
# What a help line is for; the dialogue picks the lines to give by these.
HELPLINE_CATEGORIES = ("suicide", "violence", "shelter", "emergency")
HELPLINE_KEYS = frozenset(
    {"id", "number", "name", "description", "hours", "categories", "source", "verified_at", "languages"}
)
# The conversation's languages besides Polish (CONTRACT section 6): a help line may claim to answer
# in them, each claim with the page that states it; Polish is every line's language.
HELPLINE_LANGUAGES = ("uk", "en")
# As people dial it: digits in groups separated by single spaces ("116 123", "800 70 2222", "112").
DIALLED_NUMBER = re.compile(r"\d+(?: \d+)*")


class KnowledgeError(ValueError):
    """Bad knowledge data; the message names the file and the entry."""

    def __init__(self, file: Path | str, entry: str, problem: str) -> None:
        super().__init__(f"{file}: {entry}: {problem}")
        self.file, self.entry, self.problem = str(file), entry, problem


@dataclass
class KnowledgeData:
    sources: list[dict[str, Any]]
    conditions: dict[str, Any]
    institutions: list[dict[str, Any]]
    tools: list[dict[str, Any]]
    locations: list[dict[str, Any]]
    helplines: list[dict[str, Any]]
    digest: str


class _Entry:
    """Typed access to one YAML entry, raising KnowledgeError that names it."""

    def __init__(self, file: Path, name: str, data: Any) -> None:
        if not isinstance(data, dict):
            raise KnowledgeError(file, name, "an entry must be a mapping")
        self.file, self.name, self.data = file, name, data

    def fail(self, problem: str) -> KnowledgeError:
        return KnowledgeError(self.file, self.name, problem)

    def text(self, key: str, required: bool = True) -> str | None:
        value = self.data.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"'{key}' must be non-empty text")
        return value.strip()

    def texts(self, key: str) -> list[str]:
        value = self.data.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise self.fail(f"'{key}' must be a list of texts")
        return [v.strip() for v in value]

    def date(self, key: str, required: bool = True) -> dt.date | None:
        return _date(self.data.get(key), required, self.fail, key)

    def mapping(self, key: str) -> dict[str, Any]:
        value = self.data.get(key) or {}
        if not isinstance(value, dict):
            raise self.fail(f"'{key}' must be a mapping")
        return value

    def rule(self, value: Any, conditions: dict[str, Any], what: str) -> Any:
        try:
            parse_rule(value, conditions, what)
        except RuleError as error:
            raise self.fail(str(error)) from None
        return value


def _date(value: Any, required: bool, fail: Any, key: str) -> dt.date | None:
    if value in (None, "") and not required:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise fail(f"'{key}' must be a date YYYY-MM-DD, got {value!r}") from None


def _yaml(path: Path) -> Any:
    if not path.is_file():
        raise KnowledgeError(path, "file", "is missing")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise KnowledgeError(path, "file", f"is not valid YAML: {error}") from None
    except UnicodeDecodeError:
        raise KnowledgeError(path, "file", "is not UTF-8 text") from None


def _yaml_list(path: Path) -> list[Any]:
    data = _yaml(path)
    if not isinstance(data, list):
        raise KnowledgeError(path, "file", "must be a YAML list of entries")
    return data


def read_knowledge(directory: Path) -> KnowledgeData:
    """Read and validate every file of the knowledge base; raise KnowledgeError on the first problem."""
    directory = Path(directory)
    files = sorted([*directory.glob("*.yaml"), *directory.glob("tools/*.yaml"), directory / "locations.csv"])
    digest = hashlib.sha256()
    for path in files:
        if path.is_file():
            digest.update(path.relative_to(directory).as_posix().encode() + b"\0" + path.read_bytes())
    sources = _read_sources(directory / "sources.yaml")
    source_ids = {s["id"] for s in sources}
    conditions = _read_conditions(directory / "conditions.yaml")
    institutions = _read_institutions(directory / "institutions.yaml", conditions, source_ids)
    tools = _read_tools(
        sorted((directory / "tools").glob("*.yaml")), conditions, source_ids, {i["id"] for i in institutions}
    )
    locations = _read_locations(directory / "locations.csv", {i["id"] for i in institutions})
    helplines = _read_helplines(directory / "helplines.yaml", {s["id"]: s for s in sources})
    return KnowledgeData(sources, conditions, institutions, tools, locations, helplines, digest.hexdigest())


def _identified(path: Path, kind: str, seen: set[str]) -> Iterator[tuple[int, _Entry, str]]:
    """Each entry of a YAML list with its unique id; the entry is then named by it in errors."""
    for index, raw in enumerate(_yaml_list(path)):
        entry = _Entry(path, f"entry {index + 1}", raw)
        entry_id = entry.text("id")
        entry.name = f"{kind} '{entry_id}'"
        if entry_id in seen:
            raise entry.fail("duplicate id")
        seen.add(entry_id)
        yield index, entry, entry_id


def _read_sources(path: Path) -> list[dict[str, Any]]:
    sources, seen = [], set()
    for _, entry, source_id in _identified(path, "source", seen):
        if "date" not in entry.data:
            raise entry.fail("'date' must be given: the source's date, or null when it gives none")
        sources.append(
            {
                "id": source_id,
                "title": entry.text("title"),
                "url": entry.text("url", False),
                "date": entry.date("date", False),
            }
        )
    if "seed" not in seen:
        raise KnowledgeError(path, "file", "the study (id 'seed') must be listed")
    return sources


def _read_conditions(path: Path) -> dict[str, Any]:
    data = _yaml(path)
    if not isinstance(data, dict):
        raise KnowledgeError(path, "file", "must map condition names to rules")
    for name, rule in data.items():
        _Entry(path, f"condition '{name}'", {"rule": rule}).rule(rule, data, f"condition '{name}'")
    return data


def _common(entry: _Entry, conditions: dict[str, Any], source_ids: set[str]) -> dict[str, Any]:
    """Fields that institutions and tools share: texts, source, verification date, legal notes."""
    source = entry.mapping("source")
    if source.get("id") not in source_ids:
        raise entry.fail(f"'source.id' must be one of sources.yaml ({source.get('id')!r})")
    if not isinstance(source.get("passage"), str) or not source["passage"].strip():
        raise entry.fail("'source.passage' must quote the study")
    notes = []
    for n, raw in enumerate(entry.data.get("legal_notes") or []):
        note = _Entry(entry.file, f"{entry.name} legal note {n + 1}", raw)
        if note.data.get("source") not in source_ids:
            raise note.fail(f"'source' must be one of sources.yaml ({note.data.get('source')!r})")
        notes.append({"date": note.date("date"), "text": note.text("text"), "source_id": note.data["source"]})
    return {
        "name": entry.text("name"),
        "description": entry.text("description"),
        "how_to_apply": entry.text("how_to_apply", False),
        "documents": entry.texts("documents"),
        "source_id": source["id"],
        "source_passage": " ".join(source["passage"].split()),
        "verified_at": entry.date("verified_at"),
        "legal_notes": notes,
    }


def _read_institutions(path: Path, conditions: dict[str, Any], source_ids: set[str]) -> list[dict[str, Any]]:
    institutions, seen = [], set()
    for index, entry, inst_id in _identified(path, "institution", seen):
        role = entry.data.get("role")
        if role not in ROLES:
            raise entry.fail(f"'role' must be one of {ROLES}, got {role!r}")
        item = _common(entry, conditions, source_ids)
        item.update(
            id=inst_id,
            position=index,
            role=role,
            short_name=entry.text("short_name"),
            legal_basis=entry.texts("legal_basis"),
            tasks=entry.texts("tasks"),
            target_groups=entry.texts("target_groups"),
            cooperation_area=entry.texts("cooperation_area"),
            fallback_contact=entry.mapping("fallback_contact"),
        )
        for kind in ("eligibility", "participants"):
            value = entry.data.get(kind)
            item[kind] = None if value is None else entry.rule(value, conditions, kind)
        item["steps"] = _steps(entry, conditions)
        institutions.append(item)
    missing = [i for i in INSTITUTION_IDS if i not in seen]
    if missing:
        raise KnowledgeError(path, "file", f"contract institutions missing: {', '.join(missing)}")
    for item in institutions:
        for n, step in enumerate(item["steps"]):
            if step["via"] is not None and step["via"] not in seen:
                raise KnowledgeError(
                    path,
                    f"institution '{item['id']}' step {n + 1}",
                    f"'via' must be an institution id, got {step['via']!r}",
                )
    return institutions


def _steps(entry: _Entry, conditions: dict[str, Any]) -> list[dict[str, Any]]:
    """The way in, in order: each step's text, the institution it goes through (`via`), the rule
    under which the step is already done (`unless`) and the study's sentence behind it."""
    raw_steps = entry.data.get("steps") or []
    if not isinstance(raw_steps, list):
        raise entry.fail("'steps' must be a list")
    steps = []
    for n, raw in enumerate(raw_steps):
        step = _Entry(entry.file, f"{entry.name} step {n + 1}", raw)
        unknown = set(step.data) - {"text", "via", "unless", "because"}
        if unknown:
            raise step.fail(f"unknown keys {sorted(unknown)} (a step has text, via, unless, because)")
        unless = step.data.get("unless")
        steps.append(
            {
                "text": step.text("text"),
                "via": step.text("via", False),
                "because": step.text("because", False),
                "unless": None if unless is None else step.rule(unless, conditions, "unless"),
            }
        )
    return steps


def _read_tools(
    paths: list[Path], conditions: dict[str, Any], source_ids: set[str], institution_ids: set[str]
) -> list[dict[str, Any]]:
    tools, seen = [], set()
    for path in paths:
        for index, entry, tool_id in _identified(path, "tool", seen):
            if entry.data.get("institution") not in institution_ids:
                raise entry.fail(f"'institution' must be an institution id, got {entry.data.get('institution')!r}")
            if "eligibility" not in entry.data:
                raise entry.fail("'eligibility' is required (use {all: []} when anyone may use the tool)")
            item = _common(entry, conditions, source_ids)
            extras = []
            for n, extra in enumerate(entry.data.get("extras") or []):
                extra_entry = _Entry(path, f"{entry.name} extra {n + 1}", extra)
                extras.append(
                    {
                        "when": extra_entry.rule(extra_entry.data.get("when"), conditions, "when"),
                        "reason": extra_entry.text("reason"),
                    }
                )
            item.update(
                id=tool_id,
                institution_id=entry.data["institution"],
                position=index,
                eligibility_text=entry.text("eligibility_text"),
                eligibility=entry.rule(entry.data["eligibility"], conditions, "eligibility"),
                extras=extras,
                benefits=entry.text("benefits", False),
                duration=entry.text("duration", False),
            )
            tools.append(item)
    for institution, ids in TOOL_IDS.items():
        for tool_id in ids:
            owner = next((t["institution_id"] for t in tools if t["id"] == tool_id), None)
            if owner != institution:
                raise KnowledgeError(
                    f"tools/{institution}.yaml",
                    f"tool '{tool_id}'",
                    "contract tool missing"
                    if owner is None
                    else f"belongs to '{owner}', the contract says '{institution}'",
                )
    return tools


def _read_locations(path: Path, institution_ids: set[str]) -> list[dict[str, Any]]:
    if not path.is_file():
        raise KnowledgeError(path, "file", "is missing")
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != LOCATION_COLUMNS:
            raise KnowledgeError(path, "header", f"columns must be {','.join(LOCATION_COLUMNS)}")
        rows = []
        for line, row in enumerate(reader, start=2):
            entry = _Entry(path, f"line {line}", row)
            if row["institution"] not in institution_ids:
                raise entry.fail(f"unknown institution {row['institution']!r}")
            if row["district"] and row["district"] not in DISTRICTS:
                raise entry.fail(f"district must be one of the 18 districts or empty, got {row['district']!r}")
            serves = [d.strip() for d in (row["serves"] or "").split(";") if d.strip()]
            unknown = [d for d in serves if d not in DISTRICTS]
            if unknown:
                raise entry.fail(f"'serves' lists districts separated by ';', unknown: {', '.join(unknown)}")
            if not row["source_url"].strip():
                raise entry.fail("every contact needs a 'source_url'")
            for flag in ("primary", "confirmed"):
                if row[flag] not in ("yes", "no"):
                    raise entry.fail(f"'{flag}' must be yes or no")
            clean = {k: (row[k] or "").strip() or None for k in LOCATION_COLUMNS}
            clean.update(
                institution_id=clean.pop("institution"),
                name=entry.text("name"),
                serves=serves,
                source_date=entry.date("source_date", False),
                primary=row["primary"] == "yes",
                confirmed=row["confirmed"] == "yes",
            )
            rows.append(clean)
    return rows


def _read_helplines(path: Path, sources: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Crisis help lines, in file order (the order they are offered in).

    A number the bot gives to someone in crisis must be exactly as a dated source states it, so a
    misspelt key (which would silently drop the hours) and an unknown source are refused too; so is
    a language claimed without a page to check it on.
    """
    helplines, seen, numbers = [], set(), {}
    for index, entry, line_id in _identified(path, "helpline", seen):
        unknown = sorted(set(entry.data) - HELPLINE_KEYS)
        if unknown:
            raise entry.fail(f"unknown keys: {', '.join(unknown)} (allowed: {', '.join(sorted(HELPLINE_KEYS))})")
        if isinstance(entry.data.get("number"), int):
            raise entry.fail(f"'number' must be quoted text (\"{entry.data['number']}\"), as people dial it")
        number = entry.text("number")
        if not DIALLED_NUMBER.fullmatch(number):
            raise entry.fail(
                f"'number' must be digits as people dial them, groups separated by single spaces, got {number!r}"
            )
        if number in numbers:
            raise entry.fail(f"number {number} is already helpline '{numbers[number]}'")
        numbers[number] = line_id
        categories = entry.texts("categories")
        if not categories:
            raise entry.fail(f"'categories' must list at least one of {', '.join(HELPLINE_CATEGORIES)}")
        wrong = [c for c in categories if c not in HELPLINE_CATEGORIES]
        if wrong:
            raise entry.fail(f"unknown categories: {', '.join(wrong)} (allowed: {', '.join(HELPLINE_CATEGORIES)})")
        if len(set(categories)) != len(categories):
            raise entry.fail("'categories' lists a category twice")
        source = entry.data.get("source")
        if source not in sources:
            raise entry.fail(f"'source' must be one of sources.yaml ({source!r})")
        helplines.append(
            {
                "id": line_id,
                "position": index,
                "number": number,
                "name": entry.text("name"),
                "description": entry.text("description"),
                "hours": entry.text("hours", False),
                "categories": categories,
                "source_id": source,
                "verified_at": entry.date("verified_at"),
                "languages": _helpline_languages(entry, sources),
            }
        )
    return helplines


def _helpline_languages(entry: _Entry, sources: dict[str, dict[str, Any]]) -> dict[str, str]:
    """`languages`: language code -> the id of the source, with a public address, that says the line answers in it."""
    claims = entry.mapping("languages")
    for language, source_id in claims.items():
        if language not in HELPLINE_LANGUAGES:
            raise entry.fail(
                f"'languages' may name {', '.join(HELPLINE_LANGUAGES)} (Polish is every line's), got {language!r}"
            )
        if not isinstance(source_id, str) or source_id not in sources:
            raise entry.fail(f"'languages.{language}' must be the id of the source in sources.yaml that states it")
        if not sources[source_id]["url"]:
            raise entry.fail(f"'languages.{language}': source '{source_id}' has no url to check the claim on")
    return dict(claims)
