"""Rasa's Redis lock store with every change of a lock made atomically, for several Rasa servers.

Rasa 3.6's RedisLockStore changes a conversation's ticket lock by reading it, changing it in
Python and writing it back. Two Rasa servers taking a ticket for the same conversation at the
same moment both read "no lock", both take ticket 0, and both process their message at once: one
of the two messages is then lost from the stored conversation (seen in
tests/e2e/test_e2e_production.py). Here each read-change-write is one optimistic Redis transaction
(WATCH / MULTI / EXEC, retried when another server changed the lock in between), and "remove my
ticket, delete the lock if nobody waits" is one transaction too.
"""

from __future__ import annotations

import json
from typing import Callable, Optional, Tuple, TypeVar

import redis
from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, RedisLockStore

WRITTEN_FOR_RASA = "3.6.21"  # RedisLockStore's attributes (red, key_prefix) and the methods it replaces
T = TypeVar("T")
KEEP = object()  # a change that leaves the stored lock as it is
Change = Callable[[Optional[TicketLock]], Tuple[object, T]]  # -> (lock to store, None to delete, or KEEP; result)


class AtomicRedisLockStore(RedisLockStore):
    def _transact(self, conversation_id: str, change: Change) -> T:
        key = self.key_prefix + conversation_id
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    raw = pipe.get(key)
                    new, result = change(TicketLock.from_dict(json.loads(raw)) if raw else None)
                    if new is KEEP:
                        pipe.unwatch()
                        return result
                    pipe.multi()
                    if new is None:
                        pipe.delete(key)
                    else:
                        pipe.set(key, new.dumps())
                    pipe.execute()
                    return result
                except redis.WatchError:
                    continue  # another server changed the lock meanwhile: read it again

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def take(lock: Optional[TicketLock]) -> Tuple[object, int]:
            lock = lock or TicketLock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        return self._transact(conversation_id, take)

    def _edit(self, conversation_id: str, edit: Callable[[TicketLock], None], delete_when_idle: bool = False) -> None:
        """Change the stored lock in one transaction (nothing when there is none); with
        `delete_when_idle`, delete it instead of saving it when nobody waits any more."""

        def change(lock: Optional[TicketLock]) -> Tuple[object, None]:
            if lock is None:
                return KEEP, None
            edit(lock)
            return (None if delete_when_idle and not lock.is_someone_waiting() else lock), None

        self._transact(conversation_id, change)

    def update_lock(self, conversation_id: str) -> None:
        self._edit(conversation_id, lambda lock: lock.remove_expired_tickets())

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        self._edit(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        self._edit(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number), delete_when_idle=True)
