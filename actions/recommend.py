"""The recommendation turn: plain Polish text, the contract's custom payload, and what comes next."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import OFFER_SLOT, result_of, slots_of
from bot.dialogue.buttons import ASK_HUMAN, SUMMARY, button, shown
from bot.dialogue.questions import PHASE_SLOT, remaining_after_core
from bot.dialogue.replies import (
    more_questions_offer,
    recommendation_messages,
    said_unchanged,
    unchanged_recommendations,
)
from bot.messages import N_
from bot.profile import PROFILE_KEYS

NEXT_STEPS_BUTTONS = (SUMMARY, ASK_HUMAN)
MORE_QUESTIONS_BUTTONS = (
    button(N_("button.more_questions.yes"), "/affirm"),
    button(N_("button.more_questions.no"), "/deny"),
)


def _last_recommendation(tracker: Tracker) -> tuple[list[str] | None, bool]:
    """The institutions of the last list sent, and whether the profile differs from what it was then.

    A fact told again with the same value ("pracowałem 20 lat jako kierowca" after the list) sets its
    slot again but changes nothing: the profile's values are compared, not the slot events."""
    profile: dict[str, Any] = {}
    last, then = None, None
    for event in tracker.events:
        if event.get("event") == "slot" and event.get("name") in PROFILE_KEYS:
            profile[event["name"]] = event.get("value")
        elif event.get("event") in ("restart", "reset_slots", "session_started"):
            profile, last, then = {}, None, None
        custom = ((event.get("data") or {}).get("custom") or {}) if event.get("event") == "bot" else {}
        if isinstance(custom, dict) and isinstance(custom.get("recommendations"), list):
            last, then = [item.get("institution") for item in custom["recommendations"]], dict(profile)
    if last is None:
        return None, False
    now = {key: value for key, value in profile.items() if value is not None}
    return last, now != {key: value for key, value in (then or {}).items() if value is not None}


def _unchanged_in_a_row(tracker: Tracker) -> int:
    """How many of the bot's latest replies in a row said that nothing changed since the list."""
    count = 0
    for event in reversed(tracker.events):
        if event.get("event") != "bot":
            continue
        if not said_unchanged(event.get("text") or ""):
            break
        count += 1
    return count


def more_questions(result: Dict[str, Any], slots: Dict[str, Any]) -> Dict[str, Any] | None:
    """The offer of the extended questions (text and buttons), or None when none is left to ask."""
    remaining = remaining_after_core(result["missing"], slots) if slots.get(PHASE_SLOT) != "extended" else []
    if not remaining:
        return None
    return {"text": more_questions_offer(len(remaining)), "buttons": shown(MORE_QUESTIONS_BUTTONS)}


class ActionRecommend(Action):
    def name(self) -> Text:
        return "action_recommend"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        slots = slots_of(tracker)
        result = result_of(slots)
        last, changed = _last_recommendation(tracker)
        if (
            last is not None
            and not changed
            and last == [item["institution"] for item in result["recommendations"]]
            and last
        ):
            # The same list again would be a wall of the same words: say so, where to begin, what next.
            text, with_buttons = unchanged_recommendations(result, _unchanged_in_a_row(tracker))
            dispatcher.utter_message(text=text, buttons=shown(NEXT_STEPS_BUTTONS) if with_buttons else [])
            return [SlotSet(OFFER_SLOT, "done")]
        for text in recommendation_messages(result):
            dispatcher.utter_message(text=text)
        dispatcher.utter_message(
            json_message={"recommendations": result["recommendations"], "would_open": result["would_open"]}
        )
        offer = more_questions(result, slots)
        if offer:
            dispatcher.utter_message(**offer)
            return [SlotSet(OFFER_SLOT, "more_questions")]
        dispatcher.utter_message(response="utter_anything_else")
        return [SlotSet(OFFER_SLOT, "done")]


class ActionMoreQuestions(Action):
    """The person agreed to a few more questions: the form goes on with the extended set."""

    def name(self) -> Text:
        return "action_more_questions"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        return [SlotSet(PHASE_SLOT, "extended"), SlotSet(OFFER_SLOT, "done")]
