"""Every process that reads the knowledge base refuses to start on missing or broken files.

The loader command, the web app and the action server (real processes): exit code 1, a message
naming the file, and the database exactly as it was (one transaction, nothing half-written).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.knowledge.db import make_engine
from bot.knowledge.loader import load_knowledge
from bot.knowledge.models import Institution, Meta, Tool
from tests.conftest import KNOWLEDGE_DIR
from tests.servers import ROOT, actions_command, free_port, web_command

COMMANDS = {
    "loader": lambda: [sys.executable, "-m", "bot.knowledge.loader", "--force"],
    "web app": web_command,
    "action server": lambda: actions_command(free_port()),
}


def break_yaml(knowledge: Path) -> str:
    (knowledge / "tools" / "up.yaml").write_text("- id: staz\n  name: [unclosed\n", encoding="utf-8")
    return "up.yaml"


def remove_institutions(knowledge: Path) -> str:
    (knowledge / "institutions.yaml").unlink()
    return "institutions.yaml"


def snapshot(database: Path) -> tuple:
    engine = make_engine(f"sqlite:///{database}")
    with Session(engine) as session:
        return (
            session.scalar(select(func.count()).select_from(Institution)),
            session.scalar(select(func.count()).select_from(Tool)),
            tuple(session.execute(select(Meta.key, Meta.value).order_by(Meta.key))),
        )


# What a command does before it loads decides whether it writes anything, so every command starts over
# an empty database and over an earlier load. The fault is found by the loader before the database is
# touched (bot.knowledge.loader.load_knowledge), alike for every command: the two faults take turns.
@pytest.mark.parametrize(
    "command, fault, loaded_before",
    [
        pytest.param("loader", break_yaml, False, id="loader-broken-empty database"),
        pytest.param("loader", remove_institutions, True, id="loader-missing-earlier load"),
        pytest.param("web app", remove_institutions, False, id="web app-missing-empty database"),
        pytest.param("web app", break_yaml, True, id="web app-broken-earlier load"),
        pytest.param("action server", break_yaml, False, id="action server-broken-empty database"),
        pytest.param("action server", remove_institutions, True, id="action server-missing-earlier load"),
    ],
)
def test_refuses_to_start_and_writes_nothing(tmp_path: Path, command: str, fault, loaded_before: bool) -> None:
    knowledge, database = tmp_path / "knowledge", tmp_path / "kb.db"
    shutil.copytree(KNOWLEDGE_DIR, knowledge)
    if loaded_before:
        load_knowledge(make_engine(f"sqlite:///{database}"), knowledge)
        before = snapshot(database)
    named = fault(knowledge)
    env = {
        **os.environ,
        "KNOWLEDGE_DIR": str(knowledge),
        "DATABASE_URL": f"sqlite:///{database}",
        "WEB_PORT": str(free_port()),
        "RASA_TELEMETRY_ENABLED": "false",
    }
    result = subprocess.run(COMMANDS[command](), cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert named in result.stderr and "bazie wiedzy" in result.stderr
    if loaded_before:
        assert snapshot(database) == before
    else:
        assert not database.exists() or snapshot(database)[:2] == (0, 0)
