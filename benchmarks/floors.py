"""The floors benchmarks.load compares us with: Rasa bots that do the least, under the same load.

- `minimal`: `benchmarks/minimal_bot/`, one intent, one response, one rule (the floor as issue 5
  names it). Rasa cannot train a model on it (DIET needs two intents, TED stories), so it runs a
  keyword classifier and the rule policy only: the cost of Rasa itself, without machine learning.
- `rasa_init`: Rasa's own starter bot, the project `rasa init` writes, copied from the installed
  Rasa (`rasa/cli/initial_project`): seven intents, Rasa's default pipeline and policies (DIET,
  ResponseSelector, TED, UnexpecTED). The least a bot with Rasa's machine learning does:
  the floor of our latency.

Both run as Rasa's own server, without our extensions (`rasa run`, where ours runs through
`python -m bot.rasa_server run`): `--enable-api --auth-token`, the REST channel, an SQL tracker store on
a SQLite file in a temporary folder with our SQLite settings (WAL, benchmarks/floor_store.py),
the in-memory lock store (`benchmarks/minimal_bot/credentials.yml`
and `endpoints.yml`); neither has an action server. Models are trained into `var/bench/` and
trained again only when the bot's files or the Rasa version change.
"""

from __future__ import annotations

import fcntl
import hashlib
import itertools
import os
import secrets
import subprocess
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import rasa

from tests.servers import ROOT, free_port, running

HERE = Path(__file__).resolve().parent
RUN_CONFIG = HERE / "minimal_bot"  # credentials.yml and endpoints.yml for every floor
CACHE = ROOT / "var" / "bench"
RASA = str(ROOT / ".venv" / "bin" / "rasa")


@dataclass(frozen=True)
class Floor:
    name: str
    project: Path  # config.yml, domain.yml and data/
    messages: tuple[str, ...]  # what its residents say, in turn

    @property
    def model(self) -> Path:
        return CACHE / f"{self.name}.tar.gz"

    def scripts(self, lengths: list[int]) -> list[list[str]]:
        """Conversations of the given lengths, from this bot's messages."""
        return [list(itertools.islice(itertools.cycle(self.messages), n)) for n in lengths]


MINIMAL = Floor("minimal", HERE / "minimal_bot", ("cześć",))
RASA_INIT = Floor(
    "rasa_init",
    Path(rasa.__file__).parent / "cli" / "initial_project",
    ("hello", "I am great", "are you a bot?", "bye"),
)
FLOORS = (MINIMAL, RASA_INIT)


@dataclass
class FloorBot:
    url: str
    pid: int


def fingerprint(floor: Floor) -> str:
    digest = hashlib.sha256(rasa.__version__.encode())
    for path in sorted(
        [floor.project / "config.yml", floor.project / "domain.yml", *(floor.project / "data").rglob("*.yml")]
    ):
        digest.update(str(path.relative_to(floor.project)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def trained_model(floor: Floor) -> Path:
    """The floor's model, trained now only if missing or built from other files."""
    CACHE.mkdir(parents=True, exist_ok=True)
    stamp = CACHE / f"{floor.name}.fingerprint"
    with open(CACHE / f"{floor.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        wanted = fingerprint(floor)
        if floor.model.exists() and stamp.exists() and stamp.read_text() == wanted:
            return floor.model
        with tempfile.TemporaryDirectory(dir=CACHE) as out:
            subprocess.run(
                [
                    RASA,
                    "train",
                    "--config",
                    str(floor.project / "config.yml"),
                    "--domain",
                    str(floor.project / "domain.yml"),
                    "--data",
                    str(floor.project / "data"),
                    "--out",
                    out,
                    "--fixed-model-name",
                    floor.name,
                    "--quiet",
                ],
                cwd=ROOT,
                env={**os.environ, "RASA_TELEMETRY_ENABLED": "false", "SQLALCHEMY_SILENCE_UBER_WARNING": "1"},
                check=True,
                stdout=subprocess.DEVNULL,
            )
            os.replace(Path(out) / f"{floor.name}.tar.gz", floor.model)
        stamp.write_text(wanted)
        return floor.model


@contextmanager
def running_floor(floor: Floor, tmp: Path) -> Iterator[FloorBot]:
    """The floor bot on a free port with its own SQLite tracker store in `tmp` (log: tmp/<name>.log)."""
    model, port = trained_model(floor), free_port()
    args = [
        RASA,
        "run",
        "--model",
        str(model),
        "--port",
        str(port),
        "--enable-api",
        f"--auth-token={secrets.token_urlsafe(16)}",
        "--credentials",
        str(RUN_CONFIG / "credentials.yml"),
        "--endpoints",
        str(RUN_CONFIG / "endpoints.yml"),
    ]
    env = {
        "MINIMAL_BOT_TRACKER_DB": str(tmp / f"{floor.name}.db"),
        "RASA_TELEMETRY_ENABLED": "false",
        "SQLALCHEMY_SILENCE_UBER_WARNING": "1",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }  # benchmarks.floor_store
    url = f"http://127.0.0.1:{port}"
    with running(args, f"{url}/", env, timeout=240, log=tmp / f"{floor.name}.log") as process:
        yield FloorBot(url, process.pid)
