"""Questions about the words people use are questions, even when the NLU is unsure.

"czy stracę zasiłek jak pójdę do pracy?" may leave DIET below the fallback threshold
(`nlu_fallback`), and in the middle of the questions that intent gets "Nie zrozumiałem tej
odpowiedzi" – though the glossary of the knowledge base (data/knowledge/glossary.yaml) knows the
answer. `install()` wraps `MessageProcessor.parse_message`: a message the NLU could not place
(`nlu_fallback`) that asks something (a "?" or a question word first, as actions/explain.py reads
it) about a glossary entry becomes `ask_what_is`, so the rules let `action_answer_question` answer
it and the questions go on. Nothing else changes: a crisis intent is never `nlu_fallback` (the
crisis detector has the last word), and a message the NLU placed keeps its intent.

The same wrapper keeps a wish to go on from ending the talk: "wróćmy do rozmowy" (the title of
the bot's own button, typed) after the crisis numbers was read as `goodbye` ("Do widzenia…"), "ok
to pogadajmy o pracy" as `ask_human`. A message read as one of END_READINGS that asks to go on
(bot.dialogue.going_on.wants_to_go_on, in the language the NLU read it in) becomes `request_advice`, which resumes the questions.

A question about a family member's support ("mój syn ma 17 lat i autyzm, czy jemu coś przysługuje?",
bot.dialogue.relatives) is a question too, whatever request for advice or fact the NLU saw in it: it
becomes `ask_who_can`, and `action_answer_question` answers it before the questions about the person
go on (read as `request_advice`, it got only "potrzebuję jeszcze kilku odpowiedzi").

A correction that carries its new value ("a jednak mam 48, pomyliłam się") read as `change_answer`
outside the questions becomes a fact of no value of its own (bot.dialogue.corrections.FACT_READING),
marked as a correction for the action server, which applies it and says what changed: the rules then go
on as after any fact (the questions, or the list made again) instead of "Napisz, co się zmieniło".
Inside the questions the form takes the value itself; while the safety question waits, nothing changes.

Installed by `python -m bot.rasa_server run` (bot/rasa_server/extensions.py).
"""

from __future__ import annotations

import functools
from typing import Any, Callable, Dict

from rasa.core.processor import MessageProcessor

from bot.dialogue.corrections import CHANGE_INTENT, CORRECTION_KEY, FACT_READING
from bot.dialogue.facts import INTENT_FACTS, Turn, leading_answer, read_facts
from bot.dialogue.going_on import wants_to_go_on
from bot.dialogue.patterns import asks, asks_how_many_questions
from bot.dialogue.relatives import relative_asked_about
from bot.knowledge.glossary import glossary
from bot.language import read_in
from bot.messages import using
from bot.profile import PROFILE_KEYS
from bot.settings import load_settings

WRITTEN_FOR_RASA = "3.6.21"  # wraps MessageProcessor.parse_message
FALLBACK = "nlu_fallback"
ASKED = "ask_what_is"
SUBJECTS = frozenset({"institution", "tool"})  # the entities a question about something names
GO_ON = "request_advice"
# What the NLU made of "wróćmy do rozmowy" and the like, when it did not read it as a wish to go on.
END_READINGS = frozenset(
    {"goodbye", "thank", "ask_human", "out_of_scope", FALLBACK, "deny", "dont_know", "greet", "bot_challenge"}
)
# Of those, the answers to a question: in Polish `leading_answer` tells them apart from a wish to go on; in
# Ukrainian and English the NLU's reading stands ("ні, все, далі не треба", "no, i dont know what next").
ANSWER_READINGS = frozenset({"deny", "dont_know"})


def about_the_glossary(parse_data: Dict[str, Any]) -> Dict[str, Any]:
    """The parse result, with an unsure question about a glossary entry read as a question."""
    text = str(parse_data.get("text") or "")
    if (parse_data.get("intent") or {}).get("name") != FALLBACK or text.startswith("/") or not asks(text):
        return parse_data
    if not glossary(load_settings().knowledge_dir).find(text):
        return parse_data
    return {**parse_data, "intent": {"name": ASKED, "confidence": 1.0}}


def _asks_about_nothing(parse_data: Dict[str, Any]) -> bool:
    """A question read as `ask_what_is` that names no institution, tool or glossary entry: its only
    answer would be "O którą instytucję albo formę wsparcia pytasz?"."""
    if (parse_data.get("intent") or {}).get("name") != ASKED:
        return False
    if any(e.get("entity") in SUBJECTS for e in parse_data.get("entities") or ()):
        return False
    return not glossary(load_settings().knowledge_dir).find(str(parse_data.get("text") or ""))


def going_on(parse_data: Dict[str, Any]) -> Dict[str, Any]:
    """The parse result, with a wish to go on read as one, whatever end of the talk the NLU saw in it,
    or a question about nothing ("dziękuję, jestem bezpieczny. to co dalej?" read as `ask_what_is`
    0.45 over `thank` 0.40, after the crisis numbers), in the language the NLU read it in ("ми зараз у
    сестри, все добре. що далі?" after the violence numbers was a "not sure I understand" with the menu)."""
    text = str(parse_data.get("text") or "")
    name = (parse_data.get("intent") or {}).get("name")
    language = read_in(parse_data) or "pl"
    if text.startswith("/") or (name not in END_READINGS and not _asks_about_nothing(parse_data)):
        return parse_data
    if not wants_to_go_on(text, language):
        return parse_data
    if language == "pl" and leading_answer(text):
        return parse_data  # "nie, dalej nie pracuję", "nie wiem co dalej": an answer, "dalej" is "still"
    if language != "pl" and name in ANSWER_READINGS:
        return parse_data  # "ні, далі не працюю", "i don't know what next": the foreign NLU read an answer
    return {**parse_data, "intent": {"name": GO_ON, "confidence": 1.0}}


HOW_LONG = "ask_how_long"


def about_the_questions(parse_data: Dict[str, Any]) -> Dict[str, Any]:
    """The parse result, with "ile jeszcze pytań?" read as the question it is (answered with how many are
    left), whatever else the NLU saw in it (a model read it as out of scope)."""
    text = str(parse_data.get("text") or "")
    name = (parse_data.get("intent") or {}).get("name") or ""
    if text.startswith("/") or name.startswith(("ask_", "crisis_")) or not asks_how_many_questions(text):
        return parse_data
    return {**parse_data, "intent": {"name": HOW_LONG, "confidence": 1.0}}


WHO_CAN = "ask_who_can"
# What the NLU made of a question about a family member, besides a question: the facts in it, a request
# for advice, or nothing it could place (never a cry for help, a request to delete or to start over).
RELATIVE_READINGS = frozenset(
    {"request_advice", "nlu_fallback", "out_of_scope", "greet", "affirm", "deny", "dont_know", *INTENT_FACTS}
)


def about_a_relative(parse_data: Dict[str, Any]) -> Dict[str, Any]:
    """The parse result, with a Polish question about a family member's support read as a question."""
    text = str(parse_data.get("text") or "")
    if (parse_data.get("intent") or {}).get("name") not in RELATIVE_READINGS or text.startswith("/"):
        return parse_data
    if (read_in(parse_data) or "pl") != "pl" or not relative_asked_about(text):
        return parse_data
    return {**parse_data, "intent": {"name": WHO_CAN, "confidence": 1.0}}


def a_correction_with_its_value(parse_data: Dict[str, Any], tracker: Any = None) -> Dict[str, Any]:
    """The parse result, with a correction that carries its value read as a fact, outside the questions."""
    text = str(parse_data.get("text") or "")
    if (parse_data.get("intent") or {}).get("name") != CHANGE_INTENT or text.startswith("/"):
        return parse_data
    slots = dict(tracker.current_slot_values()) if tracker is not None else {}
    if (tracker is not None and tracker.active_loop_name) or slots.get("offer") == "safety_check":
        return parse_data
    turn = Turn(text, CHANGE_INTENT, 1.0, tuple(parse_data.get("entities") or ()), None, slots)
    with using(read_in(parse_data) or slots.get("language")):
        told = read_facts(turn)
    if not any(told.get(key) is not None for key in PROFILE_KEYS):
        return parse_data
    return {**parse_data, "intent": {"name": FACT_READING, "confidence": 1.0}, CORRECTION_KEY: True}


def read_side_questions(parse_message: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(parse_message)
    async def wrapped(self: MessageProcessor, *args: Any, **kwargs: Any) -> Dict[str, Any]:
        parsed = about_the_glossary(await parse_message(self, *args, **kwargs))
        tracker = kwargs.get("tracker", args[1] if len(args) > 1 else None)
        return a_correction_with_its_value(about_a_relative(about_the_questions(going_on(parsed))), tracker)

    wrapped.drogowskaz_side_questions = True  # type: ignore[attr-defined]
    return wrapped


def installed() -> bool:
    return getattr(MessageProcessor.parse_message, "drogowskaz_side_questions", False)


def install() -> None:
    if not installed():
        MessageProcessor.parse_message = read_side_questions(MessageProcessor.parse_message)  # type: ignore[method-assign]
