"""Crisis help lines: only numbers that a dated source states, validated, loaded and read back in order."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from sqlalchemy import text
from sqlalchemy.orm import Session

from bot.knowledge.catalogue import read_catalogue
from bot.knowledge.db import make_engine
from bot.knowledge.files import HELPLINE_CATEGORIES, KnowledgeError, read_knowledge
from bot.knowledge.loader import DIGEST_KEY, load_knowledge
from bot.knowledge.models import Meta
from tests.conftest import KNOWLEDGE_DIR

IDS = ["emergency_112", "adult_crisis_116123", "mental_crisis_800702222", "niebieska_linia", "city_19115"]
NUMBERS = ["112", "116 123", "800 70 2222", "800 120 002", "19115"]


@pytest.fixture()
def knowledge(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, target)
    return target


def edit_helplines(knowledge: Path, change) -> None:
    path = knowledge / "helplines.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_the_file_holds_the_five_lines_in_order() -> None:
    lines = read_knowledge(KNOWLEDGE_DIR).helplines
    assert [line["id"] for line in lines] == IDS
    assert [line["number"] for line in lines] == NUMBERS
    assert set(lines[0]["categories"]) == set(HELPLINE_CATEGORIES)


def test_every_number_has_a_dated_source_with_a_url() -> None:
    """The bot states numbers only from dated sources: each names its page, and the page the number."""
    data = read_knowledge(KNOWLEDGE_DIR)
    sources = {s["id"]: s for s in data.sources}
    for line in data.helplines:
        source = sources[line["source_id"]]
        assert (source["url"] or "").startswith("https://"), f"{line['id']}: its source has no public address"
        assert line["number"] in source["title"], f"{line['id']}: the source's title does not name {line['number']}"
        assert isinstance(line["verified_at"], dt.date)
        assert source["date"] is None or line["verified_at"] >= source["date"], (
            f"{line['id']}: verified before its source"
        )


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda d: d[1].update(categories=["suicide", "loneliness"]),
            r"helpline 'adult_crisis_116123': unknown categories: loneliness",
        ),
        (lambda d: d[1].update(categories=[]), r"helpline 'adult_crisis_116123': 'categories' must list at least one"),
        (
            lambda d: d[2].update(source="facebook"),
            r"helpline 'mental_crisis_800702222': 'source' must be one of sources\.yaml \('facebook'\)",
        ),
        (lambda d: d[3].update(id="emergency_112"), r"helpline 'emergency_112': duplicate id"),
        (lambda d: d[4].pop("number"), r"helpline 'city_19115': 'number' must be non-empty text"),
        (lambda d: d[4].pop("verified_at"), r"helpline 'city_19115': 'verified_at' must be a date"),
        (lambda d: d[0].update(number="+48 112"), r"helpline 'emergency_112': 'number' must be digits"),
        (lambda d: d[1].update(number="116  123"), r"helpline 'adult_crisis_116123': 'number' must be digits"),
        (lambda d: d[4].update(number=19115), r"""helpline 'city_19115': 'number' must be quoted text \("19115"\)"""),
        (
            lambda d: d[3].update(number="112"),
            r"helpline 'niebieska_linia': number 112 is already helpline 'emergency_112'",
        ),
        (lambda d: d[1].update(hour="całą dobę"), r"helpline 'adult_crisis_116123': unknown keys: hour"),
        (lambda d: d.append({"number": "999"}), r"entry 6: 'id' must be non-empty text"),
    ],
)
def test_bad_helplines_are_named(knowledge: Path, change, message: str) -> None:
    edit_helplines(knowledge, change)
    with pytest.raises(KnowledgeError, match=rf"helplines\.yaml: {message}"):
        read_knowledge(knowledge)


def test_a_missing_file_is_refused(knowledge: Path) -> None:
    (knowledge / "helplines.yaml").unlink()
    with pytest.raises(KnowledgeError, match=r"helplines\.yaml: file: is missing"):
        read_knowledge(knowledge)


def test_round_trip_through_sqlite(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'kb.db'}")
    assert load_knowledge(engine, KNOWLEDGE_DIR) is True
    catalogue = read_catalogue(engine)
    assert [line.id for line in catalogue.helplines] == IDS
    assert [line.number for line in catalogue.helplines] == NUMBERS
    data = read_knowledge(KNOWLEDGE_DIR)
    sources = {s["id"]: s for s in data.sources}
    for line, loaded in zip(data.helplines, catalogue.helplines):
        source = sources[line["source_id"]]
        assert loaded.source == {
            "id": source["id"],
            "title": source["title"],
            "url": source["url"],
            "date": source["date"].isoformat() if source["date"] else None,
        }
        assert loaded.verified_at == line["verified_at"]
        assert (loaded.name, loaded.description, loaded.hours) == (line["name"], line["description"], line["hours"])
        assert loaded.categories == tuple(line["categories"])
    first = catalogue.helplines[0].as_dict()
    assert first["number"] == "112" and first["hours"] is None and first["verified_at"] == "2014-01-17"
    assert first["source"]["url"].startswith("https://")


def test_lines_by_category_keep_file_order(catalogue) -> None:
    assert [line.number for line in catalogue.helplines_for("suicide")] == ["112", "116 123", "800 70 2222"]
    assert [line.number for line in catalogue.helplines_for("violence")] == ["112", "800 120 002"]
    assert [line.number for line in catalogue.helplines_for("shelter")] == ["112", "19115"]
    assert [line.number for line in catalogue.helplines_for("emergency")] == ["112"]
    with pytest.raises(ValueError, match="unknown help line category 'suicidal'"):
        catalogue.helplines_for("suicidal")


def test_a_database_from_before_the_helpline_table_gets_it(tmp_path: Path) -> None:
    """An older version stored the plain files' digest and had no helpline table: the load fills it."""
    engine = make_engine(f"sqlite:///{tmp_path / 'old.db'}")
    load_knowledge(engine, KNOWLEDGE_DIR)
    with Session(engine) as session, session.begin():
        session.execute(text("DROP TABLE helpline"))
        session.get(Meta, DIGEST_KEY).value = read_knowledge(KNOWLEDGE_DIR).digest
    assert load_knowledge(engine, KNOWLEDGE_DIR) is True
    assert [line.id for line in read_catalogue(engine).helplines] == IDS
    assert load_knowledge(engine, KNOWLEDGE_DIR) is False


def test_an_outdated_helpline_table_is_rebuilt(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'outdated.db'}")
    load_knowledge(engine, KNOWLEDGE_DIR)
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE helpline"))
        connection.execute(text("CREATE TABLE helpline (id VARCHAR(64) PRIMARY KEY, number TEXT)"))
    assert load_knowledge(engine, KNOWLEDGE_DIR) is True
    assert [line.number for line in read_catalogue(engine).helplines] == NUMBERS


def test_a_bad_helpline_file_keeps_the_loaded_lines(knowledge: Path, tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'kb.db'}")
    load_knowledge(engine, knowledge)
    edit_helplines(knowledge, lambda d: d[0].update(categories=["everything"]))
    with pytest.raises(KnowledgeError):
        load_knowledge(engine, knowledge)
    assert [line.id for line in read_catalogue(engine).helplines] == IDS
