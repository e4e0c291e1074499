"""Turn latency of whole conversations over the REST channel, and the Rasa server's memory.

    .venv/bin/python -m benchmarks.conversation [--conversations 20] [--runs 3] [--language pl|uk|en]

Starts the real action server and Rasa server (trained model from `make train`), measures the
Rasa server's resident memory after start, then holds whole conversations one after another
(one client) and reports turn latency p50/p95/p99 (target p95 <= 200 ms) for each of `--runs`
runs after one start, and their median, min and max. `--language uk` or `en` holds the same four
conversations in Ukrainian or English (issue 14: within 1.5x the Polish figure).
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
import uuid
from pathlib import Path

from tests.servers import running_stack

# Whole conversations: a first message, then the answers a person would give.
SCRIPTS = [
    [
        "Dzień dobry, mam 52 lata, jestem bezrobotny bez zasiłku, mieszkam na Pradze-Północ",
        "tak",
        "tak",
        "nie",
        "tak",
        "nie wiem",
        "nie",
        "nic z tych rzeczy",
    ],
    ["pracuje, mam orzeczenie o znacznym stopniu, mieszkam na Mokotowie", "34", "nie", "tak", "znaczny", "nie"],
    ["straciłam pracę", "tak", "nie", "tak", "wolę nie mówić", "Wola", "nie", "co to jest CIS", "nie"],
    ["hej", "Pracuję", "nie", "28", "na Bielanach", "nie", "dzięki"],
]
FOREIGN_SCRIPTS = {
    "uk": [
        [
            "Добрий день, мені 52 роки, я безробітний без допомоги, живу на Празі-Північ",
            "так",
            "так",
            "ні",
            "так",
            "не знаю",
            "ні",
            "нічого з цього",
        ],
        ["працюю, маю orzeczenie, значний ступінь, живу на Мокотові", "34", "ні", "так", "значний", "ні"],
        ["я втратила роботу", "так", "ні", "так", "не хочу казати", "Воля", "ні", "що таке CIS", "ні"],
        ["привіт", "Працюю", "ні", "28", "на Білянах", "ні", "дякую"],
    ],
    "en": [
        [
            "Hello, I am 52, unemployed without benefit, I live in Praga North",
            "yes",
            "yes",
            "no",
            "yes",
            "i don't know",
            "no",
            "none of these",
        ],
        [
            "i work, i have a disability certificate, severe degree, i live in Mokotow",
            "34",
            "no",
            "yes",
            "severe",
            "no",
        ],
        ["i lost my job", "yes", "no", "yes", "prefer not to say", "Wola", "no", "what is CIS", "no"],
        ["hi there", "I have a job", "no", "28", "in Bielany", "no", "thanks"],
    ],
}


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system, all threads) of a process and its child processes so far.

    Less disturbed by other work on the machine than wall time: it shows which server a change in
    latency comes from."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(stat.parent.name) == pid or int(fields[1]) == pid:  # fields[1]: the parent's pid
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def one_run(stack, conversations: int, scripts: list[list[str]] = SCRIPTS) -> list[float]:
    """Turn latencies (ms) of `conversations` whole conversations, one after another."""
    latencies: list[float] = []
    for n in range(conversations):
        sender = f"bench-{uuid.uuid4().hex[:8]}"
        for text in scripts[n % len(scripts)]:
            t0 = time.perf_counter()
            stack.say(sender, text)
            latencies.append((time.perf_counter() - t0) * 1000)
    return sorted(latencies)


def percentiles(latencies: list[float]) -> dict[str, float]:
    p = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]  # noqa: E731
    return {"p50": p(0.5), "p95": p(0.95), "p99": p(0.99), "max": latencies[-1]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--conversations", type=int, default=20)
    parser.add_argument(
        "--runs", type=int, default=3, help="measurements after one start (median, min and max reported)"
    )
    parser.add_argument("--language", choices=["pl", "uk", "en"], default="pl")
    args = parser.parse_args()
    scripts = FOREIGN_SCRIPTS.get(args.language, SCRIPTS)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        with running_stack(Path(tmp)) as stack:
            ready = time.perf_counter() - started
            memory_after_start = rss_mib(stack.rasa_pid)
            stack.say("warm-up", "dzień dobry")
            cpu_before = {
                name: cpu_seconds(pid) for name, pid in (("Rasa", stack.rasa_pid), ("actions", stack.actions_pid))
            }
            runs = [one_run(stack, args.conversations, scripts) for _ in range(args.runs)]
            turns = sum(len(run) for run in runs)
            cpu_per_turn = {
                name: (cpu_seconds(pid) - cpu_before[name]) * 1000 / turns
                for name, pid in (("Rasa", stack.rasa_pid), ("actions", stack.actions_pid))
            }
            memory_after = rss_mib(stack.rasa_pid)
    figures = [percentiles(run) for run in runs]
    print(
        f"stack ready after {ready:.0f} s; Rasa server RSS after start {memory_after_start:.0f} MiB, after the runs {memory_after:.0f} MiB"
    )
    print("| run | conversations | turns | p50 ms | p95 ms | p99 ms | max ms |")
    print("|---|---|---|---|---|---|---|")
    for number, (run, row) in enumerate(zip(runs, figures), start=1):
        print(
            f"| {number} | {args.conversations} | {len(run)} | {row['p50']:.0f} | {row['p95']:.0f} | {row['p99']:.0f} | {row['max']:.0f} |"
        )
    if len(runs) > 1:
        cells = [
            f"{statistics.median(f[k] for f in figures):.0f} ({min(f[k] for f in figures):.0f}–{max(f[k] for f in figures):.0f})"
            for k in ("p50", "p95", "p99", "max")
        ]
        print(f"| median (min–max) | {args.conversations} | {len(runs[0])} | {' | '.join(cells)} |")
    print("CPU per turn, all runs: " + ", ".join(f"{name} server {ms:.1f} ms" for name, ms in cpu_per_turn.items()))


if __name__ == "__main__":
    main()
