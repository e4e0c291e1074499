"""One `action_ask_<slot>` per question of the form (the form calls it to ask), and the fallback."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher

from actions.common import profile_of, slots_of
from actions.slots import question_in_facts
from actions.understanding import misunderstood_before
from bot.dialogue.prompts import QUESTIONS, clarify, fallback, question_after
from bot.dialogue.replies import misunderstood_again
from bot.profile import PROFILE_KEYS


class AskQuestion(Action):
    """Ask about one slot, in the wording that fits what the person has already said."""

    slot = ""

    def name(self) -> Text:
        return f"action_ask_{self.slot}"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        answer = str((tracker.latest_message or {}).get("text") or "")
        dispatcher.utter_message(**question_after(self.slot, slots_of(tracker), answer))
        return []


# rasa-sdk registers every Action subclass it finds: one small class per question.
for _slot in QUESTIONS:
    globals()[f"Ask_{_slot}"] = type(f"Ask_{_slot}", (AskQuestion,), {"slot": _slot})


class ActionFallback(Action):
    """Low confidence in what to do next: say so, and let the person try again."""

    def name(self) -> Text:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=fallback())
        return [UserUtteranceReverted()]


def facts_in_latest_message(tracker: Tracker) -> bool:
    """Whether the person's latest message set any profile fact (even if its intent is unclear)."""
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            return False
        if event.get("event") == "slot" and event.get("name") in PROFILE_KEYS and event.get("value") is not None:
            return True
    return False


class ActionClarify(Action):
    """Unclear intent: if the message still told us facts, go on with the questions; else ask what is meant."""

    def name(self) -> Text:
        return "action_clarify"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        if facts_in_latest_message(tracker):
            # a question among the facts is answered before the questions go on
            inside = question_in_facts(tracker)
            if inside:
                dispatcher.utter_message(text=inside)
            return [FollowupAction("profile_form")]
        if misunderstood_before(tracker):
            text = misunderstood_again(profile_of(slots_of(tracker)), in_questions=False)
        else:
            text = clarify()["text"]
        dispatcher.utter_message(text=text, buttons=clarify()["buttons"])
        return []


class ActionOutOfScope(Action):
    """Something the assistant cannot help with; the second time in a row, another way forward."""

    def name(self) -> Text:
        return "action_out_of_scope"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        if misunderstood_before(tracker):
            in_questions = tracker.active_loop_name == "profile_form"
            dispatcher.utter_message(
                text=misunderstood_again(profile_of(slots_of(tracker)), in_questions),
                buttons=[] if in_questions else clarify()["buttons"],
            )
        else:
            dispatcher.utter_message(response="utter_out_of_scope")
        return []
