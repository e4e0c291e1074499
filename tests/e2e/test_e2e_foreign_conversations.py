"""Issue 14: whole conversations in Ukrainian and English against the real stack.

The conversations are data (`tests/e2e/conversations_foreign/*.yml`, the format of
tests/e2e/conversations/README.md plus `language`). Each must end with the slots the person stated
and with the chat's recommendations equal to those of the web API (`POST /api/recommendations?lang=`)
for the profile the conversation built: the same institutions, the same tools, in the same order.
"""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from bot.profile import PROFILE_KEYS
from tests.e2e.conversation import Conversation, check
from tests.servers import Stack, free_port, running, web_command

pytestmark = pytest.mark.e2e

FOLDER = Path(__file__).parent / "conversations_foreign"
CONVERSATIONS = [c for path in sorted(FOLDER.glob("*.yml")) for c in yaml.safe_load(path.read_text(encoding="utf-8"))]


def test_there_are_eight_ukrainian_and_five_english_conversations() -> None:
    languages = [c["language"] for c in CONVERSATIONS]
    assert languages.count("uk") >= 8 and languages.count("en") >= 5
    assert len({c["id"] for c in CONVERSATIONS}) == len(CONVERSATIONS)


@pytest.fixture(scope="module")
def web(stack: Stack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {"WEB_PORT": str(port), "DATABASE_URL": stack.database_url, "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
    log = tmp_path_factory.mktemp("web") / "web.log"
    with running(web_command(), f"{url}/api/health", env, timeout=60, log=log):
        yield url


def api_recommendations(web: str, profile: dict[str, Any], language: str) -> list[tuple[str, list[str]]]:
    request = urllib.request.Request(
        f"{web}/api/recommendations?lang={language}",
        data=json.dumps(profile).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        answer = json.loads(response.read())
    return [(r["institution"], list(r["tools"])) for r in answer["recommendations"]]


@pytest.mark.parametrize("data", CONVERSATIONS, ids=[c["id"] for c in CONVERSATIONS])
def test_foreign_conversation(stack: Stack, web: str, data: dict[str, Any]) -> None:
    conversation = Conversation(stack, {**data, "file": f"{data['language']}.yml"})
    messages = conversation.turns(data["turns"])
    conversation.answer_until_recommendation(messages)
    check(conversation)
    slots = conversation.slots()
    if slots.get("language") != data["language"]:
        conversation.problems.append(f"the conversation's language is {slots.get('language')!r}")
    if conversation.last_payload is not None:
        profile = {k: v for k, v in slots.items() if k in PROFILE_KEYS}
        chat = [(r["institution"], list(r["tools"])) for r in conversation.last_payload.get("recommendations", [])]
        expected = api_recommendations(web, profile, data["language"])
        if chat != expected:
            conversation.problems.append(f"chat {chat} != API {expected} for {profile}")
    assert not conversation.problems, conversation.report()
