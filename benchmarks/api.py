"""API latency under concurrent load: starts the real web app, sends POST /api/recommendations.

.venv/bin/python -m benchmarks.api [--concurrency 20] [--requests 4000]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from pathlib import Path

import aiohttp

from benchmarks.profiles import profiles
from tests.servers import free_port, running, web_command


async def load(base: str, concurrency: int, total: int) -> tuple[list[float], int, float]:
    inputs = profiles(total)
    latencies: list[float] = []
    errors = 0
    queue = iter(inputs)

    async def worker(session: aiohttp.ClientSession) -> None:
        nonlocal errors
        for profile in queue:
            t0 = time.perf_counter()
            async with session.post(f"{base}/api/recommendations", json=profile) as response:
                await response.read()
                if response.status != 200:
                    errors += 1
            latencies.append((time.perf_counter() - t0) * 1000)

    started = time.perf_counter()
    async with aiohttp.ClientSession() as session:
        await asyncio.gather(*(worker(session) for _ in range(concurrency)))
    return latencies, errors, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--requests", type=int, default=4000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        env = {"WEB_PORT": str(port), "DATABASE_URL": f"sqlite:///{Path(tmp) / 'kb.db'}"}
        base = f"http://127.0.0.1:{port}"
        with running(web_command(), f"{base}/api/health", env):
            asyncio.run(load(base, args.concurrency, 200))  # warm-up
            latencies, errors, seconds = asyncio.run(load(base, args.concurrency, args.requests))
    latencies.sort()
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]  # noqa: E731
    print("| concurrency | requests | throughput req/s | p50 ms | p99 ms | errors |")
    print("|---|---|---|---|---|---|")
    print(
        f"| {args.concurrency} | {len(latencies)} | {len(latencies) / seconds:.0f} | {p(0.5):.2f} | {p(0.99):.2f} | {errors} |"
    )


if __name__ == "__main__":
    main()
