"""Moving the conversation forward: "co mi polecasz?", "i co dalej?", or an answer to no question.

Whatever paused the questions (a side question, the crisis numbers, a cancelled deletion), a
request for advice leads back to them while a question worth asking is left, and to the
recommendations when none is. Right after the crisis numbers, a "nie" or "nie wiem" is not
pushed back into the interview: the person hears that there is no hurry and how to come back.
"""

from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import FORM, OFFER_SLOT, interview_left, profile_of, slots_of
from bot.dialogue.questions import PHASE_SLOT
from bot.nlp.morphology import fold

NOT_NOW_INTENTS = frozenset({"deny", "dont_know", "prefer_not_say"})
# "no dobra pytaj", "tak, możesz pytać": a yes to the offer of more questions, however the NLU read it
ASK_ON = re.compile(r"\bpyta(j|jcie|c|cie)?\b")
NOT_NOW = "utter_after_crisis_not_now"
STAY = "utter_after_crisis_thanks"


def _last_bot_template(tracker: Tracker) -> str | None:
    for event in reversed(tracker.events):
        if event.get("event") == "bot":
            return (event.get("metadata") or {}).get("utter_action")
    return None


def accepts_more_questions(intent: str | None, message: str) -> bool:
    """A yes to the offer of more questions: "tak", or any message that says "pytaj" without a "nie"."""
    folded = fold(message)
    if intent == "affirm":
        return True
    return bool(ASK_ON.search(folded)) and not re.search(r"\bnie\b", folded) and intent != "deny"


def _first_message(tracker: Tracker) -> bool:
    """Whether the latest message opened the session (the greeting has just said how this works)."""
    users = 0
    for event in reversed(tracker.events):
        if event.get("event") == "session_started":
            break
        users += event.get("event") == "user"
    return users <= 1


def _lead(tracker: Tracker, offer: str | None, known: bool) -> str | None:
    """What to say before the next question: back after the crisis numbers, why more questions, or
    how it works; nothing right after an answer about an institution (the question follows it)."""
    intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
    if intent.startswith("ask_"):
        return None
    if offer == "after_crisis":
        return "utter_safe_again"
    if known:
        return "utter_advice_needs_answers"
    return None if _first_message(tracker) else "utter_interview_start"


class ActionContinue(Action):
    """Resume the questions, recommend, or (after the crisis numbers) leave the door open."""

    def name(self) -> Text:
        return "action_continue"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        slots = slots_of(tracker)
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        offer = slots.get(OFFER_SLOT)
        if offer == "after_crisis" and intent in NOT_NOW_INTENTS:
            # Said twice, the second answer is shorter: the same words three times would be a wall.
            dispatcher.utter_message(response=STAY if _last_bot_template(tracker) == NOT_NOW else NOT_NOW)
            return []
        if offer == "more_questions" and accepts_more_questions(intent, str(tracker.latest_message.get("text") or "")):
            # the offer still stands after a side question: the yes takes it up (as action_more_questions)
            return [SlotSet(PHASE_SLOT, "extended"), SlotSet(OFFER_SLOT, "done"), FollowupAction(FORM)]
        if tracker.active_loop_name == FORM:
            dispatcher.utter_message(response="utter_advice_needs_answers")
            return []  # the rule runs the form, which asks its question again
        asked_for_advice = intent == "request_advice"
        if interview_left(slots):
            lead = _lead(tracker, offer, bool(profile_of(slots)))
            if lead:
                dispatcher.utter_message(response=lead)
            return [SlotSet(OFFER_SLOT, None), FollowupAction(FORM)]
        if asked_for_advice:
            return [FollowupAction("action_recommend")]
        dispatcher.utter_message(response="utter_anything_else")
        return []
