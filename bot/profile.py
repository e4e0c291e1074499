"""The contract's person profile: one definition, used by the API, the bot and the staff console.

A key that is absent or null means "not known yet"; a known value must be exactly one of the
contract's values. Validation is strict on purpose: a program that sends "true" instead of true
gets a clear 400 rather than a silently different recommendation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from bot.facts_registry import registry

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
    label: str  # Polish name used in error messages and the staff console
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None

    def check(self, value: Any) -> str | None:
        """Return a Polish error message, or None when the value is valid."""
        if self.kind is bool:
            return (
                None
                if isinstance(value, bool)
                else f"Pole „{self.name}” ({self.label}) musi mieć wartość true albo false."
            )
        if self.kind is int:
            if isinstance(value, bool) or not isinstance(value, int):
                return f"Pole „{self.name}” ({self.label}) musi być liczbą całkowitą."
            if not self.minimum <= value <= self.maximum:
                return f"Pole „{self.name}” ({self.label}) musi mieć wartość od {self.minimum} do {self.maximum}."
            return None
        if not isinstance(value, str):
            return f"Pole „{self.name}” ({self.label}) musi być tekstem."
        if value not in self.choices:
            allowed = ", ".join(self.choices)
            return f"Pole „{self.name}” ({self.label}) ma niedozwoloną wartość. Dozwolone: {allowed}."
        return None


LABELS: dict[str, str] = {
    "age": "wiek",
    "district": "dzielnica",
    "work_status": "sytuacja zawodowa",
    "unemployment_benefit": "zasiłek dla bezrobotnych",
    "long_term_unemployed": "bezrobocie dłuższe niż 12 miesięcy",
    "social_assistance": "korzystanie z pomocy społecznej",
    "disability_certificate": "orzeczenie o niepełnosprawności",
    "disability_degree": "stopień niepełnosprawności",
    "disability_condition": "rodzaj niepełnosprawności",
    "able_to_work": "zdolność do pracy",
    "health_limitations": "ograniczenia zdrowotne bez orzeczenia",
    "homeless": "bezdomność",
    "housing_problem": "problemy mieszkaniowe",
    "addiction": "uzależnienie",
    "left_prison": "wyjście z zakładu karnego",
    "foreigner": "cudzoziemiec",
    "international_protection": "status uchodźcy lub ochrona uzupełniająca",
    "leaving_care": "usamodzielnienie po pieczy zastępczej lub placówce",
    "family_support": "wsparcie w wychowaniu dzieci",
    "carer": "opieka nad bliską osobą",
    "social_enterprise": "spółdzielnia socjalna lub przedsiębiorstwo społeczne",
    "cis_kis_months": "miesiące w CIS lub KIS",
}

# The keys, types, values and ranges are the registry's (data/profile/facts.yaml); a fact with no
# label yet is named by its key.
FIELDS: dict[str, Field] = {
    key: Field(key, fact.kind, LABELS.get(key, key), fact.values, fact.minimum, fact.maximum)
    for key, fact in _FACTS.items()
}
PROFILE_KEYS: tuple[str, ...] = tuple(FIELDS)

VALUE_LABELS: dict[str, str] = {
    "registered_unemployed": "status osoby bezrobotnej w urzędzie pracy",
    "jobless_unregistered": "bez pracy, bez rejestracji w urzędzie pracy",
    "employed": "praca",
    "light": "lekki",
    "moderate": "umiarkowany",
    "severe": "znaczny",
    "autism": "autyzm",
    "mental_illness": "choroba psychiczna",
    "intellectual_disability": "niepełnosprawność intelektualna",
    "other": "inna",
    OUTSIDE_WARSAW: "poza Warszawą",
}

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
        raise ProfileError("body", "Treść zapytania musi być obiektem JSON z danymi osoby.")
    profile: dict[str, Any] = {}
    for key, value in data.items():
        field = FIELDS.get(key) if isinstance(key, str) else None
        if field is None:
            raise ProfileError(
                str(key)[:64], f"Nieznane pole „{str(key)[:64]}”. Dozwolone pola: {', '.join(PROFILE_KEYS)}."
            )
        if value is None:
            continue
        error = field.check(value)
        if error:
            raise ProfileError(key, error)
        profile[key] = value
    return profile
