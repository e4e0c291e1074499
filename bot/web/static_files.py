"""Static files under /static/ from bot/web/static (our JS and CSS, and vendor/ filled by scripts/assets.sh).

Only known file types are served, each with its exact content type; anything that could leave the
folder (.., absolute paths, backslashes, NUL, symlinks pointing out) is a JSON 404 like any unknown file.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse, file

STATIC_DIR = Path(__file__).resolve().parent / "static"

CONTENT_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".txt": "text/plain; charset=utf-8",
}


def resolve_static(root: Path, requested: str) -> Path | None:
    """The file inside `root` that `requested` names, or None when it is missing or not allowed."""
    name = unquote(requested)
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return None
    parts = name.split("/")
    if any(part in ("", ".", "..") or part.startswith(".") for part in parts):
        return None
    candidate = root.joinpath(*parts)
    try:
        resolved = candidate.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not resolved.is_relative_to(root.resolve()) or not resolved.is_file():
        return None
    if resolved.suffix.lower() not in CONTENT_TYPES:
        return None
    return resolved


def install_static(app: Sanic, not_found, root: Path = STATIC_DIR) -> None:
    """GET /static/<path>; `not_found()` builds the app's JSON 404."""

    @app.get("/static/<requested:path>")
    async def static(_: Request, requested: str) -> HTTPResponse:
        found = resolve_static(root, requested)
        if found is None:
            return not_found()
        response = await file(found, mime_type=CONTENT_TYPES[found.suffix.lower()])
        # Our files change with the code (no build step, no fingerprints): always revalidate.
        response.headers["Cache-Control"] = "no-cache"
        return response
