"""The resident page, the staff console, static files, safe headers and /api/codes of the real web app.

The app runs as `python -m bot.web` on a free port (like tests/test_api.py). The browser assets
come from `make assets` (scripts/assets.sh), which `make test` runs first.
"""

from __future__ import annotations

import http.client
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import pytest

from bot.codes import create_code
from bot.knowledge.db import make_engine
from bot.messages import text
from bot.profile import FIELDS, value_text
from bot.web.staff_form import GROUPS
from tests.servers import running_web

PUBLIC_RASA = "https://czat.example.org:7443"
JS_TYPE = "text/javascript; charset=utf-8"


class Web:
    def __init__(self, base: str, database_url: str) -> None:
        self.base = base
        self.database_url = database_url
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        """A GET sent exactly as written (no client-side normalisation of `..` or escapes)."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        try:
            connection.putrequest("GET", path, skip_accept_encoding=True)
            connection.endheaders()
            response = connection.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            connection.close()

    def json(self, path: str) -> tuple[int, Any]:
        status, headers, body = self.get(path)
        assert headers["content-type"].startswith("application/json"), (path, headers)
        return status, json.loads(body)


@pytest.fixture(scope="module")
def web(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Web]:
    with running_web(tmp_path_factory.mktemp("web_pages"), {"RASA_PUBLIC_URL": PUBLIC_RASA}) as app:
        yield Web(app.url, app.database_url)


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text of the page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            assert not data.strip(), "inline script"
        self.text.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [
            a
            for t, a in self.tags
            if t == tag and all(a.get(k.rstrip("_").replace("_", "-")) == v for k, v in attrs.items())
        ]


def page(web: Web, path: str) -> Tags:
    status, headers, body = web.get(path)
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    parsed = Tags()
    parsed.feed(body.decode("utf-8"))
    return parsed


def test_resident_page_has_the_widget(web: Web) -> None:
    tags = page(web, "/")
    assert tags.find("html", lang="pl")
    assert tags.find("script", type="module", src="/static/js/resident.js")
    assert all(attrs.get("src") for attrs in tags.find("script")), "every script is a file"
    chat = tags.find("main", id="chat")[0]
    assert chat["data-rasa-url"] == PUBLIC_RASA and chat["data-socketio-path"] == "/socket.io"
    log = tags.find("ol", id="log")[0]
    assert log["role"] == "log" and log["aria-live"] == "polite"
    assert tags.find("label", for_="message") and tags.find("input", id="message")
    text = " ".join(tags.text)
    assert "Twoja wiadomość" in text and "Wyślij" in text and "Usuń moje dane" in text
    assert "112" in text and "19115" in text  # help lines work even when the assistant does not


@pytest.mark.parametrize("lang, words", [("uk", "Надіслати"), ("en", "Send")])
def test_resident_page_in_the_conversations_language(web: Web, lang: str, words: str) -> None:
    tags = page(web, f"/?lang={lang}")
    assert tags.find("html", lang=lang)
    assert words in " ".join(tags.text)
    switch = tags.find("select", id="language")[0]
    assert switch["aria-label"] == text("widget.language_switch", lang)
    assert [o["value"] for o in tags.find("option")] == ["pl", "uk", "en"]
    assert tags.find("html", lang="pl") == [] and page(web, "/?lang=xx").find("html", lang="pl")


def test_staff_console_has_every_profile_field(web: Web) -> None:
    tags = page(web, "/staff")
    assert tags.find("script", type="module", src="/static/js/staff.js")
    text = " ".join(tags.text)
    for title in (
        "Praca i dochody",
        "Zdrowie",
        "Sytuacja życiowa",
        "Dane podstawowe",
        "Wczytaj z kodu rozmowy",
        "Nowy klient",
        "Drukuj",
    ):
        assert title in text
    for name, field in FIELDS.items():
        assert field.label[:1].upper() + field.label[1:] in text, name
        if field.kind is bool:
            radios = [a for a in tags.find("input", type="radio") if a["name"] == name]
            assert sorted(a["value"] for a in radios) == ["", "false", "true"], name
        elif field.kind is int:
            number = tags.find("input", type="number", name=name)[0]
            assert (int(number["min"]), int(number["max"])) == (field.minimum, field.maximum)
            assert tags.find("label", for_=number["id"])
        else:
            select = tags.find("select", name=name)[0]
            assert tags.find("label", for_=select["id"])
    options = {a["value"] for a in tags.find("option")}
    assert {c for f in FIELDS.values() for c in f.choices} <= options
    assert value_text("registered_unemployed")[:1].upper() + value_text("registered_unemployed")[1:] in text


def test_staff_console_has_the_client_language_line_and_copy_button_hidden_until_a_code(web: Web) -> None:
    tags = page(web, "/staff")
    assert tags.find("p", id="client-language", hidden="")
    assert tags.find("button", id="client-copy", hidden="", type="button")


@pytest.mark.parametrize("lang", ["pl", "uk", "en"])
def test_client_copy_is_served_in_the_clients_language_with_a_polish_bar_for_the_staff(web: Web, lang: str) -> None:
    status, headers, body = web.get(f"/staff/copy?lang={lang}")
    assert status == 200 and headers["cache-control"] == "no-store"
    tags = Tags()
    tags.feed(body.decode("utf-8"))
    assert tags.find("html", lang=lang) and tags.find("main", id="copy", lang=lang), (
        "the printed part says its language"
    )
    assert tags.find("script", type="module", src="/static/js/client-copy.js")
    page_text = " ".join(tags.text)
    for key in ("staff.print_brand", "staff.results_heading", "copy.lead", "staff.print_footer"):
        assert text(key, lang) in page_text, key
    assert tags.find("div", class_="copy-toolbar", lang="pl")
    assert tags.find("button", id="copy-print")[0]["disabled"] == "" and "Drukuj" in page_text
    status_line = tags.find("p", id="copy-status")[0]
    assert status_line["data-failed"] == text("staff.copy.failed", "pl")
    assert status_line["data-orphan"] == text("staff.copy.orphan", "pl")
    messages = json.loads(tags.find("body")[0]["data-messages"])
    assert messages["card.tools"] == text("card.tools", lang), "the cards speak the client's language"


@pytest.mark.parametrize("asked", ["xx", "", "%3Cscript%3E", "UK"])
def test_client_copy_in_a_language_we_do_not_speak_is_polish(web: Web, asked: str) -> None:
    assert page(web, f"/staff/copy?lang={asked}").find("html", lang="pl")


def test_form_groups_cover_every_field_once() -> None:
    names = [name for _, _, group in GROUPS for name in group]
    assert sorted(names) == sorted(FIELDS) and len(names) == len(set(names))


IMPORT = re.compile(r"""(?:import|from)\s*["']([^"']+)["']""")


def test_scripts_and_their_imports_are_served(web: Web) -> None:
    """Walk the ES module graph from every entry point: every file answers with a JS type."""
    seen: set[str] = set()
    todo = ["/static/js/resident.js", "/static/js/staff.js", "/static/js/client-copy.js"]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        status, headers, body = web.get(path)
        assert status == 200, path
        assert headers["content-type"] == JS_TYPE, path
        for target in IMPORT.findall(body.decode("utf-8")):
            assert target.startswith("."), f"{path} imports {target}: only local files (no CDN)"
            todo.append(_join(path, target))
    assert "/static/vendor/socket.io.esm.min.js" in seen


def _join(base: str, relative: str) -> str:
    parts = base.split("/")[:-1]
    for piece in relative.split("/"):
        if piece == "..":
            parts.pop()
        elif piece != ".":
            parts.append(piece)
    return "/".join(parts)


@pytest.mark.parametrize(
    "path, content_type",
    [
        ("/static/vendor/socket.io.esm.min.js", JS_TYPE),
        ("/static/css/base.css", "text/css; charset=utf-8"),
        ("/static/css/chat.css", "text/css; charset=utf-8"),
        ("/static/css/staff.css", "text/css; charset=utf-8"),
        ("/static/css/copy.css", "text/css; charset=utf-8"),
        ("/static/favicon.svg", "image/svg+xml"),
    ],
)
def test_static_assets_have_their_types(web: Web, path: str, content_type: str) -> None:
    status, headers, body = web.get(path)
    assert status == 200 and headers["content-type"] == content_type and body
    assert headers["x-content-type-options"] == "nosniff"


def test_socket_io_client_speaks_protocol_5() -> None:
    """Rasa 3.6 runs python-socketio 5 (Socket.IO protocol 5): the client must be socket.io-client 4."""
    root = Path(__file__).resolve().parents[2]
    version = json.loads((root / "node_modules" / "socket.io-client" / "package.json").read_text())["version"]
    assert version.startswith("4."), version
    lock = json.loads((root / "package-lock.json").read_text())
    assert lock["packages"]["node_modules/socket.io-client"]["version"] == version


@pytest.mark.parametrize(
    "path", ["/", "/staff", "/staff/copy?lang=uk", "/static/js/resident.js", "/api/health", "/nope", "/static/nope.js"]
)
def test_safe_headers_everywhere(web: Web, path: str) -> None:
    _, headers, _ = web.get(path)
    policy = headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "connect-src 'self' https://czat.example.org:7443 wss://czat.example.org:7443" in policy
    assert "frame-ancestors 'none'" in policy
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize(
    "path",
    [
        "/static/../bot/web/app.py",
        "/static/../../pyproject.toml",
        "/static/js/../../templates/staff.html",
        "/static/..%2f..%2fpyproject.toml",
        "/static/%2e%2e/%2e%2e/pyproject.toml",
        "/static/%2e%2e%2fapp.py",
        "/static/..%5capp.py",
        "/static/%2fetc%2fpasswd",
        "/static//etc/passwd",
        "/static/vendor/.gitignore",
        "/static/js/",
        "/static/js",
        "/static/nope.js",
        "/static/js/dom.js%00.png",
    ],
)
def test_static_refuses_traversal_and_unknown_files(web: Web, path: str) -> None:
    status, body = web.json(path)
    assert status == 404 and body["error"]


def test_code_reads_back_the_profile(web: Web) -> None:
    profile = {"age": 52, "work_status": "registered_unemployed", "unemployment_benefit": False, "district": "Wola"}
    code = create_code(make_engine(web.database_url), profile, ttl_days=30)
    assert re.fullmatch(r"[A-Z2-9]{3}-[A-Z2-9]{3}", code)
    for written in (code, code.lower(), code.replace("-", "")):
        status, body = web.json(f"/api/codes/{written}")
        assert status == 200 and body == {"profile": profile, "language": "pl"}  # codes made before languages
    code = create_code(make_engine(web.database_url), profile, ttl_days=30, language="uk")
    assert web.json(f"/api/codes/{code}") == (200, {"profile": profile, "language": "uk"})


@pytest.mark.parametrize("stored", ["de", "", "<img src=x onerror=alert(1)>", "PL", "uk " * 40])
def test_a_stored_language_we_do_not_speak_reads_as_polish(web: Web, stored: str) -> None:
    code = create_code(make_engine(web.database_url), {"age": 30}, ttl_days=1, language=stored)
    assert web.json(f"/api/codes/{code}") == (200, {"profile": {"age": 30}, "language": "pl"})


def test_unknown_and_expired_codes_are_json_404(web: Web) -> None:
    expired = create_code(make_engine(web.database_url), {"age": 30}, ttl_days=0)
    for code in ("ZZZ-ZZZ", expired):
        status, body = web.json(f"/api/codes/{code}")
        assert status == 404 and body["field"] == "code" and body["error"]


@pytest.mark.parametrize(
    "code", ["ABC", "ABC-DEF-GHJ", "ABC--DEF", "AB%3Cb%3E", "%3Cimg%20src%3Dx%3E", "ABC-DE0", "A" * 40]
)
def test_malformed_codes_are_json_400(web: Web, code: str) -> None:
    status, body = web.json(f"/api/codes/{code}")
    assert status == 400 and body["field"] == "code" and body["error"]
