"""Facebook Messenger input channel, mounted at /webhooks/facebook/webhook.

credentials.yml:  bot.rasa_server.channels.messenger.MessengerInput: {verify, secret, page-access-token,
graph_api_url}. GET verifies the subscription (hub.mode=subscribe and the verify token) or answers
403. POST must carry a valid X-Hub-Signature-256 (or X-Hub-Signature, sha1) HMAC of the raw body
made with the app secret, else 403 and nothing of it is processed; without a secret every POST is
rejected. A signed body that is not a JSON object gets 400. Errors are JSON `{"error": <Polish>,
"field": …}` (bot.json_errors). Events are acknowledged at once and handled in the background, one
at a time per sender; texts pass bot.rasa_server.channels.input_guard first, and an empty or over-long one is
answered with a short Polish text instead of going to Rasa. No message text (and no sender id) is
ever logged.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
from collections import OrderedDict
from contextlib import asynccontextmanager
from typing import Any, AsyncIterator, Awaitable, Callable, Mapping

from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot import messages
from bot.json_errors import error, malformed_json
from bot.rasa_server.channels.input_guard import InputRejected, clean_message, clean_sender
from bot.rasa_server.channels.messenger_format import ONLY_TEXT, incoming_text, is_attachment_only
from bot.rasa_server.channels.messenger_output import DEFAULT_GRAPH_API_URL, GraphClient, MessengerOutput

logger = logging.getLogger(__name__)

_SIGNATURES = (("X-Hub-Signature-256", "sha256"), ("X-Hub-Signature", "sha1"))
_REMEMBERED_MESSAGE_IDS = 1000

VERIFICATION_FAILED = messages.text("messenger.error.verification_failed")
INVALID_SIGNATURE = messages.text("messenger.error.invalid_signature")
NOT_AN_OBJECT = messages.text("messenger.error.not_an_object")


def valid_signature(secret: str, body: bytes, headers: Mapping[str, str]) -> bool:
    """The newer sha256 header decides when present; the sha1 one is the fallback."""
    if not secret:
        return False
    for header, method in _SIGNATURES:
        value = headers.get(header)
        if value is None:
            continue
        prefix = method + "="
        if not value.startswith(prefix):
            return False
        expected = hmac.new(secret.encode(), body, getattr(hashlib, method)).hexdigest()
        return hmac.compare_digest(value[len(prefix) :].strip().lower().encode(), expected.encode())
    return False


def _part(event: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = event.get(key)
    return value if isinstance(value, Mapping) else {}


def _items(value: Any) -> list:
    return value if isinstance(value, list) else []


def _locale(event: Mapping[str, Any]) -> dict[str, str] | None:
    """The person's locale ("uk_UA") where the event carries one: the session starts in that language
    (actions/session.py). Messenger's message events usually do not; detection decides then."""
    locale = _part(event, "sender").get("locale") or event.get("locale")
    return {"locale": locale[:16]} if isinstance(locale, str) else None


def _same(given: str | None, expected: str) -> bool:
    return bool(expected) and given is not None and hmac.compare_digest(given.encode(), expected.encode())


class MessengerInput(InputChannel):
    @classmethod
    def name(cls) -> str:
        return "facebook"

    @classmethod
    def from_credentials(cls, credentials: Mapping[str, Any] | None) -> InputChannel:
        credentials = credentials or {}  # unset: the channel runs and rejects everything
        return cls(
            str(credentials.get("verify") or ""),
            str(credentials.get("secret") or ""),
            str(credentials.get("page-access-token") or ""),
            str(credentials.get("graph_api_url") or DEFAULT_GRAPH_API_URL),
        )

    def __init__(
        self, verify: str, secret: str, page_access_token: str, graph_api_url: str = DEFAULT_GRAPH_API_URL
    ) -> None:
        self.verify = verify
        self.secret = secret
        self.client = GraphClient(graph_api_url, page_access_token)
        self._turns: dict[str, list] = {}  # sender -> [lock, users]
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._tasks: set[asyncio.Task] = set()

    def get_output_channel(self) -> OutputChannel:
        return MessengerOutput(self.client)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("messenger_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["GET"])
        async def verification(request: Request) -> HTTPResponse:
            challenge = request.args.get("hub.challenge")
            if (
                request.args.get("hub.mode") == "subscribe"
                and _same(request.args.get("hub.verify_token"), self.verify)
                and challenge
            ):
                return response.text(challenge)
            logger.warning("Messenger webhook: subscription verification refused.")
            return error(403, VERIFICATION_FAILED, "hub.verify_token")

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not valid_signature(self.secret, request.body or b"", request.headers):
                logger.warning("Messenger webhook: a request with a missing or invalid signature was rejected.")
                return error(403, INVALID_SIGNATURE, "X-Hub-Signature-256")
            try:
                payload = json.loads(request.body)
            except (ValueError, RecursionError):  # UnicodeDecodeError is a ValueError
                return error(400, malformed_json(), "body")
            if not isinstance(payload, dict) or not isinstance(payload.get("entry", []), list):
                return error(400, NOT_AN_OBJECT, "body")
            events = [
                event
                for entry in payload.get("entry", [])
                if isinstance(entry, dict)
                for event in _items(entry.get("messaging"))
                if isinstance(event, dict)
            ]
            if events and payload.get("object", "page") == "page":
                task = asyncio.create_task(self._handle_all(events, on_new_message))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)
            return response.text("EVENT_RECEIVED")

        @webhook.listener("after_server_stop")
        async def close(app: Any, loop: Any) -> None:
            await self.client.close()

        return webhook

    async def _handle_all(self, events: list[dict], on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        for event in events:
            await self._handle(event, on_new_message)

    async def _handle(self, event: dict, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> None:
        sender = _part(event, "sender").get("id")
        text = incoming_text(event)
        if (
            not isinstance(sender, (str, int))
            or (text is None and not is_attachment_only(event))
            or self._repeated(event)
        ):
            return
        try:
            sender = clean_sender(str(sender))
        except InputRejected:
            logger.warning("Messenger: an event with an unusable sender id was ignored.")
            return
        output = MessengerOutput(self.client)
        async with self._turn(sender):
            if text is None:
                await output.send_text_message(sender, ONLY_TEXT)
                return
            try:
                text = clean_message(text)
            except InputRejected as problem:
                await output.send_text_message(sender, problem.message)
                return
            await output.send_action(sender, "mark_seen")
            await output.send_action(sender, "typing_on")
            try:
                mid = _part(event, "message").get("mid") or _part(event, "postback").get("mid")
                await on_new_message(
                    UserMessage(
                        text, output, sender, input_channel=self.name(), message_id=mid, metadata=_locale(event)
                    )
                )
            except Exception as problem:  # the text may be in the error: log only its kind
                logger.error("Messenger: handling a message failed (%s).", type(problem).__name__)
                logger.debug("Messenger: traceback of the failure", exc_info=True)
            finally:
                await output.send_action(sender, "typing_off")

    def _repeated(self, event: dict) -> bool:
        """Messenger redelivers when unsure we got an event; handle each message id once."""
        mid = _part(event, "message").get("mid") or _part(event, "postback").get("mid")
        if not isinstance(mid, str) or not mid:
            return False
        if mid in self._seen:
            return True
        self._seen[mid] = None
        if len(self._seen) > _REMEMBERED_MESSAGE_IDS:
            self._seen.popitem(last=False)
        return False

    @asynccontextmanager
    async def _turn(self, sender: str) -> AsyncIterator[None]:
        """One message of a sender at a time, in the order they arrived."""
        turn = self._turns.setdefault(sender, [asyncio.Lock(), 0])
        turn[1] += 1
        try:
            async with turn[0]:
                yield
        finally:
            turn[1] -= 1
            if turn[1] == 0:
                del self._turns[sender]
