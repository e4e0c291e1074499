"""The Sanic web app (Sanic comes with Rasa, so it adds no dependency): JSON API, pages, static files.

Every error is JSON `{"error": <message for people>, "field": <key or null>}` with a fitting status,
including unknown routes, wrong methods, oversized and malformed bodies.
"""

from __future__ import annotations

import json
import logging
import traceback
from typing import Any

from sanic import Sanic
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse
from sanic.response import json as json_response

from bot.eligibility import recommend
from bot.json_errors import error, malformed_json, status_error
from bot.knowledge.catalogue import Catalogue
from bot.knowledge.service import get_catalogue
from bot.language import SUPPORTED
from bot.messages import activate, text
from bot.profile import ProfileError, validate_profile
from bot.settings import Settings
from bot.web.codes_api import install_codes
from bot.web.cors import install_cors
from bot.web.pages import install_pages
from bot.web.security import install_security_headers
from bot.web.static_files import install_static

logger = logging.getLogger(__name__)


def decode_json(request: Request) -> Any:
    """Decode the body strictly; ProfileError('body', …) for anything that is not valid JSON."""
    if not request.body:
        raise ProfileError("body", text("api.empty_body"))
    try:
        return json.loads(request.body.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise ProfileError("body", malformed_json()) from None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def create_app(settings: Settings, catalogue: Catalogue | None = None) -> Sanic:
    """Build the app; the catalogue is loaded (and the database filled) before it serves."""
    catalogue = catalogue or get_catalogue(settings.database_url, settings.knowledge_dir)
    app = Sanic("drogowskaz_web", configure_logging=False)
    app.config.REQUEST_MAX_SIZE = settings.max_body_bytes
    app.config.FALLBACK_ERROR_FORMAT = "json"

    @app.on_request
    async def api_language(request: Request) -> HTTPResponse | None:
        """`?lang=uk` (CONTRACT section 6): every catalogue text of the answer in that language, for
        this request only (the handler runs in the task of this middleware); IDs never change."""
        if not request.path.startswith("/api/"):
            activate(None)  # requests on one keep-alive connection share a task: no language left over
            return None
        asked = request.args.get("lang")
        if asked is not None and asked not in SUPPORTED:
            return error(400, text("api.unknown_language", languages=", ".join(SUPPORTED)), "lang")
        activate(asked)
        return None

    @app.get("/api/health")
    async def health(_: Request) -> HTTPResponse:
        return json_response(
            {"status": "ok", "institutions": len(catalogue.institutions), "tools": len(catalogue.tools)}
        )

    @app.post("/api/recommendations")
    async def recommendations(request: Request) -> HTTPResponse:
        try:
            profile = validate_profile(decode_json(request))
        except ProfileError as problem:
            return error(400, problem.message, problem.field)
        return json_response(recommend(profile, catalogue))

    @app.get("/api/institutions")
    async def institutions(_: Request) -> HTTPResponse:
        return json_response({"institutions": [i.summary() for i in catalogue.institutions.values()]})

    @app.get("/api/institutions/<institution_id:str>")
    async def institution(_: Request, institution_id: str) -> HTTPResponse:
        found = catalogue.institutions.get(institution_id)
        if found is None:
            return error(404, text("api.unknown_institution"), "institution")
        return json_response(found.as_dict())

    @app.get("/api/tools")
    async def tools(_: Request) -> HTTPResponse:
        return json_response(
            {"tools": [{"id": t.id, "institution": t.institution_id, "name": t.name} for t in catalogue.tools.values()]}
        )

    @app.get("/api/tools/<tool_id:str>")
    async def tool(_: Request, tool_id: str) -> HTTPResponse:
        found = catalogue.tools.get(tool_id)
        if found is None:
            return error(404, text("api.unknown_tool"), "tool")
        return json_response(found.as_dict())

    install_codes(app, settings.database_url, error)
    install_cors(app, settings.api_cors_origins)  # after the last /api route
    install_pages(app, settings)
    install_static(app, lambda: status_error(404))
    install_security_headers(app, settings.rasa_public_url)

    @app.exception(SanicException)
    async def sanic_error(_: Request, exception: SanicException) -> HTTPResponse:
        return status_error(getattr(exception, "status_code", 500) or 500)

    @app.exception(Exception)
    async def unexpected(request: Request, exception: Exception) -> HTTPResponse:
        # The route's pattern, not the path (it may hold a conversation code), and the traceback's
        # frames without the exception's message (it may quote what was sent or stored).
        frames = "".join(traceback.format_tb(exception.__traceback__))
        logger.error(
            "unexpected %s on %s\n%s", type(exception).__name__, request.uri_template or "an unknown route", frames
        )
        return status_error(500)

    return app
