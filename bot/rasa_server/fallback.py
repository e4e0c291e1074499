"""When the action server cannot answer, the Rasa server apologises itself, once per turn.

Rasa 3.6 logs a failed custom action and carries on without its events, so the person would get
silence. Rasa has no hook for this, so `install()` wraps `RemoteAction.run`: a call that fails
(action server down, timing out or answering with an error) returns one `BotUttered` with a short
Polish apology and the help numbers instead, the first time in a turn; then it rewinds the
person's message (`UserUtteranceReverted`, as Rasa's own fallback does: the apology asks them to
write it again) and ends the turn (`FollowupAction` to listen) instead of letting Rasa predict
failing actions up to its limit. The conversation stays exactly where it was (slots, active form,
the question asked), so the next message after the action server is back works as usual. `ActionExecutionRejection` (a form rejecting its slot) is Rasa's normal control flow and
passes. `action_session_start` runs before the person's message is on the tracker: it fails
quietly, and the message's own turn apologises.

Installed by `python -m bot.rasa_server run` (bot/rasa_server/extensions.py).
"""

from __future__ import annotations

import asyncio
import functools
import logging
from typing import Any, Callable

import aiohttp
from rasa.core.actions.action import ActionExecutionRejection, RemoteAction
from rasa.shared.core.constants import ACTION_LISTEN_NAME, ACTION_SESSION_START_NAME
from rasa.shared.core.events import BotUttered, Event, FollowupAction, UserUtteranceReverted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.exceptions import RasaException

from bot.dialogue.replies import technical_problem
from bot.language import SLOT as LANGUAGE_SLOT
from bot.messages import using

logger = logging.getLogger(__name__)
WRITTEN_FOR_RASA = "3.6.21"  # wraps RemoteAction.run
MARKER = "actions_unavailable"  # in the apology's metadata, to say it once per turn


def apology(language: str | None = None) -> BotUttered:
    """The apology, in the conversation's language (the slot `language`; Polish when unset)."""
    with using(language):
        return BotUttered(text=technical_problem(), metadata={MARKER: True})


def apologised_this_turn(tracker: DialogueStateTracker) -> bool:
    for event in reversed(tracker.events):
        if isinstance(event, UserUttered):
            return False
        if isinstance(event, BotUttered) and (event.metadata or {}).get(MARKER):
            return True
    return False


def with_apology(run: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(run)
    async def guarded(
        self: RemoteAction, output_channel: Any, nlg: Any, tracker: DialogueStateTracker, domain: Any
    ) -> list[Event]:
        try:
            return await run(self, output_channel, nlg, tracker, domain)
        except ActionExecutionRejection:
            raise
        except (RasaException, aiohttp.ClientError, asyncio.TimeoutError) as error:
            logger.error("custom action %s failed, the person gets the apology: %s", self.name(), type(error).__name__)
            if self.name() == ACTION_SESSION_START_NAME:
                return []
            said = [] if apologised_this_turn(tracker) else [apology(tracker.get_slot(LANGUAGE_SLOT))]
            return said + [UserUtteranceReverted(), FollowupAction(ACTION_LISTEN_NAME)]

    guarded.drogowskaz_apology = True  # type: ignore[attr-defined]
    return guarded


def installed() -> bool:
    return getattr(RemoteAction.run, "drogowskaz_apology", False)


def install() -> None:
    """Wrap RemoteAction.run once per process (idempotent)."""
    if not installed():
        RemoteAction.run = with_apology(RemoteAction.run)  # type: ignore[method-assign]
