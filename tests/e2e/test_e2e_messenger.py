"""Messenger channel end to end: the real Rasa and action servers, a local fake Graph API.

The fake records every Send API call; the tracker API shows what Rasa stored for each sender.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Iterator

import pytest

from tests.servers import Stack, running_stack

pytestmark = pytest.mark.e2e

VERIFY, SECRET, PAGE_TOKEN = secrets.token_hex(8), secrets.token_hex(16), "page-" + secrets.token_hex(8)


class FakeGraph:
    """A stand-in for graph.facebook.com that records the JSON of every call."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self.changed = threading.Condition()
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                url = urllib.parse.urlsplit(self.path)
                body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"null")
                with fake.changed:
                    fake.calls.append(
                        {"path": url.path, "query": dict(urllib.parse.parse_qsl(url.query)), "body": body}
                    )
                    fake.changed.notify_all()
                answer = json.dumps(
                    {"recipient_id": (body.get("recipient") or {}).get("id"), "message_id": "m"}
                ).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/v19.0"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def for_sender(self, sender: str) -> list[dict[str, Any]]:
        with self.changed:
            return [c for c in self.calls if (c["body"].get("recipient") or {}).get("id") == sender]

    def wait_for(self, sender: str, predicate: Any, timeout: float = 60) -> list[dict[str, Any]]:
        deadline = time.monotonic() + timeout
        with self.changed:
            while True:
                calls = [c for c in self.calls if (c["body"].get("recipient") or {}).get("id") == sender]
                if predicate(calls):
                    return calls
                left = deadline - time.monotonic()
                assert left > 0, f"the fake Graph API did not get the expected calls: {calls}"
                self.changed.wait(left)


@dataclass
class Messenger:
    stack: Stack
    graph: FakeGraph

    @property
    def webhook(self) -> str:
        return f"{self.stack.rasa}/webhooks/facebook/webhook"

    def post(self, body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        request = urllib.request.Request(
            self.webhook, data=body, headers={"Content-Type": "application/json", **headers}
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return answer.status, answer.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def verify(self, **query: str) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(f"{self.webhook}?{urllib.parse.urlencode(query)}", timeout=30) as answer:
                return answer.status, answer.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def turn(self, sender: str, message: dict[str, Any]) -> list[dict[str, Any]]:
        """One signed event; returns the messages the bot sent for it (its turn ends with typing_off)."""
        before = len(self.graph.for_sender(sender))
        status, _ = self.post(*signed(event(sender, message)))
        assert status == 200
        calls = self.graph.wait_for(
            sender, lambda calls: any(c["body"].get("sender_action") == "typing_off" for c in calls[before:])
        )
        return [c["body"]["message"] for c in calls[before:] if "message" in c["body"]]


def event(sender: str, message: dict[str, Any]) -> dict[str, Any]:
    key = "postback" if "payload" in message else "message"
    return {
        "object": "page",
        "entry": [
            {
                "id": "page",
                "time": 1,
                "messaging": [
                    {
                        "sender": {"id": sender},
                        "recipient": {"id": "page"},
                        "timestamp": 1,
                        key: {"mid": uuid.uuid4().hex, **message},
                    },
                ],
            }
        ],
    }


def signed(body: dict[str, Any], secret: str = SECRET, method: str = "sha256") -> tuple[bytes, dict[str, str]]:
    raw = json.dumps(body, ensure_ascii=False).encode()
    header = "X-Hub-Signature-256" if method == "sha256" else "X-Hub-Signature"
    return raw, {header: f"{method}=" + hmac.new(secret.encode(), raw, getattr(hashlib, method)).hexdigest()}


def new_sender() -> str:
    return f"psid-{uuid.uuid4().hex[:12]}"


def user_events(stack: Stack, sender: str) -> list[dict[str, Any]]:
    return [e for e in stack.tracker(sender)["events"] if e["event"] == "user"]


@pytest.fixture(scope="module")
def messenger(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Messenger]:
    graph = FakeGraph()
    env = {
        "FB_VERIFY_TOKEN": VERIFY,
        "FB_APP_SECRET": SECRET,
        "FB_PAGE_ACCESS_TOKEN": PAGE_TOKEN,
        "FB_GRAPH_API_URL": graph.url,
    }
    try:
        with running_stack(tmp_path_factory.mktemp("messenger"), extra_env=env) as stack:
            yield Messenger(stack, graph)
    finally:
        graph.server.shutdown()


def test_webhook_verification(messenger: Messenger) -> None:
    assert messenger.verify(**{"hub.mode": "subscribe", "hub.verify_token": VERIFY, "hub.challenge": "1158201444"}) == (
        200,
        b"1158201444",
    )
    assert messenger.verify(**{"hub.mode": "subscribe", "hub.verify_token": "wrong", "hub.challenge": "1"})[0] == 403
    assert messenger.verify(**{"hub.mode": "unsubscribe", "hub.verify_token": VERIFY, "hub.challenge": "1"})[0] == 403
    assert messenger.verify(**{"hub.challenge": "1"})[0] == 403


def test_a_signed_message_is_answered_with_quick_replies(messenger: Messenger) -> None:
    sender = new_sender()
    messages = messenger.turn(sender, {"text": "nie mam pracy"})
    question = next(m for m in messages if "quick_replies" in m)
    assert "status osoby bezrobotnej" in question["text"]
    assert [(q["title"], q["payload"]) for q in question["quick_replies"]] == [
        ("Tak", "/affirm"),
        ("Nie", "/deny"),
        ("Nie wiem", "/dont_know"),
    ]
    calls = messenger.graph.for_sender(sender)
    assert {c["path"] for c in calls} == {"/v19.0/me/messages"}
    assert all(c["query"] == {"access_token": PAGE_TOKEN} for c in calls)
    assert all(c["body"]["messaging_type"] == "RESPONSE" for c in calls if "message" in c["body"])
    # the quick reply's payload reaches Rasa as the payload text
    messenger.turn(sender, {"text": "Tak", "quick_reply": {"payload": "/affirm"}})
    assert [e["text"] for e in user_events(messenger.stack, sender)] == ["nie mam pracy", "/affirm"]
    assert messenger.stack.slots(sender)["work_status"] == "registered_unemployed"


def test_the_legacy_sha1_signature_is_accepted_and_postbacks_are_payloads(messenger: Messenger) -> None:
    sender = new_sender()
    body, headers = signed(
        event(sender, {"title": "Wyjaśnij", "payload": '/ask_what_is{"institution": "up"}'}), method="sha1"
    )
    assert messenger.post(body, headers)[0] == 200
    calls = messenger.graph.wait_for(
        sender, lambda calls: any(c["body"].get("sender_action") == "typing_off" for c in calls)
    )
    assert any("Urząd Pracy" in c["body"]["message"].get("text", "") for c in calls if "message" in c["body"])
    [said] = user_events(messenger.stack, sender)
    assert said["text"] == '/ask_what_is{"institution": "up"}' and said["parse_data"]["intent"]["name"] == "ask_what_is"


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"X-Hub-Signature-256": "sha256=" + "0" * 64},
        {"X-Hub-Signature": "sha1=" + "0" * 40},
        "signed with another secret",
        "sha1 valid but sha256 wrong",
    ],
    ids=["missing", "wrong-sha256", "wrong-sha1", "other-secret", "mixed"],
)
def test_an_unsigned_or_badly_signed_message_is_rejected_and_not_processed(messenger: Messenger, headers: Any) -> None:
    sender = new_sender()
    body, good_sha1 = signed(event(sender, {"text": "nie mam pracy"}), method="sha1")
    if headers == "signed with another secret":
        headers = signed(event(sender, {"text": "nie mam pracy"}), secret="not-the-secret")[1]
        body = signed(event(sender, {"text": "nie mam pracy"}))[0]
    elif headers == "sha1 valid but sha256 wrong":
        headers = {**good_sha1, "X-Hub-Signature-256": "sha256=" + "0" * 64}
    status, answer = messenger.post(body, headers)
    assert status == 403 and "error" in json.loads(answer)
    time.sleep(2)  # anything processed would reach the fake within this time
    assert messenger.graph.for_sender(sender) == []
    assert user_events(messenger.stack, sender) == []


def test_malformed_json_gets_400_json(messenger: Messenger) -> None:
    raw = b'{"object": "page", "entry": ['
    headers = {"X-Hub-Signature-256": "sha256=" + hmac.new(SECRET.encode(), raw, hashlib.sha256).hexdigest()}
    status, answer = messenger.post(raw, headers)
    assert status == 400 and json.loads(answer) == {
        "error": "Treść zapytania nie jest poprawnym JSON-em.",
        "field": "body",
    }


@pytest.mark.parametrize(
    "raw, status", [(b"[1]", 400), (b'{"entry": 5}', 400), (b'{"object": "page", "entry": [{"messaging": 5}]}', 200)]
)
def test_signed_bodies_of_the_wrong_shape_get_a_clear_answer(messenger: Messenger, raw: bytes, status: int) -> None:
    headers = {"X-Hub-Signature-256": "sha256=" + hmac.new(SECRET.encode(), raw, hashlib.sha256).hexdigest()}
    answer = messenger.post(raw, headers)
    assert answer[0] == status and (status == 200 or json.loads(answer[1])["field"] == "body")


def test_recommendations_arrive_as_a_carousel(messenger: Messenger) -> None:
    sender = new_sender()
    messages = messenger.turn(
        sender, {"text": "Dzień dobry, mam 52 lata, jestem bezrobotny bez zasiłku, mieszkam na Pradze-Północ"}
    )
    for _ in range(6):
        carousel = next((m for m in messages if "attachment" in m), None)
        if carousel:
            break
        question = " ".join(m.get("text", "") for m in messages)
        yes = "status osoby bezrobotnej" in question or "ośrodka pomocy społecznej" in question
        messages = messenger.turn(
            sender, {"text": "Tak" if yes else "Nie", "quick_reply": {"payload": "/affirm" if yes else "/deny"}}
        )
    assert carousel, "no recommendation within six turns"
    template = carousel["attachment"]["payload"]
    assert template["template_type"] == "generic" and 1 <= len(template["elements"]) <= 10
    by_payload = {e["buttons"][0]["payload"]: e for e in template["elements"]}
    assert '/ask_what_is{"institution": "up"}' in by_payload
    assert by_payload['/ask_what_is{"institution": "up"}']["title"] == "Urząd Pracy m.st. Warszawy"
    assert all(len(e["title"]) <= 80 and len(e.get("subtitle", "")) <= 80 for e in template["elements"])
    assert all(len(m.get("text", "")) <= 2000 for m in messages)


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("spie na dworcu od tygodnia i zamarzam", ["19115", "112"]),
        ("ojciec pijany rzuca się na nas z pięściami", ["800 120 002", "112"]),
    ],
)
def test_a_person_in_danger_gets_the_numbers_first_on_messenger_too(
    messenger: Messenger, text: str, numbers: list[str]
) -> None:
    first = messenger.turn(new_sender(), {"text": text})
    assert all(n in first[0]["text"] for n in numbers) and "Dzień dobry" not in first[0]["text"]
    sender = new_sender()
    messenger.turn(sender, {"text": "nie mam pracy"})
    mid = messenger.turn(sender, {"text": text})
    assert all(n in mid[0]["text"] for n in numbers)
