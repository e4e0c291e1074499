"""The questions the assistant asks, each with buttons; free text is always accepted too.

Kept as data in Python (not domain responses) because one action per question chooses the wording
from what is already known (e.g. "are you registered?" once the person said they have no job). The
table holds catalogue keys (locale/*/LC_MESSAGES/drogowskaz.po); `question_for` puts them into words.
"""

from __future__ import annotations

import json
import re
from typing import Any

from bot.dialogue.buttons import ASK_HUMAN, PREFER_NOT_SAY, YES_NO_DONT_KNOW, YES_NO_PRIVATE, shown
from bot.dialogue.buttons import button as _b
from bot.messages import N_, text
from bot.nlp.districts import PRAGA_NORTH, PRAGA_SOUTH, praga_without_side
from bot.nlp.morphology import fold

# slot -> list of variants; a variant with "when" applies when every listed slot has that value.
QUESTIONS: dict[str, list[dict[str, Any]]] = {
    "work_status": [
        {"when": {"jobless": True}, "key": N_("question.work_status.jobless"), "buttons": YES_NO_DONT_KNOW},
        {
            "key": N_("question.work_status"),
            "buttons": (
                _b(N_("button.work_status.registered"), "/sit_registered"),
                _b(N_("button.work_status.not_registered"), "/sit_not_registered"),
                _b(N_("button.work_status.employed"), "/sit_employed"),
                PREFER_NOT_SAY,
            ),
        },
    ],
    "unemployment_benefit": [{"key": N_("question.unemployment_benefit"), "buttons": YES_NO_DONT_KNOW}],
    "social_assistance": [{"key": N_("question.social_assistance"), "buttons": YES_NO_DONT_KNOW}],
    "age": [{"key": N_("question.age"), "buttons": (PREFER_NOT_SAY,)}],
    "district": [
        {
            "key": N_("question.district"),
            "buttons": (
                _b(N_("button.district.outside_warsaw"), '/inform_district{"district": "outside_warsaw"}'),
                PREFER_NOT_SAY,
            ),
        },
    ],
    "disability_certificate": [{"key": N_("question.disability_certificate"), "buttons": YES_NO_PRIVATE}],
    "long_term_unemployed": [{"key": N_("question.long_term_unemployed"), "buttons": YES_NO_DONT_KNOW}],
    "disability_degree": [
        {
            "key": N_("question.disability_degree"),
            "buttons": (
                _b(N_("button.degree.light"), '/sit_disability_certificate{"disability_degree": "light"}'),
                _b(N_("button.degree.moderate"), '/sit_disability_certificate{"disability_degree": "moderate"}'),
                _b(N_("button.degree.severe"), '/sit_disability_certificate{"disability_degree": "severe"}'),
                _b(N_("button.dont_know"), "/dont_know"),
            ),
        },
    ],
    "disability_condition": [
        {
            "key": N_("question.disability_condition"),
            "buttons": (
                _b(N_("button.condition.autism"), '/sit_disability_condition{"disability_condition": "autism"}'),
                _b(
                    N_("button.condition.mental_illness"),
                    '/sit_disability_condition{"disability_condition": "mental_illness"}',
                ),
                _b(
                    N_("button.condition.intellectual_disability"),
                    '/sit_disability_condition{"disability_condition": "intellectual_disability"}',
                ),
                _b(N_("button.condition.other"), '/sit_disability_condition{"disability_condition": "other"}'),
                PREFER_NOT_SAY,
            ),
        },
    ],
    "able_to_work": [{"key": N_("question.able_to_work"), "buttons": YES_NO_DONT_KNOW}],
    "health_limitations": [{"key": N_("question.health_limitations"), "buttons": YES_NO_PRIVATE}],
    "cis_kis_months": [
        {
            "key": N_("question.cis_kis_months"),
            "buttons": (
                _b(N_("button.cis_kis.never"), "/deny"),
                # the payloads carry a duration the way the NLU's entity does (read by parse_months)
                _b(N_("button.cis_kis.short"), '/sit_cis_kis{"duration": "3 miesiące"}'),  # not said: a payload
                _b(N_("button.cis_kis.long"), '/sit_cis_kis{"duration": "6 miesięcy"}'),  # not said: a payload
                _b(N_("button.dont_know"), "/dont_know"),
            ),
        },
    ],
    "life_situations": [
        {
            "key": N_("question.life_situations"),
            "buttons": (
                _b(N_("button.situation.homeless"), "/sit_homeless"),
                _b(N_("button.situation.housing_problem"), "/sit_housing_problem"),
                _b(N_("button.situation.family_support"), "/sit_family_support"),
                _b(N_("button.situation.carer"), "/sit_carer"),
                _b(N_("button.situation.leaving_care"), "/sit_leaving_care"),
                _b(N_("button.situation.social_enterprise"), "/sit_social_enterprise"),
                _b(N_("button.situation.none"), "/deny"),
            ),
        },
    ],
    "sensitive_topics": [
        {
            "key": N_("question.sensitive_topics"),
            "buttons": (
                _b(N_("button.situation.addiction"), "/sit_addiction"),
                _b(N_("button.situation.left_prison"), "/sit_left_prison"),
                _b(N_("button.situation.foreigner"), "/sit_foreigner"),
                _b(N_("button.situation.international_protection"), "/sit_international_protection"),
                _b(N_("button.situation.nothing"), "/deny"),
                PREFER_NOT_SAY,
            ),
        },
    ],
}

# "Praga" alone answers the district question half-way (probed: "I did not understand"): two districts,
# each with its own social welfare centre, so the question is asked again as a choice between them.
WHICH_PRAGA = {
    "key": N_("question.district.which_praga"),
    "buttons": (
        _b(
            N_("button.district.praga_north"),
            "/inform_district" + json.dumps({"district": PRAGA_NORTH}, ensure_ascii=False),
        ),
        _b(
            N_("button.district.praga_south"),
            "/inform_district" + json.dumps({"district": PRAGA_SOUTH}, ensure_ascii=False),
        ),
        PREFER_NOT_SAY,
    ),
}


# Texts are looked up when said, not at import: they follow the conversation's language (bot.messages.using).
def greeting() -> str:
    return text("reply.greeting")


CLARIFY_BUTTONS = (
    _b(N_("button.looking_for_work"), "/sit_unemployed"),
    _b(N_("button.has_certificate"), "/sit_disability_certificate"),
    _b(N_("button.situation.homeless"), "/sit_homeless"),
    _b(N_("button.ask_institution"), "/ask_what_is"),
    ASK_HUMAN,
)


def clarify() -> dict[str, Any]:
    return {"text": text("reply.clarify"), "buttons": shown(CLARIFY_BUTTONS)}


def fallback() -> str:
    return text("reply.fallback")


def asked(variant: dict[str, Any], lang: str | None = None) -> dict[str, Any]:
    """One variant of a question in words: its text and its buttons."""
    return {"text": text(variant["key"], lang), "buttons": shown(variant["buttons"], lang)}


def question_for(slot: str, slots: dict[str, Any], lang: str | None = None) -> dict[str, Any]:
    """The wording of the question about `slot` that fits what is already known."""
    for variant in QUESTIONS[slot]:
        if all(slots.get(key) == value for key, value in variant.get("when", {}).items()):
            return asked(variant, lang)
    raise KeyError(slot)


def half_answered(slot: str, answer: str) -> bool:
    """Whether the person's answer to the question about `slot` needs one more choice (Praga's side)."""
    return slot == "district" and praga_without_side(answer)


def question_after(slot: str, slots: dict[str, Any], answer: str) -> dict[str, Any]:
    """The question about `slot` asked after the person's last message `answer`: the choice it left open,
    else `question_for`."""
    return asked(WHICH_PRAGA) if half_answered(slot, answer) else question_for(slot, slots)


def _label(words: str) -> str:
    return " ".join(re.findall(r"\w+", fold(words)))


def typed_button(slot: str, slots: dict[str, Any], message: str) -> tuple[str, dict[str, Any]] | None:
    """(intent, entities) of the button of the question about `slot` whose label the person typed
    instead of clicking ("Nie pracuję, bez UP", "zadna z nich"), or None."""
    typed = _label(message)
    for button in question_for(slot, slots)["buttons"]:
        if typed and _label(button["title"]) == typed:
            intent, _, data = button["payload"].lstrip("/").partition("{")
            return intent, (json.loads("{" + data) if data else {})
    return None
