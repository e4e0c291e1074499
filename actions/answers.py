"""Questions about the domain at any time: "co to jest CIS", "ile trwa staż", "gdzie jest OPS",
"co to kuroniówka", "ile jeszcze pytań?"."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction
from rasa_sdk.executor import CollectingDispatcher

from actions.common import catalogue, profile_of, result_of, slots_of, words
from actions.explain import ASPECTS, answer, asked_entities, how_many_questions, named_ids
from actions.language import message_language
from actions.questions import facts_in_latest_message
from actions.recommend import OFFER_SLOT, more_questions
from actions.slots import FORM
from bot.dialogue.patterns import asks_how_many_questions
from bot.dialogue.relatives import relative_answer, relative_asked_about
from bot.messages import text

SUGGESTED = ("ops", "up", "cis", "kis", "wtz", "zaz")


def about_a_relative(tracker: Tracker, entities: List[Dict[Text, Any]], known: Any) -> str | None:
    """The answer to a Polish question about a family member's support that names no institution or
    tool of the catalogue ("czy córka z autyzmem może iść do ZAZ?" gets the ZAZ's own answer)."""
    if (message_language(tracker) or "pl") != "pl":
        return None
    if any(named_ids(entities, known)):
        return None
    relative = relative_asked_about(str(tracker.latest_message.get("text") or ""))
    return relative_answer(relative) if relative else None


class ActionAnswerQuestion(Action):
    def name(self) -> Text:
        return "action_answer_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        known, slots = catalogue(), slots_of(tracker)
        aspect = ASPECTS.get((tracker.latest_message.get("intent") or {}).get("name"), "what")
        message = str(tracker.latest_message.get("text") or "")
        offer = slots.get(OFFER_SLOT)
        # the offer of more questions still stands after the list: said again after the answer, so
        # that "tak" has something to answer (and it answers "ile jeszcze pytań?" by itself)
        offered = (
            more_questions(result_of(slots), slots)
            if tracker.active_loop_name != FORM and offer == "more_questions"
            else None
        )
        if offered and asks_how_many_questions(message):
            dispatcher.utter_message(**offered)
            return []
        entities = asked_entities(message, tracker.latest_message.get("entities") or [])
        family = about_a_relative(tracker, entities, known)
        if family:  # "syn ma autyzm, czy jemu coś przysługuje?": answered, then the questions about the person
            goes_on = tracker.active_loop_name == FORM or offer is None
            dispatcher.utter_message(text=family + ("\n" + text("family.back") if goes_on else ""))
            if tracker.active_loop_name != FORM and offer is None:
                return [FollowupAction("action_continue")]
            if offered:
                dispatcher.utter_message(**offered)
            return []
        reply = how_many_questions(message, slots, result_of(slots)["missing"]) or answer(
            message, entities, known, words(), aspect, slots.get("district")
        )
        if reply:
            dispatcher.utter_message(text=reply)
            if tracker.active_loop_name != FORM and profile_of(slots) and offer is None:
                # the interview was paused (not finished, not waiting for a yes/no, not after the
                # crisis numbers): it goes on
                return [FollowupAction("action_continue")]
            if offered:
                dispatcher.utter_message(**offered)
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
