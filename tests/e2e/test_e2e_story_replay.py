"""The test stories replayed against the real stack: the actions run, so the form's decisions are tested.

`rasa test core` (test_e2e_stories.py) checks what the policies predict, but it runs no action:
the `slot_was_set` steps written in a story stand in for what the action server would do, so a
story that sets `requested_slot` by hand never tests which question the form really asks next.
Here every user text of every story in tests/stories is sent over REST to the running Rasa and
action servers, and after each turn the conversation must hold what the story says: the actions
that ran, in order, every slot the story sets (the question the form asks is `requested_slot`)
and whether the form is still active.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest
import yaml

from benchmarks.overlap import without_markup
from tests.e2e.talk import new_sender
from tests.servers import ROOT, Stack

pytestmark = pytest.mark.e2e

STORIES = ROOT / "tests" / "stories"
NOT_STEPS = {"action_listen", "action_session_start"}


@dataclass
class Turn:
    text: str
    actions: list[str] = field(default_factory=list)
    slots: dict[str, Any] = field(default_factory=dict)
    active_loop: str | None = None  # None: the story does not say


def turns(story: dict) -> list[Turn]:
    """The story as user turns, each with what the bot does and sets until the next user text."""
    result: list[Turn] = []
    for step in story["steps"]:
        if "user" in step:
            result.append(Turn(without_markup(step["user"]).strip()))
        elif not result:
            raise ValueError(f"story {story['story']!r} does not start with a user text")
        elif "action" in step:
            result[-1].actions.append(step["action"])
        elif "slot_was_set" in step:
            for item in step["slot_was_set"]:
                result[-1].slots.update(item if isinstance(item, dict) else {item: True})
        elif "active_loop" in step:
            result[-1].active_loop = step["active_loop"] or "null"
    return result


def stories() -> list[tuple[str, dict]]:
    found = []
    for path in sorted(STORIES.glob("*.yml")):
        for story in yaml.safe_load(path.read_text(encoding="utf-8"))["stories"]:
            found.append((f"{path.stem}: {story['story']}", story))
    return found


def last_turn_actions(events: list[dict]) -> list[str]:
    start = max(i for i, e in enumerate(events) if e["event"] == "user")
    return [e["name"] for e in events[start:] if e["event"] == "action" and e["name"] not in NOT_STEPS]


def active_loop(events: list[dict]) -> str:
    restarts = [i for i, e in enumerate(events) if e["event"] == "restart"]
    loops = [e.get("name") for e in events[(restarts[-1] if restarts else 0) :] if e["event"] == "active_loop"]
    return (loops[-1] if loops else None) or "null"


@pytest.mark.parametrize("name, story", stories(), ids=[name for name, _ in stories()])
def test_the_story_happens_with_the_real_actions(stack: Stack, name: str, story: dict) -> None:
    sender = new_sender()
    for number, turn in enumerate(turns(story), start=1):
        stack.say(sender, turn.text)
        tracker = stack.tracker(sender, events="ALL")  # a restart hides the turn that asked for it
        where = f"{name}, turn {number} ({turn.text!r})"
        if "action_delete_data" in turn.actions:  # the store deletes the conversation: nothing is left
            assert not [e for e in tracker["events"] if e["event"] == "user"], where
            continue
        assert last_turn_actions(tracker["events"]) == turn.actions, where
        slots = tracker["slots"]
        assert {key: slots.get(key) for key in turn.slots} == turn.slots, where
        if turn.active_loop is not None:
            assert active_loop(tracker["events"]) == turn.active_loop, where
