"""CORS for the JSON API: only the origins in API_CORS_ORIGINS may call /api/… from a browser.

The pages, the widget and the staff console call the API from the app's own origin, which needs
no CORS, so by default no other origin is allowed and no Access-Control-* header is ever sent.
For an allowed origin, API answers carry `Access-Control-Allow-Origin: <that origin>` (never `*`,
never credentials), and the browser's preflight (OPTIONS with Access-Control-Request-Method) is
answered for every API route. Sanic 21.12 routes before middleware runs, so the preflight needs
routes of its own: one OPTIONS route beside each API route, added after the API is defined.
"""

from __future__ import annotations

from typing import Iterable

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, empty

from bot.json_errors import error
from bot.messages import text

API_PREFIX = "api/"
ALLOWED_METHODS = "GET, POST, OPTIONS"
ALLOWED_HEADERS = "Content-Type"
MAX_AGE_SECONDS = "600"


def install_cors(app: Sanic, origins: Iterable[str]) -> None:
    """Call after every API route is registered."""
    allowed = frozenset(origin.rstrip("/") for origin in origins)
    api_paths = sorted({route.path for route in app.router.routes if route.path.startswith(API_PREFIX)})

    async def preflight(request: Request, **_: str) -> HTTPResponse:
        origin = request.headers.get("Origin", "")
        if origin not in allowed:
            return error(403, text("api.origin_not_allowed"), "Origin")
        return empty(
            status=204,
            headers={
                "Access-Control-Allow-Methods": ALLOWED_METHODS,
                "Access-Control-Allow-Headers": ALLOWED_HEADERS,
                "Access-Control-Max-Age": MAX_AGE_SECONDS,
            },
        )

    for number, path in enumerate(api_paths):
        app.add_route(preflight, "/" + path, methods=["OPTIONS"], name=f"cors_preflight_{number}")

    @app.on_response
    async def allow_origin(request: Request, response: HTTPResponse) -> None:
        origin = request.headers.get("Origin")
        if request.path.startswith("/" + API_PREFIX):
            response.headers["Vary"] = "Origin"
            if origin in allowed:
                response.headers["Access-Control-Allow-Origin"] = origin
