"""Reading and validating data/profile/facts.yaml: every mistake names the file and the entry.

The file is edited by people, so the checks are strict (like bot/knowledge/files.py): an unknown
key in a group or a rule, a value a fact cannot take, a pattern that does not compile or two
questions in one place stop the program before anything uses the registry.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable

import yaml

from bot.facts_registry.model import FLAGS, FROM_ENTITY, PHASES, Fact, PatternRow, Registry

TOP_LEVEL = ("facts", "partial_facts", "question_groups", "staff_sections", "words", "text_patterns")
FACT_FIELDS = frozenset(
    {
        "type",
        "range",
        "values",
        "value_patterns",
        "requires",
        "implies",
        "implication_overrules_answer",
        "forgotten_when",
        "not_asked_when",
        "asked",
        "intents",
        "buttons",
        "staff",
        "half_of",
    }
)
TYPES: dict[str, type] = {"boolean": bool, "integer": int, "choice": str}
ROW_FIELDS = frozenset({"fact", "match", "states", "negated", "flags"})
# Word lists that the code of bot/dialogue/patterns.py reads by name, not only the patterns.
GRAMMAR_LISTS = (
    "CIS",
    "CONDITION",
    "NEGATORS",
    "RESET_VERBS",
    "NEG_VERBS",
    "WISH",
    "DOUBT",
    "QUESTION",
    "PAST",
    "PAST_WORDS",
    "OTHERS",
    "SPLITTERS",
    "UNITS",
    "AMOUNTS",
    "AGE_WORDS",
    "BORN",
    "NOT_SPAN",
    "OVER",
    "NOT_AGE",
    "NOT_SPAN_OF",
    "DEGREE",
    "NOT_HOME",
    "PREPOSITIONS",
    "NOT_PLACE",
)
LIST_NAME = re.compile(r"[A-Z][A-Z_]+")
PIECE = re.compile(r"(\d*)(\S+)")


class RegistryError(ValueError):
    """A mistake in the registry; the message names the file and the entry."""

    def __init__(self, file: Path | str, entry: str, problem: str) -> None:
        super().__init__(f"{file}: {entry}: {problem}")
        self.file, self.entry, self.problem = str(file), entry, problem


def load(path: Path | str) -> Registry:
    """The registry in `path`, validated."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise RegistryError(path, "file", f"cannot be read: {error}") from error
    return _Reader(path).registry(data)


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, entry: str, problem: str) -> RegistryError:
        return RegistryError(self.path, entry, problem)

    def mapping(self, value: Any, entry: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(entry, "must be a mapping")
        return value

    def registry(self, data: Any) -> Registry:
        data = self.mapping(data, "file")
        unknown = set(data) - set(TOP_LEVEL)
        if unknown or set(TOP_LEVEL) - set(data):
            raise self.fail("file", f"sections must be exactly {', '.join(TOP_LEVEL)} (unknown: {sorted(unknown)})")
        groups = self.groups(data["question_groups"])
        sections = tuple(data["staff_sections"] or ())
        if not all(isinstance(s, str) for s in sections) or len(set(sections)) != len(sections):
            raise self.fail("staff_sections", "must be a list of distinct names")
        facts = {key: self.fact(key, raw, f"facts.{key}") for key, raw in self.mapping(data["facts"], "facts").items()}
        partial = {
            key: self.fact(key, raw, f"partial_facts.{key}")
            for key, raw in self.mapping(data["partial_facts"], "partial_facts").items()
        }
        registry = Registry(
            path=self.path,
            facts=facts,
            partial_facts=partial,
            groups=groups,
            staff_sections=sections,
            words=self.words(data["words"]),
            text_patterns=tuple(self.row(raw, f"text_patterns[{i}]") for i, raw in enumerate(data["text_patterns"])),
        )
        _Checker(self, registry).check()
        return registry

    def groups(self, raw: Any) -> dict[str, tuple[str, int]]:
        groups = {}
        for name, spec in self.mapping(raw, "question_groups").items():
            spec = self.mapping(spec, f"question_groups.{name}")
            if (
                set(spec) != {"phase", "position"}
                or spec["phase"] not in PHASES
                or not isinstance(spec["position"], int)
            ):
                raise self.fail(f"question_groups.{name}", f"needs phase ({' or '.join(PHASES)}) and position")
            groups[name] = (spec["phase"], spec["position"])
        return groups

    def words(self, raw: Any) -> dict[str, tuple[str, ...]]:
        words = {}
        for name, text in self.mapping(raw, "words").items():
            if not LIST_NAME.fullmatch(str(name)) or not isinstance(text, str) or "" in text.split("|"):
                raise self.fail(f"words.{name}", "a list is a NAME in capitals and words separated by |")
            words[name] = tuple(text.split("|"))
        missing = [name for name in GRAMMAR_LISTS if name not in words]
        if missing:
            raise self.fail("words", f"bot/dialogue/patterns.py needs the lists {', '.join(missing)}")
        return words

    def fact(self, key: str, raw: Any, entry: str) -> Fact:
        raw = self.mapping(raw, entry)
        unknown = set(raw) - FACT_FIELDS
        if unknown:
            raise self.fail(entry, f"unknown field(s) {', '.join(sorted(unknown))}")
        kind = TYPES.get(raw.get("type"))
        if kind is None:
            raise self.fail(entry, f"type must be one of {', '.join(TYPES)}")
        fields: dict[str, Any] = {"key": key, "kind": kind}
        if kind is int:
            bounds = raw.get("range")
            if not (isinstance(bounds, list) and len(bounds) == 2 and all(isinstance(b, int) for b in bounds)):
                raise self.fail(entry, "an integer needs range: [lowest, highest]")
            fields["minimum"], fields["maximum"] = bounds
        if (kind is str) != ("values" in raw):
            raise self.fail(entry, "a choice, and only a choice, has values")
        if kind is str:
            fields.update(self.values(raw["values"], f"{entry}.values"))
        for name in ("requires", "forgotten_when", "not_asked_when"):
            if name in raw:
                pairs = self.mapping(raw[name], f"{entry}.{name}")
                if len(pairs) != 1:
                    raise self.fail(f"{entry}.{name}", "names one fact and its value")
                fields[name] = next(iter(pairs.items()))
        fields["implies"] = tuple(self.mapping(raw.get("implies", {}), f"{entry}.implies").items())
        fields["implication_overrules_answer"] = raw.get("implication_overrules_answer", False) is True
        fields["intents"] = tuple(self.mapping(raw.get("intents", {}), f"{entry}.intents").items())
        fields["buttons"] = tuple(raw.get("buttons", ()))
        if not all(isinstance(b, str) and b.startswith("/") for b in fields["buttons"]):
            raise self.fail(f"{entry}.buttons", "a payload starts with /")
        fields["value_patterns"] = self.value_patterns(raw.get("value_patterns", []), f"{entry}.value_patterns")
        if "asked" in raw:
            asked = self.mapping(raw["asked"], f"{entry}.asked")
            if set(asked) not in ({"phase", "position"}, {"group", "position"}) or not isinstance(
                asked["position"], int
            ):
                raise self.fail(f"{entry}.asked", "needs a phase or a group, and a position")
            fields.update(phase=asked.get("phase"), group=asked.get("group"), position=asked["position"])
        if "staff" in raw:
            staff = self.mapping(raw["staff"], f"{entry}.staff")
            if set(staff) != {"section", "position"} or not isinstance(staff["position"], int):
                raise self.fail(f"{entry}.staff", "needs a section and a position")
            fields.update(staff_section=staff["section"], staff_position=staff["position"])
        fields["half_of"] = raw.get("half_of")
        return Fact(**fields)

    def values(self, raw: Any, entry: str) -> dict[str, Any]:
        if isinstance(raw, list):
            raw = {value: {} for value in raw}
        places, synonyms = [], []
        for value, extra in self.mapping(raw, entry).items():
            extra = self.mapping(extra or {}, f"{entry}.{value}")
            if set(extra) - {"places", "synonyms"}:
                raise self.fail(f"{entry}.{value}", "a value may have only places and synonyms")
            places += [(place, value) for place in extra.get("places", ())]
            said = tuple(extra.get("synonyms", ()))
            if any(not isinstance(s, str) or s != s.lower() for s in said):
                raise self.fail(f"{entry}.{value}.synonyms", "synonyms are written in lower case")
            synonyms += [(value, said)] if said else []
        return {"values": tuple(raw), "places": tuple(places), "synonyms": tuple(synonyms)}

    def value_patterns(self, raw: Any, entry: str) -> tuple[tuple[str, str], ...]:
        patterns = []
        for i, item in enumerate(raw or ()):
            item = self.mapping(item, f"{entry}[{i}]")
            if len(item) != 1:
                raise self.fail(f"{entry}[{i}]", "is one value: pattern")
            value, pattern = next(iter(item.items()))
            try:
                re.compile(pattern)
            except (re.error, TypeError) as error:
                raise self.fail(f"{entry}[{i}]", f"the pattern does not compile: {error}") from error
            patterns.append((value, pattern))
        return tuple(patterns)

    def row(self, raw: Any, entry: str) -> PatternRow:
        raw = self.mapping(raw, entry)
        if set(raw) - ROW_FIELDS or not {"fact", "match"} <= set(raw):
            raise self.fail(entry, f"a row has fact, match and some of states, negated, flags ({sorted(raw)})")
        cells = {name: str(raw.get(name) or "-") for name in ("states", "negated")}
        return PatternRow(
            raw["fact"], str(raw["match"]), cells["states"], cells["negated"], raw.get("flags") or "", entry
        )


def parse_facts(cell: str) -> tuple[tuple[str, str, str | None], ...]:
    """ "carer,~unemployment_benefit" -> (("", "carer", None), ("~", "unemployment_benefit", None))."""
    items = []
    for item in cell.split(","):
        if item != "-":
            sign = item[0] if item[0] in "!~" else ""
            key, _, value = item.lstrip("!~").partition("=")
            items.append((sign, key, value or None))
    return tuple(items)


class _Checker:
    """Cross-references: every key, value, group, section and word list named somewhere exists."""

    def __init__(self, reader: _Reader, registry: Registry) -> None:
        self.fail: Callable[[str, str], RegistryError] = reader.fail
        self.registry = registry
        self.known = {**registry.facts, **registry.partial_facts}

    def check(self) -> None:
        for key, fact in self.registry.facts.items():
            self.check_fact(fact, f"facts.{key}")
        for key, fact in self.registry.partial_facts.items():
            if fact.half_of not in self.registry.facts:
                raise self.fail(f"partial_facts.{key}", "half_of must name a fact")
            self.check_fact(fact, f"partial_facts.{key}")
        asked = [(f.phase, f.position, f.key) for f in self.registry.facts.values() if f.phase]
        self.unique("question order", asked + [(p, pos, g) for g, (p, pos) in self.registry.groups.items()])
        self.unique("question group", [(f.group, f.position, f.key) for f in self.registry.facts.values() if f.group])
        self.unique("staff section", [(f.staff_section, f.staff_position, f.key) for f in self.registry.facts.values()])
        intents: dict[str, str] = {}
        for fact in self.known.values():
            for intent, _ in fact.intents:
                if intents.setdefault(intent, fact.key) != fact.key:
                    raise self.fail(f"facts.{fact.key}.intents", f"{intent} already states {intents[intent]}")
        for row in self.registry.text_patterns:
            self.check_row(row)

    def value(self, entry: str, key: str, value: Any) -> None:
        if key not in self.known:
            raise self.fail(entry, f"unknown fact {key!r}")
        if not self.known[key].accepts(value):
            raise self.fail(entry, f"{value!r} is not a value of {key}")

    def check_fact(self, fact: Fact, entry: str) -> None:
        for name in ("requires", "forgotten_when", "not_asked_when"):
            pair = getattr(fact, name)
            if pair:
                self.value(f"{entry}.{name}", *pair)
        for key, value in fact.implies:
            self.value(f"{entry}.implies", key, value)
        for intent, value in fact.intents:
            if value != FROM_ENTITY:
                self.value(f"{entry}.intents.{intent}", fact.key, value)
        for value in [v for v, _ in (*fact.value_patterns, *fact.synonyms)] + [v for _, v in fact.places]:
            self.value(f"{entry}.values", fact.key, value)
        if fact.phase is not None and fact.phase not in PHASES:
            raise self.fail(f"{entry}.asked", f"phase must be one of {', '.join(PHASES)}")
        if fact.group is not None and fact.group not in self.registry.groups:
            raise self.fail(f"{entry}.asked", f"unknown question group {fact.group!r}")
        if fact.staff_section is not None and fact.staff_section not in self.registry.staff_sections:
            raise self.fail(f"{entry}.staff", f"unknown staff section {fact.staff_section!r}")
        if entry.startswith("facts.") and fact.staff_section is None:
            raise self.fail(entry, "every fact has a place in the staff console (staff)")

    def unique(self, what: str, places: list[tuple[Any, Any, str]]) -> None:
        seen: dict[tuple[Any, Any], str] = {}
        for where, position, key in places:
            if (where, position) in seen:
                entry = f"facts.{key}" if key in self.registry.facts else f"question_groups.{key}"
                raise self.fail(entry, f"{what}: position {position} of {where} is also {seen[where, position]}")
            seen[where, position] = key

    def check_row(self, row: PatternRow) -> None:
        if row.fact not in self.known:
            raise self.fail(row.entry, f"unknown fact {row.fact!r}")
        if not set(row.flags) <= FLAGS:
            raise self.fail(row.entry, f"flags are some of {''.join(sorted(FLAGS))}")
        for pattern in row.match.split(" / "):
            self.check_pattern(row.entry, pattern)
        keys = []
        for sign, key, value in (*parse_facts(row.states), *parse_facts(row.negated)):
            if key not in self.known:
                raise self.fail(row.entry, f"unknown fact {key!r}")
            fact = self.known[key]
            if value is not None and (sign or fact.kind is not str or value not in fact.values):
                raise self.fail(row.entry, f"{key}={value}: not a value of {key}")
            if value is None and sign != "~" and fact.kind is not bool:
                raise self.fail(row.entry, f"{sign}{key}: only a yes/no fact is stated without a value")
            keys.append(key)
        if not keys or keys[0] != row.fact:
            raise self.fail(row.entry, f"a row is under the first fact it states ({keys[0] if keys else 'none'})")

    def check_pattern(self, entry: str, pattern: str) -> None:
        if not pattern.split():
            raise self.fail(entry, "an empty pattern")
        for piece in pattern.split():
            _, alternatives = PIECE.fullmatch(piece).groups()  # type: ignore[union-attr]
            for alt in alternatives.split("|"):
                bare = alt.strip("=*")
                if not bare or "=" in alt[1:] or "*" in alt[:-1]:
                    raise self.fail(entry, f"{alt!r} in {piece!r}: = only first, * only last")
                if LIST_NAME.fullmatch(alt) and alt not in self.registry.words:
                    raise self.fail(entry, f"unknown word list {alt}")
