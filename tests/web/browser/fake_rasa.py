"""A stand-in for Rasa's socketio channel in browser tests: the same events (session_request /
session_confirm, user_uttered / bot_uttered, rooms per session) with scripted answers, so the
widget can be tested without a trained model. GET /received lists what the widget sent.

Run: .venv/bin/python tests/web/browser/fake_rasa.py PORT
"""

from __future__ import annotations

import sys
import uuid

import socketio
from aiohttp import web

sio = socketio.AsyncServer(async_mode="aiohttp", cors_allowed_origins="*")
app = web.Application()
sio.attach(app)
received: list[dict] = []

QUESTION = {
    "text": "Jaka jest teraz Twoja sytuacja zawodowa?",
    "quick_replies": [
        {"content_type": "text", "title": "Nie mam pracy, mam rejestrację w urzędzie pracy", "payload": "/sit_registered"},
        {"content_type": "text", "title": "Pracuję", "payload": "/sit_employed"},
    ],
}
RECOMMENDATION = {
    "institution": "up",
    "name": "Urząd Pracy m.st. Warszawy",
    "tools": ["staz"],
    "reasons": ["Masz status osoby bezrobotnej w urzędzie pracy."],
    "tool_details": [{"id": "staz", "name": "Staż", "reasons": ["Masz status osoby bezrobotnej w urzędzie pracy."]}],
    "contact": {"name": "Urząd Pracy m.st. Warszawy", "address": "ul. Ciołka 10a", "phone": None,
                "url": "javascript:alert(1)", "source_url": "https://example.org", "source_date": "2018-07-19"},
    "fallback_contact": {"phone": "19115"},
    "documents": ["dowód osobisty"],
}


async def say(room: str, *messages: dict) -> None:
    for message in messages:
        await sio.emit("bot_uttered", message, room=room)


@sio.on("session_request")
async def session_request(sid: str, data: dict | None) -> None:
    session = (data or {}).get("session_id") or uuid.uuid4().hex
    received.append({"event": "session_request", "session_id": (data or {}).get("session_id")})
    await sio.enter_room(sid, session)
    await sio.emit("session_confirm", session, room=sid)


@sio.on("user_uttered")
async def user_uttered(sid: str, data: dict) -> None:
    received.append({"event": "user_uttered", **data})
    room, text = data.get("session_id"), data.get("message", "")
    if text == "/greet":
        await say(room, {"text": "Dzień dobry! Jestem Drogowskaz."}, QUESTION)
    elif text == "xss":
        await say(room, {"text": "<img src=x onerror=alert(1)>"})
    elif text.startswith("/ask_what_is"):
        await say(room, {"text": f"Wyjaśniam: {text}"})
    else:
        await say(room, {"text": "Oto miejsce, w którym możesz szukać pomocy:"},
                  {"text": "1. Urząd Pracy m.st. Warszawy\nCo możesz tu dostać: Staż."},
                  {"recommendations": [RECOMMENDATION]})


async def list_received(_: web.Request) -> web.Response:
    return web.json_response(received)


app.router.add_get("/received", list_received)
app.router.add_get("/", lambda _: web.json_response({"status": "ok"}))

if __name__ == "__main__":
    web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None)
