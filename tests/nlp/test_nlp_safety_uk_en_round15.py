"""Ukrainian and English patterns fixed in the fifteenth session (issue 14), found by talking to the running
stack as residents; the sentences were written for this test."""

from __future__ import annotations

import pytest

from bot.nlp.safety.signals import find_signals


def live(message: str) -> set[str]:
    return {s.category for s in find_signals(message) if not s.dismissed}


@pytest.mark.parametrize(
    "message",
    [
        "я більше не хочу жити на Таргувку, там шумно, хочу на Бемово",
        "ne choczu żyty na Woli, szukaju kwartyru na Mokotovi",
        "i dont want to live in Bielany anymore, too far from work",
        "we dont want to live on Praga, is there social housing in Wola",
    ],
)
def test_not_wanting_to_live_in_a_district_is_no_suicide(message: str) -> None:
    assert "suicide" not in live(message)


@pytest.mark.parametrize(
    "message",
    ["я не хочу жити, сьогодні все закінчу", "i dont want to live anymore, tonight is the night"],
)
def test_not_wanting_to_live_still_is(message: str) -> None:
    assert "suicide" in live(message)
