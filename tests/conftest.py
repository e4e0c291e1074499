"""Shared fixtures: the real knowledge base loaded into a temporary SQLite database."""

from __future__ import annotations

import importlib
import os
import re
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot.knowledge.catalogue import Catalogue, read_catalogue
from bot.knowledge.db import make_engine
from bot.knowledge.loader import load_knowledge

ROOT = Path(__file__).resolve().parents[1]
KNOWLEDGE_DIR = ROOT / "data" / "knowledge"
STUDY = ROOT / "data" / "study" / "000_a7486e0fa1ff358d.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--clock",
        metavar="YYYY-MM-DD",
        help="run the tests, and every process they start, with the clock moved to 09:00 UTC that day (it goes on ticking): "
        "no test may depend on today's date",
    )


def pytest_configure(config: pytest.Config) -> None:
    day = config.getoption("--clock")
    # An xdist worker inherits the moved clock (sitecustomize, the shift) from the controller; computing
    # the shift again there would read the already moved clock and store a shift of nearly zero.
    if day and not hasattr(config, "workerinput"):
        target = datetime.fromisoformat(day).replace(hour=9, tzinfo=timezone.utc)
        os.environ["DROGOWSKAZ_TEST_CLOCK_SHIFT"] = str(target.timestamp() - time.time())
        os.environ["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(ROOT / "tests" / "clock"), os.environ.get("PYTHONPATH")])
        )
        importlib.import_module("tests.clock.sitecustomize")  # this process; the ones it starts import it themselves


def squash(text: str) -> str:
    """Whitespace-insensitive form of a text, to find quotations across the study's line breaks."""
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="session")
def study_text() -> str:
    return squash(STUDY.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Catalogue:
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('kb') / 'knowledge.db'}")
    load_knowledge(engine, KNOWLEDGE_DIR)
    return read_catalogue(engine)
