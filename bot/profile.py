"""The contract's person profile: one definition, used by the API, the bot and the staff console.

A key that is absent or null means "not known yet"; a known value must be exactly one of the
contract's values. Validation is strict on purpose: a program that sends "true" instead of true
gets a clear 400 rather than a silently different recommendation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from bot.facts_registry import registry
from bot.messages import text

_FACTS = registry().facts
DISTRICTS: tuple[str, ...] = tuple(d for d in _FACTS["district"].values if d != "outside_warsaw")
OUTSIDE_WARSAW = "outside_warsaw"
WORK_STATUSES = _FACTS["work_status"].values
DEGREES = _FACTS["disability_degree"].values
CONDITIONS = _FACTS["disability_condition"].values


@dataclass(frozen=True)
class Field:
    """One profile key: its JSON type and the values it may take."""

    name: str
    kind: type  # int, str or bool
    label_key: str  # catalogue key of its name in the summary, the error messages and the staff console
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None

    @property
    def label(self) -> str:
        return text(self.label_key)

    def check(self, value: Any, lang: str | None = None) -> str | None:
        """Return an error message for people, or None when the value is valid."""
        named = {"name": self.name, "label": text(self.label_key, lang)}
        if self.kind is bool:
            return None if isinstance(value, bool) else text("profile.error.not_boolean", lang, **named)
        if self.kind is int:
            if isinstance(value, bool) or not isinstance(value, int):
                return text("profile.error.not_integer", lang, **named)
            if not self.minimum <= value <= self.maximum:
                return text("profile.error.out_of_range", lang, minimum=self.minimum, maximum=self.maximum, **named)
            return None
        if not isinstance(value, str):
            return text("profile.error.not_text", lang, **named)
        if value not in self.choices:
            return text("profile.error.not_allowed", lang, allowed=", ".join(self.choices), **named)
        return None


def label_key(key: str) -> str:
    """The catalogue key of a fact's name (summary, errors, staff console): by convention, so that a new
    fact in the registry needs only its catalogue entry (bot/message_keys.py counts these as used)."""
    return f"summary.label.{key}"


def value_label_key(key: str, value: str) -> str:
    """The catalogue key of a value in words ("registered_unemployed" → "status osoby bezrobotnej …")."""
    return f"value.{key}.{value}"


# The keys, types, values and ranges are the registry's (data/profile/facts.yaml).
FIELDS: dict[str, Field] = {
    key: Field(key, fact.kind, label_key(key), fact.values, fact.minimum, fact.maximum) for key, fact in _FACTS.items()
}
PROFILE_KEYS: tuple[str, ...] = tuple(FIELDS)

# A value as the summary and the staff console show it: every value of a choice but the district names,
# which are shown as they are.
VALUE_LABEL_KEYS: dict[str, str] = {
    value: value_label_key(key, value)
    for key, fact in _FACTS.items()
    if fact.kind is str
    for value in fact.values
    if key != "district" or value == OUTSIDE_WARSAW
}


def value_text(value: str) -> str:
    """A value's label in the current language ("moderate" -> "umiarkowany"), or the value itself."""
    key = VALUE_LABEL_KEYS.get(value)
    return text(key) if key else value


# A key that only means something once another key has a given value: the degree of a disability
# only with a certificate, the benefit and its length only for someone registered at the office.
PREREQUISITES: dict[str, tuple[str, Any]] = {key: fact.requires for key, fact in _FACTS.items() if fact.requires}


def is_applicable(key: str, profile: Mapping[str, Any]) -> bool:
    """Whether asking for `key` makes sense given what is known (its prerequisite holds)."""
    prerequisite = PREREQUISITES.get(key)
    return prerequisite is None or profile.get(prerequisite[0]) == prerequisite[1]


Profile = Mapping[str, Any]  # only known keys; unknown keys are simply absent

# What one known fact says about another: (the fact, its implied key, the implied value), applied
# when the fact is true (a boolean) or known (any other); a person's own answer is never overruled.
IMPLIED: tuple[tuple[str, str, Any], ...] = tuple(
    (key, implied, value) for key, fact in _FACTS.items() for implied, value in fact.implies
)


def with_implied(profile: Mapping[str, Any]) -> dict[str, Any]:
    """The profile with what its facts imply about keys it does not have yet (a degree implies a
    certificate, protection implies being a foreigner, the benefit implies registration)."""
    completed = dict(profile)
    for key, implied, value in IMPLIED:
        if _FACTS[key].triggers_implication(completed.get(key)):
            completed.setdefault(implied, value)
    return completed


class ProfileError(ValueError):
    """A profile that breaks the contract; `field` names the offending key ("body" for the whole)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def validate_profile(data: Any) -> dict[str, Any]:
    """Check a decoded JSON body against the contract and return only its known values."""
    if not isinstance(data, dict):
        raise ProfileError("body", text("profile.error.not_object"))
    profile: dict[str, Any] = {}
    for key, value in data.items():
        field = FIELDS.get(key) if isinstance(key, str) else None
        if field is None:
            name = str(key)[:64]
            raise ProfileError(name, text("profile.error.unknown_field", name=name, allowed=", ".join(PROFILE_KEYS)))
        if value is None:
            continue
        error = field.check(value)
        if error:
            raise ProfileError(key, error)
        profile[key] = value
    return profile
