"""What the assistant says to a person in danger: the numbers first, from the knowledge base.

Every number comes from `data/knowledge/helplines.yaml`, where each has a dated source. A reply
opens with one short line for the kind of danger and then the numbers; it ends by saying that
the conversation can go on and nothing the person said is lost.
"""

from __future__ import annotations

from typing import Iterable

from bot.knowledge.catalogue import Catalogue, HelplineInfo
from bot.nlp.safety.signals import CATEGORIES

LEADS = {
    "suicide": "To, co piszesz, jest bardzo ważne. Porozmawiaj teraz z kimś, kto pomoże – także jeśli martwisz się o bliską osobę:",
    "violence": "Nikt nie ma prawa krzywdzić Ciebie ani Twoich bliskich. Jeśli grozi Wam niebezpieczeństwo, zadzwoń:",
    "shelter": "Jeśli nie masz dziś gdzie spać albo marzniesz, zadzwoń:",
    "emergency": "Jeśli Tobie albo komuś obok grozi niebezpieczeństwo, dzwoń teraz:",
}
GENERAL_LEAD = "Jeśli grozi Ci niebezpieczeństwo albo jest Ci bardzo ciężko, zadzwoń teraz:"
HARD_TIME_LEAD = "Jeśli jest Ci bardzo ciężko albo grozi Ci niebezpieczeństwo:"
NOT_ALONE = "Nie zostawaj z tym w pojedynkę."
RESUME = (
    "Kiedy zechcesz, możemy wrócić do rozmowy o pracy i wsparciu – wszystko, co już napisałeś lub napisałaś, pamiętam."
)
BEGIN_LATER = "Kiedy zechcesz, możemy też porozmawiać o pracy i wsparciu."
STAY = "Jestem tutaj – napisz, kiedy będziesz chciał lub chciała."  # an emergency: no talk of work now
ALONE_CATEGORIES = {"suicide", "violence"}  # where being alone with it is the danger itself
SAFETY_QUESTION = "Chcę się upewnić: czy jesteś teraz bezpieczny lub bezpieczna?"
UNDER_QUESTION = "Jeśli nie – albo nie wiesz – zadzwoń:"
INTRODUCTION = (
    "Jestem Drogowskaz: pomagam mieszkańcom Warszawy znaleźć instytucje, które wspierają w szukaniu "
    "pracy i w trudnej sytuacji życiowej. Nie pytam o imię, PESEL ani adres."
)


def _lines(catalogue: Catalogue, categories: Iterable[str]) -> list[HelplineInfo]:
    """The help lines of every category, each once, in the knowledge base's order: the lines made
    for these dangers first and the emergency number that serves every danger last, except when
    life may be at risk right now (an emergency among them): then the emergency number first."""
    wanted = set(categories)
    lines = [line for line in catalogue.helplines if wanted & set(line.categories)]
    general_first = "emergency" in wanted
    return sorted(lines, key=lambda line: (set(CATEGORIES) <= set(line.categories)) != general_first)


def _bullet(line: HelplineInfo) -> str:
    hours = f" ({line.hours})" if line.hours else ""
    return f"• {line.number} – {line.description}{hours}"


def numbers_block(catalogue: Catalogue, categories: Iterable[str]) -> str:
    return "\n".join(_bullet(line) for line in _lines(catalogue, categories))


def crisis_reply(catalogue: Catalogue, categories: tuple[str, ...], known: bool = True) -> str:
    """Numbers for the dangers found; with none named (a "no" to the safety question), all of them.

    An emergency leads when it is among them (life may be at risk now), and then the reply says
    nothing of work; `known`: whether the person has told anything about their situation yet
    (then "I remember it all")."""
    named = tuple(c for c in CATEGORIES if c in categories)
    first = "emergency" if "emergency" in named else (named[0] if named else None)
    lead = LEADS[first] if first else GENERAL_LEAD
    resume = STAY if first == "emergency" else RESUME if known else BEGIN_LATER
    closing = f"{NOT_ALONE} {resume}" if ALONE_CATEGORIES & set(named or CATEGORIES) else resume
    return f"{lead}\n{numbers_block(catalogue, named or CATEGORIES)}\n{closing}"


def safety_question(catalogue: Catalogue, categories: tuple[str, ...]) -> str:
    """The gentle question when the signs are unclear, with the likely dangers' numbers under it."""
    named = tuple(c for c in CATEGORIES if c in categories) or ("emergency",)
    return f"{SAFETY_QUESTION}\n{UNDER_QUESTION}\n{numbers_block(catalogue, named)}"
