"""The contract's copy in the repository (data/contract/) is the binding one of ../shared, where that is beside it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "CONTRACT.md"


@pytest.mark.skipif(not SHARED.is_file(), reason="../shared is not beside this clone (CI)")
def test_the_copy_is_the_contract() -> None:
    assert (ROOT / "data" / "contract" / "CONTRACT.md").read_text(encoding="utf-8") == SHARED.read_text(
        encoding="utf-8"
    )
