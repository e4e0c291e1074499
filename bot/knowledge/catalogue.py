"""The knowledge base as an in-memory, read-only catalogue with compiled rules.

Read once from the database (a few milliseconds) and then shared: the eligibility engine must
answer in well under 2 ms, so it never touches the database per request.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.knowledge.files import HELPLINE_CATEGORIES, HELPLINE_LANGUAGES
from bot.knowledge.models import Helpline, Institution, LegalNote, Location, Source, Tool
from bot.knowledge.models import Rule as RuleRow
from bot.rules import Rule, parse_rule


@dataclass(frozen=True)
class Note:
    date: dt.date
    text: str
    source: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "text": self.text, "source": self.source}


@dataclass(frozen=True)
class Contact:
    name: str
    district: str | None
    address: str | None
    phone: str | None
    email: str | None
    url: str | None
    source_url: str
    source_date: dt.date | None
    notes: str | None
    primary: bool
    serves: tuple[str, ...] = ()
    confirmed: bool = False

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "district": self.district,
            "address": self.address,
            "phone": self.phone,
            "email": self.email,
            "url": self.url,
            "source_url": self.source_url,
            "source_date": self.source_date.isoformat() if self.source_date else None,
            "notes": self.notes,
            "serves": list(self.serves),
            "confirmed": self.confirmed,
        }


@dataclass(frozen=True)
class ToolInfo:
    id: str
    institution_id: str
    name: str
    description: str
    eligibility_text: str
    eligibility: Rule
    extras: tuple[tuple[Rule, str], ...]
    benefits: str | None
    duration: str | None
    how_to_apply: str | None
    documents: tuple[str, ...]
    source: dict[str, Any]
    verified_at: dt.date | None
    legal_notes: tuple[Note, ...]
    rule_data: Any = field(repr=False, default=None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "institution": self.institution_id,
            "name": self.name,
            "description": self.description,
            "eligibility_text": self.eligibility_text,
            "conditions": self.rule_data,
            "benefits": self.benefits,
            "duration": self.duration,
            "how_to_apply": self.how_to_apply,
            "documents": list(self.documents),
            "source": self.source,
            "verified_at": self.verified_at.isoformat() if self.verified_at else None,
            "legal_notes": [n.as_dict() for n in self.legal_notes],
        }


@dataclass(frozen=True)
class Step:
    """One step of the way into an institution; `unless` holds when the person has already taken it."""

    text: str
    via: str | None
    unless: Rule | None
    because: str | None

    def needed(self, profile: Any) -> bool:
        return self.unless is None or self.unless.evaluate(profile).value is not True

    def as_dict(self) -> dict[str, Any]:
        return {"text": self.text, **({"institution": self.via} if self.via else {})}


@dataclass(frozen=True)
class InstitutionInfo:
    id: str
    name: str
    short_name: str
    role: str
    description: str
    legal_basis: tuple[str, ...]
    tasks: tuple[str, ...]
    target_groups: tuple[str, ...]
    cooperation_area: tuple[str, ...]
    how_to_apply: str | None
    documents: tuple[str, ...]
    fallback_contact: dict[str, Any]
    eligibility: Rule | None
    participants: Rule | None
    tools: tuple[ToolInfo, ...]
    contacts: tuple[Contact, ...]
    source: dict[str, Any]
    verified_at: dt.date | None
    legal_notes: tuple[Note, ...]
    steps: tuple[Step, ...] = ()

    def contact_for(self, district: str | None) -> Contact | None:
        """The verified contact to show: the district's own, then the seat serving it, then city-wide."""
        local = [c for c in self.contacts if district and c.district == district]
        serving = [c for c in self.contacts if district and district in c.serves]
        citywide = [c for c in self.contacts if c.district is None]
        for group in (local, serving, citywide):
            if group:
                return next((c for c in group if c.primary), group[0])
        return None

    @property
    def has_local_contacts(self) -> bool:
        return any(c.district or c.serves for c in self.contacts)

    @functools.cached_property
    def tool_keys(self) -> frozenset[str]:
        """The profile keys any of its tools' rules (with the participants rule) read."""
        keys = set(self.participants.keys()) if self.participants else set()
        for tool in self.tools:
            keys |= tool.eligibility.keys()
        return frozenset(keys)

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "short_name": self.short_name,
            "role": self.role,
            "tools": [t.id for t in self.tools],
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            **self.summary(),
            "description": self.description,
            "legal_basis": list(self.legal_basis),
            "tasks": list(self.tasks),
            "target_groups": list(self.target_groups),
            "cooperation_area": list(self.cooperation_area),
            "how_to_apply": self.how_to_apply,
            "documents": list(self.documents),
            "fallback_contact": self.fallback_contact,
            "contacts": [c.as_dict() for c in self.contacts],
            "source": self.source,
            "verified_at": self.verified_at.isoformat() if self.verified_at else None,
            "legal_notes": [n.as_dict() for n in self.legal_notes],
        }


POLISH = "pl"
CONVERSATION_LANGUAGES = (POLISH, *HELPLINE_LANGUAGES)
EMERGENCY = "emergency"  # the category of the emergency number, which serves every need


@dataclass(frozen=True)
class HelplineInfo:
    """A crisis help line exactly as its dated source states it; crisis replies take numbers only from here."""

    id: str
    number: str
    name: str
    description: str
    hours: str | None
    categories: tuple[str, ...]
    source: dict[str, Any]
    verified_at: dt.date | None
    # the languages besides Polish a dated source says the line answers in: code -> that source
    languages: dict[str, dict[str, Any]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "name": self.name,
            "description": self.description,
            "hours": self.hours,
            "categories": list(self.categories),
            "source": self.source,
            "verified_at": self.verified_at.isoformat() if self.verified_at else None,
            "languages": dict(self.languages),
        }


@dataclass(frozen=True)
class OfferedLine:
    """A help line as offered in one conversation language. `answers_in_language` is False when no
    dated source says the line answers in that language: the reply then says it answers in Polish."""

    line: HelplineInfo
    answers_in_language: bool


@dataclass(frozen=True)
class Catalogue:
    institutions: dict[str, InstitutionInfo]  # in the knowledge base's order
    tools: dict[str, ToolInfo]
    helplines: tuple[HelplineInfo, ...] = ()  # in helplines.yaml's order

    def helplines_for(self, category: str) -> tuple[HelplineInfo, ...]:
        """The lines for one need (suicide, violence, shelter, emergency), in file order.

        An unknown category raises ValueError: a misspelt one must not quietly give no numbers.
        """
        if category not in HELPLINE_CATEGORIES:
            raise ValueError(f"unknown help line category {category!r} (known: {', '.join(HELPLINE_CATEGORIES)})")
        return tuple(line for line in self.helplines if category in line.categories)

    def helplines_in(self, category: str, language: str) -> tuple[OfferedLine, ...]:
        """The lines to give for one need in a conversation in `language` (pl, uk, en), in file order.

        Polish: the lines of `helplines_for`, as they are. Ukrainian or English: of the lines made
        for the need, those a dated source says answer in the language; when none does, all of
        them, each flagged as answering in Polish. The emergency number (category `emergency`,
        which serves every need) is always among them, flagged unless a source backs it too.
        An unknown category or language raises ValueError.
        """
        if language not in CONVERSATION_LANGUAGES:
            raise ValueError(f"unknown language {language!r} (known: {', '.join(CONVERSATION_LANGUAGES)})")
        lines = self.helplines_for(category)
        if language == POLISH:
            return tuple(OfferedLine(line, True) for line in lines)
        made_for_need = [line for line in lines if EMERGENCY not in line.categories]
        backed = [line for line in made_for_need if language in line.languages]
        chosen = {line.id for line in backed or made_for_need}
        return tuple(
            OfferedLine(line, language in line.languages)
            for line in lines
            if line.id in chosen or EMERGENCY in line.categories
        )


def read_catalogue(engine: Engine) -> Catalogue:
    """Build the catalogue from the database in a handful of queries."""
    with Session(engine) as session:
        sources = {
            s.id: {"id": s.id, "title": s.title, "url": s.url, "date": s.date.isoformat() if s.date else None}
            for s in session.scalars(select(Source))
        }
        named = {r.owner_id: r.expression for r in session.scalars(select(RuleRow).where(RuleRow.kind == "named"))}
        rules: dict[tuple[str, str, str], list[RuleRow]] = {}
        for row in session.scalars(select(RuleRow).order_by(RuleRow.id)):
            rules.setdefault((row.owner_type, row.owner_id, row.kind), []).append(row)
        notes: dict[tuple[str, str], list[Note]] = {}
        for row in session.scalars(select(LegalNote).order_by(LegalNote.date, LegalNote.id)):
            notes.setdefault((row.owner_type, row.owner_id), []).append(
                Note(row.date, row.text, sources[row.source_id])
            )
        contacts: dict[str, list[Contact]] = {}
        for row in session.scalars(select(Location).order_by(Location.id)):
            contacts.setdefault(row.institution_id, []).append(
                Contact(
                    row.name,
                    row.district,
                    row.address,
                    row.phone,
                    row.email,
                    row.url,
                    row.source_url,
                    row.source_date,
                    row.notes,
                    row.primary,
                    tuple(row.serves or ()),
                    row.confirmed,
                )
            )

        def rule(owner_type: str, owner_id: str, kind: str) -> tuple[Rule | None, Any]:
            rows = rules.get((owner_type, owner_id, kind))
            return (
                (parse_rule(rows[0].expression, named, f"{owner_id}.{kind}"), rows[0].expression)
                if rows
                else (None, None)
            )

        tools: dict[str, ToolInfo] = {}
        for row in session.scalars(select(Tool).order_by(Tool.institution_id, Tool.position)):
            compiled, data = rule("tool", row.id, "eligibility")
            extras = tuple(
                (parse_rule(r.expression, named, f"{row.id}.extra"), r.reason)
                for r in rules.get(("tool", row.id, "extra"), [])
            )
            tools[row.id] = ToolInfo(
                row.id,
                row.institution_id,
                row.name,
                row.description,
                row.eligibility_text,
                compiled,
                extras,
                row.benefits,
                row.duration,
                row.how_to_apply,
                tuple(row.documents),
                {**sources[row.source_id], "passage": row.source_passage},
                row.verified_at,
                tuple(notes.get(("tool", row.id), ())),
                data,
            )
        institutions: dict[str, InstitutionInfo] = {}
        for row in session.scalars(select(Institution).order_by(Institution.position)):
            institutions[row.id] = InstitutionInfo(
                row.id,
                row.name,
                row.short_name,
                row.role,
                row.description,
                tuple(row.legal_basis),
                tuple(row.tasks),
                tuple(row.target_groups),
                tuple(row.cooperation_area),
                row.how_to_apply,
                tuple(row.documents),
                dict(row.fallback_contact),
                rule("institution", row.id, "eligibility")[0],
                rule("institution", row.id, "participants")[0],
                tuple(t for t in tools.values() if t.institution_id == row.id),
                tuple(contacts.get(row.id, ())),
                {**sources[row.source_id], "passage": row.source_passage},
                row.verified_at,
                tuple(notes.get(("institution", row.id), ())),
                tuple(
                    Step(
                        step["text"],
                        step["via"],
                        None if step["unless"] is None else parse_rule(step["unless"], named, f"{row.id}.step"),
                        step["because"],
                    )
                    for step in row.steps or ()
                ),
            )
        helplines = tuple(
            HelplineInfo(
                row.id,
                row.number,
                row.name,
                row.description,
                row.hours,
                tuple(row.categories),
                dict(sources[row.source_id]),
                row.verified_at,
                {language: dict(sources[source_id]) for language, source_id in (row.languages or {}).items()},
            )
            for row in session.scalars(select(Helpline).order_by(Helpline.position))
        )
    return Catalogue(institutions, {t.id: tools[t.id] for i in institutions.values() for t in i.tools}, helplines)
