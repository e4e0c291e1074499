"""pyproject.toml declares every third-party package the code imports, pinned as in the locks.

The code of the services (bot/, actions/) may import only `[project] dependencies`; the tests,
benchmarks and scripts may also import the `test` extra. A package that is only there because
something else pulls it in (structlog through Rasa, say) breaks the day that something drops it.
"""

from __future__ import annotations

import ast
import re
import sys
from collections import defaultdict
from functools import lru_cache
from importlib.metadata import distributions, packages_distributions
from pathlib import Path
from typing import Dict, Iterable, Set

import pytest
import tomli

from tests.conftest import ROOT

RUNTIME_CODE = ("bot", "actions")
TEST_CODE = ("tests", "benchmarks", "scripts")
LOCKS = {"runtime": ROOT / "requirements" / "runtime.lock", "test": ROOT / "requirements" / "test.lock"}


def normalize(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def first_party(root: Path) -> Set[str]:
    return {p.stem for p in root.iterdir() if p.is_dir() or p.suffix == ".py"}


def imported_modules(root: Path, folders: Iterable[str]) -> Dict[str, Set[str]]:
    """Top-level third-party modules imported by the Python files under these folders -> the files."""
    local = first_party(root)
    found: Dict[str, Set[str]] = defaultdict(set)
    for folder in folders:
        for path in sorted((root / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for top in {name.split(".")[0] for name in names}:
                    if top not in sys.stdlib_module_names and top not in local:
                        found[top].add(str(path.relative_to(root)))
    return found


@lru_cache(maxsize=None)
def module_owners() -> Dict[str, Set[str]]:
    """Top-level module -> the installed distributions that provide it.

    Python 3.10's packages_distributions() reads only top_level.txt, which wheels built by Poetry or
    Hatch (rasa, rasa-sdk, structlog, jsonschema) lack; their RECORD lists the files instead.
    """
    owners: Dict[str, Set[str]] = defaultdict(set)
    for module, names in packages_distributions().items():
        owners[module].update(normalize(n) for n in names)
    for dist in distributions():
        if dist.read_text("top_level.txt") is not None:
            continue  # already in packages_distributions()
        name = normalize(dist.metadata["Name"])
        for file in dist.files or ():
            top = file.parts[0]
            if len(file.parts) == 1 and file.suffix in (".py", ".so"):
                top = top.split(".")[0]
            elif len(file.parts) == 1 or top.endswith((".dist-info", ".data")) or top in ("..", "__pycache__"):
                continue
            owners[top].add(name)
    return owners


def undeclared(imports: Dict[str, Set[str]], declared: Set[str]) -> Dict[str, Set[str]]:
    """The imports no declared distribution provides (not installed at all counts too)."""
    return {m: files for m, files in imports.items() if not module_owners().get(m, set()) & declared}


def pins(requirements: Iterable[str]) -> Dict[str, str]:
    """`name==version` lines (a lock or pyproject's list) -> {normalized name: version}."""
    found = {}
    for line in requirements:
        line = line.split("#")[0].strip()
        if line:
            name, sep, version = line.partition("==")
            assert sep and version, f"not pinned: {line}"
            found[normalize(name)] = version.strip()
    return found


@pytest.fixture(scope="module")
def declared() -> Dict[str, Dict[str, str]]:
    project = tomli.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {"runtime": pins(project["dependencies"]), "test": pins(project["optional-dependencies"]["test"])}


def test_the_services_import_only_runtime_dependencies(declared) -> None:
    assert undeclared(imported_modules(ROOT, RUNTIME_CODE), set(declared["runtime"])) == {}


def test_tests_benchmarks_and_scripts_import_only_declared_packages(declared) -> None:
    every = set(declared["runtime"]) | set(declared["test"])
    assert undeclared(imported_modules(ROOT, TEST_CODE), every) == {}


def test_declared_versions_are_the_locked_ones(declared) -> None:
    runtime = pins(LOCKS["runtime"].read_text(encoding="utf-8").splitlines())
    test_only = pins(LOCKS["test"].read_text(encoding="utf-8").splitlines())
    assert not set(runtime) & set(test_only), "a package is locked twice"
    assert {n: runtime.get(n) for n in declared["runtime"]} == declared["runtime"]
    every = {**runtime, **test_only}
    assert {n: every.get(n) for n in declared["test"]} == declared["test"]


def test_an_undeclared_or_missing_import_is_reported(tmp_path: Path) -> None:
    (tmp_path / "bot").mkdir()
    (tmp_path / "bot" / "web.py").write_text(
        "import os\nimport yaml\nfrom requests import get\nimport no_such_package_anywhere\nfrom bot import x\n",
        encoding="utf-8",
    )
    imports = imported_modules(tmp_path, ["bot"])
    assert set(imports) == {"yaml", "requests", "no_such_package_anywhere"}
    assert set(undeclared(imports, {"pyyaml"})) == {"requests", "no_such_package_anywhere"}
    assert undeclared(imports, {"pyyaml", "requests"}) == {"no_such_package_anywhere": {"bot/web.py"}}
