"""Random valid contract profiles (seeded, so every run measures the same inputs)."""

from __future__ import annotations

import random
from typing import Any

from bot.profile import FIELDS


def random_profile(rng: random.Random, known: float = 0.6) -> dict[str, Any]:
    """A profile where each key is known with probability `known`."""
    profile: dict[str, Any] = {}
    for name, field in FIELDS.items():
        if rng.random() > known:
            continue
        if field.kind is bool:
            profile[name] = rng.random() < 0.4
        elif field.kind is int:
            profile[name] = rng.randint(field.minimum, min(field.maximum, 80 if name == "age" else 36))
        else:
            profile[name] = rng.choice(field.choices)
    return profile


def profiles(count: int, seed: int = 2026) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    return [random_profile(rng, known=rng.choice((0.0, 0.3, 0.6, 1.0))) for _ in range(count)]
