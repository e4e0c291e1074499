"""The knowledge base's texts in Ukrainian and English (bot/knowledge/translations.py, issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.knowledge import translations
from bot.knowledge.translations import TRANSLATED, knowledge_texts, problems, translate


def test_texts_for_people_are_extracted_and_identifiers_are_not() -> None:
    texts = knowledge_texts()
    assert "realizuje pracę socjalną" in texts
    assert texts["realizuje pracę socjalną"] == ["institutions.yaml.ops.tasks.2"]
    assert any(place.endswith(".source.passage") for places in texts.values() for place in places)
    assert "ops" not in texts and "registered_unemployed" not in texts and "2026-11-25" not in texts
    assert not any(place.split(".")[-1] == "legal_basis" for places in texts.values() for place in places)


def test_a_changed_text_has_no_translation_and_the_old_one_is_obsolete(tmp_path: Path, monkeypatch) -> None:
    knowledge = tmp_path / "knowledge"
    knowledge.mkdir()
    (knowledge / "institutions.yaml").write_text('- id: ops\n  name: "Ośrodek pomocy"\n', encoding="utf-8")
    monkeypatch.setattr(translations, "LOCALE_DIR", tmp_path / "locale")
    translations.extract(knowledge_texts(knowledge))
    po = translations.catalogue_path("uk")
    po.write_text(po.read_text(encoding="utf-8").replace('msgstr ""\n\n', 'msgstr ""\n', 1), encoding="utf-8")
    assert problems(knowledge_texts(knowledge), "uk") == [
        "uk: no translation: 'Ośrodek pomocy' (institutions.yaml.ops.name)"
    ]
    text = po.read_text(encoding="utf-8").replace(
        'msgid "Ośrodek pomocy"\nmsgstr ""', 'msgid "Ośrodek pomocy"\nmsgstr "Центр допомоги"'
    )
    po.write_text(text, encoding="utf-8")
    assert problems(knowledge_texts(knowledge), "uk") == []
    (knowledge / "institutions.yaml").write_text('- id: ops\n  name: "Ośrodek Pomocy Społecznej"\n', encoding="utf-8")
    assert problems(knowledge_texts(knowledge), "uk") == [
        "uk: no translation: 'Ośrodek Pomocy Społecznej' (institutions.yaml.ops.name)",
        "uk: obsolete: 'Ośrodek pomocy'",
    ]


def test_polish_is_the_text_itself_and_an_unknown_text_falls_back_to_it() -> None:
    assert translate("realizuje pracę socjalną", "pl") == "realizuje pracę socjalną"
    assert translate("tekst, którego nie ma w bazie", "uk") == "tekst, którego nie ma w bazie"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_knowledge_base_text_has_a_translation(language: str) -> None:
    """Nothing missing and nothing obsolete: after editing data/knowledge, run `extract` and translate."""
    assert problems(knowledge_texts(), language) == []
