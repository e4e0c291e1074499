"""A minimal Rasa bot (one intent, one response, one rule): the floor that benchmarks.load compares us with.

It runs like ours (`rasa run --enable-api --auth-token`, REST channel, SQL tracker store on a
SQLite file in a temporary folder, in-memory lock store) but has no ML model and no action server.
The model is trained into `var/bench/minimal.tar.gz` and retrained only when the files of this
folder or the Rasa version change.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import secrets
import subprocess
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from tests.servers import ROOT, free_port, running

HERE = Path(__file__).resolve().parent
CACHE = ROOT / "var" / "bench"
MODEL = CACHE / "minimal.tar.gz"
FINGERPRINT = CACHE / "minimal.fingerprint"
RASA = str(ROOT / ".venv" / "bin" / "rasa")
# The one message the bot understands (its intent's keyword).
MESSAGE = "cześć"


@dataclass
class MinimalBot:
    url: str
    pid: int


def fingerprint() -> str:
    from rasa import __version__

    digest = hashlib.sha256(__version__.encode())
    for path in sorted(HERE.rglob("*.yml")):
        digest.update(str(path.relative_to(HERE)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def trained_model() -> Path:
    """The trained model, trained now only if missing or built from other files (a few seconds)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    with open(CACHE / "minimal.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        wanted = fingerprint()
        if MODEL.exists() and FINGERPRINT.exists() and FINGERPRINT.read_text() == wanted:
            return MODEL
        with tempfile.TemporaryDirectory(dir=CACHE) as out:
            subprocess.run(
                [RASA, "train", "--config", str(HERE / "config.yml"), "--domain", str(HERE / "domain.yml"),
                 "--data", str(HERE / "data"), "--out", out, "--fixed-model-name", "minimal", "--quiet"],
                cwd=ROOT, env={**os.environ, "RASA_TELEMETRY_ENABLED": "false", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}, check=True,
                stdout=subprocess.DEVNULL,
            )
            os.replace(Path(out) / "minimal.tar.gz", MODEL)
        FINGERPRINT.write_text(wanted)
        return MODEL


@contextmanager
def running_minimal_bot(tmp: Path) -> Iterator[MinimalBot]:
    """The minimal bot on a free port with its own SQLite tracker store in `tmp` (log: tmp/minimal.log)."""
    model, port = trained_model(), free_port()
    args = [RASA, "run", "--model", str(model), "--port", str(port), "--enable-api", "--auth-token", secrets.token_urlsafe(16),
            "--credentials", str(HERE / "credentials.yml"), "--endpoints", str(HERE / "endpoints.yml")]
    env = {"MINIMAL_BOT_TRACKER_DB": str(tmp / "minimal.db"), "RASA_TELEMETRY_ENABLED": "false", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
    url = f"http://127.0.0.1:{port}"
    with running(args, f"{url}/", env, timeout=240, log=tmp / "minimal.log") as process:
        yield MinimalBot(url, process.pid)
