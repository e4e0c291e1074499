"""The knowledge base's texts in other languages: one gettext catalogue per language, keyed by the Polish text.

The knowledge base (`data/knowledge/`) is written in Polish, from the study. Its texts for people (names,
descriptions, tasks, how to apply, documents, reasons, benefits, legal notes, the study's quotations)
are translated in `locale/<lang>/LC_MESSAGES/knowledge.po`, whose message IDs are the Polish texts
themselves (whitespace squashed), so a text changed in the knowledge base has no translation until a
translator sees it (tests/test_knowledge_translations.py fails), and an entry whose Polish text is gone is
reported as obsolete.

- `translate(text, lang)`: the translation, or the Polish text when there is none (a person always gets
  an answer; the completeness test keeps the catalogues whole).
- `python -m bot.knowledge.translations extract` writes the template `locale/knowledge.pot` and adds the
  new texts (empty) to each language's catalogue, keeping every translation already there; `check` prints
  what is missing or obsolete and exits 1 if anything is.

What stays Polish and is not extracted: IDs, dates, numbers, the legal acts' titles (`legal_basis`, cited
as published) and the addresses (`locations.csv`). The study's quotations (`source.passage`) are
translated, and shown marked as a translation next to the Polish original.
"""

from __future__ import annotations

import argparse
import re
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import yaml
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from bot.knowledge.wording import shown_forms

ROOT = Path(__file__).resolve().parent.parent.parent
KNOWLEDGE_DIR = ROOT / "data" / "knowledge"
LOCALE_DIR = ROOT / "locale"
DOMAIN = "knowledge"
REFERENCE = "pl"
TRANSLATED = ("uk", "en")
SOURCES = ("institutions.yaml", "conditions.yaml", "helplines.yaml", "glossary.yaml", "tools/*.yaml")

# Keys whose values are not text for people: identifiers, rule operators, dates, numbers, categories,
# a help line's languages (source ids), the glossary's matching patterns, and the legal acts' titles
# (cited in Polish as published).
NOT_TEXT = frozenset(
    "id institution key is is_not in not_in ref verified_at date url phone number categories role "
    "short_name legal_basis value min max via when explains languages".split()
)
WORD = re.compile(r"[a-ząćęłńóśźż]{3}", re.IGNORECASE)  # not said: letters of a Polish word


def squash(text: str) -> str:
    return " ".join(text.split())


def _texts_in(value: Any, where: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, inner in value.items():
            if key == "source" and isinstance(inner, dict):
                yield from _texts_in(inner.get("passage"), f"{where}.source.passage")
            elif key not in NOT_TEXT and key != "source":
                yield from _texts_in(inner, f"{where}.{key}")
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            name = inner.get("id") if isinstance(inner, dict) else None
            yield from _texts_in(inner, f"{where}.{name or index}")
    elif isinstance(value, str) and WORD.search(value):
        for form in shown_forms(squash(value)):  # a document may be shown shortened (bot.knowledge.wording)
            yield form, where


def knowledge_texts(knowledge_dir: Path = KNOWLEDGE_DIR) -> dict[str, list[str]]:
    """Every text for people in the knowledge base: Polish text -> where it is used (file and path)."""
    found: dict[str, list[str]] = {}
    for pattern in SOURCES:
        for path in sorted(knowledge_dir.glob(pattern)):
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            for text, where in _texts_in(data, path.relative_to(knowledge_dir).as_posix()):
                found.setdefault(text, []).append(where)
    return found


def catalogue_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=None)
def _translations(language: str) -> dict[str, str]:
    path = catalogue_path(language)
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        return {
            message.id: message.string for message in read_po(handle, locale=language) if message.id and message.string
        }


def translate(text: str, language: str) -> str:
    """`text` (Polish, from the knowledge base) in `language`; the Polish text when it has no translation."""
    if language == REFERENCE or not text:
        return text
    return _translations(language).get(squash(text), text)


def _read(path: Path, language: str) -> Catalog:
    if path.is_file():
        with path.open("rb") as handle:
            return read_po(handle, locale=language)
    return Catalog(locale=language, domain=DOMAIN)


def _write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        write_po(handle, catalog, width=0, omit_header=False, sort_output=False, include_previous=False)


def extract(texts: dict[str, list[str]]) -> None:
    """The template from the knowledge base, and each language's catalogue brought up to it."""
    template = Catalog(locale=REFERENCE, domain=DOMAIN, project="Drogowskaz")
    for text, places in texts.items():
        template.add(text, locations=[(place, 0) for place in places[:3]])
    _write(template, LOCALE_DIR / f"{DOMAIN}.pot")
    for language in TRANSLATED:
        path = catalogue_path(language)
        old = {message.id: message.string for message in _read(path, language) if message.id}
        catalog = Catalog(locale=language, domain=DOMAIN, project="Drogowskaz")
        for text, places in texts.items():
            catalog.add(text, string=old.get(text, ""), locations=[(place, 0) for place in places[:3]])
        _write(catalog, path)


def problems(texts: dict[str, list[str]], language: str) -> list[str]:
    """Texts without a translation, and translations of texts no longer in the knowledge base."""
    found = {message.id: message.string for message in _read(catalogue_path(language), language) if message.id}
    missing = [f"{language}: no translation: {text[:80]!r} ({texts[text][0]})" for text in texts if not found.get(text)]
    obsolete = [f"{language}: obsolete: {text[:80]!r}" for text in found if text not in texts]
    return missing + obsolete


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.knowledge.translations")
    parser.add_argument("command", choices=["extract", "check"])
    args = parser.parse_args(argv)
    texts = knowledge_texts()
    if args.command == "extract":
        extract(texts)
        print(f"{len(texts)} texts; catalogues: {', '.join(str(catalogue_path(lang)) for lang in TRANSLATED)}")
        return 0
    found = [line for language in TRANSLATED for line in problems(texts, language)]
    print("\n".join(found) or "every knowledge-base text is translated")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
