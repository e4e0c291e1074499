"""The services the fuzzer talks to: Rasa + action server (tests.servers.running_stack) and the
web app for the recommendation API, over the same knowledge base."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator, Mapping

import yaml

from tests.servers import ROOT, Stack, free_port, running, running_stack, web_command

HELPLINES = ROOT / "data" / "knowledge" / "helplines.yaml"


@dataclass
class Services:
    stack: Stack
    web: str

    def recommend(self, profile: Mapping[str, Any]) -> dict[str, Any]:
        """POST /api/recommendations (CONTRACT.md section 5); an error answer is returned as it is."""
        request = urllib.request.Request(
            f"{self.web}/api/recommendations",
            data=json.dumps(profile).encode(),
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            return {"status": error.code, "body": error.read().decode(errors="replace")[:500]}


def helplines() -> dict[str, set[str]]:
    """Category (suicide, violence, shelter, emergency) -> the numbers for it."""
    numbers: dict[str, set[str]] = {}
    for line in yaml.safe_load(HELPLINES.read_text(encoding="utf-8")):
        for category in line["categories"]:
            numbers.setdefault(category, set()).add(str(line["number"]))
    return numbers


@contextmanager
def started(tmp: Path) -> Iterator[Services]:
    """Action server, Rasa server and web app on free ports, with their own databases under `tmp`."""
    with running_stack(tmp) as stack:
        port = free_port()
        web = f"http://127.0.0.1:{port}"
        env = {"WEB_PORT": str(port), "DATABASE_URL": stack.database_url, "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}
        with running(web_command(), f"{web}/api/health", env, timeout=60, log=tmp / "web.log"):
            yield Services(stack, web)


def attached(description: Path) -> Services:
    """Services started elsewhere: a JSON file with "rasa", "token", "web" (and the database URLs)."""
    data = json.loads(description.read_text())
    stack = Stack(data["rasa"], data["token"], data.get("database_url", ""), data.get("tracker_store_url", ""))
    return Services(stack, data["web"])
