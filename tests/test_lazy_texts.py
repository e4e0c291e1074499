"""No text for people is computed when a module is imported: it would be fixed in the language of the
first import (Polish) and never follow the conversation's language (issue 14). Texts are looked up when
said: `text(key)` inside a function, or `N_(key)` kept in data and looked up later."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Answered by the Rasa server's channels to programs, before any conversation (and its language)
# exists: JSON errors in the reference language.
PROGRAMS_ONLY = {"bot/rasa_server/channels/api_guard.py", "bot/rasa_server/channels/rest.py"}


def texts_at_import(source: str) -> list[int]:
    """Lines of module-level assignments whose value calls text() or plural()."""
    found = []
    for node in ast.parse(source).body:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        calls = [sub for sub in ast.walk(value) if isinstance(sub, ast.Call)] if value is not None else []
        if any(isinstance(call.func, ast.Name) and call.func.id in ("text", "plural") for call in calls):
            found.append(node.lineno)
    return found


def test_the_scan_finds_a_text_computed_at_import() -> None:
    assert texts_at_import('GREETING = text("reply.greeting")\n') == [1]
    assert texts_at_import("LABELS = {k: text(k) for k in KEYS}\n") == [1]
    assert texts_at_import('KEY = N_("reply.greeting")\n\ndef greeting():\n    return text(KEY)\n') == []


def test_no_module_computes_a_text_for_people_at_import() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{line}"
        for folder in ("bot", "actions")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if path.relative_to(ROOT).as_posix() not in PROGRAMS_ONLY
        for line in texts_at_import(path.read_text(encoding="utf-8"))
    ]
    assert found == []
