"""The eligibility engine: a contract profile in, recommendations with reasons and `missing` out.

The API, the bot's actions and the staff console all call `recommend`, so they cannot disagree.
Rules come from the knowledge base; this module only combines them:
- a tool is recommended when its institution's `participants` rule and its own rule are true;
- an institution is recommended when one of its tools is, or its own `eligibility` rule is true;
- an unknown answer never counts as "no": the keys that could still make a rule true are `missing`,
  except keys whose prerequisite is not met yet (no degree before a certificate): those come later.
Most relevant first means: the institution whose recommended tools together use the most facts
about the person (the help that fits most of the situation), then the most specific single match;
key actors before supporting ones on a tie.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from bot.knowledge.catalogue import Catalogue, InstitutionInfo, ToolInfo
from bot.knowledge.translations import translate
from bot.knowledge.wording import only_if_certificate, shown_forms
from bot.messages import current_language, text
from bot.openings import would_open
from bot.profile import OUTSIDE_WARSAW, PROFILE_KEYS, is_applicable, with_implied
from bot.rules import TRUE_EMPTY, Outcome


@dataclass
class _Match:
    institution: InstitutionInfo
    tools: list[tuple[ToolInfo, Outcome, tuple[str, ...]]] = field(default_factory=list)
    own: Outcome | None = None

    @property
    def score(self) -> tuple[int, int]:
        """How much of the person's situation this institution answers, then its best single match."""
        outcomes = [outcome for _, outcome, _ in self.tools]
        if self.own is not None and self.own.value:
            outcomes.append(self.own)
        covered = frozenset().union(*(o.met_keys for o in outcomes)) if outcomes else frozenset()
        return len(covered), max((o.met for o in outcomes), default=0)


def _combine(first: Outcome, second: Outcome) -> Outcome:
    """Three-valued AND of two outcomes, keeping reasons and the unknown keys."""
    if first.value is False or second.value is False:
        return Outcome(False)
    if first.value and second.value:
        reasons = tuple(dict.fromkeys(first.reasons + second.reasons))
        return Outcome(True, reasons, met_keys=first.met_keys | second.met_keys)
    return Outcome(None, unknown=first.unknown | second.unknown)


def _evaluate(institution: InstitutionInfo, profile: Mapping[str, Any], missing: dict[str, int]) -> _Match:
    match = _Match(institution)
    base = institution.participants.evaluate(profile) if institution.participants else TRUE_EMPTY
    for tool in institution.tools:
        outcome = _combine(base, tool.eligibility.evaluate(profile))
        if outcome.value:
            extras = tuple(
                translate(reason, current_language()) for rule, reason in tool.extras if rule.evaluate(profile).value
            )
            reasons = outcome.reasons or (f"{tool.name}: {tool.eligibility_text}",)
            match.tools.append((tool, Outcome(True, reasons, met_keys=outcome.met_keys), extras))
        elif outcome.value is None:
            for key in outcome.unknown:
                missing[key] = missing.get(key, 0) + 1
    # The tools that fit this person best first: the most facts about them used, then the study's order.
    match.tools.sort(key=lambda entry: -entry[1].met)
    if institution.eligibility is not None:
        match.own = institution.eligibility.evaluate(profile)
        if match.own.value is None:
            for key in match.own.unknown:
                missing[key] = missing.get(key, 0) + 1
    return match


def _contact(institution: InstitutionInfo, district: str | None) -> dict[str, Any]:
    if district == OUTSIDE_WARSAW:
        return {}
    found = institution.contact_for(district)
    if found is None:
        return {}
    return {
        "name": found.name,
        "address": found.address,
        "phone": found.phone,
        "url": found.url,
        "email": found.email,
        "source_url": found.source_url,
        "source_date": found.source_date.isoformat() if found.source_date else None,
        "notes": found.notes,
        "confirmed": found.confirmed,
    }


def _documents(documents: tuple[str, ...], profile: Mapping[str, Any]) -> list[str]:
    has = profile.get("disability_certificate")
    shown = []
    for document in documents:
        if only_if_certificate(document) and has is not None:
            if has:
                shown.append(shown_forms(document)[1])
            continue
        shown.append(document)
    return shown


def _steps(institution: InstitutionInfo, profile: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The steps of the way in that this person has not taken yet; at least how to apply."""
    steps = [step.as_dict() for step in institution.steps if step.needed(profile)]
    if not steps and institution.how_to_apply:
        steps.append({"text": institution.how_to_apply})
    return steps


def named(name: str, language: str) -> str:
    """An institution's or a tool's Polish name (what is on the door and the website), followed by
    its translation in another language (issue 14)."""
    translated = translate(name, language)
    return name if translated == name else f"{name} ({translated})"


def _recommendation(match: _Match, profile: Mapping[str, Any]) -> dict[str, Any]:
    """One institution with its tools; the knowledge base's texts in the language of the request
    (bot.messages.current_language: the conversation's, or the API's `?lang=`), names in Polish first."""
    institution, language = match.institution, current_language()
    reasons: dict[str, None] = {}
    details = []
    if match.own is not None and match.own.value:
        reasons.update(dict.fromkeys(match.own.reasons))
    for tool, outcome, extras in match.tools:
        reasons.update(dict.fromkeys(outcome.reasons))
        reasons_of_tool = list(outcome.reasons) + list(extras)  # in the request's language (bot.rules)
        details.append({"id": tool.id, "name": named(tool.name, language), "reasons": reasons_of_tool})
    district = profile.get("district")
    item = {
        "institution": institution.id,
        "name": named(institution.name, language),
        "role": institution.role,
        "tools": [tool.id for tool, _, _ in match.tools],
        "reasons": list(reasons),
        "tool_details": details,
        "contact": _contact(institution, district),
        "fallback_contact": institution.fallback_contact,
        "documents": [translate(document, language) for document in _documents(institution.documents, profile)],
        "steps": [{**step, "text": translate(step["text"], language)} for step in _steps(institution, profile)],
    }
    if district == OUTSIDE_WARSAW:
        item["note"] = text("recommend.outside_warsaw")
    return item


def _chosen(profile: Mapping[str, Any], catalogue: Catalogue, missing: dict[str, int]) -> list[_Match]:
    matches = [_evaluate(inst, profile, missing) for inst in catalogue.institutions.values()]
    return [m for m in matches if m.tools or (m.own is not None and m.own.value)]


def _tools_reading(profile: Mapping[str, Any], catalogue: Catalogue, key: str) -> list[str]:
    """The tools recommended for a profile in the institutions whose tool rules read `key` (the only
    ones a change of that key can move), without the rest of the answer."""
    return [
        tool.id
        for institution in catalogue.institutions.values()
        if key in institution.tool_keys
        for tool, _, _ in _evaluate(institution, profile, {}).tools
    ]


def recommend(profile: Mapping[str, Any], catalogue: Catalogue) -> dict[str, Any]:
    """Recommendations for a validated profile (see bot.profile.validate_profile), with what its
    facts imply (international protection: a foreigner), so the API and the dialogue agree."""
    profile = with_implied(profile)
    missing: dict[str, int] = {}
    chosen = _chosen(profile, catalogue, missing)
    order = {inst_id: n for n, inst_id in enumerate(catalogue.institutions)}
    chosen.sort(
        key=lambda m: (tuple(-x for x in m.score), m.institution.role != "key", -len(m.tools), order[m.institution.id])
    )
    if "district" not in profile and any(m.institution.has_local_contacts for m in chosen):
        missing["district"] = missing.get("district", 0) + 1
    for key in list(missing):
        if key in profile or not is_applicable(key, profile):
            del missing[key]
    rank = {key: n for n, key in enumerate(PROFILE_KEYS)}
    current = [tool.id for match in chosen for tool, _, _ in match.tools]
    names = {tool_id: named(tool.name, current_language()) for tool_id, tool in catalogue.tools.items()}
    return {
        "recommendations": [_recommendation(m, profile) for m in chosen],
        "missing": sorted(missing, key=lambda key: (-missing[key], rank[key])),
        "would_open": would_open(profile, current, lambda changed, key: _tools_reading(changed, catalogue, key), names),
    }
