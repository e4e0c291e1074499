"""The recommendation turn: plain Polish text, the contract's custom payload, and what comes next."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import result_of, slots_of
from bot.dialogue.questions import PHASE_SLOT, remaining_after_core
from bot.dialogue.replies import more_questions_offer, recommendation_messages

OFFER_SLOT = "offer"


class ActionRecommend(Action):
    def name(self) -> Text:
        return "action_recommend"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        slots = slots_of(tracker)
        result = result_of(slots)
        for text in recommendation_messages(result):
            dispatcher.utter_message(text=text)
        dispatcher.utter_message(json_message={"recommendations": result["recommendations"], "would_open": result["would_open"]})
        remaining = remaining_after_core(result["missing"], slots) if slots.get(PHASE_SLOT) != "extended" else []
        if remaining:
            dispatcher.utter_message(text=more_questions_offer(len(remaining)), buttons=[
                {"title": "Tak, pytaj", "payload": "/affirm"},
                {"title": "Nie, dziękuję", "payload": "/deny"},
            ])
            return [SlotSet(OFFER_SLOT, "more_questions")]
        dispatcher.utter_message(response="utter_anything_else")
        return [SlotSet(OFFER_SLOT, "done")]


class ActionMoreQuestions(Action):
    """The person agreed to a few more questions: the form goes on with the extended set."""

    def name(self) -> Text:
        return "action_more_questions"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return [SlotSet(PHASE_SLOT, "extended"), SlotSet(OFFER_SLOT, "done")]
