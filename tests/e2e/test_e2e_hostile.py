"""Hostile input against the running services: the session's Rasa and action servers and a web app.

Every answer is either a normal bot reply or a clear JSON error (`{"error": <Polish>, "field": …}`,
Rasa's own format for its 401), nothing crashes, nothing outside the static folder is served,
Rasa's API refuses requests without its token, and CORS headers go to the configured origin only.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import re
import urllib.parse
import uuid
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import Any, Iterator

import pytest

from bot.rasa_server.channels.input_guard import EMPTY_MESSAGE, MAX_MESSAGE_CHARS, TOO_LONG_MESSAGE
from tests.e2e.talk import SocketIOPerson
from tests.servers import ROOT, Stack, free_port, running, service_env, web_command

pytestmark = pytest.mark.e2e

WEB_MAX_BODY_BYTES = 65536  # the web app's default MAX_BODY_BYTES
OTHER_ORIGIN = "http://evil.example"
POLISH = re.compile(r"[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]")


def rasa_max_body_bytes() -> int:
    """SANIC_REQUEST_MAX_SIZE as scripts/env.sh sets it; the test servers must use the same."""
    found = re.search(
        r'SANIC_REQUEST_MAX_SIZE="\$\{SANIC_REQUEST_MAX_SIZE:-(\d+)\}"', (ROOT / "scripts" / "env.sh").read_text()
    )
    assert found, "scripts/env.sh sets no default SANIC_REQUEST_MAX_SIZE"
    assert service_env(Path("/tmp"), 0)["SANIC_REQUEST_MAX_SIZE"] == found.group(1)
    return int(found.group(1))


@dataclass
class Answer:
    status: int
    headers: Message
    body: bytes

    def json(self) -> Any:
        assert (self.headers.get("Content-Type") or "").startswith("application/json"), (self.status, self.body[:300])
        return json.loads(self.body)

    def is_our_error(self, status: int | tuple[int, ...], field: str | None = "any") -> bool:
        """A JSON error of ours: the status, a Polish message, and the field when one is given."""
        statuses = status if isinstance(status, tuple) else (status,)
        body = self.json()
        return (
            self.status in statuses
            and isinstance(body.get("error"), str)
            and bool(body["error"])
            and "field" in body
            and (field == "any" or body["field"] == field)
        )


def call(base: str, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None) -> Answer:
    """One raw HTTP request: the path goes out exactly as written (no normalising of `..`)."""
    url = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=120)
    try:
        try:
            connection.request(method, path, body=body, headers={"Content-Type": "application/json", **(headers or {})})
        except (BrokenPipeError, ConnectionResetError):
            # A server may answer a too-large body and close before reading all of it: its answer
            # is still waiting in the socket.
            pass
        answer = connection.getresponse()
        return Answer(answer.status, answer.headers, answer.read())
    finally:
        connection.close()


def say(stack: Stack, sender: str, message: Any) -> Answer:
    return call(
        stack.rasa, "POST", "/webhooks/rest/webhook", json.dumps({"sender": sender, "message": message}).encode()
    )


def user_texts(stack: Stack, sender: str) -> list[str]:
    answer = call(stack.rasa, "GET", f"/conversations/{sender}/tracker?include_events=ALL&token={stack.token}")
    assert answer.status == 200
    return [event["text"] for event in answer.json()["events"] if event["event"] == "user"]


def alive(stack: Stack) -> bool:
    return call(stack.rasa, "GET", "/").status == 200


# --- messages over the REST channel ---------------------------------------------------------------

# Valid messages, however odd: each gets a normal bot reply and is stored as the normalised text.
ACCEPTED = {
    "emoji": ("Szukam pracy 😀🙏👩‍🔧", "Szukam pracy 😀🙏👩‍🔧"),
    "arabic": ("مرحبا، أبحث عن عمل في وارسو", "مرحبا، أبحث عن عمل في وارسو"),
    "hebrew-and-polish": ("שלום, mam 45 lat", "שלום, mam 45 lat"),
    "bidi-override": ("\u202enie mam pracy\u202c", "\u202enie mam pracy\u202c"),
    "html": ("<b>nie mam pracy</b><img src=x onerror=alert(1)>", "<b>nie mam pracy</b><img src=x onerror=alert(1)>"),
    "script": ("<script>alert('xss')</script>", "<script>alert('xss')</script>"),
    "sql": ("'; DROP TABLE events; --", "'; DROP TABLE events; --"),
    "sql-union": ("1' OR '1'='1' UNION SELECT * FROM events --", "1' OR '1'='1' UNION SELECT * FROM events --"),
    "template": ("{{7*7}} ${7*7} %s%n {0}", "{{7*7}} ${7*7} %s%n {0}"),
    "json-lookalike": (
        '{"intent": "restart", "sender": "someone-else"}',
        '{"intent": "restart", "sender": "someone-else"}',
    ),
    "path": ("../../etc/passwd", "../../etc/passwd"),
    "control-characters": ("nie mam\x00 pracy\x07\x1b[2J", "nie mam pracy[2J"),
    "decomposed-diacritics": ("mieszkam na z\u0307oliborzu", "mieszkam na żoliborzu"),
    "zalgo": ("n̷̢i̴e̸ ̶m̷a̵m̸ ̴p̶r̷a̸c̵y̶", "n̷̢i̴e̸ ̶m̷a̵m̸ ̴p̶r̷a̸c̵y̶"),
    "lines": ("mam 45 lat\r\n\r\nmieszkam na Woli", "mam 45 lat\n\nmieszkam na Woli"),
    "at-the-limit": ("Nie mam pracy. " * (MAX_MESSAGE_CHARS // 15) + "x" * (MAX_MESSAGE_CHARS % 15), None),
    "long-word-at-the-limit": ("7" * MAX_MESSAGE_CHARS, None),
}

# Refused before Rasa: 400 with the field and the reason, and nothing stored. One message per way of
# being refused (bot.rasa_server.channels.input_guard; the many spellings of an empty or over-long text are in
# tests/test_input_guard.py: whitespace and controls are all "" once normalised).
REFUSED = {
    "empty": ("", "message", EMPTY_MESSAGE),
    "control-only": ("\x00\x01\x1b", "message", EMPTY_MESSAGE),
    "zero-width-only": ("\u200b\u200d\ufeff", "message", EMPTY_MESSAGE),
    "over-the-limit": ("a" * (MAX_MESSAGE_CHARS + 1), "message", TOO_LONG_MESSAGE),
    # one token this long used to make Morfeusz overflow its stack and kill the Rasa server
    "ten-thousand-digits": ("7" * 10_000, "message", TOO_LONG_MESSAGE),
    "number": (42, "message", None),
    "list": (["nie mam pracy"], "message", None),
    "null": (None, "message", None),
}


@pytest.fixture(scope="module")
def hostile_conversation(stack: Stack) -> tuple[str, dict[str, Answer]]:
    """One conversation that gets every hostile message, in order (valid ones first and last)."""
    sender = f"hostile-{uuid.uuid4().hex[:10]}"
    answers = {"first": say(stack, sender, "Dzień dobry")}
    for name, (text, _) in ACCEPTED.items():
        answers[name] = say(stack, sender, text)
    for name, (text, _, _) in REFUSED.items():
        answers[name] = say(stack, sender, text)
    answers["last"] = say(stack, sender, "nie mam pracy")
    return sender, answers


def is_bot_reply(answer: Answer, sender: str) -> bool:
    """200 with the bot's messages to this sender, at least one of them a text."""
    messages = answer.json()
    return (
        answer.status == 200
        and isinstance(messages, list)
        and all(m["recipient_id"] == sender for m in messages)
        and any(isinstance(m.get("text"), str) and m["text"].strip() for m in messages)
    )


@pytest.mark.parametrize("name", list(ACCEPTED))
def test_odd_but_valid_messages_get_a_normal_answer(
    hostile_conversation: tuple[str, dict[str, Answer]], name: str
) -> None:
    sender, answers = hostile_conversation
    assert is_bot_reply(answers[name], sender), answers[name].body[:500]
    # the bot never repeats markup: what the person wrote is never part of a reply
    assert b"<script" not in answers[name].body and b"onerror" not in answers[name].body


@pytest.mark.parametrize("name", list(REFUSED))
def test_empty_too_long_and_non_text_messages_get_a_400_json_error(
    hostile_conversation: tuple[str, dict[str, Answer]], name: str
) -> None:
    _, answers = hostile_conversation
    _, field, reason = REFUSED[name]
    assert answers[name].is_our_error(400, field), answers[name].body[:300]
    if reason:
        assert answers[name].json()["error"] == reason


def test_after_all_of_them_the_conversation_goes_on_and_nothing_is_lost(
    stack: Stack, hostile_conversation: tuple[str, dict[str, Answer]]
) -> None:
    sender, answers = hostile_conversation
    assert is_bot_reply(answers["first"], sender) and is_bot_reply(answers["last"], sender)
    assert POLISH.search(" ".join(m.get("text", "") for m in answers["first"].json()))  # the greeting, in Polish
    stored = user_texts(stack, sender)
    expected = [
        "Dzień dobry",
        *[normalised if normalised is not None else text for text, normalised in ACCEPTED.values()],
        "nie mam pracy",
    ]
    assert stored == expected  # every valid message, normalised, in order; none of the refused ones
    assert is_bot_reply(say(stack, sender, "mam 45 lat"), sender)
    assert alive(stack)


def test_the_sender_must_be_a_short_string(stack: Stack) -> None:
    for body in (
        {"message": "nie mam pracy"},
        {"sender": "", "message": "hej"},
        {"sender": 5, "message": "hej"},
        {"sender": {"id": "x"}, "message": "hej"},
        {"sender": "x" * 129, "message": "hej"},
    ):
        answer = call(stack.rasa, "POST", "/webhooks/rest/webhook", json.dumps(body).encode())
        assert answer.is_our_error(400, "sender"), (body, answer.body[:300])
    answer = call(
        stack.rasa,
        "POST",
        "/webhooks/rest/webhook",
        json.dumps({"sender": "m", "message": "hej", "metadata": [1]}).encode(),
    )
    assert answer.is_our_error(400, "metadata")


# --- malformed and oversized JSON on every JSON endpoint -------------------------------------------

MALFORMED = {
    "truncated": b'{"sender": "x", "message": "nie mam',
    "not-json": b"sender=x&message=hej",
    "invalid-utf8": b'{"sender": "x", "message": "\xff\xfe"}',
    "deep-nesting": b"[" * 20_000 + b"]" * 20_000,
    "trailing-garbage": b'{"sender": "x", "message": "hej"} {}',
}
NOT_AN_OBJECT = {"list": b'[{"sender": "x", "message": "hej"}]', "string": b'"hej"', "number": b"42", "null": b"null"}

RASA_JSON_ENDPOINTS = [  # (method, path); the token is added to every path
    ("POST", "/webhooks/rest/webhook"),
    ("POST", "/model/parse"),
    ("POST", "/model/predict"),
    ("PUT", "/model"),
    ("POST", "/conversations/hostile-api/messages"),
    ("POST", "/conversations/hostile-api/tracker/events"),
    ("PUT", "/conversations/hostile-api/tracker/events"),
    ("POST", "/conversations/hostile-api/execute"),
    ("POST", "/conversations/hostile-api/trigger_intent"),
]
RASA_OBJECT_ENDPOINTS = [e for e in RASA_JSON_ENDPOINTS if "tracker/events" not in e[1] and e[1] != "/model/predict"]
# Two pieces of code read these bodies: the REST channel (bot.rasa_server.channels.rest.parse_body) and, for every
# endpoint of Rasa's HTTP API alike, the guard in front of it (bot.rasa_server.channels.api_guard). Each kind
# of bad body goes to both; every other endpoint gets one bad body, to show the guard covers it.
BODY_READERS = [("POST", "/webhooks/rest/webhook"), ("POST", "/model/parse")]


def bad_bodies(endpoints: list[tuple[str, str]], kinds: dict[str, bytes]) -> list:
    """(endpoint, kind): every kind on both readers, the first kind on each other endpoint."""
    pairs = [(endpoint, kind) for endpoint in BODY_READERS for kind in kinds]
    pairs += [(endpoint, next(iter(kinds))) for endpoint in endpoints if endpoint not in BODY_READERS]
    return [pytest.param(endpoint, kind, id=f"{kind}-{' '.join(endpoint)}") for endpoint, kind in pairs]


def with_token(stack: Stack, path: str) -> str:
    return f"{path}?token={stack.token}"


@pytest.mark.parametrize("endpoint, kind", bad_bodies(RASA_JSON_ENDPOINTS, MALFORMED))
def test_rasa_answers_malformed_json_with_400_json(stack: Stack, endpoint: tuple[str, str], kind: str) -> None:
    method, path = endpoint
    answer = call(stack.rasa, method, with_token(stack, path), MALFORMED[kind])
    assert answer.is_our_error(400, "body"), answer.body[:300]


@pytest.mark.parametrize("endpoint, kind", bad_bodies(RASA_OBJECT_ENDPOINTS, NOT_AN_OBJECT))
def test_rasa_answers_a_body_that_is_not_an_object_with_400_json(
    stack: Stack, endpoint: tuple[str, str], kind: str
) -> None:
    method, path = endpoint
    answer = call(stack.rasa, method, with_token(stack, path), NOT_AN_OBJECT[kind])
    assert answer.is_our_error(400, "body"), answer.body[:300]


@pytest.mark.parametrize("path", ["/model/parse", "/conversations/hostile-api/messages"])
def test_rasa_api_text_for_the_nlu_is_limited_too(stack: Stack, path: str) -> None:
    for text, field in (("7" * 10_000, "text"), (5, "text")):
        answer = call(
            stack.rasa, "POST", with_token(stack, path), json.dumps({"text": text, "sender": "user"}).encode()
        )
        assert answer.is_our_error(400, field), answer.body[:300]
    answer = call(
        stack.rasa, "POST", with_token(stack, path), json.dumps({"text": "mam 45 lat", "sender": "user"}).encode()
    )
    assert answer.status == 200
    assert alive(stack)


@pytest.mark.parametrize("endpoint", RASA_JSON_ENDPOINTS + [("POST", "/webhooks/facebook/webhook")], ids=" ".join)
def test_rasa_refuses_oversized_bodies_with_413_json(stack: Stack, endpoint: tuple[str, str]) -> None:
    method, path = endpoint
    body = b'{"sender": "x", "text": "' + b"a" * (rasa_max_body_bytes() + 1024) + b'"}'
    answer = call(stack.rasa, method, with_token(stack, path), body)
    assert answer.is_our_error(413, "body"), answer.body[:300]
    assert alive(stack)


def test_messenger_webhook_refuses_unsigned_malformed_json_with_403_json(stack: Stack) -> None:
    for body in MALFORMED.values():
        assert call(stack.rasa, "POST", "/webhooks/facebook/webhook", body).is_our_error(403)


@pytest.mark.parametrize(
    "method, path",
    [
        ("GET", "/nope"),
        ("POST", "/webhooks/nope/webhook"),
        ("GET", "/webhooks/rest/../../etc/passwd"),
        ("DELETE", "/webhooks/rest/webhook"),
        ("GET", "/webhooks/rest/webhook"),
    ],
)
def test_rasa_unknown_routes_and_methods_are_json(stack: Stack, method: str, path: str) -> None:
    assert call(stack.rasa, method, path).is_our_error((404, 405), None)


# --- Rasa's HTTP API needs the token --------------------------------------------------------------

RASA_API_CALLS = [
    ("GET", "/conversations/hostile-auth/tracker", None),
    ("GET", "/status", None),
    ("GET", "/domain", None),
    ("POST", "/model/parse", b'{"text": "mam 45 lat"}'),
    ("POST", "/conversations/hostile-auth/messages", b'{"text": "mam 45 lat", "sender": "user"}'),
]


@pytest.mark.parametrize("method, path, body", RASA_API_CALLS)
def test_rasa_api_refuses_requests_without_the_right_token(
    stack: Stack, method: str, path: str, body: bytes | None
) -> None:
    headers = {"Accept": "application/json"}
    for refused in (
        call(stack.rasa, method, path, body, headers),
        call(stack.rasa, method, f"{path}?token=wrong-{stack.token}", body, headers),
        call(stack.rasa, method, f"{path}?token=", body, headers),
        call(stack.rasa, method, path, body, {**headers, "Authorization": f"Bearer {stack.token}x"}),
    ):
        assert refused.status in (401, 403) and refused.json()["status"] == "failure", refused.body[:300]
    assert call(stack.rasa, method, with_token(stack, path), body, headers).status == 200


# --- CORS on Rasa ---------------------------------------------------------------------------------


def test_rasa_cors_only_for_the_configured_origin(stack: Stack, cors_origin: str) -> None:
    body = json.dumps({"sender": "hostile-cors", "message": "hej"}).encode()
    allowed = call(stack.rasa, "POST", "/webhooks/rest/webhook", body, {"Origin": cors_origin})
    assert allowed.status == 200 and allowed.headers.get("Access-Control-Allow-Origin") == cors_origin
    other = call(stack.rasa, "POST", "/webhooks/rest/webhook", body, {"Origin": OTHER_ORIGIN})
    assert other.status == 200 and other.headers.get("Access-Control-Allow-Origin") is None
    for origin, expected in ((cors_origin, cors_origin), (OTHER_ORIGIN, None)):
        preflight = call(
            stack.rasa,
            "OPTIONS",
            "/webhooks/rest/webhook",
            None,
            {
                "Origin": origin,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type",
            },
        )
        assert preflight.headers.get("Access-Control-Allow-Origin") == expected


# --- the web app ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def web(stack: Stack, cors_origin: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The web app on a free port, over the stack's knowledge base, with its API open to `cors_origin`."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        "WEB_PORT": str(port),
        "DATABASE_URL": stack.database_url,
        "RASA_PUBLIC_URL": stack.rasa,
        "API_CORS_ORIGINS": cors_origin,
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
    }
    with running(
        web_command(), f"{base}/api/health", env, timeout=60, log=tmp_path_factory.mktemp("hostile-web") / "web.log"
    ):
        yield base


@pytest.mark.parametrize("kind", list(MALFORMED) + list(NOT_AN_OBJECT) + ["empty"])
def test_web_api_answers_bad_json_with_400(web: str, kind: str) -> None:
    body = {**MALFORMED, **NOT_AN_OBJECT, "empty": b""}[kind]
    assert call(web, "POST", "/api/recommendations", body).is_our_error(400, "body")


@pytest.mark.parametrize(
    "profile, field",
    [
        ({"age": "<script>alert(1)</script>"}, "age"),
        ({"district": "'; DROP TABLE institution; --"}, "district"),
        ({"district": "Wola" * 10_000}, "district"),
        ({"age": 1e308}, "age"),
        ({"age": 10**400}, "age"),
        ({"<img src=x>": True}, "<img src=x>"),
        ({"homeless": "true"}, "homeless"),
    ],
)
def test_web_api_names_the_field_of_a_hostile_value(web: str, profile: dict[str, Any], field: str) -> None:
    answer = call(web, "POST", "/api/recommendations", json.dumps(profile).encode())
    assert answer.is_our_error(400, field), answer.body[:300]


def test_web_api_refuses_oversized_bodies_and_still_works(web: str) -> None:
    body = b'{"district": "' + b"a" * WEB_MAX_BODY_BYTES + b'"}'
    assert call(web, "POST", "/api/recommendations", body).is_our_error(413, "body")
    answer = call(web, "POST", "/api/recommendations", b'{"age": 52, "work_status": "registered_unemployed"}')
    assert answer.status == 200 and answer.json()["recommendations"]


@pytest.mark.parametrize(
    "method, path",
    [
        ("GET", "/nope"),
        ("GET", "/api/nope"),
        ("POST", "/api/nope"),
        ("GET", "/api/tools/<script>"),
        ("GET", "/staff/../../etc/passwd"),
        ("GET", "/%00"),
        ("DELETE", "/api/recommendations"),
    ],
)
def test_web_unknown_routes_and_methods_are_json(web: str, method: str, path: str) -> None:
    assert call(web, method, path).is_our_error((400, 404, 405))


TRAVERSALS = [
    "/static/../app.py",
    "/static/../../../README.md",
    "/static/%2e%2e/app.py",
    "/static/%2e%2e%2fapp.py",
    "/static/..%2fapp.py",
    "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2fpyproject.toml",
    "/static/%252e%252e%252fapp.py",
    "/static/..%5capp.py",
    "/static/..\\app.py",
    "/static/js/../../app.py",
    "/static/js/%2e%2e/%2e%2e/app.py",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/app.py%00.js",
    "/static/....//....//app.py",
    "/static/%c0%ae%c0%ae/app.py",
    "/static/.env",
    "/static/js/.%2e/.%2e/app.py",
    "/static/..;/app.py",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_web_static_files_never_leave_the_static_folder(web: str, path: str) -> None:
    answer = call(web, "GET", path)
    assert answer.status in (400, 404) and answer.is_our_error((400, 404)), (path, answer.status, answer.body[:200])
    assert b"create_app" not in answer.body and b"[project]" not in answer.body and b"root:" not in answer.body


def test_web_cors_only_for_the_configured_origin(web: str, cors_origin: str) -> None:
    allowed = call(web, "GET", "/api/health", None, {"Origin": cors_origin})
    assert allowed.status == 200 and allowed.headers.get("Access-Control-Allow-Origin") == cors_origin
    other = call(web, "GET", "/api/health", None, {"Origin": OTHER_ORIGIN})
    assert other.status == 200 and other.headers.get("Access-Control-Allow-Origin") is None
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    answer = call(web, "OPTIONS", "/api/recommendations", None, {"Origin": cors_origin, **preflight})
    assert answer.status == 204 and answer.headers.get("Access-Control-Allow-Origin") == cors_origin
    assert "POST" in answer.headers.get("Access-Control-Allow-Methods", "")
    answer = call(web, "OPTIONS", "/api/recommendations", None, {"Origin": OTHER_ORIGIN, **preflight})
    assert answer.is_our_error(403) and answer.headers.get("Access-Control-Allow-Origin") is None
    page = call(web, "GET", "/", None, {"Origin": cors_origin})  # the pages are never shared
    assert page.status == 200 and page.headers.get("Access-Control-Allow-Origin") is None


# --- socket.io (the chat widget's channel) --------------------------------------------------------


def test_socketio_answers_an_over_long_message_in_polish_and_then_goes_on(stack: Stack) -> None:
    [too_long], [greeting, *_rest] = asyncio.run(
        SocketIOPerson(stack.rasa).conversation(["😀" * (MAX_MESSAGE_CHARS + 1), "Dzień dobry"])
    )
    assert too_long == {"text": TOO_LONG_MESSAGE}
    assert POLISH.search(greeting.get("text", "")), greeting
