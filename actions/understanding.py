"""Noticing that the bot did not understand the person's previous message too, to change strategy.

The same "I did not understand" three times in a row is a wall: the second time in a row the
person gets another way forward (buttons, what is already known, a human to call) instead.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.common import profile_of, slots_of
from bot.dialogue.prompts import half_answered
from bot.dialogue.replies import misunderstood_again, said_misunderstood_again
from bot.messages import variants

NOT_UNDERSTOOD_RESPONSES = frozenset({"utter_not_understood_answer", "utter_out_of_scope"})
NOT_UNDERSTOOD_TEXTS = variants("reply.clarify") | variants("reply.fallback")  # said in any language


def misunderstood_before(tracker: Tracker) -> bool:
    """Whether the bot's replies to the message before the latest one said it did not understand,
    and did not already change strategy then (so the new way is offered once, then plain again)."""
    users = 0
    found = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            users += 1
            if users == 2:
                return found
        elif event.get("event") == "bot" and users == 1:
            text = event.get("text") or ""
            if said_misunderstood_again(text):
                return False
            template = (event.get("metadata") or {}).get("utter_action")
            found = found or template in NOT_UNDERSTOOD_RESPONSES or text in NOT_UNDERSTOOD_TEXTS
    return found


def say_not_understood_answer(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """An answer to the question asked that could not be read: "Nie zrozumiałem tej odpowiedzi…", or the
    second time in a row, another way forward (what is known, a person to call). Nothing when the answer
    left a choice open ("na Pradze"): the question that follows asks it (bot.dialogue.prompts.question_after)."""
    asked = tracker.get_slot("requested_slot")
    if asked and half_answered(asked, str((tracker.latest_message or {}).get("text") or "")):
        return
    if misunderstood_before(tracker):
        dispatcher.utter_message(text=misunderstood_again(profile_of(slots_of(tracker)), in_questions=True))
    else:
        dispatcher.utter_message(response="utter_not_understood_answer")


class ActionNotUnderstoodAnswer(Action):
    """A message the NLU could not place (`nlu_fallback`) in the middle of the questions; the form asks the
    question again after it (data/rules.yml). Twelfth session: two such messages in a row got the same
    "Nie zrozumiałem" twice, where a message read as some other intent got another way forward."""

    def name(self) -> Text:
        return "action_not_understood_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        say_not_understood_answer(dispatcher, tracker)
        return []
