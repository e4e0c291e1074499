"""No comment points to a file that is not in the repository or ../shared.

Comments and docstrings of Python, comments of YAML, shell and the Makefile, and Markdown text
are read for relative paths (`bot/<module>.py`, `docs/<page>.md`, `../shared/seed/…`). A path
counts when its first part is an entry of the project's root or of the file's own folder, or when
it climbs to `../shared/` (other paths, such as Rasa's `rasa/core/…`, "tak/nie" or an attack's
`../secret.js`, are not ours to check). It must exist there, or be something the project makes
and git ignores (`var/`, `models/…`, `.venv/`). URLs and patterns (`data/nlu/*.yml`, `<tmp path>`)
are not paths.
"""

from __future__ import annotations

import ast
import io
import re
import subprocess
import tokenize
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Set

from tests.conftest import ROOT

URL = re.compile(r"\b[a-z][a-z0-9+.-]*://\S+", re.IGNORECASE)
PATH = re.compile(r"(?<![\w./~$@:)}\\-])((?:\.\./)*[\w.-]+(?:/[\w.-]+)+/?)")
# A path followed by one of these is a pattern or a placeholder, not a file.
PATTERN_AFTER = ("*", "?", "{", "<", "$", "…", "[")
HASH_COMMENT = re.compile(r"(?:^|\s)#(.*)$")


def python_texts(source: str) -> Iterator[str]:
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type == tokenize.COMMENT:
            yield token.string
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            docstring = ast.get_docstring(node, clean=False)
            if docstring:
                yield docstring


def hash_comments(source: str) -> Iterator[str]:
    for line in source.splitlines():
        match = HASH_COMMENT.search(line)
        if match:
            yield match.group(1)


def texts(path: Path) -> Iterable[str]:
    """The comments (and docstrings, and Markdown's whole text) of a file, or nothing."""
    source = path.read_text(encoding="utf-8")
    if path.suffix == ".py":
        return python_texts(source)
    if path.suffix == ".md":
        return [source]
    if path.suffix in (".yml", ".yaml", ".sh") or path.name in ("Makefile", "run"):
        return hash_comments(source)
    return []


def path_candidates(text: str) -> Iterator[str]:
    text = URL.sub(" ", text)
    for match in PATH.finditer(text):
        following = text[match.end() : match.end() + 1]
        if following not in PATTERN_AFTER:
            yield match.group(1).rstrip(".")


def looks_ours(candidate: str, file: Path, root: Path) -> bool:
    parts = candidate.split("/")
    if parts[0] == "..":
        # ../shared lies beside the working copy on the team's machines, not beside a CI clone: its
        # paths are checked where it is there
        return [p for p in parts if p != ".."][0] == "shared" and (root.parent / "shared").is_dir()
    return (root / parts[0]).exists() or (file.parent / parts[0]).exists()


def exists(candidate: str, file: Path, root: Path) -> bool:
    return (root / candidate).exists() or (file.parent / candidate).exists()


def git_ignored(root: Path, candidates: Iterable[str]) -> Set[str]:
    """The candidates git ignores (what the project makes: var/, models/…); none outside a repository.

    A missing path is asked about with each of its folders too: `tests/artifacts/` ignores
    `tests/artifacts/x` only once git knows the folder is one.
    """
    inside = {c for c in candidates if not c.startswith("../")}  # git refuses paths outside the repository
    asked = {c: [c] + ["/".join(c.split("/")[:n]) + "/" for n in range(1, c.count("/") + 1)] for c in inside}
    done = subprocess.run(
        ["git", "-C", str(root), "check-ignore", "--no-index", "--stdin"],
        input="\n".join(p for paths in asked.values() for p in paths),
        capture_output=True,
        text=True,
        check=False,
    )
    ignored = set(done.stdout.splitlines()) if done.returncode in (0, 1) else set()
    return {c for c, paths in asked.items() if ignored & set(paths)}


def dangling_paths(root: Path, files: Iterable[Path]) -> Dict[str, List[str]]:
    """file (relative to root) -> the paths its comments name that do not exist."""
    missing: Dict[str, List[str]] = {}
    for file in files:
        for text in texts(file):
            for candidate in path_candidates(text):
                if looks_ours(candidate, file, root) and not exists(candidate, file, root):
                    missing.setdefault(str(file.relative_to(root)), []).append(candidate)
    ignored = git_ignored(root, (c for found in missing.values() for c in found))
    return {f: found for f, found in ((f, [c for c in cs if c not in ignored]) for f, cs in missing.items()) if found}


def tracked_files(root: Path) -> List[Path]:
    listed = subprocess.run(["git", "-C", str(root), "ls-files"], capture_output=True, text=True, check=True)
    return [root / name for name in listed.stdout.splitlines() if (root / name).is_file()]


def test_no_comment_points_to_a_missing_file() -> None:
    assert dangling_paths(ROOT, tracked_files(ROOT)) == {}


def test_a_made_up_path_is_found_and_urls_and_patterns_are_not(tmp_path: Path) -> None:
    (tmp_path / "shared").mkdir()  # beside the repository, as on the team's machines
    tmp_path = tmp_path / "repo"
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    (tmp_path / ".gitignore").write_text("var/\n")
    (tmp_path / "bot").mkdir()
    (tmp_path / "var").mkdir()
    (tmp_path / "bot" / "real.py").write_text(
        '"""Reads bot/real.py and bot/gone.py."""\n'
        "# see bot/missing.md, https://example.org/bot/nothing.py, bot/*.py, bot/<name>.py and tak/nie\n"
        "# made at run time: var/knowledge.db; an attack: ../secret.js\n"
        'TEXT = "bot/a_string_is_not_a_comment.py"\n',
        encoding="utf-8",
    )
    (tmp_path / "notes.md").write_text("[link](bot/absent.md), `../shared/not_here.md`, `bot/real.py`\n")
    (tmp_path / "conf.yml").write_text("key: bot/value_is_data.py  # comment names bot/old.yml\n")
    found = dangling_paths(tmp_path, [tmp_path / "bot" / "real.py", tmp_path / "notes.md", tmp_path / "conf.yml"])
    assert {f: sorted(paths) for f, paths in found.items()} == {
        "bot/real.py": ["bot/gone.py", "bot/missing.md"],
        "notes.md": ["../shared/not_here.md", "bot/absent.md"],
        "conf.yml": ["bot/old.yml"],
    }
