"""The HTML pages: the resident's chat at / and the staff console at /staff.

Templates are plain HTML files with `{{name}}` (HTML-escaped), `{{!name}}` (trusted HTML built here),
`{{_ key}}` (a text of the message catalogue in the page's language, HTML-escaped) and `{{_pl key}}` (the same
in Polish, the staff's language, on a page in the client's language) placeholders, filled once at start-up: no
template engine and no inline scripts, so the Content-Security-Policy can forbid them. The pages read
their settings from data-* attributes, and their scripts' texts from `<body data-messages>`
(bot/web/script_messages.py).
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path
from typing import Mapping

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, html

from bot.language import SUPPORTED
from bot.messages import REFERENCE, text
from bot.settings import Settings
from bot.web.script_messages import messages_json, page_keys
from bot.web.staff_form import form_html

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
PAGES = ("resident", "staff", "client_copy")
# The pages served in each language the assistant speaks; the others (the staff console) in Polish only.
MULTILINGUAL = ("resident", "client_copy")
_PLACEHOLDER = re.compile(r"\{\{(!|_pl(?=\s)|_)?\s*([a-z0-9_.]+)\s*\}\}")


def render(template: str, values: Mapping[str, str], lang: str = REFERENCE) -> str:
    """Fill the placeholders; an unknown name or key is a programming error, not an empty string."""

    def fill(match: re.Match) -> str:
        kind, name = match.groups()
        if kind in ("_", "_pl"):
            return escape(text(name, lang if kind == "_" else REFERENCE))
        value = values[name]
        return value if kind == "!" else escape(value)

    return _PLACEHOLDER.sub(fill, template)


def render_page(name: str, settings: Settings, lang: str = REFERENCE) -> str:
    template = (TEMPLATES_DIR / f"{name}.html").read_text(encoding="utf-8")
    values = {
        "lang": lang,
        "rasa_url": settings.rasa_public_url,
        "socketio_path": "/socket.io",
        "messages": messages_json(page_keys(template), lang),
    }
    if name == "staff":
        values["staff_form"] = form_html(lang)
    return render(template, values, lang)


def page_language(request: Request) -> str:
    """`?lang=uk`: a page for residents in a language the assistant speaks (the widget's switch sets it, the
    console opens the client's copy in the conversation's language); Polish for anything else."""
    asked = request.args.get("lang")
    return asked if asked in SUPPORTED else REFERENCE


def install_pages(app: Sanic, settings: Settings) -> None:
    # The staff console is in Polish for the staff; the resident's page and the client's copy in each language.
    pages = {(name, REFERENCE): render_page(name, settings) for name in PAGES}
    pages |= {(name, lang): render_page(name, settings, lang) for name in MULTILINGUAL for lang in SUPPORTED}

    def page(name: str, lang: str = REFERENCE) -> HTTPResponse:
        return html(pages[(name, lang)], headers={"Cache-Control": "no-store"})

    @app.get("/")
    async def resident(request: Request) -> HTTPResponse:
        return page("resident", page_language(request))

    @app.get("/staff")
    async def staff(_: Request) -> HTTPResponse:
        return page("staff")

    @app.get("/staff/copy")
    async def client_copy(request: Request) -> HTTPResponse:
        """The printable copy of the recommendations for the client, opened by the console (staff.js)."""
        return page("client_copy", page_language(request))
