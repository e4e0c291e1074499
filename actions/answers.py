"""Questions about the domain at any time: "co to jest CIS", "ile trwa staż", "gdzie jest OPS"."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.common import catalogue, profile_of, slots_of
from actions.explain import ASPECTS, explanation
from actions.questions import facts_in_latest_message
from actions.slots import FORM
from bot.messages import text

SUGGESTED = ("ops", "up", "cis", "kis", "wtz", "zaz")


class ActionAnswerQuestion(Action):
    def name(self) -> Text:
        return "action_answer_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        known = catalogue()
        aspect = ASPECTS.get((tracker.latest_message.get("intent") or {}).get("name"), "what")
        answer = explanation(tracker.latest_message.get("entities") or [], known, aspect)
        if answer:
            dispatcher.utter_message(text=answer)
            slots = slots_of(tracker)
            if tracker.active_loop_name != FORM and profile_of(slots) and slots.get("offer") is None:
                # the interview was paused (not finished, not waiting for a yes/no, not after the
                # crisis numbers): it goes on
                return [FollowupAction("action_continue")]
        elif facts_in_latest_message(tracker) and tracker.active_loop_name != FORM:
            # "Mam orzeczenie. Gdzie mogę pracować?": a situation and a question naming no
            # institution is a request for advice, not a question about one of them.
            return [FollowupAction("action_continue")]
        else:
            dispatcher.utter_message(
                text=text("explain.which"),
                buttons=[
                    {"title": known.institutions[i].short_name, "payload": f'/ask_what_is{{"institution": "{i}"}}'}
                    for i in SUGGESTED
                ],
            )
        return []
