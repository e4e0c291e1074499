"""The crisis signals that count in a message, for the safety tests: category -> sure."""

from __future__ import annotations

from bot.nlp.safety.signals import find_signals


def live(text: str) -> dict[str, bool]:
    """Category -> sure, for the signals that count (not dismissed)."""
    found: dict[str, bool] = {}
    for signal in find_signals(text):
        if not signal.dismissed:
            found[signal.category] = found.get(signal.category, False) or (signal.strong and signal.sure)
    return found
