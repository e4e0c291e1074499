"""Every sentence the assistant, the pages and the API errors say: one gettext catalogue per language.

`locale/<lang>/LC_MESSAGES/drogowskaz.po` holds the texts under symbolic message IDs ("reply.human_handover",
"question.age"): Polish is the reference catalogue, other languages translate the same IDs. Translators'
tools (Poedit, Weblate, Lokalize) open these files as monolingual gettext with Polish as the base.

- `text(key, lang, **values)` returns a sentence with its `{placeholders}` filled;
- `plural(key, n, lang, **values)` picks the plural form from the catalogue's Plural-Forms rule (Polish has
  three: 1 forma, 2 formy, 5 form) and fills `{n}` and the other placeholders;
- `current_language()` is the language of the conversation or request being served: a context variable set
  once per action request (actions/language.py) or API request (bot/web/app.py) with `using(lang)`, so that
  every `text()` without an explicit language follows it; Polish when nothing set it;
- `N_(key)` marks a key kept in data (a table of questions, a list of buttons) to be looked up later, the
  gettext convention for "translate this, but not here". The catalogue check finds keys by these three
  names, so a key used in code and missing in a catalogue, or kept in a catalogue and used nowhere, fails
  a test (tests/test_messages.py).

A language without a catalogue, or a key missing from one, falls back to Polish: a person always gets an
answer, and the completeness test is what keeps the translations whole.
"""

from __future__ import annotations

import contextvars
import gettext
import os
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator, Mapping, Optional, Union

from babel.messages.pofile import read_po

# DROGOWSKAZ_LOCALE (read once) points elsewhere: a test's catalogue with one more entry (tests/test_adding_a_fact.py).
LOCALE_DIR = Path(os.environ.get("DROGOWSKAZ_LOCALE") or Path(__file__).resolve().parent.parent / "locale")
DOMAIN = "drogowskaz"
REFERENCE = "pl"

Entry = Union[str, tuple]
_current: contextvars.ContextVar[str] = contextvars.ContextVar("drogowskaz_language", default=REFERENCE)


class MessageError(KeyError):
    """A key that no catalogue has: a programming error, never shown to a person."""


@dataclass(frozen=True)
class Catalogue:
    language: str
    entries: Mapping[str, Entry]
    plural_index: Callable[[int], int]


def catalogue_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def languages() -> list[str]:
    """The languages with a catalogue, the reference first."""
    found = sorted(p.parent.parent.name for p in LOCALE_DIR.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))
    return sorted(found, key=lambda lang: lang != REFERENCE)


@lru_cache(maxsize=None)
def load(language: str) -> Catalogue:
    """Read one language's catalogue; an entry with an empty translation counts as missing."""
    with catalogue_path(language).open("rb") as handle:
        po = read_po(handle, locale=language)
    entries: dict[str, Entry] = {}
    for message in po:
        if not message.id:
            continue  # the header
        if message.pluralizable:
            if all(message.string):
                entries[message.id[0]] = tuple(message.string)
        elif message.string:
            entries[message.id] = message.string
    return Catalogue(language, entries, gettext.c2py(po.plural_expr))


def current_language() -> str:
    return _current.get()


@contextmanager
def using(language: Optional[str]) -> Iterator[str]:
    """Every `text()` without an explicit language speaks `language` inside the block (a language
    without a catalogue, or None, means the reference)."""
    chosen = language if language and catalogue_path(language).is_file() else REFERENCE
    token = _current.set(chosen)
    try:
        yield chosen
    finally:
        _current.reset(token)


def activate(language: Optional[str]) -> str:
    """Speak `language` from now on in this context (one web request's task); see `using` for a block."""
    chosen = language if language and catalogue_path(language).is_file() else REFERENCE
    _current.set(chosen)
    return chosen


@lru_cache(maxsize=32)  # bounded: a language code may come from a request
def _has_catalogue(path: Path) -> bool:
    """Whether a catalogue file exists: asked for every sentence said, so asked of the disk once."""
    return path.is_file()


def _entry(key: str, language: Optional[str]) -> tuple[Entry, Catalogue]:
    language = language or current_language()
    for lang in (language, REFERENCE) if language != REFERENCE else (REFERENCE,):
        if not _has_catalogue(catalogue_path(lang)):
            continue
        found = load(lang)
        if key in found.entries:
            return found.entries[key], found
    raise MessageError(key)


def text(key: str, lang: Optional[str] = None, **values: object) -> str:
    entry, _ = _entry(key, lang)
    if isinstance(entry, tuple):
        raise MessageError(f"{key} has plural forms: use plural()")
    return entry.format(**values) if values else entry


def plural(key: str, n: int, lang: Optional[str] = None, **values: object) -> str:
    entry, found = _entry(key, lang)
    if not isinstance(entry, tuple):
        raise MessageError(f"{key} has no plural forms: use text()")
    form = entry[min(found.plural_index(n), len(entry) - 1)]
    return form.format(n=n, **values)


def N_(key: str) -> str:
    """The gettext name for a key marked here and looked up later."""
    return key


def variants(key: str, **values: object) -> frozenset[str]:
    """The sentence in every language: for recognising what the assistant said earlier, whatever the
    conversation's language was then."""
    return frozenset(text(key, lang, **values) for lang in languages())


def lookup(key: str, lang: Optional[str] = None) -> tuple[Entry, Catalogue]:
    """The entry as its catalogue holds it (placeholders unfilled, every plural form) and that catalogue,
    for texts filled elsewhere: the pages' scripts get them as they are (bot/web/script_messages.py)."""
    return _entry(key, lang)
