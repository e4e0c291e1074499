"""The contract's person profile: one definition, used by the API, the bot and the staff console.

A key that is absent or null means "not known yet"; a known value must be exactly one of the
contract's values. Validation is strict on purpose: a program that sends "true" instead of true
gets a clear 400 rather than a silently different recommendation.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from bot.messages import N_, REFERENCE, text

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
    label_key: str  # catalogue key of its name in the summary, the error messages and the staff console
    choices: tuple[str, ...] = ()
    minimum: int | None = None
    maximum: int | None = None

    @property
    def label(self) -> str:
        return text(self.label_key)

    def check(self, value: Any, lang: str = REFERENCE) -> str | None:
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


FIELDS: dict[str, Field] = {
    f.name: f
    for f in (
        Field("age", int, N_("summary.label.age"), minimum=15, maximum=100),
        Field("district", str, N_("summary.label.district"), choices=DISTRICTS + (OUTSIDE_WARSAW,)),
        Field("work_status", str, N_("summary.label.work_status"), choices=WORK_STATUSES),
        Field("unemployment_benefit", bool, N_("summary.label.unemployment_benefit")),
        Field("long_term_unemployed", bool, N_("summary.label.long_term_unemployed")),
        Field("social_assistance", bool, N_("summary.label.social_assistance")),
        Field("disability_certificate", bool, N_("summary.label.disability_certificate")),
        Field("disability_degree", str, N_("summary.label.disability_degree"), choices=DEGREES),
        Field("disability_condition", str, N_("summary.label.disability_condition"), choices=CONDITIONS),
        Field("able_to_work", bool, N_("summary.label.able_to_work")),
        Field("health_limitations", bool, N_("summary.label.health_limitations")),
        Field("homeless", bool, N_("summary.label.homeless")),
        Field("housing_problem", bool, N_("summary.label.housing_problem")),
        Field("addiction", bool, N_("summary.label.addiction")),
        Field("left_prison", bool, N_("summary.label.left_prison")),
        Field("foreigner", bool, N_("summary.label.foreigner")),
        Field("international_protection", bool, N_("summary.label.international_protection")),
        Field("leaving_care", bool, N_("summary.label.leaving_care")),
        Field("family_support", bool, N_("summary.label.family_support")),
        Field("carer", bool, N_("summary.label.carer")),
        Field("social_enterprise", bool, N_("summary.label.social_enterprise")),
        Field("cis_kis_months", int, N_("summary.label.cis_kis_months"), minimum=0, maximum=1200),
    )
}
PROFILE_KEYS: tuple[str, ...] = tuple(FIELDS)

# A value as the summary and the staff console show it (catalogue keys; in words in VALUE_LABELS).
VALUE_LABEL_KEYS: dict[str, str] = {
    "registered_unemployed": N_("value.work_status.registered_unemployed"),
    "jobless_unregistered": N_("value.work_status.jobless_unregistered"),
    "employed": N_("value.work_status.employed"),
    "light": N_("value.disability_degree.light"),
    "moderate": N_("value.disability_degree.moderate"),
    "severe": N_("value.disability_degree.severe"),
    "autism": N_("value.disability_condition.autism"),
    "mental_illness": N_("value.disability_condition.mental_illness"),
    "intellectual_disability": N_("value.disability_condition.intellectual_disability"),
    "other": N_("value.disability_condition.other"),
    OUTSIDE_WARSAW: N_("value.district.outside_warsaw"),
}
VALUE_LABELS: dict[str, str] = {value: text(key) for value, key in VALUE_LABEL_KEYS.items()}

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
