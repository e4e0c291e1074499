"""Throw-away PostgreSQL and Redis servers for tests, on free loopback ports.

The Debian packages are installed by scripts/databases.sh (called by `make test`); nothing here
touches the system's own clusters or services. PostgreSQL refuses to run as root, so as root the
server runs as the `postgres` user the package created.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from tests.servers import free_port

USER = "drogowskaz"


def _postgres_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    if not found:
        raise RuntimeError("PostgreSQL is not installed: run scripts/databases.sh")
    return found[-1]


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def _wait(check, what: str, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}")
        try:
            if check():
                return
        except Exception:  # noqa: BLE001 - not up yet
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{what} did not start within {timeout} s")


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextmanager
def postgres_server(databases: tuple[str, ...] = ("knowledge", "conversations")) -> Iterator[dict[str, str]]:
    """A fresh PostgreSQL cluster; yields {database name: SQLAlchemy URL}."""
    import psycopg2

    home = Path(tempfile.mkdtemp(prefix="drogowskaz-pg-"))
    if os.geteuid() == 0:
        shutil.chown(home, "postgres", "postgres")
    data, port = home / "data", free_port()
    subprocess.run(
        _as_postgres(
            [
                _postgres_bin("initdb"),
                "-D",
                str(data),
                "-U",
                USER,
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ]
        ),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    log = open(home / "postgres.log", "wb")
    server = subprocess.Popen(
        _as_postgres(
            [
                _postgres_bin("postgres"),
                "-D",
                str(data),
                "-p",
                str(port),
                "-k",
                str(home),
                "-c",
                "listen_addresses=127.0.0.1",
                "-c",
                "fsync=off",
            ]
        ),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        admin = dict(host="127.0.0.1", port=port, user=USER, dbname="postgres")
        _wait(lambda: psycopg2.connect(**admin).close() is None, "PostgreSQL", server)
        connection = psycopg2.connect(**admin)
        connection.autocommit = True
        with connection.cursor() as cursor:
            for name in databases:
                cursor.execute(f'CREATE DATABASE "{name}"')
        connection.close()
        yield {name: f"postgresql://{USER}@127.0.0.1:{port}/{name}" for name in databases}
    finally:
        _stop(server)
        log.close()
        shutil.rmtree(home, ignore_errors=True)


@contextmanager
def redis_server() -> Iterator[str]:
    """A fresh Redis without persistence; yields its URL."""
    import redis

    home, port = Path(tempfile.mkdtemp(prefix="drogowskaz-redis-")), free_port()
    server = subprocess.Popen(
        [
            "redis-server",
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(home),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        _wait(lambda: redis.Redis(host="127.0.0.1", port=port).ping(), "Redis", server)
        yield f"redis://127.0.0.1:{port}/1"
    finally:
        _stop(server)
        shutil.rmtree(home, ignore_errors=True)
