"""The Rasa server's own apology when the action server cannot be reached (bot/rasa_server/fallback.py).

The action endpoint is a real closed loopback port, so every call fails as in production.
"""

from __future__ import annotations

import asyncio

import pytest
from rasa.core.actions.action import RemoteAction
from rasa.core.channels.channel import CollectingOutputChannel
from rasa.core.nlg import TemplatedNaturalLanguageGenerator
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    FollowupAction,
    SlotSet,
    UserUtteranceReverted,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.utils.endpoints import EndpointConfig

from bot.dialogue.replies import technical_problem
from bot.messages import using
from bot.rasa_server import fallback
from bot.rasa_server.fallback import MARKER, apology
from tests.servers import free_port

DOMAIN = Domain.empty()


@pytest.fixture(autouse=True, scope="module")
def installed() -> None:
    fallback.install()  # as python -m bot.rasa_server run does


def run(action_name: str, tracker: DialogueStateTracker) -> list:
    action = RemoteAction(action_name, EndpointConfig(f"http://127.0.0.1:{free_port()}/webhook"))
    return asyncio.run(action.run(CollectingOutputChannel(), TemplatedNaturalLanguageGenerator({}), tracker, DOMAIN))


def tracker_after(*events) -> DialogueStateTracker:
    return DialogueStateTracker.from_events("person", [ActionExecuted("action_listen"), UserUttered("tak"), *events])


def test_unreachable_action_server_apologises_rewinds_and_listens() -> None:
    events = run("validate_profile_form", tracker_after())
    assert isinstance(events[0], BotUttered) and events[0].text == technical_problem() and events[0].metadata[MARKER]
    assert isinstance(events[1], UserUtteranceReverted)
    assert isinstance(events[2], FollowupAction) and events[2].action_name == "action_listen"


def test_only_one_apology_per_turn() -> None:
    events = run("action_fallback", tracker_after(apology()))
    assert not any(isinstance(event, BotUttered) for event in events)
    assert any(isinstance(event, UserUtteranceReverted) for event in events)


def test_the_next_turn_apologises_again() -> None:
    tracker = tracker_after(apology(), ActionExecuted("action_listen"), UserUttered("nadal nic?"))
    assert isinstance(run("action_fallback", tracker)[0], BotUttered)


def test_session_start_fails_quietly_so_the_message_turn_apologises_once() -> None:
    assert run("action_session_start", DialogueStateTracker.from_events("person", [])) == []


def test_the_apology_is_in_the_conversations_language() -> None:
    """Nothing else sets the language in the Rasa server: the slot does (found by a code review)."""
    events = run("validate_profile_form", tracker_after(SlotSet("language", "uk")))
    assert events[0].text == technical_problem_in("uk") != technical_problem_in("pl")


def technical_problem_in(language: str) -> str:
    with using(language):
        return technical_problem()
