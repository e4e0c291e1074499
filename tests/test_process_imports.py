"""No process imports another's package: what they share lives in bot/ outside the three packages.

Three processes run our code: the action server (`actions/`), the web app (`bot/web/`) and the Rasa
server (`bot/rasa_server/`). Every `import` in their modules is followed (ast, also imports inside
functions) through the project's own modules, so a shared module that imported, say, the Rasa
server's package would be found too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.servers import ROOT

PACKAGES = {"action server": "actions", "web app": "bot.web", "Rasa server": "bot.rasa_server"}
PROJECT_ROOTS = ("actions", "bot")


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def project_modules(root: Path = ROOT) -> dict[str, Path]:
    return {
        module_name(path, root): path
        for top in PROJECT_ROOTS
        for path in sorted((root / top).rglob("*.py"))
        if "static" not in path.relative_to(root).parts
    }


def imported_names(source: str, module: str, is_package: bool) -> set[str]:
    """Every module name an import statement of `source` names (absolute; `from a import b` gives a and a.b)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = module.split(".") if is_package else module.split(".")[:-1]
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def import_graph(modules: dict[str, Path]) -> dict[str, set[str]]:
    """Module -> the project modules it imports (a module's import also runs its packages' __init__)."""
    graph = {}
    for name, path in modules.items():
        found = set()
        for imported in imported_names(path.read_text(encoding="utf-8"), name, path.name == "__init__.py"):
            parts = imported.split(".")
            found.update(".".join(parts[:n]) for n in range(1, len(parts) + 1) if ".".join(parts[:n]) in modules)
        graph[name] = found - {name}
    return graph


def within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def crossings(graph: dict[str, set[str]], packages: dict[str, str]) -> list[str]:
    """ "<module> reaches <other package's module> via <chain>" for every process reaching another's package."""
    found = []
    for process, package in packages.items():
        others = [p for p in packages.values() if p != package]
        for start in sorted(m for m in graph if within(m, package)):
            seen, chains = {start}, [[start]]
            while chains:
                chain = chains.pop()
                for imported in sorted(graph[chain[-1]]):
                    if imported in seen:
                        continue
                    seen.add(imported)
                    if any(within(imported, other) and not within(imported, package) for other in others):
                        found.append(f"{process}: {' -> '.join([*chain, imported])}")
                    else:
                        chains.append([*chain, imported])
    return found


def test_no_process_imports_another_process_package() -> None:
    assert crossings(import_graph(project_modules()), PACKAGES) == []


def test_the_three_packages_are_found() -> None:
    graph = import_graph(project_modules())
    for package in PACKAGES.values():
        assert package in graph
    assert {"bot.rasa_server.channels.input_guard", "bot.json_errors"} <= graph["bot.rasa_server.channels.messenger"]


@pytest.mark.parametrize(
    ("source", "module", "expected"),
    [
        ("import bot.web.app", "actions.x", {"bot.web.app"}),
        ("from bot.rasa_server import stores", "actions.x", {"bot.rasa_server", "bot.rasa_server.stores"}),
        ("def f():\n    from bot.web.errors import error", "actions.x", {"bot.web.errors", "bot.web.errors.error"}),
        ("from . import fallback", "bot.rasa_server", {"bot.rasa_server", "bot.rasa_server.fallback"}),
        (
            "from .channels import rest",
            "bot.rasa_server.stores",
            {"bot.rasa_server.channels", "bot.rasa_server.channels.rest"},
        ),
    ],
)
def test_imports_are_read_with_their_package(source: str, module: str, expected: set[str]) -> None:
    assert imported_names(source, module, is_package=module == "bot.rasa_server") == expected


def test_a_crossing_through_a_shared_module_is_found() -> None:
    graph = {
        "actions": set(),
        "actions.recommend": {"bot.shared"},
        "bot.shared": {"bot.rasa_server.fallback"},
        "bot.rasa_server": set(),
        "bot.rasa_server.fallback": {"bot.shared"},
        "bot.web": set(),
    }
    assert crossings(graph, PACKAGES) == [
        "action server: actions.recommend -> bot.shared -> bot.rasa_server.fallback",
    ]
