"""python -m benchmarks.fuzz --conversations N --seed S [--out FILE] [--start I] [--workers W] [--attach JSON]"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from benchmarks.fuzz.runner import run
from benchmarks.fuzz.services import attached, started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.fuzz", description="Conversation fuzzer (see benchmarks/fuzz/__init__.py)."
    )
    parser.add_argument("--conversations", type=int, default=150)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--start", type=int, default=0, help="index of the first conversation (replay one: --start I --conversations 1)"
    )
    parser.add_argument("--workers", type=int, default=4, help="conversations held at once")
    parser.add_argument("--out", type=Path, help="write the report with every violation as JSON here")
    parser.add_argument(
        "--attach", type=Path, help="JSON with rasa, token, web of services already running (else they are started)"
    )
    args = parser.parse_args(argv)
    if args.attach:
        report = run(attached(args.attach), args.conversations, args.seed, args.start, args.workers)
    else:
        with tempfile.TemporaryDirectory(prefix="fuzz-") as tmp:
            with started(Path(tmp)) as services:
                report = run(services, args.conversations, args.seed, args.start, args.workers)
    print(report.text())
    if args.out:
        args.out.write_text(json.dumps(report.as_json(), ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"report: {args.out}")
    return 1 if report.violations or report.errors else 0


if __name__ == "__main__":
    sys.exit(main())
