"""Clear JSON answers from the Rasa server to bad requests (installed by bot/rasa_server/extensions.py).

Rasa 3.6 (Sanic 21.12) answers an unknown route, a wrong method or an oversized body with an HTML
page, a non-object body on some endpoints with a bare 500, and malformed JSON on /model/parse
with a 500 "ParsingError". Installed on Rasa's app, this module makes every such answer
`{"error": <Polish message>, "field": …}` with the right status (bot.json_errors, the web app's
format), and checks the JSON body of Rasa's HTTP API endpoints before Rasa reads it. Rasa's own
errors (e.g. 401 for a missing token, its validation of events) keep Rasa's JSON format.
The largest body Sanic accepts is SANIC_REQUEST_MAX_SIZE (scripts/env.sh).
"""

from __future__ import annotations

import logging
import re
from typing import Any

from sanic import Sanic
from sanic.exceptions import InvalidUsage, SanicException
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.json_errors import error, malformed_json, status_error
from bot.messages import text
from bot.rasa_server.channels.input_guard import MAX_MESSAGE_CHARS

logger = logging.getLogger(__name__)
WRITTEN_FOR_RASA = "3.6.21"  # the routes of Rasa's HTTP API (JSON_ENDPOINTS) and Sanic 21.12's errors

NOT_AN_OBJECT = text("rasa_api.error.not_an_object")
NOT_OBJECT_OR_LIST = text("rasa_api.error.not_object_or_list")
TEXT_NOT_STRING = text("rasa_api.error.text_not_string")
TEXT_TOO_LONG = text("rasa_api.error.text_too_long", max=MAX_MESSAGE_CHARS)

# Rasa's HTTP API endpoints that read a JSON body: method, path, the accepted kinds of body and
# whether its "text" goes through the NLU. Conversation ids are `:path` parameters (may hold "/").
_OBJECT, _EVENTS = (dict,), (dict, list)
JSON_ENDPOINTS = (
    ("POST", re.compile(r"/model/parse"), _OBJECT, True),
    ("POST", re.compile(r"/model/predict"), _EVENTS, False),
    ("PUT", re.compile(r"/model"), _OBJECT, False),
    ("POST", re.compile(r"/conversations/.+/messages"), _OBJECT, True),
    ("POST", re.compile(r"/conversations/.+/tracker/events"), _EVENTS, False),
    ("PUT", re.compile(r"/conversations/.+/tracker/events"), _EVENTS, False),
    ("POST", re.compile(r"/conversations/.+/execute"), _OBJECT, False),
    ("POST", re.compile(r"/conversations/.+/trigger_intent"), _OBJECT, False),
)


def endpoint_for(method: str, path: str) -> tuple | None:
    return next((e for e in JSON_ENDPOINTS if e[0] == method and e[1].fullmatch(path)), None)


def check_body(method: str, path: str, body: Any) -> HTTPResponse | None:
    """A 400 for a decoded `body` the endpoint cannot take; None when it may go on to Rasa."""
    endpoint = endpoint_for(method, path)
    if endpoint is None:
        return None
    _, _, kinds, for_nlu = endpoint
    if not isinstance(body, kinds):
        return error(400, NOT_AN_OBJECT if kinds is _OBJECT else NOT_OBJECT_OR_LIST, "body")
    if for_nlu and "text" in body:
        if not isinstance(body["text"], str):
            return error(400, TEXT_NOT_STRING, "text")
        if len(body["text"]) > MAX_MESSAGE_CHARS:
            return error(400, TEXT_TOO_LONG, "text")
    return None


async def _check_api_body(request: Request) -> HTTPResponse | None:
    if request.method not in ("POST", "PUT") or not request.body or endpoint_for(request.method, request.path) is None:
        return None
    try:
        body = request.json
    except InvalidUsage:
        return error(400, malformed_json(), "body")
    return check_body(request.method, request.path, body)


async def _sanic_error(request: Request, exception: SanicException) -> HTTPResponse:
    return status_error(getattr(exception, "status_code", 500) or 500)


async def _unexpected(request: Request, exception: Exception) -> HTTPResponse:
    logger.error("Unexpected %s on %s %s.", type(exception).__name__, request.method, request.path, exc_info=exception)
    return status_error(500)


def install(app: Sanic) -> None:
    """Register the JSON error handlers and the body check on Rasa's app (idempotent)."""
    if getattr(app.ctx, "drogowskaz_api_guard", False):
        return
    app.ctx.drogowskaz_api_guard = True
    app.error_handler.add(SanicException, _sanic_error)
    app.error_handler.add(Exception, _unexpected)
    app.register_middleware(_check_api_body, "request")
