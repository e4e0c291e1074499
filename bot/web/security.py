"""Safe headers on every response: a Content-Security-Policy without inline scripts, nosniff, no framing.

The only outside address a page may talk to is the Rasa server (socket.io over HTTP polling and
WebSocket), so `connect-src` names it; scripts, styles and images come from this app alone.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from sanic import Sanic
from sanic.request import Request
from sanic.response import HTTPResponse


def socket_origins(rasa_url: str) -> list[str]:
    """The Rasa server's origin for HTTP and for WebSocket (http→ws, https→wss)."""
    parts = urlsplit(rasa_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return []
    socket_scheme = "wss" if parts.scheme == "https" else "ws"
    return [f"{parts.scheme}://{parts.netloc}", f"{socket_scheme}://{parts.netloc}"]


def content_security_policy(rasa_url: str) -> str:
    connect = " ".join(["'self'", *socket_origins(rasa_url)])
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            f"connect-src {connect}",
            "manifest-src 'self'",
            "base-uri 'none'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


def install_security_headers(app: Sanic, rasa_url: str) -> None:
    """Add the headers to every response, errors included."""
    headers = {
        "Content-Security-Policy": content_security_policy(rasa_url),
        "X-Content-Type-Options": "nosniff",
        "X-Frame-Options": "DENY",
        "Referrer-Policy": "no-referrer",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
        "Cross-Origin-Opener-Policy": "same-origin",
    }

    @app.on_response
    async def add_headers(_: Request, response: HTTPResponse) -> None:
        for name, value in headers.items():
            response.headers.setdefault(name, value)
