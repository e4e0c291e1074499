"""Numbers before the greeting: a session that opens with a cry for help starts quietly.

Rasa 3.6 starts a new session (`action_session_start`, our greeting) before it reads the
person's message, so a first message "nie dam rady dłużej, to koniec" would get the cheerful
greeting first and the help numbers second. `install()` changes the order of two steps in
`MessageProcessor.log_message`: the message is parsed first (with the conversation as it stood,
whose language slot the NLU reads, bot/rasa_server/nlu/foreign.py; Rasa reuses `message.parse_data`
instead of parsing again, so nothing is done twice), and
when the NLU found danger (a `crisis_*` intent, see bot.rasa_server.nlu.crisis) the session starts with
`quiet_start` in its metadata; the language the NLU found in the message (bot.rasa_server.nlu.language)
goes into the metadata too, so that the greeting is already in it (actions/session.py): the session-start action then sends no greeting, and the crisis
action introduces the assistant after the numbers. Same for every channel (REST, socket.io,
Messenger): they all pass through `MessageProcessor.handle_message`.

Installed by `python -m bot.rasa_server run` (bot/rasa_server/extensions.py).
"""

from __future__ import annotations

import contextvars
import functools
from typing import Any, Callable, Dict, Optional, Tuple

from rasa.core.channels.channel import UserMessage
from rasa.core.processor import MessageProcessor

from bot.language import SESSION_KEY, asked_in, detected_in
from bot.nlp.safety import QUIET_START

WRITTEN_FOR_RASA = "3.6.21"  # wraps MessageProcessor.log_message, get_tracker and the private _update_tracker_session
_first_parse: contextvars.ContextVar[Optional[Dict[str, Any]]] = contextvars.ContextVar(
    "drogowskaz_first_parse", default=None
)
# The conversation read for the parse, handed to Rasa's own fetch in the same log_message: read once.
_read: contextvars.ContextVar[Optional[Tuple[str, Any]]] = contextvars.ContextVar("drogowskaz_read", default=None)


def is_danger(parse_data: Optional[Dict[str, Any]]) -> bool:
    name = ((parse_data or {}).get("intent") or {}).get("name") or ""
    return name.startswith("crisis_")


def session_hints(parse_data: Optional[Dict[str, Any]]) -> Dict[str, Any]:
    """What the session start needs to know of the first message: danger, and its language."""
    hints: Dict[str, Any] = {QUIET_START: True} if is_danger(parse_data) else {}
    found = asked_in(parse_data) or detected_in(parse_data)
    if found:
        hints[SESSION_KEY] = found
    return hints


def parse_first(log_message: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(log_message)
    async def wrapped(self: MessageProcessor, message: UserMessage, should_save_tracker: bool = True) -> Any:
        sender = message.sender_id or "default"
        tracker = None
        if message.parse_data is None:
            # the conversation so far (None for a new one): the NLU reads a message in its language
            tracker = await self.tracker_store.retrieve(sender)
            message.parse_data = await self.parse_message(message, tracker)
        token = _first_parse.set(message.parse_data)
        read = _read.set((sender, tracker) if tracker is not None else None)
        try:
            return await log_message(self, message, should_save_tracker)
        finally:
            _first_parse.reset(token)
            _read.reset(read)

    return wrapped


def read_once(get_tracker: Callable[..., Any]) -> Callable[..., Any]:
    """Rasa's fetch in log_message gets the conversation the parse already read, not a second copy."""

    @functools.wraps(get_tracker)
    async def wrapped(self: MessageProcessor, conversation_id: str) -> Any:
        read = _read.get()
        if read is not None and read[0] == (conversation_id or "default"):
            _read.set(None)  # once: a later fetch in the same task reads the store again
            tracker = read[1]
            tracker.model_id = self.model_metadata.model_id  # as Rasa's get_tracker does after reading
            if tracker.assistant_id is None:
                tracker.assistant_id = self.model_metadata.assistant_id
            return tracker
        return await get_tracker(self, conversation_id)

    return wrapped


def quiet_when_in_danger(update_session: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(update_session)
    async def wrapped(
        self: MessageProcessor, tracker: Any, output_channel: Any, metadata: Optional[Dict] = None
    ) -> Any:
        metadata = {**(metadata or {}), **session_hints(_first_parse.get())} or metadata
        return await update_session(self, tracker, output_channel, metadata)

    return wrapped


def installed() -> bool:
    return getattr(MessageProcessor.log_message, "drogowskaz_safety_first", False)


def install() -> None:
    """Wrap the two processor steps once per process (idempotent)."""
    if installed():
        return
    MessageProcessor.log_message = parse_first(MessageProcessor.log_message)  # type: ignore[method-assign]
    MessageProcessor.get_tracker = read_once(MessageProcessor.get_tracker)  # type: ignore[method-assign]
    MessageProcessor._update_tracker_session = quiet_when_in_danger(MessageProcessor._update_tracker_session)  # type: ignore[method-assign]
    MessageProcessor.log_message.drogowskaz_safety_first = True  # type: ignore[attr-defined]
