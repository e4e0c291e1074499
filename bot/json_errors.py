"""JSON errors for programs: `{"error": <Polish message>, "field": <key or null>}` with a fitting status.

Shared by the web app (bot/web) and the Rasa server's channels and guards (bot/rasa_server/channels),
so that every error a program can get from us looks the same.
"""

from __future__ import annotations

from sanic.response import HTTPResponse
from sanic.response import json as json_response

STATUS_MESSAGES = {
    400: "Nieprawidłowe zapytanie.",
    401: "Brak uprawnień: podaj prawidłowy token.",
    403: "Brak dostępu.",
    404: "Nie ma takiej strony ani zasobu.",
    405: "Ta metoda nie jest obsługiwana pod tym adresem.",
    408: "Zapytanie trwało zbyt długo.",
    413: "Treść zapytania jest za duża.",
    415: "Treść zapytania musi być w formacie JSON.",
    500: "Wystąpił nieoczekiwany błąd. Spróbuj ponownie za chwilę.",
    503: "Usługa jest chwilowo niedostępna. Spróbuj ponownie za chwilę.",
}
OTHER_ERROR = "Wystąpił błąd."
MALFORMED_JSON = "Treść zapytania nie jest poprawnym JSON-em."
# Statuses that are about the request body as a whole.
_BODY_STATUSES = {413, 415}


def error(status: int, message: str, field: str | None = None) -> HTTPResponse:
    return json_response({"error": message, "field": field}, status=status)


def status_error(status: int) -> HTTPResponse:
    """The standard answer for a status (Sanic's own refusals: unknown route, wrong method, too large…)."""
    return error(status, STATUS_MESSAGES.get(status, OTHER_ERROR), "body" if status in _BODY_STATUSES else None)
