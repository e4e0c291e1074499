"""The catalogue entries a page's scripts show, sent with the page as JSON on `<body data-messages>`.

The browser code (static/js) takes every text from `i18n.js`: `t("key", {values})`, `tn("key", n, {values})`
for plural entries and `tParts("key", {values})` when a placeholder is a link. The keys are literals, so the
texts a page needs are found here by reading its entry script and every local module it imports, and
`bot.message_keys` counts them as used. A plural entry goes out as `{CLDR category: form}` ("one", "few",
"many", "other"): the browser picks the form with `Intl.PluralRules`, which speaks CLDR, not gettext's
Plural-Forms expression.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable

from babel import Locale

from bot.messages import REFERENCE, lookup

STATIC_DIR = Path(__file__).resolve().parent / "static"
# A call with a literal key; the key pattern is bot.message_keys.KEY's.
SCRIPT_KEY = re.compile(r"""\b(?:t|tn|tParts)\(\s*["']([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)["']""")
SCRIPT_CALL = re.compile(r"\b(?:t|tn|tParts)\(")
_LOCAL_IMPORT = re.compile(r"""^\s*import\s[^;]*?\bfrom\s*["'](\.{1,2}/[^"']+)["']""", re.M)
_ENTRY_SCRIPT = re.compile(r"""<script type="module" src="/static/([^"]+)"></script>""")
# Counts enough to meet every plural category a language has for whole numbers.
_PLURAL_SAMPLES = range(0, 200)


def keys_in_script(source: str) -> set[str]:
    return set(SCRIPT_KEY.findall(source))


def module_graph(entry: Path) -> list[Path]:
    """The entry script and every local module it imports, directly or not (third-party code in vendor/
    is listed but not read: it calls nothing of ours)."""
    seen: list[Path] = []
    todo = [entry.resolve()]
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.append(path)
        if path.parent.name == "vendor":
            continue
        source = path.read_text(encoding="utf-8")
        todo.extend((path.parent / target).resolve() for target in _LOCAL_IMPORT.findall(source))
    return seen


def entry_script(template: str, static_dir: Path = STATIC_DIR) -> Path | None:
    found = _ENTRY_SCRIPT.search(template)
    return static_dir / found.group(1) if found else None


def page_keys(template: str, static_dir: Path = STATIC_DIR) -> list[str]:
    """The keys the page's scripts use, sorted (an empty list for a page without a script)."""
    entry = entry_script(template, static_dir)
    if entry is None:
        return []
    keys: set[str] = set()
    for path in module_graph(entry):
        keys |= keys_in_script(path.read_text(encoding="utf-8"))
    return sorted(keys)


@lru_cache(maxsize=None)
def _categories(language: str) -> dict[int, str]:
    locale = Locale.parse(language)
    return {n: locale.plural_form(n) for n in _PLURAL_SAMPLES}


def script_entry(key: str, lang: str = REFERENCE) -> str | dict[str, str]:
    """A text as the scripts get it: the string, or a plural entry's forms by CLDR category."""
    entry, found = lookup(key, lang)
    if isinstance(entry, str):
        return entry
    forms = {
        category: entry[min(found.plural_index(n), len(entry) - 1)]
        for n, category in _categories(found.language).items()
    }
    forms.setdefault("other", entry[-1])  # fractions in most languages; never a whole number in Polish
    return forms


def messages_json(keys: Iterable[str], lang: str = REFERENCE) -> str:
    return json.dumps({key: script_entry(key, lang) for key in keys}, ensure_ascii=False, sort_keys=True)
