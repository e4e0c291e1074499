"""The message catalogue: complete, nothing unused, placeholders that match, Polish plural forms."""

from __future__ import annotations

import re

import pytest

from bot import message_keys
from bot.messages import REFERENCE, MessageError, languages, load, plural, text

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def test_polish_is_the_reference_catalogue() -> None:
    assert languages()[0] == REFERENCE


@pytest.mark.parametrize("language", languages())
def test_catalogue_has_every_key_the_code_uses_and_no_other(language: str) -> None:
    found = message_keys.problems()[language]
    assert found == {"missing": [], "unused": []}


@pytest.mark.parametrize("language", [lang for lang in languages() if lang != REFERENCE])
def test_translation_keeps_the_placeholders(language: str) -> None:
    reference, translated = load(REFERENCE).entries, load(language).entries
    for key, entry in translated.items():
        forms = entry if isinstance(entry, tuple) else (entry,)
        wanted = {name for form in _forms(reference[key]) for name in PLACEHOLDER.findall(form)}
        for form in forms:
            assert set(PLACEHOLDER.findall(form)) <= wanted | {"n"}, (language, key, form)


def _forms(entry):
    return entry if isinstance(entry, tuple) else (entry,)


def test_placeholders_are_filled() -> None:
    assert text("contact.source_dated", date="2026-03-01") == "dane ze źródła z 2026-03-01"


@pytest.mark.parametrize(
    ("n", "word"),
    [
        (1, "inna forma"),
        (2, "inne formy"),
        (4, "inne formy"),
        (5, "innych form"),
        (12, "innych form"),
        (22, "inne formy"),
        (25, "innych form"),
    ],
)
def test_polish_plural_forms(n: int, word: str) -> None:
    assert f"{n} {word} wsparcia" in plural("institution.tools_more", n)


def test_unknown_key_is_an_error_not_an_empty_answer() -> None:
    with pytest.raises(MessageError):
        text("no.such.key")
    with pytest.raises(MessageError):
        text("institution.tools_more")  # plural entry asked for one form


def test_keys_are_found_in_calls_with_a_literal_key_only() -> None:
    source = 'text("a.b")\nmessages.plural("c.d", 2)\nN_("e.f")\ntext(name)\nprint("g.h")\ntext("Zdanie.")'
    assert message_keys.keys_in_python(source) == {"a.b", "c.d", "e.f"}
