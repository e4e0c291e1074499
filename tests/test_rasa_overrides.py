"""Every override of a Rasa internal names the Rasa version it was written for, and that is the one installed.

A module of bot/rasa_server that replaces an attribute of something imported from Rasa (a monkeypatch)
or subclasses a Rasa class and replaces one of its private (`_name`) methods depends on Rasa's
internals (so do some that this cannot see, listed in test_the_known_overrides_are_marked): it must say `WRITTEN_FOR_RASA = "<version>"`. When Rasa is upgraded, this test fails until each of those
modules has been read against the new version and its constant moved on.
"""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest
import rasa

from tests.servers import ROOT

PACKAGE = ROOT / "bot" / "rasa_server"
MARKER = "WRITTEN_FOR_RASA"


def written_for(tree: ast.Module) -> str | None:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == MARKER for t in node.targets):
            value = node.value
            return value.value if isinstance(value, ast.Constant) and isinstance(value.value, str) else "?"
    return None


def rasa_names(tree: ast.Module) -> dict[str, str]:
    """The local names bound to something imported from rasa -> its "module:attribute" (or "module")."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "rasa":
            names.update({alias.asname or alias.name: f"{node.module}:{alias.name}" for alias in node.names})
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "rasa":
                    names[alias.asname or alias.name.split(".")[0]] = alias.name if alias.asname else "rasa"
    return names


def resolve(where: str) -> object:
    module, _, attribute = where.partition(":")
    found = importlib.import_module(module)
    return getattr(found, attribute) if attribute else found


def overrides(tree: ast.Module) -> list[str]:
    """What in the module touches Rasa's internals: assignments to attributes of Rasa's objects, and
    methods of subclasses of Rasa's classes that replace a private (`_name`) method of Rasa's."""
    from_rasa = rasa_names(tree)
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id in from_rasa
                ):
                    found.append(f"{target.value.id}.{target.attr} = …")
        elif isinstance(node, ast.ClassDef):
            bases = [resolve(from_rasa[b.id]) for b in node.bases if isinstance(b, ast.Name) and b.id in from_rasa]
            found.extend(
                f"{node.name}.{item.name}"
                for item in node.body
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef))
                and item.name.startswith("_")
                and not item.name.startswith("__")
                and any(hasattr(base, item.name) for base in bases)
            )
    return found


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_overrides_name_the_rasa_version_they_were_written_for(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found, version = overrides(tree), written_for(tree)
    if found:
        assert version is not None, f"{path.relative_to(ROOT)} overrides Rasa internals ({found}) without {MARKER}"
    if version is not None:
        assert version == rasa.__version__, (
            f"{path.relative_to(ROOT)} was written for Rasa {version}, Rasa {rasa.__version__} is installed: "
            f"check what it overrides against the new version, then set {MARKER}"
        )


def test_the_known_overrides_are_marked() -> None:
    marked = {str(p.relative_to(PACKAGE)) for p in modules() if written_for(ast.parse(p.read_text(encoding="utf-8")))}
    assert {
        "extensions.py",
        "fallback.py",
        "action_check.py",
        "safety_first.py",
        "side_questions.py",
        "log_privacy.py",
        "stores.py",
        "redis_lock_store.py",
        "channels/rest.py",
        "channels/socketio.py",
        "channels/api_guard.py",
        "nlu/tokenizer.py",
    } <= marked


@pytest.mark.parametrize(
    ("source", "found"),
    [
        (
            "from rasa.core.processor import MessageProcessor\nMessageProcessor.log_message = f",
            ["MessageProcessor.log_message = …"],
        ),
        ("import rasa.core.run as run\nrun.configure_app = f", ["run.configure_app = …"]),
        (
            "from rasa.core.channels.rest import RestInput\nclass Mine(RestInput):\n"
            "    def _extract_sender(self): ...\n    def _own_helper(self): ...\n    def name(self): ...",
            ["Mine._extract_sender"],
        ),
        ("from sanic import Sanic\nSanic.x = 1\nclass A(Sanic):\n    def _f(self): ...", []),
    ],
)
def test_overrides_are_recognised(source: str, found: list[str]) -> None:
    assert overrides(ast.parse(source)) == found


def test_a_marker_for_another_version_fails() -> None:
    tree = ast.parse('WRITTEN_FOR_RASA = "3.5.0"')
    assert written_for(tree) == "3.5.0" != rasa.__version__
