"""Questions about the domain at any time: "co to jest CIS", "ile trwa staż", "gdzie jest OPS"."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.common import catalogue, profile_of, slots_of
from actions.questions import facts_in_latest_message
from actions.slots import FORM
from bot.dialogue.replies import explain_institution, explain_tool
from bot.messages import text

ASPECTS = {
    "ask_what_is": "what",
    "ask_who_can": "who",
    "ask_how_long": "how_long",
    "ask_how_much": "how_much",
    "ask_where": "where",
}
SUGGESTED = ("ops", "up", "cis", "kis", "wtz", "zaz")


class ActionAnswerQuestion(Action):
    def name(self) -> Text:
        return "action_answer_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        known = catalogue()
        aspect = ASPECTS.get((tracker.latest_message.get("intent") or {}).get("name"), "what")
        entities = tracker.latest_message.get("entities") or []
        tool_id = next(
            (e.get("value") for e in entities if e.get("entity") == "tool" and e.get("value") in known.tools), None
        )
        inst_id = next(
            (
                e.get("value")
                for e in entities
                if e.get("entity") == "institution" and e.get("value") in known.institutions
            ),
            None,
        )
        if tool_id or inst_id:
            if tool_id:
                tool = known.tools[tool_id]
                dispatcher.utter_message(text=explain_tool(tool, known.institutions[tool.institution_id], aspect))
            else:
                dispatcher.utter_message(text=explain_institution(known.institutions[inst_id], aspect))
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
