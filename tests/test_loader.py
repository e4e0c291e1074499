"""The loader: validates every file, names the file and entry of a mistake, never half-writes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.knowledge.contract_ids import INSTITUTION_IDS, TOOL_IDS
from bot.knowledge.db import make_engine
from bot.knowledge.files import KnowledgeError, read_knowledge
from bot.knowledge.loader import load_knowledge
from bot.knowledge.models import Institution, Location, Tool
from tests.conftest import KNOWLEDGE_DIR


@pytest.fixture()
def knowledge(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, target)
    return target


def edit_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def count(engine, model) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(model))


def test_every_contract_id_is_in_the_knowledge_base() -> None:
    data = read_knowledge(KNOWLEDGE_DIR)
    assert [i["id"] for i in data.institutions] == list(INSTITUTION_IDS)
    by_tool = {t["id"]: t["institution_id"] for t in data.tools}
    assert by_tool == {tool: inst for inst, tools in TOOL_IDS.items() for tool in tools}


def test_every_quoted_passage_is_in_the_study(study_text: str) -> None:
    from tests.conftest import squash

    data = read_knowledge(KNOWLEDGE_DIR)
    for item in data.institutions + data.tools:
        if item["source_id"] == "seed":
            assert squash(item["source_passage"]) in study_text, item["id"]


def test_load_is_idempotent(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'kb.db'}")
    assert load_knowledge(engine, KNOWLEDGE_DIR) is True
    assert load_knowledge(engine, KNOWLEDGE_DIR) is False
    assert load_knowledge(engine, KNOWLEDGE_DIR, force=True) is True
    assert count(engine, Institution) == len(INSTITUTION_IDS)
    assert count(engine, Tool) == sum(len(t) for t in TOOL_IDS.values())
    assert count(engine, Location) > 0


def test_broken_yaml_is_refused_with_file_name(knowledge: Path) -> None:
    (knowledge / "institutions.yaml").write_text('- id: ops\n  name: "unclosed\n', encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"institutions\.yaml: file: is not valid YAML"):
        read_knowledge(knowledge)


@pytest.mark.parametrize(
    "file, change, message",
    [
        (
            "tools/up.yaml",
            lambda d: d[0]["eligibility"].update(all=[{"key": "salary", "is": 1, "reason": "x"}]),
            r"up\.yaml: tool 'pai': .*profile key",
        ),
        ("tools/up.yaml", lambda d: d[0].pop("eligibility"), r"up\.yaml: tool 'pai': 'eligibility' is required"),
        ("tools/up.yaml", lambda d: d.pop(), r"contract tool missing"),
        ("tools/zaz.yaml", lambda d: d[0].update(institution="nowhere"), r"zaz\.yaml: tool '\w+': 'institution'"),
        (
            "tools/wtz.yaml",
            lambda d: d[0].update(verified_at="wczoraj"),
            r"wtz\.yaml: tool 'terapia_zajeciowa': 'verified_at' must be a date",
        ),
        ("institutions.yaml", lambda d: d.pop(), r"contract institutions missing: zgn"),
        ("institutions.yaml", lambda d: d[0].update(role="main"), r"institution 'ops': 'role'"),
        (
            "institutions.yaml",
            lambda d: d[2].update(source={"id": "blog", "passage": "x"}),
            r"institution 'up': 'source.id'",
        ),
    ],
)
def test_bad_entries_are_named(knowledge: Path, file: str, change, message: str) -> None:
    edit_yaml(knowledge / file, change)
    with pytest.raises(KnowledgeError, match=message):
        read_knowledge(knowledge)


@pytest.mark.parametrize(
    "row, message",
    [
        ("ops,Praga,,OPS,ul. X 1,,,,https://example.org,,,yes", "district"),
        ("up,,Wola;Pruszków,UP,ul. X 1,,,,https://example.org,,,no", "'serves'.*Pruszków"),
        ("ops,Wola,,OPS,ul. X 1,,,,,,,yes", "every contact needs a .source_url."),
    ],
)
def test_bad_location_row_is_named(knowledge: Path, row: str, message: str) -> None:
    path = knowledge / "locations.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.append(row)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=rf"locations\.csv: line {len(lines)}: {message}"):
        read_knowledge(knowledge)


def test_failed_load_keeps_previous_content(knowledge: Path, tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'kb.db'}")
    load_knowledge(engine, knowledge)
    (knowledge / "tools" / "owes.yaml").write_text("not: [a, list", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        load_knowledge(engine, knowledge)
    assert count(engine, Tool) == sum(len(t) for t in TOOL_IDS.values())
