"""The staff console's form, built from bot.profile.FIELDS and the registry's sections, so that it always
matches the contract.

Grouped like a front-desk interview. Booleans are tak / nie / nie wiem radios, enums are selects
with the Polish value labels, numbers have the contract's min and max. "Nie wiem" is the empty
value: an unknown answer is left out of the profile, never sent as "no".
"""

from __future__ import annotations

from html import escape

from bot.facts_registry import registry
from bot.profile import FIELDS, PREREQUISITES, VALUE_LABELS, Field

SECTION_TITLES: dict[str, str] = {
    "praca": "Praca i dochody",
    "zdrowie": "Zdrowie",
    "sytuacja": "Sytuacja życiowa",
    "dane": "Dane podstawowe",
}

# (section id, its title, its fields): the sections and the order of the fields are the registry's
# (data/profile/facts.yaml, `staff`).
GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = tuple(
    (section, SECTION_TITLES[section], names) for section, names in registry().staff_layout()
)

HINTS: dict[str, str] = {
    "age": "W latach, od 15 do 100.",
    "district": "Wybierz, żeby zobaczyć adresy najbliższych miejsc.",
    "long_term_unemployed": "Status osoby bezrobotnej dłużej niż 12 miesięcy.",
    "social_assistance": "Świadczenia albo wsparcie ośrodka pomocy społecznej (OPS).",
    "able_to_work": "„Nie”, gdy osoba nie może podjąć pracy, np. ma orzeczoną niezdolność do pracy.",
    "health_limitations": "Kłopoty ze zdrowiem, które utrudniają pracę, bez orzeczenia.",
    "housing_problem": "Np. zaległości w opłatach, mieszkanie w złym stanie, groźba eksmisji.",
    "cis_kis_months": "Łącznie; 0, jeśli nigdy.",
}

BOOL_CHOICES = (("true", "Tak"), ("false", "Nie"), ("", "Nie wiem"))


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def value_label(value: str) -> str:
    return capitalised(VALUE_LABELS.get(value, value))


def _prerequisite(name: str) -> tuple[str, str]:
    """data-requires value and the Polish hint for a field that only applies after another answer."""
    if name not in PREREQUISITES:
        return "", ""
    key, value = PREREQUISITES[name]
    shown = "tak" if value is True else "nie" if value is False else VALUE_LABELS.get(value, str(value))
    encoded = "true" if value is True else "false" if value is False else str(value)
    return f"{key}={encoded}", f"Dotyczy tylko, gdy {FIELDS[key].label}: {shown}."


def _hint(name: str, extra: str) -> tuple[str, str]:
    text = " ".join(t for t in (HINTS.get(name, ""), extra) if t)
    if not text:
        return "", ""
    hint_id = f"hint-{name}"
    return f' aria-describedby="{hint_id}"', f'<p class="hint" id="{hint_id}">{escape(text)}</p>'


def _field_html(field: Field) -> str:
    requires, requires_text = _prerequisite(field.name)
    described, hint = _hint(field.name, requires_text)
    attrs = f'data-field="{field.name}" data-kind="{field.kind.__name__}" data-label="{escape(field.label)}"'
    if requires:
        attrs += f' data-requires="{escape(requires)}"'
    label = escape(capitalised(field.label))
    if field.kind is bool:
        radios = "".join(
            f'<label class="choice"><input type="radio" name="{field.name}" value="{value}"'
            f"{' checked' if not value else ''}> {text}</label>"
            for value, text in BOOL_CHOICES
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
        options = '<option value="">Nie wiem</option>' + "".join(
            f'<option value="{escape(choice)}" data-text="{escape(VALUE_LABELS.get(choice, choice))}">{escape(value_label(choice))}</option>'
            for choice in field.choices
        )
        control = f'<select id="{control_id}" name="{field.name}"{described}>{options}</select>'
        error = ""
    return f'<div class="field" {attrs}><label for="{control_id}">{label}</label>{control}{hint}{error}</div>'


def form_html() -> str:
    """The fieldsets of the whole profile form (the <form> element itself is in the template)."""
    parts = []
    for group_id, title, names in GROUPS:
        fields = "".join(_field_html(FIELDS[name]) for name in names)
        parts.append(
            f'<fieldset class="group" id="group-{group_id}"><legend>{escape(title)}</legend>{fields}</fieldset>'
        )
    return "\n".join(parts)
