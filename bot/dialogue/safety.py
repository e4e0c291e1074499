"""What the assistant says to a person in danger: the numbers first, from the knowledge base.

Every number comes from `data/knowledge/helplines.yaml`, where each has a dated source. A reply
opens with one short line for the kind of danger and then the numbers; it ends by saying that
the conversation can go on and nothing the person said is lost.
"""

from __future__ import annotations

from typing import Iterable

from bot.dialogue.helpline_language import language_note
from bot.knowledge.catalogue import POLISH, Catalogue, HelplineInfo, OfferedLine
from bot.knowledge.translations import translate
from bot.messages import N_, current_language, text
from bot.nlp.safety.signals import CATEGORIES

# Catalogue keys, looked up when said (the texts follow the conversation's language).
LEAD_KEYS = {
    "suicide": N_("safety.lead.suicide"),
    "violence": N_("safety.lead.violence"),
    "shelter": N_("safety.lead.shelter"),
    "emergency": N_("safety.lead.emergency"),
}
STAY_KEY = N_("safety.stay")  # an emergency: no talk of work now
RESUME_KEY, BEGIN_LATER_KEY = N_("safety.resume"), N_("safety.begin_later")
ALONE_CATEGORIES = {"suicide", "violence"}  # where being alone with it is the danger itself


def lead(category: str) -> str:
    return text(LEAD_KEYS[category])


def hard_time_lead() -> str:
    return text("safety.lead.hard_time")


def safety_question_text() -> str:
    return text("safety.question")


def introduction() -> str:
    return text("safety.introduction")


def go_on() -> str:
    """After the numbers of a danger that is not to life: the questions go on."""
    return text("safety.go_on")


# Dangers to life right now: after their numbers the questions wait for the person. With no roof
# (shelter) the numbers come first and the interview goes on in the same turn: a place to sleep
# tonight and help for the months ahead are both what the person came for (issue 13).
ACUTE = frozenset({"suicide", "violence", "emergency"})


def interview_goes_on(categories: Iterable[str]) -> bool:
    """Whether the questions go on right after the numbers: a danger named, none of them acute."""
    named = set(categories)
    return bool(named) and not named & ACUTE


def _lines(catalogue: Catalogue, categories: Iterable[str]) -> list[HelplineInfo]:
    """The help lines of every category, each once, in the knowledge base's order: the lines made
    for these dangers first and the emergency number that serves every danger last, except when
    life may be at risk right now (an emergency among them): then the emergency number first."""
    wanted = set(categories)
    lines = [line for line in catalogue.helplines if wanted & set(line.categories)]
    general_first = "emergency" in wanted
    return sorted(lines, key=lambda line: (set(CATEGORIES) <= set(line.categories)) != general_first)


def _offered(catalogue: Catalogue, categories: Iterable[str], language: str) -> list[OfferedLine]:
    """The lines to give in `language`, in the order of `_lines`: in Polish all of them; in Ukrainian
    or English those `Catalogue.helplines_in` gives for each danger (the lines a dated source backs
    for the language, else the Polish ones flagged), each once."""
    wanted = tuple(categories)
    ordered = _lines(catalogue, wanted)
    if language == POLISH:
        return [OfferedLine(line, True) for line in ordered]
    offered = {o.line.id: o for category in wanted for o in catalogue.helplines_in(category, language)}
    return [offered[line.id] for line in ordered if line.id in offered]


def _bullet(offered: OfferedLine, language: str) -> str:
    line = offered.line
    hours = f" ({translate(line.hours, language)})" if line.hours else ""
    note = language_note(offered, language)
    return f"• {line.number} – {translate(line.description, language)}{hours}" + (f" – {note}" if note else "")


def numbers_block(catalogue: Catalogue, categories: Iterable[str]) -> str:
    """The numbers, one per line, in the conversation's language (descriptions translated, and a
    note where the call will be in Polish)."""
    language = current_language()
    return "\n".join(_bullet(offered, language) for offered in _offered(catalogue, categories, language))


def crisis_reply(catalogue: Catalogue, categories: tuple[str, ...], known: bool = True) -> str:
    """Numbers for the dangers found; with none named (a "no" to the safety question), all of them.

    An emergency leads when it is among them (life may be at risk now), and then the reply says
    nothing of work; `known`: whether the person has told anything about their situation yet
    (then "I remember it all"). When the interview goes on (`interview_goes_on`), the reply ends
    with the numbers: the next question follows it."""
    named = tuple(c for c in CATEGORIES if c in categories)
    first = "emergency" if "emergency" in named else (named[0] if named else None)
    opening = lead(first) if first else text("safety.lead.general")
    block = f"{opening}\n{numbers_block(catalogue, named or CATEGORIES)}"
    if interview_goes_on(named):
        return block
    resume = text(STAY_KEY if first == "emergency" else RESUME_KEY if known else BEGIN_LATER_KEY)
    closing = f"{text('safety.not_alone')} {resume}" if ALONE_CATEGORIES & set(named or CATEGORIES) else resume
    return f"{block}\n{closing}"


def reminder(catalogue: Catalogue, categories: tuple[str, ...]) -> str:
    """The same danger said again: the numbers given before, in one short line, not the whole block."""
    named = tuple(c for c in CATEGORIES if c in categories) or CATEGORIES
    numbers = (offered.line.number for offered in _offered(catalogue, named, current_language()))
    return f"{text('safety.reminder')} {', '.join(numbers)}."


def safety_question(catalogue: Catalogue, categories: tuple[str, ...]) -> str:
    """The gentle question when the signs are unclear, with the likely dangers' numbers under it."""
    named = tuple(c for c in CATEGORIES if c in categories) or ("emergency",)
    return f"{safety_question_text()}\n{text('safety.under_question')}\n{numbers_block(catalogue, named)}"
