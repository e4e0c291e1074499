"""Full training (NLU + dialogue policies) from scratch: wall time and peak memory (issue 14: <= 15 min
on 2 cores).

    .venv/bin/python -m benchmarks.train [--keep models/timed.tar.gz]

Trains into a temporary folder with `--force` (no cached components), as a fresh clone would; with
`--keep`, the timed model is kept there (to score or run the very model that was timed).
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
from pathlib import Path

from benchmarks.measure import ROOT, measured


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--keep", type=Path, help="where to keep the trained model")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        seconds, peak = measured(
            [
                str(ROOT / ".venv" / "bin" / "rasa"),
                "train",
                "--force",
                "--domain",
                str(ROOT / "domain"),
                "--out",
                tmp,
                "--fixed-model-name",
                "bench",
            ]
        )
        if args.keep:
            args.keep.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(Path(tmp) / "bench.tar.gz", args.keep)
    print(f"cores: {os.cpu_count()}")
    print("| what | wall time | peak RSS |")
    print("|---|---|---|")
    print(f"| rasa train --force (NLU + policies) | {seconds / 60:.1f} min ({seconds:.0f} s) | {peak:.0f} MiB |")


if __name__ == "__main__":
    main()
