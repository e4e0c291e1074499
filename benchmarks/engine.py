"""Eligibility engine time per profile (target: under 2 ms).

.venv/bin/python -m benchmarks.engine [--profiles 5000]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from benchmarks.profiles import profiles
from bot.eligibility import recommend
from bot.knowledge.catalogue import read_catalogue
from bot.knowledge.db import make_engine
from bot.knowledge.loader import load_knowledge
from bot.settings import load_settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--profiles", type=int, default=5000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        engine = make_engine(f"sqlite:///{Path(tmp) / 'kb.db'}")
        started = time.perf_counter()
        load_knowledge(engine, load_settings().knowledge_dir)
        loaded = time.perf_counter()
        catalogue = read_catalogue(engine)
        read = time.perf_counter()
    inputs = profiles(args.profiles)
    for profile in inputs[:200]:  # warm-up
        recommend(profile, catalogue)
    timings = []
    for profile in inputs:
        t0 = time.perf_counter()
        recommend(profile, catalogue)
        timings.append((time.perf_counter() - t0) * 1000)
    timings.sort()
    p = lambda q: timings[min(len(timings) - 1, int(q * len(timings)))]  # noqa: E731
    print(
        f"knowledge load into SQLite: {(loaded - started) * 1000:.0f} ms; catalogue read: {(read - loaded) * 1000:.1f} ms"
    )
    print("| profiles | mean ms | p50 ms | p99 ms | max ms |")
    print("|---|---|---|---|---|")
    print(f"| {len(timings)} | {statistics.mean(timings):.3f} | {p(0.5):.3f} | {p(0.99):.3f} | {timings[-1]:.3f} |")


if __name__ == "__main__":
    main()
