"""The HTML pages: the resident's chat at / and the staff console at /staff.

Templates are plain HTML files with `{{name}}` (HTML-escaped) and `{{!name}}` (trusted HTML built
here) placeholders, filled once at start-up: no template engine and no inline scripts, so the
Content-Security-Policy can forbid them. The pages read their settings from data-* attributes.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Mapping

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, html

from bot.settings import Settings
from bot.web.staff_form import form_html

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
_PLACEHOLDER = re.compile(r"\{\{(!?)\s*([a-z_]+)\s*\}\}")


def render(template: str, values: Mapping[str, str]) -> str:
    """Fill the placeholders; an unknown name is a programming error, not an empty string."""

    def fill(match: re.Match) -> str:
        raw, name = match.groups()
        value = values[name]
        return value if raw else escape(value)

    return _PLACEHOLDER.sub(fill, template)


def install_pages(app: Sanic, settings: Settings) -> None:
    values = {"rasa_url": settings.rasa_public_url, "socketio_path": "/socket.io", "staff_form": form_html()}
    pages = {
        name: render((TEMPLATES_DIR / f"{name}.html").read_text(encoding="utf-8"), values)
        for name in ("resident", "staff")
    }

    def page(name: str) -> HTTPResponse:
        return html(pages[name], headers={"Cache-Control": "no-store"})

    @app.get("/")
    async def resident(_: Request) -> HTTPResponse:
        return page("resident")

    @app.get("/staff")
    async def staff(_: Request) -> HTTPResponse:
        return page("staff")
