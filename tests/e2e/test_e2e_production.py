"""The production profile: PostgreSQL and Redis, two Rasa servers sharing conversations, faults.

Real PostgreSQL and Redis servers (Debian packages, scripts/databases.sh) run on free loopback
ports. The knowledge base is loaded into PostgreSQL by the loader command; one action server and
two Rasa servers keep conversations in PostgreSQL and take Redis locks, as behind a load balancer.
The fault tests crash and stop those processes and start them again; they run last, before the
retention test, which forgets every conversation.
"""

from __future__ import annotations

import concurrent.futures
import json
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest
import redis
from sqlalchemy import create_engine, text

from bot.dialogue.replies import technical_problem
from bot.knowledge.catalogue import read_catalogue
from bot.knowledge.db import make_engine
from bot.retention import purge_conversations
from tests.databases import postgres_server, redis_server
from tests.e2e.talk import answer_until_recommendation, new_sender, payload, texts
from tests.servers import ROOT, Service, Stack, actions_command, free_port, rasa_command, service_env, web_command

pytestmark = pytest.mark.e2e

FIRST = "Dzień dobry, mam 52 lata, jestem bezrobotny bez zasiłku, mieszkam na Pradze-Północ"
ANSWERS = {
    "status osoby bezrobotnej": "tak",
    "ośrodka pomocy społecznej": "tak",
    "orzeczenie": "nie",
    "ponad 12 miesięcy": "nie",
    "Czy coś z tego": "nic z tych rzeczy",
}


@dataclass
class Production:
    env: dict[str, str]
    actions: Service
    rasa: list[Service]
    servers: list[Stack]
    redis_url: str
    tmp: Path


class Alternating:
    """Sends each turn of a conversation to the next Rasa server, as a load balancer without stickiness."""

    def __init__(self, servers: list[Stack]) -> None:
        self.servers, self.turn = servers, 0

    def say(self, sender: str, message: str) -> list[dict[str, Any]]:
        server = self.servers[self.turn % len(self.servers)]
        self.turn += 1
        return server.say(sender, message)


@pytest.fixture(scope="module")
def production(trained_model: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Production]:
    tmp = tmp_path_factory.mktemp("production")
    with postgres_server() as urls, redis_server() as redis_url:
        action_port, token = free_port(), "production-token"
        env = {
            **service_env(tmp, action_port),
            "DATABASE_URL": urls["knowledge"],
            "TRACKER_STORE_URL": urls["conversations"],
            "REDIS_URL": redis_url,
        }
        subprocess.run([sys.executable, "-m", "bot.knowledge.loader"], cwd=ROOT, env=env, check=True)
        actions = Service(
            actions_command(action_port), f"http://127.0.0.1:{action_port}/health", env, 120, tmp / "actions.log"
        )
        ports = [free_port(), free_port()]
        rasa = [
            Service(rasa_command(port, token), f"http://127.0.0.1:{port}/", env, 240, tmp / f"rasa-{n}.log")
            for n, port in enumerate(ports)
        ]
        try:
            for service in (actions, *rasa):
                service.start(wait=False)
            for service in (actions, *rasa):
                service.wait_ready()
            servers = [
                Stack(f"http://127.0.0.1:{port}", token, urls["knowledge"], urls["conversations"]) for port in ports
            ]
            yield Production(env, actions, rasa, servers, redis_url, tmp)
        finally:
            for service in (*rasa, actions):
                service.stop()


def stored_events(production: Production, sender: str) -> int:
    with create_engine(production.env["TRACKER_STORE_URL"]).connect() as connection:
        return connection.execute(text("select count(*) from events where sender_id = :s"), {"s": sender}).scalar()


def test_knowledge_base_is_served_from_postgresql(production: Production) -> None:
    catalogue = read_catalogue(make_engine(production.env["DATABASE_URL"]))
    assert len(catalogue.institutions) == 16
    port = free_port()
    web = Service(
        web_command(),
        f"http://127.0.0.1:{port}/api/health",
        {**production.env, "WEB_PORT": str(port)},
        60,
        production.tmp / "web.log",
    ).start()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=10) as response:
            assert json.loads(response.read())["institutions"] == 16
    finally:
        web.stop()


def lock_writes(production: Production) -> int:
    """SET commands Redis has run: Rasa's RedisLockStore saves a conversation's lock with SET."""
    return redis.Redis.from_url(production.redis_url).info("commandstats").get("cmdstat_set", {}).get("calls", 0)


def test_one_conversation_alternates_between_two_rasa_servers(production: Production) -> None:
    locks_before = lock_writes(production)
    balancer, sender = Alternating(production.servers), new_sender()
    messages = answer_until_recommendation(balancer, sender, balancer.say(sender, FIRST), ANSWERS)
    assert balancer.turn >= 3, "the conversation needs turns on both servers"
    by_id = {r["institution"]: r for r in payload(messages)["recommendations"]}
    assert {"prace_spolecznie_uzyteczne", "prace_interwencyjne"} <= set(by_id["up"]["tools"]) and "ops" in by_id
    expected = {
        "age": 52,
        "district": "Praga-Północ",
        "unemployment_benefit": False,
        "work_status": "registered_unemployed",
        "social_assistance": True,
    }
    for server in production.servers:  # both servers read the same conversation from PostgreSQL
        slots = server.slots(sender)
        assert {key: slots.get(key) for key in expected} == expected
    assert stored_events(production, sender) > 0
    assert lock_writes(production) - locks_before >= balancer.turn, "every turn takes its conversation lock in Redis"


@pytest.mark.parametrize("attempt", range(5))
def test_simultaneous_messages_on_both_servers_are_both_kept(production: Production, attempt: int) -> None:
    """Both servers take a ticket for the same conversation at once (bot/rasa_server/redis_lock_store.py)."""
    sender = new_sender()
    production.servers[0].say(sender, "dzień dobry")
    start = threading.Barrier(2)

    def say(pair: tuple[Stack, str]) -> None:
        start.wait()
        pair[0].say(sender, pair[1])

    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        list(pool.map(say, zip(production.servers, ["mam 33 lata", "mieszkam na Woli"])))
    said = [e["text"] for e in production.servers[1].tracker(sender)["events"] if e["event"] == "user"]
    assert sorted(said) == ["dzień dobry", "mam 33 lata", "mieszkam na Woli"]
    slots = production.servers[0].slots(sender)
    assert slots["age"] == 33 and slots["district"] == "Wola"


def test_deleting_my_data_removes_it_from_postgresql(production: Production) -> None:
    server, sender = production.servers[0], new_sender()
    server.say(sender, "mam 40 lat i nie mam pracy")
    assert stored_events(production, sender) > 0
    assert "Czy na pewno" in texts(server.say(sender, "usuń moje dane"))
    production.servers[1].say(sender, "tak")
    assert stored_events(production, sender) == 0


def test_rasa_server_killed_mid_questions_loses_no_slot(production: Production) -> None:
    server, sender = production.servers[0], new_sender()
    messages = server.say(sender, FIRST)
    messages = server.say(sender, "tak")  # registered at the labour office
    before = server.slots(sender)
    assert before["work_status"] == "registered_unemployed" and before["requested_slot"]
    production.rasa[0].kill()
    production.rasa[0].start()
    assert server.slots(sender) == before
    answer_until_recommendation(server, sender, messages, ANSWERS)  # the question asked before the crash
    after = server.slots(sender)
    kept = ("age", "district", "unemployment_benefit", "work_status")
    assert {key: after.get(key) for key in kept} == {key: before[key] for key in kept}


def test_action_server_down_gets_an_apology_then_recovers(production: Production) -> None:
    apology_while_the_action_server_is_down(production.servers[1], production.actions)


def apology_while_the_action_server_is_down(server: Stack, actions: Service) -> None:
    """One short apology to each message while the action server is stopped; then everything works as before.

    Also run with Rasa's plain SQLTrackerStore (tests/e2e/test_e2e_plain_store.py)."""
    sender, newcomer = new_sender(), new_sender()
    server.say(sender, FIRST)
    before = server.slots(sender)
    actions.stop()
    try:
        for person, message in ((sender, "tak"), (newcomer, "dzień dobry, mam 30 lat")):
            assert [m.get("text") for m in server.say(person, message)] == [technical_problem()], (
                "one apology, nothing else"
            )
        assert all(number in technical_problem() for number in ("19115", "19524", "112"))
        assert server.slots(sender) == before
    finally:
        actions.start()
    messages = server.say(sender, "tak")
    assert technical_problem() not in texts(messages) and texts(messages).strip()
    assert server.slots(sender)["work_status"] == "registered_unemployed"
    messages = server.say(newcomer, "mam 30 lat")
    assert technical_problem() not in texts(messages) and texts(messages).strip()
    assert server.slots(newcomer)["age"] == 30


def test_retention_removes_old_conversations_from_postgresql(production: Production) -> None:
    """Last: it forgets every conversation of this module, as a year later."""
    url, sender = production.env["TRACKER_STORE_URL"], new_sender()
    production.servers[0].say(sender, "mam 30 lat")
    assert purge_conversations(url, days=30) == 0, "nothing is 30 days old yet"
    with create_engine(url).connect() as connection:
        conversations = connection.execute(text("select count(distinct sender_id) from events")).scalar()
    assert conversations > 1
    assert purge_conversations(url, days=30, now=time.time() + 366 * 24 * 3600) == conversations
    assert stored_events(production, sender) == 0
