"""Load: N concurrent simulated residents holding whole conversations over the REST channel,
against our stack and, in the same run, against the floors: Rasa bots that do the least
(benchmarks.floors: a one-intent bot without a model, and Rasa's own starter bot).

    .venv/bin/python -m benchmarks.load [--residents 50] [--seconds 60] [--warmup 10] [--pause 2 8] [--runs 3] [--out load.json]

Each resident holds one whole conversation after another (a new sender id each time, the turns of
benchmarks.conversation.SCRIPTS, each resident starting at a different script). Between a reply
and their next message residents pause to read and type, a random time within `--pause MIN MAX`
seconds (default 2–8 s: quick for a person reading a question and typing "tak" or "Wola" on a
phone); `--pause 0 0` sends the next message as soon as the reply arrives (a stress test: the most
load that many clients can make, where latency is the server's queue). The floor bots get their
own messages in conversations of the same lengths. After `--warmup` seconds the figures are taken for `--seconds`: throughput counts the
turns answered within that window; latencies are those of the answered turns started in it; an
error is a non-200 answer, a timeout, a failed connection or an empty reply (every turn of these
conversations gets an answer). A conversation with an error is dropped and a new one begun.
Each bot is measured `--runs` times in a row (after its one start); the table gives the median of
each figure and the lowest and highest run.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from benchmarks.conversation import SCRIPTS
from benchmarks.floors import FLOORS, Floor, running_floor
from tests.servers import MODEL, running_stack

TIMEOUT = 60.0  # seconds for one turn, as tests.servers.Stack.say
P95_TARGET = 3.0  # our p95 at most this many times a floor bot's
TARGET_RESIDENTS = 50
PAUSE = (2.0, 8.0)  # seconds a resident takes to read a reply and type the next message


@dataclass
class Window:
    start: float
    end: float


@dataclass
class Record:
    """What the residents of one run saw: (started, ended, error or None) per turn, conversation ends."""

    turns: list[tuple[float, float, str | None]] = field(default_factory=list)
    conversations: list[float] = field(default_factory=list)


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def turn(session: aiohttp.ClientSession, webhook: str, sender: str, text: str) -> str | None:
    """One REST turn; the error's kind, or None when the bot answered."""
    try:
        async with session.post(webhook, json={"sender": sender, "message": text}) as response:
            body = await response.read()
            if response.status != 200:
                return f"HTTP {response.status}"
            if not json.loads(body):
                return "empty reply"
    except asyncio.TimeoutError:
        return "timeout"
    except (aiohttp.ClientError, ValueError) as error:
        return type(error).__name__
    return None


async def resident(
    session: aiohttp.ClientSession,
    webhook: str,
    scripts: list[list[str]],
    first: int,
    window: Window,
    record: Record,
    pause: tuple[float, float],
) -> None:
    rng = random.Random(first)  # the same pauses for the same resident in every run and for both bots
    await asyncio.sleep(rng.uniform(0, pause[1]))  # people do not all start at the same moment
    for script in itertools.islice(itertools.cycle(scripts), first, None):
        sender = f"load-{uuid.uuid4().hex[:12]}"
        for text in script:
            if time.perf_counter() >= window.end:
                return
            started = time.perf_counter()
            error = await turn(session, webhook, sender, text)
            record.turns.append((started, time.perf_counter(), error))
            if error:
                break
            await asyncio.sleep(rng.uniform(*pause))
        else:
            record.conversations.append(time.perf_counter())


async def sample_cpu(pids: dict[str, int], window: Window) -> dict[str, float]:
    """CPU seconds each server process used within the window."""
    await asyncio.sleep(max(0.0, window.start - time.perf_counter()))
    before = {name: cpu_seconds(pid) for name, pid in pids.items()}
    await asyncio.sleep(max(0.0, window.end - time.perf_counter()))
    return {name: cpu_seconds(pid) - before[name] for name, pid in pids.items()}


async def simulate(
    url: str,
    scripts: list[list[str]],
    residents: int,
    seconds: float,
    warmup: float,
    pids: dict[str, int],
    pause: tuple[float, float],
) -> tuple[Record, Window, dict[str, float]]:
    record = Record()
    timeout = aiohttp.ClientTimeout(total=TIMEOUT)
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0), timeout=timeout) as session:
        now = time.perf_counter()
        window = Window(now + warmup, now + warmup + seconds)
        webhook = f"{url}/webhooks/rest/webhook"
        cpu, *_ = await asyncio.gather(
            sample_cpu(pids, window),
            *(resident(session, webhook, scripts, n, window, record, pause) for n in range(residents)),
        )
    return record, window, cpu


def percentile(ordered: list[float], q: float) -> float:
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def summary(
    bot: str,
    residents: int,
    pause: tuple[float, float],
    record: Record,
    window: Window,
    server_cpu: dict[str, float],
    client_cpu: float,
    wall: float,
) -> dict[str, Any]:
    seconds = window.end - window.start
    started_in = [(s, e, error) for s, e, error in record.turns if s >= window.start]
    latencies = sorted((e - s) * 1000 for s, e, error in started_in if error is None)
    answered = sum(1 for s, e, error in record.turns if error is None and window.start <= e <= window.end)
    return {
        "bot": bot,
        "residents": residents,
        "pause_s": list(pause),
        "seconds": seconds,
        "conversations": sum(1 for end in record.conversations if window.start <= end <= window.end),
        "turns": answered,
        "throughput": answered / seconds,
        "p50_ms": percentile(latencies, 0.50),
        "p95_ms": percentile(latencies, 0.95),
        "p99_ms": percentile(latencies, 0.99),
        "max_ms": latencies[-1] if latencies else float("nan"),
        "errors": sum(1 for *_, error in started_in if error),
        "error_kinds": dict(Counter(error for *_, error in started_in if error)),
        "server_cpu_ms_per_turn": {name: used * 1000 / max(answered, 1) for name, used in server_cpu.items()},
        "client_cpu_percent": 100 * client_cpu / wall,
    }


def measure(
    bot: str,
    url: str,
    scripts: list[list[str]],
    pids: dict[str, int],
    residents: int,
    seconds: float,
    warmup: float,
    pause: tuple[float, float] = PAUSE,
) -> dict[str, Any]:
    """Run the load against one running bot and summarise it."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    wall = time.perf_counter()
    record, window, server_cpu = asyncio.run(simulate(url, scripts, residents, seconds, warmup, pids, pause))
    after = resource.getrusage(resource.RUSAGE_SELF)
    client_cpu = after.ru_utime + after.ru_stime - usage.ru_utime - usage.ru_stime
    return summary(bot, residents, pause, record, window, server_cpu, client_cpu, time.perf_counter() - wall)


SPREAD = ("p50_ms", "p95_ms", "p99_ms", "throughput")


def repeated(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """Several runs of one bot as one row: the median of each figure, with min and max of the main ones."""
    row = dict(runs[0])
    for key, value in runs[0].items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            row[key] = statistics.median(run[key] for run in runs)
    row["server_cpu_ms_per_turn"] = {
        name: statistics.median(run["server_cpu_ms_per_turn"][name] for run in runs)
        for name in runs[0]["server_cpu_ms_per_turn"]
    }
    row["errors"] = sum(run["errors"] for run in runs)
    row["error_kinds"] = dict(sum((Counter(run["error_kinds"]) for run in runs), Counter()))
    row["spread"] = {key: [min(run[key] for run in runs), max(run[key] for run in runs)] for key in SPREAD}
    row["runs"] = len(runs)
    return row


def _cell(row: dict[str, Any], key: str, form: str) -> str:
    value = format(row[key], form)
    if row.get("runs", 1) > 1:
        low, high = row["spread"][key]
        value += f" ({format(low, form)}–{format(high, form)})"
    return value


def floor_scripts(floor: Floor) -> list[list[str]]:
    """A floor bot's conversations: its own messages, as many turns as ours."""
    return floor.scripts([len(script) for script in SCRIPTS])


def ratios(ours: dict[str, Any], floor: dict[str, Any]) -> dict[str, float]:
    return {
        "p95": ours["p95_ms"] / floor["p95_ms"],
        "throughput": ours["throughput"] / (floor["throughput"] or float("nan")),
    }


def report(ours: dict[str, Any], floors: list[dict[str, Any]]) -> str:
    """The figures as a markdown table, the ratios to each floor and the targets."""
    pause = ours["pause_s"]
    runs = ours.get("runs", 1)
    lines = [
        f"{runs} runs of each bot: the median of each figure, (min–max) of the runs; errors summed"
        if runs > 1
        else "one run",
        f"residents pause {pause[0]:g}–{pause[1]:g} s between a reply and their next message"
        if pause[1]
        else "residents send the next message as soon as the reply arrives (no pause)",
        "",
        "| bot | residents | conversations | turns | turns/s | p50 ms | p95 ms | p99 ms | max ms | errors | server CPU ms/turn | client CPU |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in (ours, *floors):
        cpu = " + ".join(f"{name} {ms:.1f}" for name, ms in row["server_cpu_ms_per_turn"].items())
        errors = f"{row['errors']} {row['error_kinds']}" if row["errors"] else "0"
        lines.append(
            f"| {row['bot']} | {row['residents']} | {row['conversations']:g} | {row['turns']:g} | {_cell(row, 'throughput', '.1f')} "
            f"| {_cell(row, 'p50_ms', '.0f')} | {_cell(row, 'p95_ms', '.0f')} | {_cell(row, 'p99_ms', '.0f')} | {row['max_ms']:.0f} | {errors} | {cpu} "
            f"| {row['client_cpu_percent']:.0f} % |"
        )
    lines.append("")
    few = ours["residents"] < TARGET_RESIDENTS
    errors_met = ours["errors"] == 0 and not few
    lines.append(
        f"target: {TARGET_RESIDENTS} concurrent conversations with 0 errors — {'met' if errors_met else 'not met'}"
        + (f" (only {ours['residents']} residents)" if few else "")
    )
    for floor in floors:
        ratio = ratios(ours, floor)
        lines.append(
            f"ours / {floor['bot']}: p95 {ratio['p95']:.2f}×, throughput {ratio['throughput']:.2f}×"
            f" — target p95 ≤ {P95_TARGET:.0f}× {'met' if ratio['p95'] <= P95_TARGET else 'not met'}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--residents", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--warmup", type=float, default=10)
    parser.add_argument(
        "--pause",
        type=float,
        nargs=2,
        default=PAUSE,
        metavar=("MIN", "MAX"),
        help="seconds a resident takes between a reply and the next message (0 0: none)",
    )
    parser.add_argument("--runs", type=int, default=3, help="measurements of each bot (median, min and max reported)")
    parser.add_argument("--out", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args()
    if not MODEL.exists():
        sys.exit(f"{MODEL.relative_to(MODEL.parents[1])} is missing: run `make train` first.")
    if not 0 <= args.pause[0] <= args.pause[1]:
        parser.error("--pause MIN MAX needs 0 <= MIN <= MAX")
    load_average = os.getloadavg()
    load = dict(residents=args.residents, seconds=args.seconds, warmup=args.warmup, pause=tuple(args.pause))
    floors = []
    with tempfile.TemporaryDirectory() as tmp:
        for floor in FLOORS:
            with running_floor(floor, Path(tmp)) as bot:
                floors.append(
                    repeated(
                        [
                            measure(floor.name, bot.url, floor_scripts(floor), {"rasa": bot.pid}, **load)
                            for _ in range(args.runs)
                        ]
                    )
                )
        with running_stack(Path(tmp)) as stack:
            ours = repeated(
                [
                    measure("ours", stack.rasa, SCRIPTS, {"rasa": stack.rasa_pid, "actions": stack.actions_pid}, **load)
                    for _ in range(args.runs)
                ]
            )
    print(f"cores: {os.cpu_count()}; load average before the run: {' '.join(f'{x:.2f}' for x in load_average)}")
    print(report(ours, floors))
    if args.out:
        args.out.write_text(
            json.dumps(
                {
                    "load_average": load_average,
                    "ours": ours,
                    "floors": floors,
                    "ratios": {floor["bot"]: ratios(ours, floor) for floor in floors},
                },
                indent=2,
            )
        )


if __name__ == "__main__":
    main()
