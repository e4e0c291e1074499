"""JSON errors for programs: `{"error": <message for people>, "field": <key or null>}` with a fitting status.

Shared by the web app (bot/web) and the Rasa server's channels and guards (bot/rasa_server/channels),
so that every error a program can get from us looks the same.
"""

from __future__ import annotations

from sanic.response import HTTPResponse
from sanic.response import json as json_response

from bot.messages import N_, text

# The statuses with a message of their own; any other gets OTHER_STATUS_KEY's.
STATUS_KEYS = {
    400: N_("api.status.400"),
    401: N_("api.status.401"),
    403: N_("api.status.403"),
    404: N_("api.status.404"),
    405: N_("api.status.405"),
    408: N_("api.status.408"),
    413: N_("api.status.413"),
    415: N_("api.status.415"),
    500: N_("api.status.500"),
    503: N_("api.status.503"),
}
OTHER_STATUS_KEY = N_("api.status.other")


def malformed_json() -> str:
    return text("api.malformed_json")


# Statuses that are about the request body as a whole.
_BODY_STATUSES = {413, 415}


def error(status: int, message: str, field: str | None = None) -> HTTPResponse:
    return json_response({"error": message, "field": field}, status=status)


def status_message(status: int, lang: str | None = None) -> str:
    return text(STATUS_KEYS.get(status, OTHER_STATUS_KEY), lang)


def status_error(status: int, lang: str | None = None) -> HTTPResponse:
    """The standard answer for a status (Sanic's own refusals: unknown route, wrong method, too large…)."""
    return error(status, status_message(status, lang), "body" if status in _BODY_STATUSES else None)
