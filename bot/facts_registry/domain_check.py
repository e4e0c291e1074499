"""Whether domain.yml agrees with the registry: a slot for every fact, the form asks for every
question, and an action_ask_* for every question. The domain is written by hand; this names what
it lacks or has too many of."""

from __future__ import annotations

from typing import Any, Mapping

from bot.facts_registry.model import Registry

FORM = "profile_form"
# Slots the form keeps that are not facts: the questions answered with "nie wiem" / "wolę nie mówić".
DIALOGUE_SLOTS = ("skipped_questions",)


def domain_problems(registry: Registry, domain: Mapping[str, Any]) -> list[str]:
    """What in `domain` (domain.yml, parsed) disagrees with the registry; empty when nothing."""
    questions = registry.questions("core") + registry.questions("extended")
    members = tuple(key for group in registry.groups for key in registry.group_members(group))
    facts = (*registry.facts, *registry.partial_facts, *registry.groups)
    slots = set(domain.get("slots") or {})
    required = list(((domain.get("forms") or {}).get(FORM) or {}).get("required_slots") or ())
    wanted = {*questions, *members, *registry.partial_facts, *DIALOGUE_SLOTS}
    asks = {a for a in domain.get("actions") or () if str(a).startswith("action_ask_")}
    problems = [f"no slot {key}" for key in facts if key not in slots]
    problems += [f"{FORM} does not require {key}" for key in sorted(wanted - set(required))]
    problems += [f"{FORM} requires {key}, which the registry does not ask" for key in required if key not in wanted]
    problems += [f"no action action_ask_{key}" for key in questions if f"action_ask_{key}" not in asks]
    problems += [
        f"{action} asks nothing the registry asks" for action in sorted(asks - {f"action_ask_{q}" for q in questions})
    ]
    return problems
