"""Pieces of the web app that need no server: static path resolution, the CSP, the page renderer,
and a guard that our browser code never turns text into markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.web.codes_api import well_formed
from bot.web.pages import render
from bot.web.security import content_security_policy, socket_origins
from bot.web.static_files import STATIC_DIR, resolve_static


@pytest.fixture()
def root(tmp_path: Path) -> Path:
    (tmp_path / "static" / "js").mkdir(parents=True)
    (tmp_path / "static" / "js" / "a.js").write_text("export {};")
    (tmp_path / "static" / "notes.md").write_text("#")
    (tmp_path / "secret.js").write_text("no")
    (tmp_path / "static" / "link.js").symlink_to(tmp_path / "secret.js")
    return tmp_path / "static"


def test_resolve_static_serves_known_files(root: Path) -> None:
    assert resolve_static(root, "js/a.js") == (root / "js" / "a.js").resolve()
    assert resolve_static(root, "js%2Fa.js") == (root / "js" / "a.js").resolve()


# The name is percent-decoded first, so "%2e%2e/secret.js" is "../secret.js" here (the escapes are
# tried over HTTP in test_web_pages.py).
@pytest.mark.parametrize(
    "requested",
    [
        "../secret.js",
        "js/../../secret.js",
        "/etc/passwd",
        "js\\..\\..\\secret.js",
        "js/a.js%00",
        "link.js",
        "notes.md",
        "js",
        "js/",
        "",
        ".hidden.js",
        "js//a.js",
    ],
)
def test_resolve_static_refuses(root: Path, requested: str) -> None:
    assert resolve_static(root, requested) is None


def test_socket_origins_follow_the_scheme() -> None:
    assert socket_origins("http://localhost:5005") == ["http://localhost:5005", "ws://localhost:5005"]
    assert socket_origins("https://czat.example.org/") == ["https://czat.example.org", "wss://czat.example.org"]
    assert socket_origins("javascript:alert(1)") == []
    assert "'unsafe-inline'" not in content_security_policy("http://localhost:5005")


def test_render_escapes_values_and_keeps_trusted_html() -> None:
    out = render(
        '<main data-x="{{rasa_url}}">{{!form}}</main>', {"rasa_url": '"><script>', "form": "<fieldset></fieldset>"}
    )
    assert out == '<main data-x="&quot;&gt;&lt;script&gt;"><fieldset></fieldset></main>'
    with pytest.raises(KeyError):
        render("{{missing}}", {})


@pytest.mark.parametrize(
    "code, ok",
    [
        ("ABC-DEF", True),
        ("abc-def", True),
        ("ABCDEF", True),
        ("ABC DEF", True),
        ("ABC-DE0", False),
        ("ABC", False),
        ("ABC-DEF-GHJ", False),
        ("<b>ABCDEF", False),
    ],
)
def test_code_shape(code: str, ok: bool) -> None:
    assert well_formed(code) is ok


def test_browser_code_never_writes_markup() -> None:
    """Messages are text: no innerHTML and friends anywhere in our own scripts (vendor/ excluded)."""
    forbidden = re.compile(r"\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval|new Function)\b")
    scripts = [p for p in (STATIC_DIR / "js").rglob("*.js")]
    assert scripts
    comments = re.compile(r"^\s*//.*$|/\*.*?\*/", re.M | re.S)
    for script in scripts:
        assert not forbidden.search(comments.sub("", script.read_text(encoding="utf-8"))), script
