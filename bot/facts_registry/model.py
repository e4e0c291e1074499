"""The profile facts as typed objects: what bot.facts_registry.loader makes of data/profile/facts.yaml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

FROM_ENTITY = "from_entity"  # an intent whose value is in the message's entity
PHASES = ("core", "extended")
FLAGS = frozenset("pwoed")


@dataclass(frozen=True)
class Fact:
    """One profile key (or a partial fact the dialogue keeps on the way to one)."""

    key: str
    kind: type  # int, str or bool
    values: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    places: tuple[tuple[str, str], ...] = ()  # (place lemma, value), in the file's order
    synonyms: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (value, what people write for it)
    value_patterns: tuple[tuple[str, str], ...] = ()  # (value, regular expression), first match wins
    requires: tuple[str, Any] | None = None
    implies: tuple[tuple[str, Any], ...] = ()
    implication_overrules_answer: bool = False
    forgotten_when: tuple[str, Any] | None = None
    not_asked_when: tuple[str, Any] | None = None
    phase: str | None = None
    group: str | None = None
    position: int | None = None
    intents: tuple[tuple[str, Any], ...] = ()  # (intent, value or FROM_ENTITY)
    buttons: tuple[str, ...] = ()
    staff_section: str | None = None
    staff_position: int | None = None
    half_of: str | None = None  # a partial fact: the profile key it is half an answer to

    def accepts(self, value: Any) -> bool:
        """Whether `value` is one this fact can take (the registry's own references are checked with it)."""
        if self.kind is bool:
            return isinstance(value, bool)
        if self.kind is int:
            return isinstance(value, int) and not isinstance(value, bool) and self.minimum <= value <= self.maximum
        return value in self.values

    def triggers_implication(self, value: Any) -> bool:
        """A boolean implies when it is true; any other fact as soon as it is known."""
        return value is True if self.kind is bool else value is not None


@dataclass(frozen=True)
class PatternRow:
    """One text pattern: patterns (" / " between them), what a match states and what its negation states."""

    fact: str
    match: str
    states: str
    negated: str
    flags: str
    entry: str  # where it is in the file, for error messages


@dataclass(frozen=True)
class Registry:
    path: Path
    facts: dict[str, Fact]  # the contract's keys, in the file's order
    partial_facts: dict[str, Fact]
    groups: dict[str, tuple[str, int]]  # question group -> (phase, position)
    staff_sections: tuple[str, ...]
    words: dict[str, tuple[str, ...]]
    text_patterns: tuple[PatternRow, ...]

    def fact(self, key: str) -> Fact:
        return self.facts.get(key) or self.partial_facts[key]

    def questions(self, phase: str) -> tuple[str, ...]:
        """The facts and question groups asked in `phase`, in their order."""
        items = [(f.position, f.key) for f in self.facts.values() if f.phase == phase]
        items += [(position, group) for group, (in_phase, position) in self.groups.items() if in_phase == phase]
        return tuple(key for _, key in sorted(items))

    def group_members(self, group: str) -> tuple[str, ...]:
        return tuple(f.key for f in sorted(self.facts.values(), key=lambda f: f.position or 0) if f.group == group)

    def staff_layout(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """(section, its facts in order) for every section of the staff console."""
        return tuple(
            (
                section,
                tuple(
                    f.key
                    for f in sorted(self.facts.values(), key=lambda f: f.staff_position or 0)
                    if f.staff_section == section
                ),
            )
            for section in self.staff_sections
        )

    def intent_facts(self) -> dict[str, dict[str, Any]]:
        """intent -> the facts it states ({} for an intent whose value is in its entity)."""
        stated: dict[str, dict[str, Any]] = {}
        for fact in (*self.facts.values(), *self.partial_facts.values()):
            for intent, value in fact.intents:
                stated.setdefault(intent, {})
                if value != FROM_ENTITY:
                    stated[intent][fact.key] = value
        return stated
