"""Wall time and peak memory of a command, measured from a fresh parent process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def measured(args: list[str]) -> tuple[float, float]:
    """Run a command as a child of a fresh Python, returning (seconds, peak RSS in MiB)."""
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", probe, *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout.split()
    return float(out[0]), int(out[1]) / 1024
