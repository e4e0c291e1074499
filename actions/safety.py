"""Safety first: the help numbers for the danger found, or a direct question when it is unclear.

The verdict comes from the NLU (bot.rasa_server.nlu.crisis.CrisisDetector): the intent `crisis_<category>`
or `crisis_unsure`, with every category found listed at the top of the intent ranking. Both
actions pause the questions (the form) and keep every fact; "ok" or any new fact resumes them
(data/rules.yml). Nothing about the crisis is stored as a profile fact.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import catalogue, profile_of, slots_of
from bot.dialogue.buttons import YES_NO_DONT_KNOW, shown
from bot.dialogue.safety import crisis_reply, introduction, safety_question
from bot.nlp.safety.classifier import INTENT_PREFIX
from bot.nlp.safety.signals import CATEGORIES

# The intents the NLU's crisis detector sets (bot/rasa_server/nlu/crisis.py); never an answer to a question.
CRISIS_INTENTS = frozenset({f"{INTENT_PREFIX}{c}" for c in CATEGORIES} | {f"{INTENT_PREFIX}unsure"})
SAFETY_BUTTONS = YES_NO_DONT_KNOW


def categories_of(tracker: Tracker) -> tuple[str, ...]:
    """The dangers the NLU found in the latest message (the head of its intent ranking)."""
    found = []
    for entry in (tracker.latest_message or {}).get("intent_ranking") or []:
        name = entry.get("name") or ""
        if not name.startswith(INTENT_PREFIX):
            break
        category = name[len(INTENT_PREFIX) :]
        if category in CATEGORIES:
            found.append(category)
    return tuple(found)


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
    """The numbers first, before anything else; the questions wait."""

    def name(self) -> Text:
        return "action_crisis"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        categories = categories_of(tracker)
        introduce = not greeted(tracker) and "emergency" not in categories  # in an emergency, only the numbers
        known = bool(profile_of(slots_of(tracker)))
        dispatcher.utter_message(text=crisis_reply(catalogue(), categories, known))
        if introduce:
            dispatcher.utter_message(text=introduction())
        return _pause("after_crisis")


class ActionSafetyCheck(Action):
    """An unclear sign of danger: ask directly, with the likely numbers under the question."""

    def name(self) -> Text:
        return "action_safety_check"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        # No introduction here, even in a quiet session: it would bury the question.
        dispatcher.utter_message(
            text=safety_question(catalogue(), categories_of(tracker)), buttons=shown(SAFETY_BUTTONS)
        )
        return _pause("safety_check")
