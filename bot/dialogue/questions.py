"""Which question to ask next: only one whose answer can change the result, in a sensible order.

The engine's `missing` says which unanswered keys could change the recommendations; this module
orders them like a front-desk interview (work first, then money, health, the rest) and groups the
rare or sensitive situations into one optional question each, so nobody is interrogated.
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping

from bot.facts_registry import registry

SKIPPED_SLOT = "skipped_questions"  # questions answered with "nie wiem" / "wolę nie mówić"
PHASE_SLOT = "questions_phase"  # "core" until the first recommendation, then "extended"

# The order, the groups and the exceptions are the registry's (data/profile/facts.yaml, `asked`).
_REGISTRY = registry()
# Asked together, as one question with buttons; "nie" means none of them ("life_situations"; the
# gentle, optional "sensitive_topics", where "wolę nie mówić" never blocks a result).
GROUPS: dict[str, tuple[str, ...]] = {group: _REGISTRY.group_members(group) for group in _REGISTRY.groups}
CORE: tuple[str, ...] = _REGISTRY.questions("core")
EXTENDED: tuple[str, ...] = _REGISTRY.questions("extended")

# Questions that are not asked after a given answer to another: "…choć nie masz orzeczenia?" is
# not for someone who has one.
NOT_ASKED_WHEN: dict[str, tuple[str, Any]] = {
    key: fact.not_asked_when for key, fact in _REGISTRY.facts.items() if fact.not_asked_when
}


def _wanted(item: str, missing: set[str], slots: Mapping[str, Any], skipped: set[str]) -> bool:
    if item in skipped or slots.get(item) is not None:
        return False
    if item in NOT_ASKED_WHEN and slots.get(NOT_ASKED_WHEN[item][0]) == NOT_ASKED_WHEN[item][1]:
        return False
    if item in GROUPS:
        return any(key in missing for key in GROUPS[item])
    return item in missing


def next_question(missing: Iterable[str], slots: Mapping[str, Any], extended: bool) -> str | None:
    """The slot (or question group) to ask about next, or None when nothing worth asking is left."""
    missing_set = set(missing)
    skipped = set(slots.get(SKIPPED_SLOT) or ())
    order = CORE + EXTENDED if extended else CORE
    return next((item for item in order if _wanted(item, missing_set, slots, skipped)), None)


def remaining_after_core(missing: Iterable[str], slots: Mapping[str, Any]) -> list[str]:
    """Extended questions still worth asking: used to offer them after the first answer."""
    missing_set = set(missing)
    skipped = set(slots.get(SKIPPED_SLOT) or ())
    return [item for item in EXTENDED if _wanted(item, missing_set, slots, skipped)]


def questions_left(missing: Iterable[str], slots: Mapping[str, Any], extended: bool) -> int:
    """How many questions are left at most in this round (an answer may make others needless)."""
    missing_set = set(missing)
    skipped = set(slots.get(SKIPPED_SLOT) or ())
    order = CORE + EXTENDED if extended else CORE
    return sum(_wanted(item, missing_set, slots, skipped) for item in order)
