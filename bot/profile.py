"""The contract's person profile: one definition, used by the API, the bot and the staff console.

A key that is absent or null means "not known yet"; a known value must be exactly one of the
contract's values. Validation is strict on purpose: a program that sends "true" instead of true
gets a clear 400 rather than a silently different recommendation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

DISTRICTS: tuple[str, ...] = (
    "Bemowo",
    "Białołęka",
    "Bielany",
    "Mokotów",
    "Ochota",
    "Praga-Południe",
    "Praga-Północ",
    "Rembertów",
    "Śródmieście",
    "Targówek",
    "Ursus",
    "Ursynów",
    "Wawer",
    "Wesoła",
    "Wilanów",
    "Włochy",
    "Wola",
    "Żoliborz",
)
OUTSIDE_WARSAW = "outside_warsaw"
WORK_STATUSES = ("registered_unemployed", "jobless_unregistered", "employed")
DEGREES = ("light", "moderate", "severe")
CONDITIONS = ("autism", "mental_illness", "intellectual_disability", "other")


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


FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field("age", int, "wiek", minimum=15, maximum=100),
        Field("district", str, "dzielnica", choices=DISTRICTS + (OUTSIDE_WARSAW,)),
        Field("work_status", str, "sytuacja zawodowa", choices=WORK_STATUSES),
        Field("unemployment_benefit", bool, "zasiłek dla bezrobotnych"),
        Field("long_term_unemployed", bool, "bezrobocie dłuższe niż 12 miesięcy"),
        Field("social_assistance", bool, "korzystanie z pomocy społecznej"),
        Field("disability_certificate", bool, "orzeczenie o niepełnosprawności"),
        Field("disability_degree", str, "stopień niepełnosprawności", choices=DEGREES),
        Field("disability_condition", str, "rodzaj niepełnosprawności", choices=CONDITIONS),
        Field("able_to_work", bool, "zdolność do pracy"),
        Field("health_limitations", bool, "ograniczenia zdrowotne bez orzeczenia"),
        Field("homeless", bool, "bezdomność"),
        Field("housing_problem", bool, "problemy mieszkaniowe"),
        Field("addiction", bool, "uzależnienie"),
        Field("left_prison", bool, "wyjście z zakładu karnego"),
        Field("foreigner", bool, "cudzoziemiec"),
        Field("international_protection", bool, "status uchodźcy lub ochrona uzupełniająca"),
        Field("leaving_care", bool, "usamodzielnienie po pieczy zastępczej lub placówce"),
        Field("family_support", bool, "wsparcie w wychowaniu dzieci"),
        Field("carer", bool, "opieka nad bliską osobą"),
        Field("social_enterprise", bool, "spółdzielnia socjalna lub przedsiębiorstwo społeczne"),
        Field("cis_kis_months", int, "miesiące w CIS lub KIS", minimum=0, maximum=1200),
    )
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
PREREQUISITES: dict[str, tuple[str, Any]] = {
    "disability_degree": ("disability_certificate", True),
    "disability_condition": ("disability_certificate", True),
    "unemployment_benefit": ("work_status", "registered_unemployed"),
    "long_term_unemployed": ("work_status", "registered_unemployed"),
}


def is_applicable(key: str, profile: Mapping[str, Any]) -> bool:
    """Whether asking for `key` makes sense given what is known (its prerequisite holds)."""
    prerequisite = PREREQUISITES.get(key)
    return prerequisite is None or profile.get(prerequisite[0]) == prerequisite[1]


Profile = Mapping[str, Any]  # only known keys; unknown keys are simply absent

# What one known fact says about another (the fact, its value) -> (the implied key, its value).
# Applied where the other key is still unknown: a person's own answer is never overruled.
IMPLIED: tuple[tuple[tuple[str, Any], tuple[str, Any]], ...] = (
    (("international_protection", True), ("foreigner", True)),  # protection is granted to foreigners
    (("unemployment_benefit", True), ("work_status", "registered_unemployed")),  # paid to registered people only
)


def with_implied(profile: Mapping[str, Any]) -> dict[str, Any]:
    """The profile with what its facts imply about keys it does not have yet (a degree implies a
    certificate, protection implies being a foreigner, the benefit implies registration)."""
    completed = dict(profile)
    if "disability_degree" in completed:
        completed.setdefault("disability_certificate", True)
    for (key, value), (implied, implied_value) in IMPLIED:
        if completed.get(key) == value:
            completed.setdefault(implied, implied_value)
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
