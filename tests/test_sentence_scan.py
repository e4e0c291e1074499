"""No sentence for people left in code: they belong to the message catalogue (bot/sentence_scan.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.sentence_scan import EXEMPT, ROOT, looks_polish, python_findings, scan, script_findings, template_findings

# The code that must say nothing itself: every sentence for people is in the catalogue (locale/) or the knowledge base.
ROOTS = ("bot", "actions")


@pytest.mark.parametrize("root", ROOTS)
def test_no_sentence_for_people_left_in_code(root: str) -> None:
    assert scan([root]) == []


def test_exempt_paths_exist() -> None:
    """An exemption that names nothing hides a typo (and may one day exempt the wrong file)."""
    for entry in EXEMPT:
        path = ROOT / entry
        assert path.is_dir() if entry.endswith("/") else path.is_file(), entry


@pytest.mark.parametrize(
    ("value", "polish"),
    [
        ("Nie udało się wczytać kodu.", True),
        ("Wyślij", True),
        ("Nie wiem", True),
        ("Tak", True),
        ("albo zadzwoń", True),
        ("praca_socjalna", False),
        ("staff.hint.age", False),
        ("group-dane", False),
        ("Content-Type", False),
        ("text/javascript; charset=utf-8", False),
        ("unexpected %s on %s", False),
        ("", False),
    ],
)
def test_what_looks_like_polish_text(value: str, polish: bool) -> None:
    assert looks_polish(value) is polish


def test_python_literals_are_found_docstrings_and_keys_are_not() -> None:
    source = '''"""Moduł: docstring po polsku."""
MESSAGE = "Nie znam takiej instytucji."
KEY = text("api.unknown_tool")


def f(name):
    """Zwraca zdanie."""
    return f"Wczytano dane z kodu {name}."
'''
    assert list(python_findings(source)) == [(2, "Nie znam takiej instytucji."), (8, "Wczytano dane z kodu ")]


def test_template_text_and_human_attributes_are_found_placeholders_are_not() -> None:
    source = """<html lang="{{lang}}"><head><meta name="viewport" content="width=device-width">
<meta name="description" content="Drogowskaz podpowiada">
<title>{{_ resident.title}}</title><script type="module" src="/a.js"></script></head>
<body data-messages="{{messages}}"><p>{{_ a.b}} <span id="d"></span> Nie zawiera danych.</p>
<input placeholder="Np. mam 45 lat" aria-describedby="x"><button aria-label="{{_ c.d}}">➜ 112</button>
<img alt="Logo"></body></html>"""
    assert list(template_findings(source)) == [
        (2, "Drogowskaz podpowiada"),
        (4, "Nie zawiera danych."),
        (5, "Np. mam 45 lat"),
        (6, "Logo"),
    ]


def test_script_literals_are_found_comments_and_regular_expressions_are_not() -> None:
    source = """// Komentarz: "Usuń moje dane" stays a comment.
import { t } from "./i18n.js";
/* Też komentarz: 'Wyślij' */
const pattern = /^"Inne miejsca"$/g;
const half = width / 2, other = height / 3; const url = "http://localhost/";
const key = t("chat.restart");
say("Zacznij od nowa", "/restart");
box.append(`${count} ${ok ? "Zapisano, dziękujemy" : ""} – Więcej`);
const label = `Wyjaśnij: ${name}`;
"""
    assert list(script_findings(source)) == [
        (7, "Zacznij od nowa"),
        (8, "Zapisano, dziękujemy"),
        (8, "{…} {…} – Więcej"),
        (9, "Wyjaśnij: {…}"),
    ]


def test_scan_walks_roots_and_skips_exempt_modules(tmp_path: Path) -> None:
    (tmp_path / "bot" / "nlp").mkdir(parents=True)
    (tmp_path / "bot" / "web" / "templates").mkdir(parents=True)
    (tmp_path / "bot" / "nlp" / "words.py").write_text('NO = r"\\bnie\\s+mam\\s+pracy\\b"\n')
    (tmp_path / "bot" / "web" / "errors.py").write_text('GONE = "Nie ma takiej strony."\n')
    (tmp_path / "bot" / "web" / "templates" / "page.html").write_text("<p>{{_ x.y}}</p>\n<p>Wyślij</p>\n")
    (tmp_path / "bot" / "web" / "notes.md").write_text("Nie ma takiej strony.\n")
    found = [str(finding) for finding in scan(["bot"], base=tmp_path)]
    assert found == [
        "bot/web/errors.py:1: 'Nie ma takiej strony.'",
        "bot/web/templates/page.html:2: 'Wyślij'",
    ]


def test_a_literal_marked_not_said_is_skipped_and_only_that_one() -> None:
    source = 'A = "Nie mam pracy."  # not said: a pattern\nB = "Nie mam pracy."\n'
    assert [line for line, _ in python_findings(source)] == [2]
