"""Answers to the question the bot just showed: a button press (its payload) or typed text.

Every answer carries the facts it states *given the question*: "tak" to "Czy dostajesz zasiłek
dla bezrobotnych?" states unemployment_benefit=True; "Żadna z nich" to the life-situations
question states False for each of them. The answer agrees with what the person already said
(`said`); a value not said yet is drawn at random and from then on is the person's.
"""

from __future__ import annotations

import json
import random
from typing import Any, Mapping

from benchmarks.fuzz.pool import LOCATIVE, Entry, fill_age
from bot.dialogue.questions import GROUPS
from bot.profile import DISTRICTS

R, U, E = "registered_unemployed", "jobless_unregistered", "employed"
SKIP_PAYLOADS = ("/dont_know", "/prefer_not_say")

# Facts stated by pressing a button, read from its payload: "/sit_homeless" is the button
# "Nie mam gdzie mieszkać". Yes/no payloads depend on the question (see `yes_no_facts`).
INTENT_BUTTON_FACTS: dict[str, dict[str, Any]] = {
    "sit_registered": {"work_status": R},
    "sit_not_registered": {"work_status": U, "jobless": True},
    "sit_employed": {"work_status": E},
    "sit_unemployed": {"jobless": True},
    "sit_disability_certificate": {"disability_certificate": True},
    "sit_homeless": {"homeless": True},
    "sit_housing_problem": {"housing_problem": True},
    "sit_family_support": {"family_support": True},
    "sit_carer": {"carer": True},
    "sit_leaving_care": {"leaving_care": True},
    "sit_social_enterprise": {"social_enterprise": True},
    "sit_addiction": {"addiction": True},
    "sit_left_prison": {"left_prison": True},
    "sit_foreigner": {"foreigner": True},
    "sit_international_protection": {"international_protection": True, "foreigner": True},
}
DURATION_MONTHS = {"3 miesiące": 3, "6 miesięcy": 6}


def payload_facts(payload: str, question: str | None) -> dict[str, Any]:
    """The facts a button press states ("/intent{json}")."""
    intent, _, rest = payload.lstrip("/").partition("{")
    entities = json.loads("{" + rest) if rest else {}
    if intent in ("affirm", "deny"):
        return yes_no_facts(question, intent == "affirm")
    facts = dict(INTENT_BUTTON_FACTS.get(intent, {}))
    if "disability_degree" in entities:
        facts.update(disability_degree=entities["disability_degree"], disability_certificate=True)
    if "disability_condition" in entities:
        facts["disability_condition"] = entities["disability_condition"]
    if "district" in entities:
        facts["district"] = entities["district"]
    if "duration" in entities and question == "cis_kis_months":
        facts["cis_kis_months"] = DURATION_MONTHS[entities["duration"]]
    return facts


def yes_no_facts(question: str | None, yes: bool) -> dict[str, Any]:
    """What "tak" / "nie" states as the answer to the question about `question`."""
    if question is None:
        return {}
    if question == "work_status":  # only the yes/no version has Tak/Nie ("are you registered?")
        return {"work_status": R if yes else U}
    if question == "cis_kis_months":
        return {} if yes else {"cis_kis_months": 0}
    if question in GROUPS:
        return {} if yes else {key: False for key in GROUPS[question]}
    if question in ("age", "district", "disability_degree", "disability_condition"):
        return {}
    return {question: yes}


def _value(rng: random.Random, said: Mapping[str, Any], key: str, choices: list[Any]) -> Any:
    return said[key] if key in said else rng.choice(choices)


# Typed yes/no answers per question: (text, yes?) — each says nothing more than yes or no.
TYPED_YES_NO: dict[str, tuple[list[str], list[str]]] = {
    "unemployment_benefit": (
        ["tak", "tak, dostaję", "tak, mam zasiłek"],
        ["nie", "nie dostaję", "nie, nie mam zasiłku"],
    ),
    "social_assistance": (["tak", "tak, korzystam", "tak, z OPS"], ["nie", "nie korzystam", "nie, z OPS nie"]),
    "disability_certificate": (["tak", "tak, mam orzeczenie"], ["nie", "nie mam orzeczenia", "nie, nie mam"]),
    "long_term_unemployed": (["tak", "tak, już ponad rok"], ["nie", "nie, krócej"]),
    "able_to_work": (["tak", "tak, mogę pracować"], ["nie", "nie, nie pozwala"]),
    "health_limitations": (["tak", "tak, mam takie kłopoty"], ["nie", "nie mam"]),
    "work_status": (["tak", "tak, jestem zarejestrowany"], ["nie", "nie, nie jestem zarejestrowana"]),
}
WORK_TYPED: dict[str, list[str]] = {
    R: ["jestem zarejestrowany w urzędzie pracy", "mam status bezrobotnej w UP"],
    U: ["nie pracuję i nie jestem zarejestrowana", "jestem bez pracy, nie jestem zarejestrowany"],
    E: ["pracuję", "pracuję na umowę o pracę"],
}
DEGREE_TYPED = {
    "light": ["lekki", "stopień lekki"],
    "moderate": ["umiarkowany", "umiarkowany stopień"],
    "severe": ["znaczny", "mam znaczny"],
}
CONDITION_TYPED = {
    "autism": ["autyzm"],
    "mental_illness": ["choroba psychiczna"],
    "intellectual_disability": ["niepełnosprawność intelektualna"],
    "other": ["inna", "mam inną niepełnosprawność, ruchową"],
}
AGE_TYPED = ["{age}", "{age}", "mam {age} {years}", "{age} {years}"]


def _consistent_button(button: dict[str, str], question: str | None, said: Mapping[str, Any]) -> bool:
    facts = payload_facts(button["payload"], question)
    return all(said.get(key, value) == value for key, value in facts.items()) and not (
        facts.get("work_status") in (U, E) and said.get("unemployment_benefit") is True
    )


def answer(
    question: str, buttons: tuple[dict[str, str], ...], said: Mapping[str, Any], rng: random.Random
) -> tuple[Entry, str]:
    """An answer to the question about `question` and its kind ("answer" or "skip")."""
    usable = [b for b in buttons if _consistent_button(b, question, said)]
    if usable and rng.random() < 0.5:
        button = rng.choice(usable)
        kind = "skip" if button["payload"] in SKIP_PAYLOADS else "answer"
        return Entry(button["payload"], payload_facts(button["payload"], question)), kind
    yes_no_shown = any(b["payload"] == "/affirm" for b in buttons) if buttons else "jobless" in said
    return _typed(question, said, rng, yes_no_shown), "answer"


def _typed(question: str, said: Mapping[str, Any], rng: random.Random, yes_no_shown: bool) -> Entry:
    if question == "age":
        age = _value(rng, said, "age", list(range(18, 66)))
        return Entry(fill_age(rng.choice(AGE_TYPED), age), {"age": age})
    if question == "district":
        district = _value(rng, said, "district", list(DISTRICTS))
        if district == "outside_warsaw":
            return Entry("mieszkam poza Warszawą", {"district": district})
        text = rng.choice([district, district, f"mieszkam {LOCATIVE[district]}", LOCATIVE[district]])
        return Entry(text, {"district": district})
    if question == "work_status" and (not yes_no_shown or rng.random() < 0.3):
        choices = [
            s
            for s in (R, U, E)
            if not (s == E and said.get("jobless"))
            and not (s != R and (said.get("unemployment_benefit") or said.get("long_term_unemployed")))
        ]
        status = _value(rng, said, "work_status", choices)
        facts: dict[str, Any] = {"work_status": status}
        if status == U:
            facts["jobless"] = True
        return Entry(rng.choice(WORK_TYPED[status]), facts)
    if question == "disability_degree":
        degree = _value(rng, said, "disability_degree", list(DEGREE_TYPED))
        return Entry(rng.choice(DEGREE_TYPED[degree]), {"disability_degree": degree, "disability_certificate": True})
    if question == "disability_condition":
        condition = _value(rng, said, "disability_condition", list(CONDITION_TYPED))
        return Entry(rng.choice(CONDITION_TYPED[condition]), {"disability_condition": condition})
    if question == "cis_kis_months":
        months = _value(rng, said, "cis_kis_months", [0, 0, 2, 5, 8, 14])
        if months == 0:
            return Entry(rng.choice(["nigdy", "nie byłem", "nigdy nie chodziłam"]), {"cis_kis_months": 0})
        return Entry(
            rng.choice(
                [
                    f"{months} miesięcy" if months >= 5 else f"{months} miesiące",
                    f"jakieś {months} miesięcy" if months >= 5 else f"{months} miesiące",
                ]
            ),
            {"cis_kis_months": months},
        )
    if question in GROUPS:
        keys = GROUPS[question]
        if any(said.get(key) is True for key in keys) or rng.random() < 0.3:
            return Entry("wolę nie mówić", {})
        return Entry(rng.choice(["nie", "żadna", "nic z tych rzeczy"]), {key: False for key in keys})
    if question in TYPED_YES_NO:
        if question == "work_status":
            yes = said.get("work_status") == R if "work_status" in said else rng.random() < 0.5
        else:
            yes = said[question] if question in said and isinstance(said[question], bool) else rng.random() < 0.5
        if question == "unemployment_benefit" and said.get("work_status") in (U, E):
            yes = False
        yes_texts, no_texts = TYPED_YES_NO[question]
        facts = yes_no_facts(question, yes)
        if facts.get("work_status") == U:
            facts["jobless"] = True
        return Entry(rng.choice(yes_texts if yes else no_texts), facts)
    return Entry("nie wiem", {})
