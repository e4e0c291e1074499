"""The staff console's form, built from bot.profile.FIELDS and the registry's sections, so that it always
matches the contract.

Grouped like a front-desk interview. Booleans are tak / nie / nie wiem radios, enums are selects
with the Polish value labels, numbers have the contract's min and max. "Nie wiem" is the empty
value: an unknown answer is left out of the profile, never sent as "no".
"""

from __future__ import annotations

from html import escape

from bot.facts_registry import registry
from bot.messages import N_, REFERENCE, text
from bot.profile import FIELDS, PREREQUISITES, Field, value_text

# Catalogue keys of the sections' titles; the sections and the order of their fields are the registry's
# (data/profile/facts.yaml, `staff`).
SECTION_TITLES: dict[str, str] = {
    "praca": N_("staff.group.work"),
    "zdrowie": N_("staff.group.health"),
    "sytuacja": N_("staff.group.situation"),
    "dane": N_("staff.group.basics"),
}

# (section id, catalogue key of its title, its fields)
GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = tuple(
    (section, SECTION_TITLES[section], names) for section, names in registry().staff_layout()
)

HINTS: dict[str, str] = {
    "age": N_("staff.hint.age"),
    "district": N_("staff.hint.district"),
    "long_term_unemployed": N_("staff.hint.long_term_unemployed"),
    "social_assistance": N_("staff.hint.social_assistance"),
    "able_to_work": N_("staff.hint.able_to_work"),
    "health_limitations": N_("staff.hint.health_limitations"),
    "housing_problem": N_("staff.hint.housing_problem"),
    "cis_kis_months": N_("staff.hint.cis_kis_months"),
}

BOOL_CHOICES = (("true", N_("staff.choice.yes")), ("false", N_("staff.choice.no")), ("", N_("staff.choice.unknown")))


def capitalised(words: str) -> str:
    return words[:1].upper() + words[1:]


def value_label(value: str) -> str:
    return capitalised(value_text(value))


def _prerequisite(name: str, lang: str) -> tuple[str, str]:
    """data-requires value and the hint for a field that only applies after another answer."""
    if name not in PREREQUISITES:
        return "", ""
    key, value = PREREQUISITES[name]
    if isinstance(value, bool):
        shown = text("staff.answer.yes", lang) if value else text("staff.answer.no", lang)
    else:
        shown = value_text(value) if isinstance(value, str) else str(value)
    encoded = "true" if value is True else "false" if value is False else str(value)
    return f"{key}={encoded}", text("staff.applies_only_when", lang, label=FIELDS[key].label, value=shown)


def _hint(name: str, extra: str, lang: str) -> tuple[str, str]:
    hint = " ".join(t for t in (text(HINTS[name], lang) if name in HINTS else "", extra) if t)
    if not hint:
        return "", ""
    hint_id = f"hint-{name}"
    return f' aria-describedby="{hint_id}"', f'<p class="hint" id="{hint_id}">{escape(hint)}</p>'


def _field_html(field: Field, lang: str) -> str:
    requires, requires_text = _prerequisite(field.name, lang)
    described, hint = _hint(field.name, requires_text, lang)
    attrs = f'data-field="{field.name}" data-kind="{field.kind.__name__}" data-label="{escape(field.label)}"'
    if requires:
        attrs += f' data-requires="{escape(requires)}"'
    label = escape(capitalised(field.label))
    if field.kind is bool:
        radios = "".join(
            f'<label class="choice"><input type="radio" name="{field.name}" value="{value}"'
            f"{' checked' if not value else ''}> {escape(text(key, lang))}</label>"
            for value, key in BOOL_CHOICES
        )
        return (
            f'<fieldset class="field field-bool" {attrs}{described}><legend>{label}</legend>'
            f'<div class="choices">{radios}</div>{hint}</fieldset>'
        )
    control_id = f"f-{field.name}"
    if field.kind is int:
        control = (
            f'<input type="number" id="{control_id}" name="{field.name}" min="{field.minimum}" '
            f'max="{field.maximum}" step="1" inputmode="numeric"{described}>'
        )
        error = f'<p class="field-error" id="err-{field.name}" hidden></p>'
    else:
        options = f'<option value="">{escape(text("staff.choice.unknown", lang))}</option>' + "".join(
            f'<option value="{escape(choice)}" data-text="{escape(value_text(choice))}">{escape(value_label(choice))}</option>'
            for choice in field.choices
        )
        control = f'<select id="{control_id}" name="{field.name}"{described}>{options}</select>'
        error = ""
    return f'<div class="field" {attrs}><label for="{control_id}">{label}</label>{control}{hint}{error}</div>'


def form_html(lang: str = REFERENCE) -> str:
    """The fieldsets of the whole profile form (the <form> element itself is in the template)."""
    parts = []
    for group_id, title, names in GROUPS:
        fields = "".join(_field_html(FIELDS[name], lang) for name in names)
        parts.append(
            f'<fieldset class="group" id="group-{group_id}"><legend>{escape(text(title, lang))}</legend>'
            f"{fields}</fieldset>"
        )
    return "\n".join(parts)
