"""The conversation's language (slot `language`, CONTRACT section 6) in the action server.

- Every action request runs inside `bot.messages.using(<the tracker's language>)`: every text the
  actions say follows the slot without passing a language around (installed when rasa-sdk imports
  this package, by wrapping `ActionExecutor.run`).
- `follow_language(tracker, dispatcher)` (from action_validate_slot_mappings, after every message): the language
  asked for ("po polsku", a button of the widget) replaces the slot at any time; while the slot is
  empty, the language the NLU detected (bot/rasa_server/nlu/language.py) fills it; after that, two
  messages in a row plainly in another of the three languages move it there (the NLU reads them so).
  Short or unclear messages carry no detected language, so they keep the current one. The facts are other slots: a
  change of language keeps every one. When the language the person is answered in changes, a custom
  message `{"language": <code>}` tells the web widget to follow (Messenger does not send it on).
"""

from __future__ import annotations

import functools
from typing import Any, Callable, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import ActionExecutor, CollectingDispatcher

from bot import language
from bot.messages import text, using

WRITTEN_FOR_RASA_SDK = "3.6.2"  # wraps ActionExecutor.run
SLOT = language.SLOT


def slot_language(tracker_json: Optional[Dict[str, Any]]) -> str:
    value = ((tracker_json or {}).get("slots") or {}).get(SLOT)
    return value if value in language.SUPPORTED else language.DEFAULT


def in_conversation_language(run: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(run)
    async def wrapped(self: ActionExecutor, action_call: Dict[str, Any]) -> Any:
        with using(slot_language(action_call.get("tracker"))):
            return await run(self, action_call)

    wrapped.drogowskaz_language = True  # type: ignore[attr-defined]
    return wrapped


def install() -> None:
    if not getattr(ActionExecutor.run, "drogowskaz_language", False):
        ActionExecutor.run = in_conversation_language(ActionExecutor.run)  # type: ignore[method-assign]


def chosen_language(tracker: Tracker) -> Optional[str]:
    """The language this message asks for; while none is set, the one it is written in; else the one the
    NLU says the conversation moves to (two messages in a row plainly in it: bot.language.following_language)."""
    message, current = tracker.latest_message or {}, tracker.get_slot(SLOT)
    if current is None:
        return language.asked_in(message) or language.detected_in(message)
    return language.asked_in(message) or language.followed_in(message)


def message_language(tracker: Tracker) -> Optional[str]:
    """The language the latest message was read in, else the conversation's: what must be understood at
    once is said in the message's language (the facts it noted; the help numbers for "я більше не хочу
    жити" in a Polish conversation), while the conversation's language changes only as above."""
    return language.read_in(tracker.latest_message) or tracker.get_slot(SLOT)


def announce(dispatcher: CollectingDispatcher, lang: str) -> None:
    """The custom message the web widget switches its own texts by (bot/web/static/js/chat/widget.js)."""
    dispatcher.utter_message(json_message={SLOT: lang})


def follow_language(tracker: Tracker, dispatcher: CollectingDispatcher) -> List[Dict[Text, Any]]:
    """The slot event for the language this message chose, if it changes anything."""
    chosen, current = chosen_language(tracker), tracker.get_slot(SLOT)
    if not chosen or chosen == current:
        return []
    if chosen != (current or language.DEFAULT):
        announce(dispatcher, chosen)
    return [SlotSet(SLOT, chosen)]


class ActionSwitchLanguage(Action):
    """Says, in the new language, that the conversation goes on in it (the slot is already set)."""

    def name(self) -> Text:
        return "action_switch_language"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=text("reply.language_switched"))
        return []


install()
