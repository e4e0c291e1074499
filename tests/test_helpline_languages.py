"""Help lines in Ukrainian and English: only a dated page makes a line answer in a language (issue 14)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml

from bot.dialogue.helpline_language import language_note
from bot.dialogue.safety import crisis_reply, reminder
from bot.knowledge.catalogue import Catalogue, HelplineInfo, OfferedLine
from bot.knowledge.files import HELPLINE_CATEGORIES, KnowledgeError, read_knowledge
from bot.messages import text, using
from tests.conftest import KNOWLEDGE_DIR

# What the stored pages back today (docs/knowledge-format.md, "Languages of the help lines").
BACKED = {"emergency_112": {"en"}, "city_19115": {"uk"}}


@pytest.fixture()
def knowledge(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, target)
    return target


def edit(knowledge: Path, name: str, change) -> None:
    path = knowledge / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_every_language_claim_names_a_page_that_states_the_number() -> None:
    data = read_knowledge(KNOWLEDGE_DIR)
    sources = {s["id"]: s for s in data.sources}
    claims = {line["id"]: set(line["languages"]) for line in data.helplines if line["languages"]}
    assert claims == BACKED
    for line in data.helplines:
        for language, source_id in line["languages"].items():
            source = sources[source_id]
            assert (source["url"] or "").startswith("https://"), f"{line['id']} {language}: no public address"
            assert line["number"] in source["title"], f"{line['id']} {language}: the title does not name the number"
            assert source["date"] is None or isinstance(source["date"], dt.date)


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda d: d[1].update(languages={"ru": "mc_116123_2024"}),
            r"helpline 'adult_crisis_116123': 'languages' may name uk, en \(Polish is every line's\), got 'ru'",
        ),
        (
            lambda d: d[1].update(languages={"en": "a_page_nobody_recorded"}),
            r"helpline 'adult_crisis_116123': 'languages\.en' must be the id of the source in sources\.yaml",
        ),
        (
            lambda d: d[3].update(languages={"uk": ["pap_mediaroom_niebieska_linia"]}),
            r"helpline 'niebieska_linia': 'languages\.uk' must be the id of the source in sources\.yaml",
        ),
        (
            lambda d: d[3].update(languages={"en": "seed"}),
            r"helpline 'niebieska_linia': 'languages\.en': source 'seed' has no url to check the claim on",
        ),
        (lambda d: d[0].update(languages=["en"]), r"helpline 'emergency_112': 'languages' must be a mapping"),
    ],
)
def test_a_language_claim_without_a_source_is_refused(knowledge: Path, change, message: str) -> None:
    edit(knowledge, "helplines.yaml", change)
    with pytest.raises(KnowledgeError, match=rf"helplines\.yaml: {message}"):
        read_knowledge(knowledge)


def test_a_source_must_state_its_date_or_null(knowledge: Path) -> None:
    edit(knowledge, "sources.yaml", lambda d: next(s for s in d if s["id"] == "um_warszawa_19115_uk").pop("date"))
    with pytest.raises(KnowledgeError, match=r"sources\.yaml: source 'um_warszawa_19115_uk': 'date' must be given"):
        read_knowledge(knowledge)


def test_the_claims_come_back_from_the_database_with_their_sources(catalogue) -> None:
    lines = {line.id: line for line in catalogue.helplines}
    assert {line_id: set(line.languages) for line_id, line in lines.items() if line.languages} == BACKED
    english = lines["emergency_112"].languages["en"]
    assert english["id"] == "wgospodarce_112_2025" and english["date"] == "2025-10-14"
    assert lines["emergency_112"].as_dict()["languages"] == {"en": english}
    assert lines["city_19115"].languages["uk"]["url"].startswith("https://um.warszawa.pl/")


def offered(catalogue, category: str, language: str) -> list[tuple[str, bool]]:
    return [(o.line.number, o.answers_in_language) for o in catalogue.helplines_in(category, language)]


@pytest.mark.parametrize("category", HELPLINE_CATEGORIES)
def test_polish_gets_the_lines_it_always_got(catalogue, category: str) -> None:
    numbers = [line.number for line in catalogue.helplines_for(category)]
    assert offered(catalogue, category, "pl") == [(number, True) for number in numbers]


@pytest.mark.parametrize(
    "language, category, expected",
    [
        # 112 answers in English; no page says a line made for these needs does, so they stay, flagged.
        ("en", "suicide", [("112", True), ("116 123", False), ("800 70 2222", False)]),
        ("en", "violence", [("112", True), ("800 120 002", False)]),
        ("en", "shelter", [("112", True), ("19115", False)]),
        ("en", "emergency", [("112", True)]),
        # No page says 112 answers in Ukrainian; 19115 does (around the clock since May 2022).
        ("uk", "suicide", [("112", False), ("116 123", False), ("800 70 2222", False)]),
        ("uk", "violence", [("112", False), ("800 120 002", False)]),
        ("uk", "shelter", [("112", False), ("19115", True)]),
        ("uk", "emergency", [("112", False)]),
    ],
)
def test_ukrainian_and_english_flag_the_lines_no_source_backs(catalogue, language, category, expected) -> None:
    assert offered(catalogue, category, language) == expected


def line(line_id: str, number: str, categories: tuple[str, ...], languages=()) -> HelplineInfo:
    source = {"id": "page", "title": f"page on {number}", "url": "https://example.org", "date": "2025-01-01"}
    return HelplineInfo(
        line_id, number, line_id, line_id, None, categories, source, None, {c: source for c in languages}
    )


def test_a_line_backed_for_the_language_replaces_the_polish_ones_for_its_need() -> None:
    catalogue = Catalogue(
        {},
        {},
        (
            line("emergency", "112", ("emergency", "suicide", "violence"), ("en",)),
            line("polish_only", "116 123", ("suicide",)),
            line("bilingual", "800 000 001", ("suicide",), ("uk",)),
            line("violence", "800 120 002", ("violence",)),
        ),
    )
    assert offered(catalogue, "suicide", "uk") == [("112", False), ("800 000 001", True)]
    assert offered(catalogue, "suicide", "en") == [("112", True), ("116 123", False), ("800 000 001", False)]
    assert offered(catalogue, "violence", "uk") == [("112", False), ("800 120 002", False)]
    assert offered(catalogue, "suicide", "pl") == [("112", True), ("116 123", True), ("800 000 001", True)]


def test_an_unknown_language_or_category_is_an_error(catalogue) -> None:
    with pytest.raises(ValueError, match="unknown language 'ru'"):
        catalogue.helplines_in("suicide", "ru")
    with pytest.raises(ValueError, match="unknown help line category 'suicidal'"):
        catalogue.helplines_in("suicidal", "uk")


@pytest.mark.parametrize(
    "language, backed, note",
    [
        ("uk", (), "розмова польською мовою"),
        ("uk", ("en",), "розмова польською або англійською мовою"),
        ("en", (), "the call is in Polish"),
        ("en", ("uk",), "the call is in Polish"),
    ],
)
def test_the_note_says_in_which_language_the_call_will_be(language: str, backed: tuple, note: str) -> None:
    flagged = OfferedLine(line("any", "116 123", ("suicide",), backed), answers_in_language=False)
    assert language_note(flagged, language) == note


def test_no_note_where_the_line_answers_in_the_language() -> None:
    backed = OfferedLine(line("any", "112", ("emergency",), ("en",)), answers_in_language=True)
    assert language_note(backed, "en") is None
    assert language_note(OfferedLine(line("any", "116 123", ("suicide",)), True), "pl") is None


def test_the_crisis_reply_gives_the_lines_in_the_conversations_language(catalogue) -> None:
    """Issue 14, point 5: descriptions translated, a note where the call is in Polish, and in Polish
    the reply it always was (no note)."""
    with using("pl"):
        polish = crisis_reply(catalogue, ("shelter",))
    assert "19115" in polish and "po polsku" not in polish
    with using("en"):
        english = crisis_reply(catalogue, ("shelter",))
        english_reminder = reminder(catalogue, ("shelter",))
    line_19115 = next(row for row in english.splitlines() if "19115" in row)
    assert "City of Warsaw" in line_19115 and line_19115.endswith(text("safety.line_in_polish", "en"))
    assert not next(row for row in english.splitlines() if row.startswith("• 112")).endswith("Polish")
    assert "19115" in english_reminder
    with using("uk"):
        ukrainian = crisis_reply(catalogue, ("shelter",))
    line_19115 = next(row for row in ukrainian.splitlines() if "19115" in row)
    assert "Варшави" in line_19115 and text("safety.line_in_polish", "uk") not in line_19115  # backed in Ukrainian
