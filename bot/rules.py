"""Eligibility rules as data: parsing from YAML-shaped dicts and three-valued evaluation.

A rule is a tree of leaves (`{key, op: value, reason}`), `all`, `any` and `ref` nodes. Evaluation
answers True, False or None (unknown): a leaf whose key the person has not answered is unknown,
and unknown is never treated as "no". The one exception is `is_not`, an exclusion ("not for people
who cannot work"): it holds until the person's answer excludes them, and it adds no reason. Its
counterpart `unknown: true` holds, with its reason, only while the key is unanswered: beside a rule
that every answer satisfies ("korzystających lub nie korzystających ze wsparcia Urzędu Pracy"), it
says the help does not wait for that answer. The engine uses the unknown leaves to say which questions could change the result. A numeric bound
names its dated source (`source: <sources.yaml id>`; `seed` when the study gives the number).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping

from bot.knowledge.translations import translate
from bot.messages import current_language
from bot.profile import FIELDS, Field

OPERATORS: dict[str, Callable[[Any, Any], bool]] = {
    "is": lambda actual, expected: actual == expected,
    "is_not": lambda actual, expected: actual != expected,
    "in": lambda actual, expected: actual in expected,
    "not_in": lambda actual, expected: actual not in expected,
    "gte": lambda actual, expected: actual >= expected,
    "lte": lambda actual, expected: actual <= expected,
    "unknown": lambda actual, expected: False,  # holds only while the key is unanswered (Leaf.evaluate)
}


class RuleError(ValueError):
    """A rule that cannot be understood; the message says where in the rule."""


@dataclass(frozen=True)
class Outcome:
    """Result of evaluating a rule against a profile."""

    value: bool | None
    reasons: tuple[str, ...] = ()
    unknown: frozenset[str] = frozenset()
    met_keys: frozenset[str] = frozenset()  # profile keys that decided a true outcome

    @property
    def met(self) -> int:
        """How specific the match is: the number of distinct facts about the person it used."""
        return len(self.met_keys)


TRUE_EMPTY = Outcome(True)


@dataclass(frozen=True)
class Leaf:
    key: str
    op: str
    expected: Any
    reason: str
    source: str | None = None  # sources.yaml id behind a numeric bound
    uncertain: bool = False  # the study's words do not decide it: the reason says so, and it adds nothing to the fit

    def evaluate(self, profile: Mapping[str, Any]) -> Outcome:
        actual = profile.get(self.key)
        if actual is None:
            if self.op == "is_not":  # an exclusion: nothing known excludes the person
                return TRUE_EMPTY
            if self.op == "unknown":  # the help does not wait for this answer
                return Outcome(True, (self.said(),))
            return Outcome(None, unknown=frozenset((self.key,)))
        if self.op == "is_not":
            return TRUE_EMPTY if actual != self.expected else Outcome(False)
        if OPERATORS[self.op](actual, self.expected):
            met = frozenset() if self.uncertain else frozenset((self.key,))
            return Outcome(True, (self.said(actual),), met_keys=met)
        return Outcome(False)

    def said(self, actual: Any = None) -> str:
        """The reason in the language of the request (bot.messages.current_language), its value filled in."""
        return translate(self.reason, current_language()).replace("{value}", str(actual))

    def keys(self) -> set[str]:
        return {self.key}


@dataclass(frozen=True)
class All:
    parts: tuple["Rule", ...]

    def evaluate(self, profile: Mapping[str, Any]) -> Outcome:
        outcomes = [part.evaluate(profile) for part in self.parts]
        if any(o.value is False for o in outcomes):
            return Outcome(False)
        if all(o.value for o in outcomes):
            return Outcome(True, _reasons(outcomes), met_keys=frozenset().union(*(o.met_keys for o in outcomes)))
        return Outcome(None, unknown=frozenset().union(*(o.unknown for o in outcomes if o.value is None)))

    def keys(self) -> set[str]:
        return set().union(*(p.keys() for p in self.parts)) if self.parts else set()


@dataclass(frozen=True)
class Any_:
    parts: tuple["Rule", ...]

    def evaluate(self, profile: Mapping[str, Any]) -> Outcome:
        outcomes = [part.evaluate(profile) for part in self.parts]
        met = [o for o in outcomes if o.value]
        if met:
            return Outcome(True, _reasons(met), met_keys=max((o.met_keys for o in met), key=len))
        if all(o.value is False for o in outcomes):
            return Outcome(False)
        return Outcome(None, unknown=frozenset().union(*(o.unknown for o in outcomes if o.value is None)))

    def keys(self) -> set[str]:
        return set().union(*(p.keys() for p in self.parts)) if self.parts else set()


Rule = Leaf | All | Any_


def _reasons(outcomes: list[Outcome]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for outcome in outcomes:
        for reason in outcome.reasons:
            seen.setdefault(reason, None)
    return tuple(seen)


def parse_rule(
    data: Any, named: Mapping[str, Any] | None = None, where: str = "rule", _stack: tuple[str, ...] = ()
) -> Rule:
    """Build a rule tree from its YAML form, resolving `ref` against `named` conditions."""
    named = named or {}
    if not isinstance(data, dict):
        raise RuleError(f"{where}: a rule must be a mapping, got {type(data).__name__}")
    if "ref" in data:
        name = data["ref"]
        if set(data) != {"ref"}:
            raise RuleError(f"{where}: 'ref' stands alone, found also {sorted(set(data) - {'ref'})}")
        if name not in named:
            raise RuleError(f"{where}: unknown condition '{name}' (conditions.yaml has: {', '.join(sorted(named))})")
        if name in _stack:
            raise RuleError(f"{where}: condition '{name}' refers to itself")
        return parse_rule(named[name], named, f"{where} -> {name}", _stack + (name,))
    for group, cls in (("all", All), ("any", Any_)):
        if group in data:
            if set(data) != {group}:
                raise RuleError(f"{where}: '{group}' stands alone, found also {sorted(set(data) - {group})}")
            parts = data[group]
            if not isinstance(parts, list):
                raise RuleError(f"{where}: '{group}' must be a list")
            if group == "any" and not parts:
                raise RuleError(f"{where}: 'any' needs at least one part")
            return cls(tuple(parse_rule(p, named, f"{where}.{group}[{i}]", _stack) for i, p in enumerate(parts)))
    return _parse_leaf(data, where)


def _parse_leaf(data: dict, where: str) -> Leaf:
    key = data.get("key")
    field_ = FIELDS.get(key) if isinstance(key, str) else None
    if field_ is None:
        raise RuleError(f"{where}: 'key' must be a profile key, got {key!r}")
    ops = [op for op in OPERATORS if op in data]
    if len(ops) != 1:
        raise RuleError(f"{where}: a condition on '{key}' needs exactly one of {', '.join(OPERATORS)}")
    extra = set(data) - {"key", "reason", "source", "uncertain", ops[0]}
    if extra:
        raise RuleError(f"{where}: unknown fields {sorted(extra)}")
    reason = data.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise RuleError(f"{where}: the condition on '{key}' needs a Polish 'reason'")
    op, expected = ops[0], data[ops[0]]
    _check_expected(field_, op, expected, where)
    if op in ("in", "not_in"):
        expected = tuple(expected)
    source = data.get("source")
    if source is not None and (not isinstance(source, str) or not source.strip()):
        raise RuleError(f"{where}: 'source' must be the id of a source in sources.yaml")
    if not isinstance(data.get("uncertain", False), bool):
        raise RuleError(f"{where}: 'uncertain' is true or false")
    return Leaf(key, op, expected, reason.strip(), source, data.get("uncertain", False))


def _check_expected(field_: Field, op: str, expected: Any, where: str) -> None:
    if op == "unknown":
        if expected is not True:
            raise RuleError(f"{where}: 'unknown' is only ever true (the key is unanswered)")
        return
    values = expected if op in ("in", "not_in") else [expected]
    if op in ("in", "not_in") and (not isinstance(expected, list) or not expected):
        raise RuleError(f"{where}: '{op}' needs a non-empty list")
    if op in ("gte", "lte") and field_.kind is not int:
        raise RuleError(f"{where}: '{op}' only applies to numbers, '{field_.name}' is not one")
    for value in values:
        error = field_.check(value)
        if error:
            raise RuleError(f"{where}: {error}")
