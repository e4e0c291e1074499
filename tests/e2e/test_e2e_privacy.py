"""No message text, slot value or conversation code in the services' logs at the default level.

The real Rasa server, action server and web app write their logs as they do in production
(`tests.servers` keeps each one's output in a file); a conversation and API calls full of
distinctive values must leave none of them there.
"""

from __future__ import annotations

import json
import re
import shutil
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from bot.codes import create_code
from tests.e2e.talk import answer_until_recommendation, new_sender, texts
from tests.servers import Stack, free_port, running, web_command

pytestmark = pytest.mark.e2e

FIRST = "Mam 47 lat, mieszkam na Ursynowie, jestem bezrobotna bez zasiłku, nazywam się Zenobia Kwiatkowska"
ANSWERS = {
    "status osoby bezrobotnej": "nie jestem zarejestrowana",
    "ośrodka pomocy społecznej": "tak",
    "orzeczenie": "nie",
    "sytuacja zawodowa": "nie pracuję i nie jestem zarejestrowana",
}
MORE = "opiekuję się chorą teściową"
# Pieces of what the person wrote, of the slot values and of the bot's replies about them, none of
# which a log has any other reason to hold.
WORDS = ("Zenobi", "Kwiatkowsk", "Ursyn", "bezrobotn", "zasiłku", "zarejestrowan", "teściow", "nazywam")
AGE = re.compile(r"\b47 lat|age\W{1,6}47\b")


def leaks(log: Path, secrets: tuple[str, ...]) -> list[str]:
    """The lines of `log` holding any of `secrets` (case-insensitive) or the age."""
    found = []
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        if AGE.search(line) or any(secret.lower() in line.lower() for secret in secrets):
            found.append(line)
    return found


def test_conversation_leaves_no_text_slot_value_or_code_in_the_logs(stack: Stack) -> None:
    conversation_leaves_nothing_personal_in_the_logs(stack)
    assert "conversation deleted on request" in (stack.logs / "rasa.log").read_text(), "INFO lines do reach the log"


def conversation_leaves_nothing_personal_in_the_logs(stack: Stack) -> None:
    """A whole conversation full of personal details, a summary code and a deletion; then the Rasa
    server's and the action server's logs hold none of it. Also run with Rasa's plain
    SQLTrackerStore (tests/e2e/test_e2e_plain_store.py)."""
    sender = new_sender()
    answer_until_recommendation(stack, sender, stack.say(sender, FIRST), ANSWERS)
    slots = stack.slots(sender)
    assert slots["age"] == 47 and slots["district"] == "Ursynów" and slots["unemployment_benefit"] is False
    stack.say(sender, "tak")  # the offer of more questions
    stack.say(sender, MORE)
    summary = texts(stack.say(sender, "podsumuj"))
    code = re.search(r"Kod rozmowy: ([A-Z0-9]{3})-([A-Z0-9]{3})", summary)
    assert code, summary
    assert "Czy na pewno" in texts(stack.say(sender, "usuń moje dane"))
    assert "Usunąłem" in texts(stack.say(sender, "tak"))

    secrets = (*WORDS, f"{code[1]}-{code[2]}", f"{code[1]}{code[2]}", sender)
    assert stack.logs is not None
    for name in ("rasa.log", "actions.log"):
        log = stack.logs / name
        assert log.stat().st_size > 0, f"{name} is written"
        assert leaks(log, secrets) == [], f"{name} holds what the person wrote or was told"


def call(url: str, body: object | bytes | None = None) -> tuple[int, dict]:
    data = body if isinstance(body, bytes) or body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_web_app_logs_no_profile_values_or_codes(stack: Stack, tmp_path: Path) -> None:
    """Answers, refusals and a failure (the database gone while staff load a code) log nothing personal."""
    database = tmp_path / "knowledge.db"
    shutil.copy(make_url(stack.database_url).database, database)  # its own copy: this test breaks it
    profile = {
        "age": 47,
        "district": "Ursynów",
        "work_status": "jobless_unregistered",
        "unemployment_benefit": False,
        "carer": True,
    }
    code = create_code(create_engine(f"sqlite:///{database}"), profile, ttl_days=30)
    port = free_port()
    web, log = f"http://127.0.0.1:{port}", tmp_path / "web.log"
    env = {"WEB_PORT": str(port), "DATABASE_URL": f"sqlite:///{database}", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
    with running(web_command(), f"{web}/api/health", env, timeout=60, log=log):
        status, answer = call(f"{web}/api/recommendations", profile)
        assert status == 200 and answer["recommendations"]
        status, answer = call(f"{web}/api/codes/{code}")
        assert status == 200 and answer["profile"]["district"] == "Ursynów"
        # Refused requests must not echo what was sent either.
        assert call(f"{web}/api/recommendations", {"district": "Zenobiowo"})[0] == 400
        assert call(f"{web}/api/recommendations", b"Zenobia Kwiatkowska, Ursynow")[0] == 400
        assert call(f"{web}/api/codes/{code[:3]}ZZZ")[0] == 404
        database.unlink()
        database.mkdir()  # SQLite cannot open a folder: the next read fails inside the app
        assert call(f"{web}/api/codes/{code}")[0] == 500
    written = log.read_text(encoding="utf-8", errors="replace")
    assert "unexpected OperationalError on /api/codes/" in written and "read_conversation" in written, (
        "the failure is logged, with its traceback"
    )
    assert leaks(log, (*WORDS, code, code.replace("-", ""), f"{code[:3]}ZZZ")) == [], (
        "the web app's log holds a profile value or a code"
    )
