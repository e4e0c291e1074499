"""The real stack for end-to-end tests: trained model, action server and Rasa server on free ports.

Started once per test session (a Rasa server needs ~40 s to load its model).
"""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Iterator

import pytest

from tests.servers import MODEL, ROOT, Stack, running_stack


@pytest.fixture(scope="session")
def trained_model() -> Path:
    subprocess.run([str(ROOT / "scripts" / "train.sh")], cwd=ROOT, check=True)
    return MODEL


@pytest.fixture(scope="session")
def cors_origin() -> str:
    """The one browser origin the session stack's Rasa server allows (`--cors`), for the CORS tests."""
    return "http://localhost:8000"


@pytest.fixture(scope="session")
def stack(trained_model: Path, cors_origin: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with running_stack(tmp_path_factory.mktemp("stack"), cors=cors_origin) as started:
        yield started
