"""GET /api/codes/<code>: the anonymous profile behind a conversation code, for the staff console.

The bot gives the person a short code (ABC-DEF, see bot.codes); staff type it in and the console
fills the form from it. Unknown and expired codes are the same 404, so codes cannot be probed for
their state; anything that cannot be a code at all is a 400.
"""

from __future__ import annotations

import asyncio
import re
from typing import Callable
from urllib.parse import unquote

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse
from sanic.response import json as json_response

from bot.codes import ALPHABET, CODE_LENGTH, normalise_code, read_conversation
from bot.knowledge.db import make_engine
from bot.language import SUPPORTED
from bot.messages import REFERENCE, text

_SHAPE = re.compile(r"^[A-Za-z0-9]{3}[- ]?[A-Za-z0-9]{3}$")


def well_formed(raw: str) -> bool:
    compact = normalise_code(raw)
    return bool(_SHAPE.match(raw.strip())) and len(compact) == CODE_LENGTH and all(ch in ALPHABET for ch in compact)


def install_codes(app: Sanic, database_url: str, error: Callable[..., HTTPResponse]) -> None:
    @app.get("/api/codes/<raw:str>")
    async def code(_: Request, raw: str) -> HTTPResponse:
        raw = unquote(raw)  # Sanic 21.12 passes the path parameter still percent-encoded ("ABC%20DEF")
        if len(raw) > 32 or not well_formed(raw):
            return error(400, text("api.code_malformed"), "code")
        engine = make_engine(database_url)
        found = await asyncio.get_running_loop().run_in_executor(None, read_conversation, engine, raw)
        if found is None:
            return error(404, text("api.code_not_found"), "code")
        profile, language = found
        return json_response(
            {"profile": profile, "language": conversation_language(language)}, headers={"Cache-Control": "no-store"}
        )


def conversation_language(stored: object) -> str:
    """The language the console shows and prints the client's copy in: one the assistant speaks, else Polish
    (codes made before languages have none; a stored value is never trusted to be one of ours)."""
    return stored if isinstance(stored, str) and stored in SUPPORTED else REFERENCE
