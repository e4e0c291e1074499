"""The atomic Redis lock store against a real Redis, with two stores standing for two Rasa servers."""

from __future__ import annotations

import asyncio
import threading
from typing import Iterator

import pytest
from rasa.core.lock_store import RedisLockStore

from bot.rasa_server.redis_lock_store import AtomicRedisLockStore
from bot.rasa_server.stores import ConfiguredLockStore
from tests.databases import redis_server

pytestmark = pytest.mark.e2e  # starts a real Redis server

TICKETS_EACH = 300


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    with redis_server() as url:
        yield url


def store(cls: type, url: str) -> RedisLockStore:
    port = int(url.rsplit(":", 1)[1].split("/")[0])
    return cls(host="127.0.0.1", port=port, db=1)


def tickets_from_two_servers(cls: type, url: str, conversation: str) -> list[int]:
    """Two stores (two servers) take tickets for one conversation at the same time."""
    taken: list[int] = []
    stores = [store(cls, url), store(cls, url)]
    start = threading.Barrier(len(stores))

    def take(each: RedisLockStore) -> None:
        start.wait()
        for _ in range(TICKETS_EACH):
            taken.append(each.issue_ticket(conversation, 60))

    threads = [threading.Thread(target=take, args=(each,)) for each in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return taken


def test_two_servers_never_get_the_same_ticket(redis_url: str) -> None:
    taken = tickets_from_two_servers(AtomicRedisLockStore, redis_url, "atomic")
    assert len(taken) == len(set(taken)) == 2 * TICKETS_EACH


def test_rasas_own_store_does_hand_out_the_same_ticket_twice(redis_url: str) -> None:
    """Why the atomic store exists: the same race with Rasa's RedisLockStore."""
    taken = tickets_from_two_servers(RedisLockStore, redis_url, "rasa")
    assert len(set(taken)) < len(taken)


def test_a_lock_is_held_in_turn_and_removed_when_nobody_waits(redis_url: str) -> None:
    first, second = store(AtomicRedisLockStore, redis_url), store(AtomicRedisLockStore, redis_url)
    order: list[str] = []

    async def turn(server: RedisLockStore, name: str, hold: float) -> None:
        async with server.lock("person", wait_time_in_seconds=0.01):
            order.append(f"{name} in")
            await asyncio.sleep(hold)
            order.append(f"{name} out")

    async def both() -> None:
        await asyncio.gather(turn(first, "a", 0.2), turn(second, "b", 0))

    asyncio.run(both())
    assert order == ["a in", "a out", "b in", "b out"]
    assert first.get_lock("person") is None


def test_configured_lock_store_is_the_atomic_one(redis_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_URL", redis_url)
    assert isinstance(ConfiguredLockStore(), AtomicRedisLockStore)
