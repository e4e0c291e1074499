"""Conversation-level actions: start, start over, delete my data, summary with a code, a human."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import (
    ActionExecuted,
    ActiveLoop,
    AllSlotsReset,
    FollowupAction,
    Restarted,
    SessionStarted,
    SlotSet,
)
from rasa_sdk.executor import CollectingDispatcher

from actions.common import catalogue, profile_of, result_of, settings, slots_of
from actions.language import announce
from actions.safety import given_before
from bot.codes import create_code
from bot.dialogue.buttons import SUMMARY, button, shown
from bot.dialogue.in_person import in_person, says_no_phone
from bot.dialogue.prompts import greeting
from bot.dialogue.replies import human_handover, summary_text
from bot.dialogue.safety import hard_time_lead, numbers_block
from bot.knowledge.db import make_engine
from bot.language import DEFAULT, SESSION_KEY, SUPPORTED, from_locale
from bot.messages import N_, text, using
from bot.nlp.safety import QUIET_START

DELETE_ACTION = "action_delete_data"


class ActionSessionStart(Action):
    """A new session starts with who we are and what we do not ask (no name, no PESEL, no address).

    When the first message of the session is a cry for help, the Rasa server starts the session
    quietly (bot/rasa_server/safety_first.py): the help numbers come first, then a calm introduction.
    """

    def name(self) -> Text:
        return "action_session_start"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        metadata = tracker.get_slot("session_started_metadata") or {}
        metadata = metadata if isinstance(metadata, dict) else {}
        lang = session_language(metadata)
        with using(lang):
            if not metadata.get(QUIET_START):
                dispatcher.utter_message(text=greeting())
            if lang and lang != DEFAULT:
                announce(dispatcher, lang)
        kept = [SlotSet("language", lang)] if lang else []
        return [SessionStarted(), *kept, ActionExecuted("action_listen")]


def session_language(metadata: Dict[str, Any]) -> str | None:
    """The channel's locale (Messenger's, when it sends one), else the first message's detected language."""
    detected = metadata.get(SESSION_KEY)
    return from_locale(metadata.get("locale")) or (detected if detected in SUPPORTED else None)


def asked_just_before(tracker: Tracker, action: str) -> bool:
    """Whether `action` was the bot's last action before the latest message: "tak, usuń" typed
    as the answer to "Czy na pewno…?" is read as the request again, and is the confirmation."""
    seen_message = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_message:
                return False
            seen_message = True
        elif seen_message and event.get("event") == "action" and event.get("name") != "action_listen":
            return event.get("name") == action
    return False


def _ask_to_confirm(dispatcher: CollectingDispatcher, question: str, yes_key: str, offer: str) -> List[Dict[Text, Any]]:
    """Ask before forgetting anything: the questions stop, and only a clear "tak" goes on."""
    buttons = (button(yes_key, "/affirm"), button(N_("button.no"), "/deny"))
    dispatcher.utter_message(text=question, buttons=shown(buttons))
    return [ActiveLoop(None), SlotSet("requested_slot", None), SlotSet("offer", offer)]


class ActionConfirmRestart(Action):
    """Ask before starting over: a misread message ("wróćmy do rozmowy") must not erase anything.

    It replaces Rasa's default `action_restart`, which Rasa's own rule runs for the intent
    `restart`; `action_start_over` forgets, once the person said yes."""

    def name(self) -> Text:
        return "action_restart"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        if asked_just_before(tracker, self.name()):
            return [FollowupAction("action_start_over")]
        return _ask_to_confirm(
            dispatcher,
            text("session.confirm_restart"),
            N_("button.restart.yes"),
            "restart",
        )


class ActionStartOver(Action):
    """Forget everything, once the person confirmed they want to start over."""

    def name(self) -> Text:
        return "action_start_over"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=text("session.started_over"))
        return [Restarted()]  # the new session that follows greets the person again


class ActionConfirmDelete(Action):
    """Ask before deleting: the questions stop, and only a clear "tak" deletes."""

    def name(self) -> Text:
        return "action_confirm_delete"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        if asked_just_before(tracker, self.name()):
            return [FollowupAction(DELETE_ACTION)]
        return _ask_to_confirm(
            dispatcher,
            text("session.confirm_delete"),
            N_("button.delete.yes"),
            "delete",
        )


class ActionDeleteData(Action):
    """Forget the person: the tracker store deletes the stored conversation when it sees this action."""

    def name(self) -> Text:
        return DELETE_ACTION

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=text("session.deleted"))
        return [ActiveLoop(None), AllSlotsReset(), Restarted()]


class ActionSummary(Action):
    def name(self) -> Text:
        return "action_summary"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        slots = slots_of(tracker)
        current = settings()
        profile = profile_of(slots)
        if not profile:  # nothing to summarise: no code for an empty profile
            dispatcher.utter_message(response="utter_nothing_to_summarise")
            return []
        code = create_code(
            make_engine(current.database_url), profile, current.code_ttl_days, tracker.get_slot("language") or DEFAULT
        )
        dispatcher.utter_message(text=summary_text(profile, result_of(slots), code, current.code_ttl_days))
        return [SlotSet("summary_code", code)]


class ActionHumanHandover(Action):
    def name(self) -> Text:
        return "action_human_handover"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        slots = slots_of(tracker)
        if says_no_phone(str((tracker.latest_message or {}).get("text") or "")):
            # "nie mam telefonu" is read as asking for a person: a place to go, not numbers to call
            no_roof = bool(slots.get("homeless")) or "shelter" in given_before(tracker)
            dispatcher.utter_message(text=in_person(catalogue(), slots.get("district"), no_roof))
            return []
        reply = human_handover()
        ops = next(
            (
                item
                for item in result_of(slots)["recommendations"]
                if item["institution"] == "ops" and item["contact"].get("phone")
            ),
            None,
        )
        if ops:
            reply += f"\n• {ops['contact']['phone']} – {ops['contact']['name']}"
        # someone who asks for a person may be asking because it is very hard: those lines too
        reply += f"\n{hard_time_lead()}\n{numbers_block(catalogue(), ('suicide',))}"
        dispatcher.utter_message(text=reply + "\n" + text("session.summary_offer"), buttons=shown((SUMMARY,)))
        return []
