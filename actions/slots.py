"""Slot filling: facts from every message, and the form that asks only what can change the result."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActionExecutionRejected, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import FORM, OFFER_SLOT, catalogue, result_of, slots_of, words
from actions.explain import question_inside, side_answer, situation_answer
from actions.language import follow_language, message_language
from actions.safety import CRISIS_INTENTS
from actions.understanding import say_not_understood_answer
from bot.dialogue.clauses import about_others, clause_intents
from bot.dialogue.corrections import CHANGE_INTENT, CORRECTION_KEY, corrected
from bot.dialogue.facts import Turn, read_facts
from bot.dialogue.prompts import QUESTIONS, typed_button
from bot.dialogue.questions import GROUPS, PHASE_SLOT, next_question
from bot.dialogue.replies import noted
from bot.language import DETECTOR_INTENTS
from bot.messages import using
from bot.profile import PROFILE_KEYS

# Messages that are not answers: the form steps aside and the rules answer them.
INTERRUPTIONS = (
    frozenset(
        {
            "ask_what_is",
            "ask_who_can",
            "ask_how_long",
            "ask_how_much",
            "ask_where",
            "restart",
            "delete_data",
            "ask_human",
            "bot_challenge",
            "change_answer",
            "request_summary",
            "goodbye",
            "thank",
            "out_of_scope",
            "nlu_fallback",
            "request_advice",
        }
    )
    | CRISIS_INTENTS
    | DETECTOR_INTENTS
)
QUIET_ACTIONS = frozenset(
    {"action_listen", "action_extract_slots", FORM, f"validate_{FORM}", "action_validate_slot_mappings"}
)


def turn_of(tracker: Tracker) -> Turn:
    message = tracker.latest_message or {}
    intent = message.get("intent") or {}
    requested = tracker.get_slot("requested_slot") if tracker.active_loop_name == FORM else None
    text, slots = str(message.get("text") or ""), slots_of(tracker)
    typed = typed_button(requested, slots, text) if requested in QUESTIONS else None
    if typed:  # the label typed instead of clicked means what the click means
        name, values = typed
        return Turn(
            text=f"/{name}",
            intent=name,
            confidence=1.0,
            requested_slot=requested,
            slots=slots,
            entities=tuple({"entity": key, "value": value} for key, value in values.items()),
        )
    return Turn(
        text=text,
        # a correction the Rasa server read as a fact so that the rules go on is still a correction here
        intent=CHANGE_INTENT if message.get(CORRECTION_KEY) else intent.get("name"),
        confidence=float(intent.get("confidence") or 0.0),
        entities=tuple(message.get("entities") or ()),
        requested_slot=requested,
        slots=slots,
        ranking=tuple(
            (str(r.get("name")), float(r.get("confidence") or 0.0)) for r in message.get("intent_ranking") or []
        ),
        clauses=clause_intents(message),
        others=about_others(message),
    )


class ActionValidateSlotMappings(Action):
    """Runs after every user message: every fact stated anywhere fills its slot."""

    def name(self) -> Text:
        return "action_validate_slot_mappings"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        turn = turn_of(tracker)
        # the facts are read in the message's language: a first message in Ukrainian is Ukrainian
        # before the slot says so
        # (and what was noted is said in it: this turn may start the conversation's language)
        with using(message_language(tracker)):
            told = read_facts(turn)
            updates = {key: value for key, value in told.items() if turn.slots.get(key) != value}
            correction = corrected(turn.intent, told, turn.slots)
            if turn.intent in CRISIS_INTENTS:
                line = None
            else:
                line = noted(*correction) if any(correction) else noted(*out_of_turn(updates, turn))
        if line:
            dispatcher.utter_message(text=line)
        events = [SlotSet(key, value) for key, value in updates.items()] + follow_language(tracker, dispatcher)
        return events + (_after_correction(tracker) if any(correction) else [])


def carries_its_value(tracker: Tracker) -> bool:
    """Whether the latest message is a correction with its value (which the form must not reject:
    the rule's "Napisz, co się zmieniło" is for a correction without one)."""
    turn = turn_of(tracker)
    return any(corrected(turn.intent, read_facts(turn), turn.slots))


# Offers a correction ends: the yes/no they wait for is not coming ("usunąć dane?" – "jednak mam 48 lat").
ENDED_BY_A_CORRECTION = frozenset({"delete", "restart"})


def _after_correction(tracker: Tracker) -> List[Dict[Text, Any]]:
    """A correction that carried its value goes on like any fact (outside the questions the Rasa server
    reads it as one, bot/rasa_server/side_questions.py): a confirmation it interrupted is over."""
    return [SlotSet(OFFER_SLOT, None)] if tracker.get_slot(OFFER_SLOT) in ENDED_BY_A_CORRECTION else []


def out_of_turn(updates: Dict[str, Any], turn: Turn) -> tuple[Dict[str, Any], Dict[str, Any]]:
    """(corrected answers, facts told while another question waits): what deserves a word."""
    asked = turn.requested_slot
    answering = {asked, *GROUPS.get(asked or "", ())}
    profile = {k: v for k, v in updates.items() if k in PROFILE_KEYS and v is not None}
    changed = {k: v for k, v in profile.items() if turn.slots.get(k) is not None}
    added = {k: v for k, v in profile.items() if k not in changed and asked and k not in answering}
    return changed, added


def _answered_just_now(tracker: Tracker) -> bool:
    """True when the form runs right after the person's message (not after a side question)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return True
        if event.get("event") == "action" and event.get("name") not in QUIET_ACTIONS:
            return False
    return False


def _side_answer(tracker: Tracker) -> str | None:
    """The answer to a question (or a situation the glossary knows) told instead of an answer."""
    message, slots = tracker.latest_message or {}, slots_of(tracker)
    return side_answer(
        str(message.get("text") or ""),
        message.get("entities") or [],
        catalogue(),
        words(),
        slots,
        result_of(slots)["missing"],
    )


def question_in_facts(tracker: Tracker) -> str | None:
    """The answer to a question asked in a message that also told facts (the facts are kept)."""
    message = tracker.latest_message or {}
    return question_inside(
        str(message.get("text") or ""),
        message.get("entities") or [],
        catalogue(),
        words(),
        tracker.get_slot("district"),
    )


class ValidateProfileForm(FormValidationAction):
    """Chooses the next question from the engine's `missing`; re-asks kindly when not understood."""

    def name(self) -> Text:
        return f"validate_{FORM}"

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Text]:
        slots = slots_of(tracker)
        question = next_question(result_of(slots)["missing"], slots, extended=slots.get(PHASE_SLOT) == "extended")
        return [question] if question else []

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if intent in CRISIS_INTENTS and _answered_just_now(tracker):
            # Danger comes first even when the same message also answered the question
            # ("wola. nie chce juz zyc"): the facts are already kept (action_validate_slot_mappings),
            # and the rejection lets the crisis rule answer instead of the next question.
            return [ActionExecutionRejected(FORM)]
        understood = bool(tracker.slots_to_validate())
        if understood and _answered_just_now(tracker) and intent not in INTERRUPTIONS:
            # "…mam 39 lat. Co to jest CIS?": facts kept, question answered; "dostałam pismo z ZGN,
            # wypowiedzą mi umowę": the housing problem kept, and what to do with the letter
            inside = question_in_facts(tracker) or situation_answer(
                str(tracker.latest_message.get("text") or ""), catalogue(), words(), tracker.get_slot("district")
            )
            if inside:
                dispatcher.utter_message(text=inside)
        events = await super().run(dispatcher, tracker, domain)
        if not understood and tracker.get_slot("requested_slot") and _answered_just_now(tracker):
            keep_going = SlotSet(PHASE_SLOT, tracker.get_slot(PHASE_SLOT) or "core")  # no rejection: ask again
            if intent == "greet" or (intent == CHANGE_INTENT and carries_its_value(tracker)):
                events.append(keep_going)  # "pomyliłem się, jestem zarejestrowany", as was known: ask on
            elif intent not in INTERRUPTIONS:
                side = _side_answer(tracker)
                if side:  # "a mogę iść do OPS, jak nie mam zasiłku?": answered, then the question again
                    dispatcher.utter_message(text=side)
                else:
                    say_not_understood_answer(dispatcher, tracker)
                events.append(keep_going)
        return events
