"""What a change the person can make themselves would open (`would_open`, contract section 6).

Only facts a person can change by their own step are tried: registering at the labour office as
unemployed, asking for a disability assessment when health already limits them, and going to the
ośrodek pomocy społecznej. Each change is evaluated through the same rules as the person's own
profile, so what it "opens" is never written by hand: it is the difference between two answers of
the engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Mapping

from bot.messages import N_, text

ToolsOf = Callable[[Mapping[str, Any], str], list[str]]  # (changed profile, the changed key) -> tool IDs


@dataclass(frozen=True)
class Change:
    key: str
    value: Any
    sentence: str  # catalogue key of "if you do this, these will open too: {tools}."
    applies: Callable[[Mapping[str, Any]], bool]


def _health_without_certificate(profile: Mapping[str, Any]) -> bool:
    health = (
        profile.get("health_limitations") is True
        or "disability_condition" in profile
        or profile.get("able_to_work") is False
    )
    return health and profile.get("disability_certificate") is not True


CHANGES = (
    Change(
        "work_status",
        "registered_unemployed",
        N_("opening.register"),
        lambda p: p.get("work_status") == "jobless_unregistered",
    ),
    Change("disability_certificate", True, N_("opening.certificate"), _health_without_certificate),
    Change(
        "social_assistance",
        True,
        N_("opening.social_assistance"),
        lambda p: p.get("social_assistance") is False,
    ),
)


def would_open(
    profile: Mapping[str, Any], current: list[str], tools_of: ToolsOf, names: Mapping[str, str]
) -> list[dict[str, Any]]:
    """For each change that applies to this person, the tools it adds to `current`, if any."""
    opened = []
    for change in CHANGES:
        if not change.applies(profile):
            continue
        added = [tool for tool in tools_of({**profile, change.key: change.value}, change.key) if tool not in current]
        if added:
            listed = ", ".join(names[tool] for tool in added)
            opened.append(
                {
                    "change": {change.key: change.value},
                    "tools": added,
                    "text": text(change.sentence, tools=listed),
                }
            )
    return opened
