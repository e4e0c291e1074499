"""A simulated person: picks each next message from the pool, reacting to what the bot showed.

All choices come from one `random.Random` seeded per conversation, so a conversation is
reproduced by its seed (the bot being deterministic). The person stays coherent: a message that
contradicts what they said is not chosen, except a deliberate correction ("a jednak mam 52
lata"), and every answer agrees with what they said before.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any, Mapping

from benchmarks.fuzz import pool
from benchmarks.fuzz.answers import answer, payload_facts
from benchmarks.fuzz.noise import noisy
from benchmarks.fuzz.pool import Entry
from benchmarks.fuzz.reading import Shown
from bot.profile import DISTRICTS

R, U, E = pool.R, pool.U, pool.E
# Kinds of message that move the interview on: invariant 5 counts only these turns.
COOPERATIVE = frozenset({"opening", "facts", "answer", "skip", "correction", "advice"})


@dataclass(frozen=True)
class Message:
    text: str
    kind: str
    facts: Mapping[str, Any] = field(default_factory=dict)
    danger: str | None = None  # helplines.yaml category, or "any" (a "no" to "are you safe?")
    confirms: str | None = None  # "restart" / "delete": a yes to the bot's question whether to forget


def incoherent(said: Mapping[str, Any], facts: Mapping[str, Any]) -> bool:
    """Whether `facts` cannot be true together with `said` (same key with another value, or a clash)."""
    if any(key in said and said[key] != value for key, value in facts.items()):
        return True
    merged = {**said, **facts}
    status = merged.get("work_status")
    return bool(
        (merged.get("jobless") and status == E)
        or ((merged.get("unemployment_benefit") or merged.get("long_term_unemployed")) and status in (U, E))
        or (
            (merged.get("disability_degree") or merged.get("disability_condition"))
            and merged.get("disability_certificate") is False
        )
        or (merged.get("international_protection") and merged.get("foreigner") is False)
    )


class Person:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.said: dict[str, Any] = {}
        self.turns = rng.randint(5, 16)
        self.kinds: list[str] = []
        self.sent: list[str] = []

    # --- the public interface ---------------------------------------------------------------

    def next_message(self, shown: Shown) -> Message:
        for _ in range(20):  # avoid repeating a message, and three of one aside in a row
            message = self._choose(shown)
            if message.text in self.sent[-3:] and message.kind not in COOPERATIVE | {"confirm", "decline"}:
                continue
            if message.kind not in COOPERATIVE and self.kinds[-2:] == [message.kind] * 2:
                continue
            break
        self.kinds.append(message.kind)
        self.sent.append(message.text)
        return message

    def heard(self, message: Message, forgotten: bool) -> None:
        """After the turn: remember what was said; `forgotten`: the bot really started over."""
        if forgotten:
            self.said.clear()
        elif message.kind == "correction":
            self.said = {
                k: v
                for k, v in self.said.items()
                if k not in message.facts and not (k == "jobless" and message.facts.get("work_status") == E)
            }
            self.said.update(message.facts)
        else:
            for key, value in message.facts.items():
                self.said.setdefault(key, value)

    # --- choosing ---------------------------------------------------------------------------

    def _choose(self, shown: Shown) -> Message:
        if not self.kinds:
            return self._pick(
                {"opening": 55, "greet": 12, "facts": 10, "crisis": 6, "advice": 7, "question": 5, "off_topic": 5}
            )
        if shown.kind == "slot":
            kind = self._weighted(
                {
                    "answer": 62,
                    "skip": 7,
                    "facts": 6,
                    "correction": 5,
                    "advice": 4,
                    "question": 5,
                    "off_topic": 4,
                    "crisis": 3,
                    "restart": 2,
                    "delete": 1,
                    "human": 1,
                }
            )
            if kind in ("answer", "skip") and shown.name:
                if kind == "skip":
                    return self._entry(self.rng.choice(pool.SKIP), "skip")
                entry, answered = answer(shown.name, shown.buttons, self.said, self.rng)
                return self._entry(entry, answered)
            return self._pick({kind: 1})
        if shown.kind == "offer":
            return self._offer(shown)
        weights = {
            "advice": 20,
            "facts": 20,
            "correction": 8,
            "question": 12,
            "off_topic": 8,
            "thanks": 6,
            "summary": 4,
            "restart": 5,
            "crisis": 4,
            "human": 3,
            "opening": 5 if not self.said else 0,
            "button": 5 if shown.buttons else 0,
        }
        return self._pick(weights, shown)

    def _offer(self, shown: Shown) -> Message:
        yes = {"restart": 0.5, "delete": 0.3, "more_questions": 0.6, "safety": 0.6}[shown.name or "more_questions"]
        roll = self.rng.random()
        if shown.name == "more_questions" and roll > 0.85:
            return self._pick({"advice": 1, "facts": 1, "question": 1})
        if shown.name == "safety" and roll > 0.85:
            return Message("nie wiem", "decline", {}, danger="any")
        agree = roll < yes
        by_button = shown.buttons and self.rng.random() < 0.5
        text = (
            shown.buttons[0 if agree else 1]["payload"]
            if by_button
            else self.rng.choice(pool.YES if agree else pool.NO)
        )
        confirms = shown.name if agree and shown.name in ("restart", "delete") else None
        danger = "any" if shown.name == "safety" and not agree else None  # "no, I am not safe"
        return Message(text, "confirm" if agree else "decline", {}, danger=danger, confirms=confirms)

    def _weighted(self, weights: Mapping[str, float]) -> str:
        kinds = [k for k, w in weights.items() if w > 0]
        return self.rng.choices(kinds, [weights[k] for k in kinds])[0]

    def _pick(self, weights: Mapping[str, float], shown: Shown | None = None) -> Message:
        kind = self._weighted(weights)
        if kind == "opening":
            return self._entry(self._coherent(pool.OPENINGS) or self._fact(), "opening")
        if kind == "facts":
            return self._entry(self._fact(), "facts")
        if kind == "correction":
            correction = self._correction()
            return self._entry(correction, "correction") if correction else self._entry(self._fact(), "facts")
        if kind == "crisis":
            entry = self._coherent(pool.CRISIS) or pool.CRISIS[0]
            return Message(noisy(entry.text, self.rng, swaps=False), "crisis", dict(entry.facts), danger=entry.danger)
        if kind == "button" and shown is not None:
            button = self.rng.choice(shown.buttons)
            facts = payload_facts(button["payload"], None)
            if incoherent(self.said, facts):
                return self._entry(self.rng.choice(pool.ADVICE), "advice")
            return Message(button["payload"], "facts" if facts else "button", facts)
        lists = {
            "greet": pool.GREET,
            "advice": pool.ADVICE,
            "question": pool.QUESTIONS,
            "off_topic": pool.OFF_TOPIC,
            "thanks": pool.THANKS,
            "summary": pool.SUMMARY,
            "restart": pool.RESTART,
            "delete": pool.DELETE,
            "human": pool.HUMAN,
        }
        return self._entry(self.rng.choice(lists[kind]), kind)

    def _entry(self, entry: Entry, kind: str) -> Message:
        return Message(noisy(entry.text, self.rng), kind, dict(entry.facts))

    def _coherent(self, entries: list[Entry]) -> Entry | None:
        fitting = [e for e in entries if not incoherent(self.said, e.facts)]
        return self.rng.choice(fitting) if fitting else None

    def _age(self) -> int:
        return self.said.get("age") or self.rng.randint(18, 66)

    def _district(self) -> str:
        district = self.said.get("district")
        return district if district in pool.LOCATIVE else self.rng.choice(DISTRICTS)

    def _fact(self) -> Entry:
        roll = self.rng.random()
        if roll < 0.15:
            age = self._age()
            return Entry(pool.fill_age(self.rng.choice(pool.AGE_FACTS), age), {"age": age})
        if roll < 0.3 and self.said.get("district") != "outside_warsaw":
            district = self._district()
            return Entry(
                self.rng.choice(pool.DISTRICT_FACTS).format(loc=pool.LOCATIVE[district]), {"district": district}
            )
        return self._coherent(pool.FACTS) or Entry("nie pracuję", {"jobless": True})

    def _correction(self) -> Entry | None:
        options: list[Entry] = []
        if "age" in self.said:
            age = self.said["age"] + self.rng.choice([-11, -7, -3, 4, 6, 9, 12])
            if 18 <= age <= 80:
                options.append(Entry(pool.fill_age(self.rng.choice(pool.CORRECTIONS["age"]), age), {"age": age}))
        if "district" in self.said:
            district = self.rng.choice([d for d in DISTRICTS if d != self.said["district"]])
            text = self.rng.choice(pool.CORRECTIONS["district"]).format(loc=pool.LOCATIVE[district])
            options.append(Entry(text, {"district": district}))
        for (key, value), entries in pool.BOOL_CORRECTIONS.items():
            if key in self.said and self.said[key] != value:
                rest = {k: v for k, v in self.said.items() if k != key and not (k == "jobless" and value == E)}
                options += [e for e in entries if not incoherent(rest, e.facts)]
        return self.rng.choice(options) if options else None
