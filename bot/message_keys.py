"""Which catalogue keys the code uses, and which each catalogue lacks or keeps for nothing.

A key is used when it is the first argument, as a literal, of `text(...)`, `plural(...)` or `N_(...)`
in the project's Python code (bot/, actions/), written `{{_ key}}` or `{{_pl key}}` in an HTML template, or the literal
first argument of `t(...)`, `tn(...)` or `tParts(...)` in the pages' scripts (bot/web/static/js, see
bot/web/script_messages.py). Keys built at run time are not allowed (mark them with `N_` where they
are defined), except the profile's labels, named by convention from the registry (bot/profile.py:
label_key, value_label_key).

`python -m bot.message_keys` prints, per language, the keys missing from its catalogue and the keys no
code uses; exit code 1 when there are any.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

from bot.messages import languages, load
from bot.web.script_messages import keys_in_script

ROOT = Path(__file__).resolve().parent.parent
CODE_DIRS = ("bot", "actions")
TEMPLATE_GLOB = "bot/web/templates/*.html"
SCRIPT_GLOB = "bot/web/static/js/**/*.js"
CALLS = {"text", "plural", "N_"}
KEY = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$")
TEMPLATE_KEY = re.compile(r"\{\{_(?:pl(?=\s))?\s*([a-z0-9_.]+)\s*\}\}")  # {{_ key}} and {{_pl key}} (bot/web/pages.py)


def _call_name(node: ast.Call) -> str | None:
    if isinstance(node.func, ast.Name):
        return node.func.id
    if isinstance(node.func, ast.Attribute):
        return node.func.attr
    return None


def keys_in_python(source: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and _call_name(node) in CALLS and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str) and KEY.match(first.value):
                found.add(first.value)
    return found


def registry_keys() -> set[str]:
    """Keys named by convention from the profile registry: each fact's label, each value in words."""
    from bot.profile import FIELDS, VALUE_LABEL_KEYS  # the registry is read on first use only

    return {field.label_key for field in FIELDS.values()} | set(VALUE_LABEL_KEYS.values())


def used_keys(root: Path = ROOT) -> set[str]:
    found: set[str] = registry_keys()
    for folder in CODE_DIRS:
        for path in sorted((root / folder).rglob("*.py")):
            found |= keys_in_python(path.read_text(encoding="utf-8"))
    for path in sorted(root.glob(TEMPLATE_GLOB)):
        found |= set(TEMPLATE_KEY.findall(path.read_text(encoding="utf-8")))
    for path in sorted(root.glob(SCRIPT_GLOB)):
        found |= keys_in_script(path.read_text(encoding="utf-8"))
    return found


def problems(root: Path = ROOT) -> dict[str, dict[str, list[str]]]:
    """Per language: keys the code uses that its catalogue lacks, and catalogue keys nothing uses."""
    used = used_keys(root)
    report = {}
    for language in languages():
        kept = set(load(language).entries)
        report[language] = {"missing": sorted(used - kept), "unused": sorted(kept - used)}
    return report


def main() -> int:
    bad = False
    for language, found in problems().items():
        for kind, keys in found.items():
            for key in keys:
                print(f"{language}: {kind}: {key}")
                bad = True
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
