"""Rasa's REST channel (`rest`, POST /webhooks/rest/webhook) that refuses bad input with a clear 400.

credentials.yml: `bot.rasa_server.channels.rest.RestInput:` in place of `rest:`. The body must be a JSON object
with `sender` (a string of at most 128 characters) and `message` (a string that is not empty and
has at most 2000 characters once normalised, see bot.rasa_server.channels.input_guard); `metadata`, when
given, must be an object. Anything else gets HTTP 400 `{"error": <Polish>, "field": "body" |
"sender" | "message" | "metadata"}` and is not processed. The text Rasa gets is the normalised
one; the input channel is always "rest" (the client cannot claim another). Everything else,
`?stream=true` included, is Rasa's channel.

The server's other refusals (unknown routes, oversized bodies, malformed JSON on the HTTP API) are
JSON too, whatever the channels: bot/rasa_server/channels/api_guard.py, installed on Rasa's app by
`python -m bot.rasa_server run`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput as RasaRestInput
from sanic import Blueprint
from sanic.exceptions import InvalidUsage
from sanic.request import Request
from sanic.response import HTTPResponse
from sanic.response import json as json_response

from bot.json_errors import malformed_json
from bot.messages import text
from bot.rasa_server.channels.input_guard import InputRejected, clean_message, clean_sender

WRITTEN_FOR_RASA = "3.6.21"  # Rasa's RestInput and its private _extract_* methods
NOT_AN_OBJECT = text("channel.rest.not_an_object")
BAD_METADATA = text("channel.rest.bad_metadata")


@dataclass(frozen=True)
class RestRequest:
    sender: str
    message: str
    metadata: Optional[Dict[Text, Any]]


def read_request(request: Request) -> RestRequest:
    """The checked contents of a webhook request (decoded once per request), or InputRejected."""
    checked = getattr(request.ctx, "rest_request", None)
    if checked is None:
        checked = request.ctx.rest_request = parse_body(request)
    return checked


def parse_body(request: Request) -> RestRequest:
    try:
        body = request.json
    except InvalidUsage:
        raise InputRejected("body", malformed_json()) from None
    if not isinstance(body, dict):
        raise InputRejected("body", NOT_AN_OBJECT)
    sender = clean_sender(body.get("sender"))
    message = clean_message(body.get("message"))
    metadata = body.get("metadata")
    if metadata is not None and not isinstance(metadata, dict):
        raise InputRejected("metadata", BAD_METADATA)
    return RestRequest(sender, message, metadata)


class RestInput(RasaRestInput):
    """Name "rest" and URL /webhooks/rest/webhook as Rasa's; see the module docstring."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    async def _extract_sender(self, req: Request) -> Optional[Text]:
        return read_request(req).sender  # called first: a bad request stops here

    def _extract_message(self, req: Request) -> Optional[Text]:
        return read_request(req).message

    def _extract_input_channel(self, req: Request) -> Text:
        return self.name()

    def get_metadata(self, request: Request) -> Optional[Dict[Text, Any]]:
        return read_request(request).metadata

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        webhook = super().blueprint(on_new_message)

        @webhook.exception(InputRejected)
        async def rejected(_: Request, problem: InputRejected) -> HTTPResponse:
            return json_response(problem.as_json(), status=400)

        return webhook
