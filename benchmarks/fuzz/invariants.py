"""The six properties every conversation must keep, checked after every turn.

1. repeated_reply: no identical bot reply (the texts of one turn) three turns in a row.
2. slot_lost: a profile slot that had a value keeps it, unless the person's message that turn
   stated that slot (a correction), or implied its removal (see `cleared`), or said yes to
   starting over / to deleting their data and the bot really forgot everything.
3. slot_not_stated: every profile slot value was stated by the person since the conversation
   (re)started, in a message, a typed answer or a button, or follows from such a fact by one of
   the bot's own implications (bot/dialogue/facts.py `_consistent`, mirrored in `implied`).
4. crisis_first: when a message signals danger, the first message of the reply contains a help
   line number of that kind of danger (data/knowledge/helplines.yaml; 112 serves every kind).
5. recommendation_due: once the form has nothing left to ask in the current round (the form's
   own rule, bot.dialogue.questions.next_question over the engine's `missing`), a
   recommendation follows within RECOMMENDATION_TURNS cooperative turns (answers, facts,
   corrections, "nie wiem", requests for advice), counting the turn that completed the form.
   data/rules.yml sends the recommendation in the very turn the form completes, so 1 would do
   for the form itself; 3 leaves room for a turn spent on a clarification. Turns spent on side
   topics (questions about institutions, off-topic, crisis, starting over) do not count, and
   a new question in between (a fact that opened one) starts the count again.
6. same_as_api: the institutions and tools the chat recommends (its custom payload) equal, in
   order, what POST /api/recommendations answers for the profile held in the slots.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from benchmarks.fuzz.generator import COOPERATIVE, Message
from benchmarks.fuzz.reading import Reply, has_number, joined, payload, texts
from bot.dialogue.questions import PHASE_SLOT, next_question
from bot.profile import FIELDS, PROFILE_KEYS

RECOMMENDATION_TURNS = 3
INVARIANTS = ("repeated_reply", "slot_lost", "slot_not_stated", "crisis_first", "recommendation_due", "same_as_api")


@dataclass
class Violation:
    invariant: str
    detail: str


def profile(slots: Mapping[str, Any]) -> dict[str, Any]:
    """The contract profile held in the slots (values the contract allows)."""
    return {k: slots[k] for k in PROFILE_KEYS if slots.get(k) is not None and FIELDS[k].check(slots[k]) is None}


def implied(facts: Mapping[str, Any], before: Mapping[str, Any]) -> dict[str, Any]:
    """What the bot may set from `facts` besides them: the benefit is paid to registered people
    only, protection is given to foreigners, a degree is set by a certificate."""
    extra: dict[str, Any] = {}
    if facts.get("unemployment_benefit") is True and before.get("work_status") is None:
        extra["work_status"] = "registered_unemployed"
    if facts.get("international_protection") is True:
        extra["foreigner"] = True
    if facts.get("disability_degree"):
        extra["disability_certificate"] = True
    return extra


def cleared(facts: Mapping[str, Any], before: Mapping[str, Any]) -> set[str]:
    """Slots the bot may empty because of `facts`: no certificate means no degree or condition;
    "I have no job" after "I work" asks about registration again."""
    gone: set[str] = set()
    if facts.get("disability_certificate") is False:
        gone |= {"disability_degree", "disability_condition"}
    if facts.get("jobless") and before.get("work_status") == "employed" and "work_status" not in facts:
        gone.add("work_status")
    return gone


def ids(recommendations: list[Mapping[str, Any]]) -> list[tuple[str, list[str]]]:
    return [(item["institution"], list(item.get("tools") or [])) for item in recommendations]


@dataclass
class Checker:
    """One conversation's invariants; `check` is called after every turn."""

    helplines: Mapping[str, set[str]]  # category -> numbers
    stated: set[tuple[str, Any]] = field(default_factory=set)
    before: dict[str, Any] = field(default_factory=dict)  # the profile after the previous turn
    replies: list[str] = field(default_factory=list)
    waiting: int | None = None  # cooperative turns since the form completed without a recommendation
    recommended_round: str | None = None
    overdue_reported: bool = False
    checked: dict[str, int] = field(default_factory=lambda: dict.fromkeys(INVARIANTS, 0))  # turns each check applied to

    def check(
        self, message: Message, reply: Reply, slots: Mapping[str, Any], api: Mapping[str, Any]
    ) -> list[Violation]:
        found: list[Violation] = []
        now = profile(slots)
        forgot = bool(message.confirms) and not now
        if forgot:
            self.stated.clear()
            self.recommended_round, self.waiting, self.overdue_reported = None, None, False
        facts = {**message.facts, **implied(message.facts, self.before)}
        self.stated |= {(k, v) for k, v in facts.items() if k in FIELDS}

        self.checked["repeated_reply"] += 1
        self.checked["slot_lost"] += bool(self.before) and not forgot
        self.checked["slot_not_stated"] += bool(now)
        self.checked["crisis_first"] += bool(message.danger)
        self.checked["same_as_api"] += payload(reply) is not None
        found += self._repeated(reply)
        if not forgot:
            found += self._lost(message, now)
        found += self._not_stated(now, slots)
        found += self._crisis(message, reply)
        found += self._recommendation(message, reply, slots, api)
        found += self._same_as_api(reply, api)
        self.before = now
        return found

    def _repeated(self, reply: Reply) -> list[Violation]:
        self.replies.append(joined(reply))
        last = self.replies[-3:]
        if len(last) == 3 and len(set(last)) == 1 and (len(self.replies) == 3 or self.replies[-4] != last[0]):
            return [Violation("repeated_reply", f"the same reply three turns in a row: {last[0][:300]!r}")]
        return []

    def _lost(self, message: Message, now: Mapping[str, Any]) -> list[Violation]:
        allowed = set(message.facts) | cleared(message.facts, self.before)
        return [
            Violation("slot_lost", f"{key}: {value!r} became {now.get(key)!r}, though the message did not change it")
            for key, value in self.before.items()
            if now.get(key) != value and key not in allowed
        ]

    def _not_stated(self, now: Mapping[str, Any], slots: Mapping[str, Any]) -> list[Violation]:
        found = [
            Violation("slot_not_stated", f"{key}={value!r} was never stated by the person")
            for key, value in now.items()
            if (key, value) not in self.stated and self.before.get(key) != value
        ]
        found += [
            Violation("slot_not_stated", f"{key}={slots[key]!r} is not a value the contract allows")
            for key in PROFILE_KEYS
            if slots.get(key) is not None and key not in now
        ]
        return found

    def _crisis(self, message: Message, reply: Reply) -> list[Violation]:
        if not message.danger:
            return []
        numbers = set().union(*self.helplines.values()) if message.danger == "any" else self.helplines[message.danger]
        first = texts(reply)[0] if texts(reply) else ""
        if has_number(first, numbers):
            return []
        return [
            Violation(
                "crisis_first",
                f"danger ({message.danger}) but the first message has no help number "
                f"({', '.join(sorted(numbers))}): {first[:200]!r}",
            )
        ]

    def _recommendation(
        self, message: Message, reply: Reply, slots: Mapping[str, Any], api: Mapping[str, Any]
    ) -> list[Violation]:
        current_round = slots.get(PHASE_SLOT) or "core"
        if payload(reply) is not None:
            # the recommendation came: the property held on this turn (counted, so that "checked on
            # N turns" says how often it was put to the test, not only how often it was waiting)
            self.checked["recommendation_due"] += 1
            self.recommended_round, self.waiting = current_round, None
            return []
        if "missing" not in api:
            return []  # the API refused the profile: reported by same_as_api when it matters
        complete = next_question(api.get("missing") or [], slots, extended=current_round == "extended") is None
        if not complete or self.recommended_round == current_round:
            self.waiting = None
            return []
        self.waiting = (self.waiting or 0) + (message.kind in COOPERATIVE)
        self.checked["recommendation_due"] += message.kind in COOPERATIVE
        if self.waiting >= RECOMMENDATION_TURNS and not self.overdue_reported:
            self.overdue_reported = True
            return [
                Violation(
                    "recommendation_due",
                    f"the form has nothing left to ask ({current_round} round) and "
                    f"{self.waiting} cooperative turns brought no recommendation",
                )
            ]
        return []

    def _same_as_api(self, reply: Reply, api: Mapping[str, Any]) -> list[Violation]:
        shown = payload(reply)
        if shown is None:
            return []
        if "recommendations" not in api:
            return [Violation("same_as_api", f"the API did not answer for this profile: {api!r}")]
        chat, expected = ids(shown.get("recommendations") or []), ids(api["recommendations"])
        if chat != expected:
            return [Violation("same_as_api", f"chat {chat} != API {expected}")]
        return []
