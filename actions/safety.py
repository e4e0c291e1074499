"""Safety first: the help numbers for the danger found, or a direct question when it is unclear.

The verdict comes from the NLU (bot.rasa_server.nlu.crisis.CrisisDetector): the intent `crisis_<category>`
or `crisis_unsure`, with every category found listed at the top of the intent ranking. A danger to
life (suicide, violence, an emergency) and the unclear signs pause the questions (the form) and keep
every fact; "ok" or any new fact resumes them (data/rules.yml). With no roof tonight the numbers come
first and the questions go on in the same turn (issue 13). A block of numbers is given once a
session; the same danger said again gets a one-line reminder, and "no phone" gets a place to go in
person (bot.dialogue.in_person). Nothing about the crisis is stored as a profile fact.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import FORM, catalogue, interview_left, profile_of, slots_of
from actions.language import message_language
from bot import language
from bot.dialogue.buttons import YES_NO_DONT_KNOW, shown
from bot.dialogue.in_person import in_person, says_no_phone
from bot.dialogue.safety import crisis_reply, go_on, interview_goes_on, introduction, reminder, safety_question
from bot.messages import using
from bot.nlp.safety.classifier import INTENT_PREFIX
from bot.nlp.safety.signals import CATEGORIES

# The intents the NLU's crisis detector sets (bot/rasa_server/nlu/crisis.py); never an answer to a question.
CRISIS_INTENTS = frozenset({f"{INTENT_PREFIX}{c}" for c in CATEGORIES} | {f"{INTENT_PREFIX}unsure"})
SAFETY_BUTTONS = YES_NO_DONT_KNOW


def categories_of(tracker: Tracker) -> tuple[str, ...]:
    """The dangers the NLU found in the latest message (the head of its intent ranking)."""
    return _ranked_categories(tracker.latest_message or {})


def _ranked_categories(message: Dict[Text, Any]) -> tuple[str, ...]:
    found = []
    for entry in message.get("intent_ranking") or []:
        name = entry.get("name") or ""
        if not name.startswith(INTENT_PREFIX):
            break
        category = name[len(INTENT_PREFIX) :]
        if category in CATEGORIES:
            found.append(category)
    return tuple(found)


def given_before(tracker: Tracker) -> set[str]:
    """The dangers whose numbers this session has already given (every earlier `action_crisis`:
    the categories of the message it answered; all of them after a "no" to the safety question)."""
    given: set[str] = set()
    message: Dict[Text, Any] = {}
    for event in tracker.events:
        if event.get("event") == "session_started":
            given, message = set(), {}
        elif event.get("event") == "user":
            message = event.get("parse_data") or {}
        elif event.get("event") == "action" and event.get("name") == "action_crisis":
            given |= set(_ranked_categories(message) or CATEGORIES)
    return given


def danger_language(tracker: Tracker) -> Optional[str]:
    """The language the numbers come in: the one the crisis detector read the danger in, when it is not
    the one the message was read in ("ja ne choczu bilsze żyty" in a Polish conversation: Ukrainian),
    else the message's (message_language)."""
    found = (tracker.latest_message or {}).get(language.DANGER_LANGUAGE_KEY)
    return found if found in language.SUPPORTED else message_language(tracker)


def greeted(tracker: Tracker) -> bool:
    """Whether the assistant has said anything in this session (a session opened by a crisis is quiet)."""
    for event in reversed(tracker.events):
        if event.get("event") == "session_started":
            return False
        if event.get("event") == "bot":
            return True
    return False


def _pause(offer: str) -> List[Dict[Text, Any]]:
    return [ActiveLoop(None), SlotSet("requested_slot", None), SlotSet("offer", offer)]


class ActionCrisis(Action):
    """The numbers first, before anything else; then the questions wait, or go on (no roof tonight)."""

    def name(self) -> Text:
        return "action_crisis"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        with using(danger_language(tracker)):  # in the language the person wrote the danger in
            return self._answer(dispatcher, tracker)

    @staticmethod
    def _answer(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
        categories = categories_of(tracker)
        slots = slots_of(tracker)
        introduce = not greeted(tracker) and "emergency" not in categories  # in an emergency, only the numbers
        goes_on = interview_goes_on(categories)
        # Only a danger that is not to life is reminded in one line: after a danger to life the
        # whole block again costs one message, a number read past could cost more.
        reminded = goes_on and set(categories) <= given_before(tracker)
        if reminded:
            reply = reminder(catalogue(), categories)
        else:
            reply = crisis_reply(catalogue(), categories, bool(profile_of(slots)))
        if says_no_phone(str((tracker.latest_message or {}).get("text") or "")):
            reply += "\n" + in_person(catalogue(), slots.get("district"), "shelter" in categories)
        dispatcher.utter_message(text=reply)
        if introduce:
            dispatcher.utter_message(text=introduction())
        if goes_on and interview_left(slots):
            if not reminded and tracker.active_loop_name != FORM:  # mid-interview the question itself follows
                dispatcher.utter_message(text=go_on())
            # as the rule says: the form ends with the numbers and starts again with its question
            return [ActiveLoop(None), SlotSet("offer", None), FollowupAction(FORM)]
        return _pause("after_crisis")


class ActionSafetyCheck(Action):
    """An unclear sign of danger: ask directly, with the likely numbers under the question."""

    def name(self) -> Text:
        return "action_safety_check"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        # No introduction here, even in a quiet session: it would bury the question.
        with using(danger_language(tracker)):
            dispatcher.utter_message(
                text=safety_question(catalogue(), categories_of(tracker)), buttons=shown(SAFETY_BUTTONS)
            )
        return _pause("safety_check")
