"""The questions the assistant asks, each with buttons; free text is always accepted too.

Kept as data in Python (not domain responses) because one action per question chooses the wording
from what is already known (e.g. "are you registered?" once the person said they have no job).
"""

from __future__ import annotations

import json
import re
from typing import Any

from bot.nlp.morphology import fold

Button = dict[str, str]


def _b(title: str, payload: str) -> Button:
    return {"title": title, "payload": payload}


YES_NO_DONT_KNOW = [_b("Tak", "/affirm"), _b("Nie", "/deny"), _b("Nie wiem", "/dont_know")]
YES_NO_PRIVATE = [_b("Tak", "/affirm"), _b("Nie", "/deny"), _b("Wolę nie mówić", "/prefer_not_say")]

# slot -> list of variants; a variant with "when" applies when every listed slot has that value.
QUESTIONS: dict[str, list[dict[str, Any]]] = {
    "work_status": [
        {
            "when": {"jobless": True},
            "text": "Czy masz status osoby bezrobotnej w urzędzie pracy (czyli rejestrację w „pośredniaku”)?",
            "buttons": YES_NO_DONT_KNOW,
        },
        {
            "text": "Jaka jest teraz Twoja sytuacja zawodowa? (UP to urząd pracy, czyli „pośredniak”)",
            "buttons": [
                _b("Mam rejestrację w UP", "/sit_registered"),
                _b("Nie pracuję, bez UP", "/sit_not_registered"),
                _b("Pracuję", "/sit_employed"),
                _b("Wolę nie mówić", "/prefer_not_say"),
            ],
        },
    ],
    "unemployment_benefit": [
        {"text": "Czy dostajesz zasiłek dla bezrobotnych z urzędu pracy?", "buttons": YES_NO_DONT_KNOW},
    ],
    "social_assistance": [
        {
            "text": "Czy korzystasz z pomocy ośrodka pomocy społecznej (OPS) – na przykład z zasiłku z OPS, pomocy w naturze albo wsparcia pracownika socjalnego?",
            "buttons": YES_NO_DONT_KNOW,
        },
    ],
    "age": [
        {"text": "Ile masz lat? Wystarczy liczba.", "buttons": [_b("Wolę nie mówić", "/prefer_not_say")]},
    ],
    "district": [
        {
            "text": "W której dzielnicy Warszawy mieszkasz? Dzięki temu podam adresy najbliższych miejsc.",
            "buttons": [
                _b("Mieszkam poza Warszawą", '/inform_district{"district": "outside_warsaw"}'),
                _b("Wolę nie mówić", "/prefer_not_say"),
            ],
        },
    ],
    "disability_certificate": [
        {
            "text": "Czy masz orzeczenie o niepełnosprawności (albo o stopniu niepełnosprawności)?",
            "buttons": YES_NO_PRIVATE,
        },
    ],
    "long_term_unemployed": [
        {"text": "Czy masz status osoby bezrobotnej dłużej niż 12 miesięcy?", "buttons": YES_NO_DONT_KNOW},
    ],
    "disability_degree": [
        {
            "text": "Jaki stopień niepełnosprawności jest w orzeczeniu?",
            "buttons": [
                _b("Lekki", '/sit_disability_certificate{"disability_degree": "light"}'),
                _b("Umiarkowany", '/sit_disability_certificate{"disability_degree": "moderate"}'),
                _b("Znaczny", '/sit_disability_certificate{"disability_degree": "severe"}'),
                _b("Nie wiem", "/dont_know"),
            ],
        },
    ],
    "disability_condition": [
        {
            "text": "Czy w orzeczeniu albo w diagnozie jest autyzm, choroba psychiczna lub niepełnosprawność intelektualna? To ma znaczenie dla zakładów aktywności zawodowej.",
            "buttons": [
                _b("Autyzm", '/sit_disability_condition{"disability_condition": "autism"}'),
                _b("Choroba psychiczna", '/sit_disability_condition{"disability_condition": "mental_illness"}'),
                _b(
                    "Niepełnosprawność intelektualna",
                    '/sit_disability_condition{"disability_condition": "intellectual_disability"}',
                ),
                _b("Inna niepełnosprawność", '/sit_disability_condition{"disability_condition": "other"}'),
                _b("Wolę nie mówić", "/prefer_not_say"),
            ],
        },
    ],
    "able_to_work": [
        {"text": "Czy stan zdrowia pozwala Ci podjąć pracę?", "buttons": YES_NO_DONT_KNOW},
    ],
    "health_limitations": [
        {
            "text": "Czy masz kłopoty ze zdrowiem, które utrudniają pracę, choć nie masz orzeczenia?",
            "buttons": YES_NO_PRIVATE,
        },
    ],
    "cis_kis_months": [
        {
            "text": "Jak długo w sumie trwał Twój udział w zajęciach Centrum albo Klubu Integracji Społecznej (CIS, KIS)?",
            "buttons": [
                _b("Nigdy", "/deny"),
                _b("Krócej niż pół roku", '/sit_cis_kis{"duration": "3 miesiące"}'),
                _b("Pół roku lub dłużej", '/sit_cis_kis{"duration": "6 miesięcy"}'),
                _b("Nie wiem", "/dont_know"),
            ],
        },
    ],
    "life_situations": [
        {
            "text": "Czy któraś z tych sytuacji Cię dotyczy? Wybierz albo opisz własnymi słowami.",
            "buttons": [
                _b("Nie mam gdzie mieszkać", "/sit_homeless"),
                _b("Kłopoty z mieszkaniem", "/sit_housing_problem"),
                _b("Potrzebuję wsparcia w wychowaniu dzieci", "/sit_family_support"),
                _b("Opiekuję się bliską osobą", "/sit_carer"),
                _b("Usamodzielniam się po pieczy lub placówce", "/sit_leaving_care"),
                _b("Chcę założyć spółdzielnię socjalną", "/sit_social_enterprise"),
                _b("Żadna z nich", "/deny"),
            ],
        },
    ],
    "sensitive_topics": [
        {
            "text": "Ostatnie pytanie, zupełnie dobrowolne. Niektóre miejsca pomagają osobom w szczególnej sytuacji. Czy coś z tego Cię dotyczy? Jeśli wolisz nie mówić, nic się nie stanie – resztę porad i tak dostaniesz.",
            "buttons": [
                _b("Uzależnienie", "/sit_addiction"),
                _b("Niedawne wyjście z zakładu karnego", "/sit_left_prison"),
                _b("Nie mam polskiego obywatelstwa", "/sit_foreigner"),
                _b("Status uchodźcy lub ochrona uzupełniająca", "/sit_international_protection"),
                _b("Nic z tych rzeczy", "/deny"),
                _b("Wolę nie mówić", "/prefer_not_say"),
            ],
        },
    ],
}

GREETING = (
    "Dzień dobry! Jestem Drogowskaz. Pomagam mieszkańcom Warszawy znaleźć instytucje, które mogą "
    "wesprzeć w szukaniu pracy i w trudnej sytuacji życiowej – i wyjaśniam, dlaczego akurat one. "
    "Nie pytam o imię, PESEL ani adres.\n\n"
    "Opisz swoją sytuację własnymi słowami, np. „mam 45 lat, nie mam pracy ani zasiłku, mieszkam "
    "na Woli”, albo odpowiedz na kilka krótkich pytań."
)

CLARIFY = {
    "text": "Nie jestem pewien, czy dobrze rozumiem. Co najlepiej opisuje Twoją sprawę?",
    "buttons": [
        _b("Szukam pracy", "/sit_unemployed"),
        _b("Mam orzeczenie o niepełnosprawności", "/sit_disability_certificate"),
        _b("Nie mam gdzie mieszkać", "/sit_homeless"),
        _b("Chcę zapytać o instytucję", "/ask_what_is"),
        _b("Chcę porozmawiać z człowiekiem", "/ask_human"),
    ],
}

FALLBACK = "Przepraszam, nie zrozumiałem. Napisz proszę inaczej albo wybierz jedną z opcji."


def question_for(slot: str, slots: dict[str, Any]) -> dict[str, Any]:
    """The wording of the question about `slot` that fits what is already known."""
    for variant in QUESTIONS[slot]:
        if all(slots.get(key) == value for key, value in variant.get("when", {}).items()):
            return {"text": variant["text"], "buttons": list(variant["buttons"])}
    raise KeyError(slot)


def _label(text: str) -> str:
    return " ".join(re.findall(r"\w+", fold(text)))


def typed_button(slot: str, slots: dict[str, Any], text: str) -> tuple[str, dict[str, Any]] | None:
    """(intent, entities) of the button of the question about `slot` whose label the person typed
    instead of clicking ("Nie pracuję, bez UP", "zadna z nich"), or None."""
    typed = _label(text)
    for button in question_for(slot, slots)["buttons"]:
        if typed and _label(button["title"]) == typed:
            intent, _, data = button["payload"].lstrip("/").partition("{")
            return intent, (json.loads("{" + data) if data else {})
    return None
