"""Full training (NLU + dialogue policies) from scratch: wall time and peak memory (target <= 10 min).

    .venv/bin/python -m benchmarks.train

Trains into a temporary folder with `--force` (no cached components), as a fresh clone would.
"""

from __future__ import annotations

import os
import tempfile

from benchmarks.measure import ROOT, measured


def main() -> None:
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
    print(f"cores: {os.cpu_count()}")
    print("| what | wall time | peak RSS |")
    print("|---|---|---|")
    print(f"| rasa train --force (NLU + policies) | {seconds / 60:.1f} min ({seconds:.0f} s) | {peak:.0f} MiB |")


if __name__ == "__main__":
    main()
