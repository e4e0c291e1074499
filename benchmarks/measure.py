"""Wall time and peak memory of a command, measured from a fresh parent process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def measured(args: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run a command as a child of a fresh Python, returning (seconds, peak RSS in MiB).

    `env`: variables added to this process's environment for the command."""
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *args],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    ).stdout.split()
    return float(out[0]), int(out[1]) / 1024
