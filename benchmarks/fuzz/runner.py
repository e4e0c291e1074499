"""Hold many generated conversations against the running services and check every turn.

Conversation `i` of a run with seed `S` uses `random.Random(f"{S}/{i}")`, so it is reproduced by
`--seed S --start i --conversations 1`. Conversations run in a few threads at once (the Rasa
server serves each conversation under its own lock); their results are reported in order.
"""

from __future__ import annotations

import random
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from typing import Any

from benchmarks.fuzz.generator import Message, Person
from benchmarks.fuzz.invariants import INVARIANTS, Checker, ids, profile
from benchmarks.fuzz.reading import payload, shown
from benchmarks.fuzz.services import Services, helplines

FORM = "profile_form"


@dataclass
class Turn:
    user: str
    kind: str
    facts: dict[str, Any]
    bot: list[str]
    recommended: list | None
    slots: dict[str, Any]


@dataclass
class Outcome:
    index: int
    seed: str
    turns: list[Turn] = field(default_factory=list)
    violations: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    checked: dict[str, int] = field(default_factory=dict)


def conversation(services: Services, numbers: dict[str, set[str]], seed: int, index: int) -> Outcome:
    name = f"{seed}/{index}"
    person, checker = Person(random.Random(name)), Checker(numbers)
    sender = f"fuzz-{seed}-{index}-{uuid.uuid4().hex[:6]}"
    outcome = Outcome(index, name)
    on_screen = shown([])
    for number in range(1, person.turns + 1):
        message: Message = person.next_message(on_screen)
        try:
            reply = services.stack.say(sender, message.text)
            tracker = services.stack.tracker(sender)
        except Exception as problem:  # noqa: BLE001 - a broken turn ends this conversation, the run goes on
            outcome.error = f"turn {number} ({message.text!r}): {problem!r}"
            break
        slots = {k: v for k, v in tracker["slots"].items() if v is not None}
        now = profile(slots)
        api = services.recommend(now)
        shown_payload = payload(reply)
        outcome.turns.append(
            Turn(
                message.text,
                message.kind,
                dict(message.facts),
                [m.get("text", "") for m in reply if m.get("text")],
                ids(shown_payload["recommendations"]) if shown_payload else None,
                now,
            )
        )
        for violation in checker.check(message, reply, slots, api):
            outcome.violations.append(
                {
                    "invariant": violation.invariant,
                    "detail": violation.detail,
                    "seed": seed,
                    "conversation": index,
                    "rng_seed": name,
                    "turn": number,
                    "conversation_so_far": [asdict(t) for t in outcome.turns],
                }
            )
        person.heard(message, forgotten=bool(message.confirms) and not now)
        active = (tracker.get("active_loop") or {}).get("name") == FORM
        on_screen = shown(reply, slots.get("requested_slot") if active else None)
    outcome.checked = checker.checked
    return outcome


@dataclass
class Report:
    seed: int
    conversations: int
    turns: int
    seconds: float
    violations: list[dict[str, Any]]
    errors: list[str]
    checked: dict[str, int]

    def counts(self) -> dict[str, int]:
        return {name: sum(v["invariant"] == name for v in self.violations) for name in INVARIANTS}

    def text(self) -> str:
        lines = [
            f"conversations: {self.conversations}",
            f"turns: {self.turns}",
            f"turns per second: {self.turns / self.seconds:.1f} ({self.seconds:.0f} s)",
            f"violations: {len(self.violations)}",
        ]
        lines += [
            f"  {name}: {count} (checked on {self.checked.get(name, 0)} turns)" for name, count in self.counts().items()
        ]
        if self.errors:
            lines.append(f"errors: {len(self.errors)}")
            lines += [f"  {e}" for e in self.errors[:10]]
        return "\n".join(lines)

    def as_json(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "conversations": self.conversations,
            "turns": self.turns,
            "seconds": round(self.seconds, 1),
            "counts": self.counts(),
            "checked": self.checked,
            "errors": self.errors,
            "violations": self.violations,
        }


def run(services: Services, conversations: int, seed: int, start: int = 0, workers: int = 4) -> Report:
    numbers = helplines()
    began = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        outcomes = list(
            pool.map(lambda i: conversation(services, numbers, seed, i), range(start, start + conversations))
        )
    seconds = time.perf_counter() - began
    return Report(
        seed,
        conversations,
        sum(len(o.turns) for o in outcomes),
        seconds,
        [v for o in outcomes for v in o.violations],
        [f"{o.seed}: {o.error}" for o in outcomes if o.error],
        {name: sum(o.checked.get(name, 0) for o in outcomes) for name in INVARIANTS},
    )
