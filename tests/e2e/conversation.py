"""One whole conversation with the real stack, driven by data: the person's turns, answers to the
bot's questions by a fragment of their wording, and the checks of what must hold at the end
(tests/e2e/conversations/README.md). Used for the Polish real-style conversations (issue 13) and the
Ukrainian and English ones (issue 14)."""

from __future__ import annotations

from typing import Any

from bot.profile import PROFILE_KEYS
from tests.e2e.talk import new_sender, payload
from tests.servers import Stack

MAX_QUESTIONS = 16
MAX_UNEXPECTED = 3  # unexpected questions before giving up on a conversation


class Words:
    """What a person of each language writes when the bot offers more questions, asks something
    they cannot answer, or stops without asking."""

    def __init__(self, offer: str, unsure: str, what_next: str) -> None:
        self.offer, self.unsure, self.what_next = offer, unsure, what_next


WORDS = {
    "pl": Words("Chcesz?", "nie wiem", "i co dalej?"),
    "uk": Words("Хочете?", "не знаю", "і що далі?"),
    "en": Words("Would you like that?", "i don't know", "what next?"),
}


def _question(messages: list[dict[str, Any]]) -> str:
    """The bot's question in a turn: its last text with buttons, else its last text."""
    with_buttons = [m["text"] for m in messages if m.get("text") and m.get("buttons")]
    plain = [m["text"] for m in messages if m.get("text")]
    return (with_buttons or plain or [""])[-1]


def _answer_for(question: str, answers: dict[str, str]) -> str | None:
    """The reply whose fragment is in the question; the longest fragment wins."""
    found = [(len(fragment), reply) for fragment, reply in answers.items() if fragment.lower() in question.lower()]
    return max(found)[1] if found else None


class Conversation:
    def __init__(self, stack: Stack, data: dict[str, Any]) -> None:
        self.stack, self.data, self.sender = stack, data, new_sender()
        self.words = WORDS[data.get("language", "pl")]
        self.transcript: list[str] = []
        self.problems: list[str] = []
        self.last_payload: dict[str, Any] | None = None
        self.offer_answered = False
        self.unexpected = 0

    def say(self, text: str) -> list[dict[str, Any]]:
        messages = self.stack.say(self.sender, text)
        self.transcript.append(f"  OSOBA: {text}")
        for m in messages:
            if m.get("text"):
                self.transcript.append("  BOT:   " + m["text"].replace("\n", "\n         "))
            if "recommendations" in (m.get("custom") or {}):
                self.transcript.append(
                    "  BOT:   [payload] "
                    + ", ".join(f"{r['institution']}({'/'.join(r['tools'])})" for r in m["custom"]["recommendations"])
                )
            elif "custom" in m:
                self.transcript.append(f"  BOT:   [signal] {m['custom']}")
        if payload(messages):
            self.last_payload = payload(messages)
        return messages

    def turns(self, turns: list[Any]) -> list[dict[str, Any]]:
        messages: list[dict[str, Any]] = []
        for turn in turns:
            text = turn if isinstance(turn, str) else turn["say"]
            wanted = [] if isinstance(turn, str) else turn.get("reply_contains", [])
            unwanted = [] if isinstance(turn, str) else turn.get("reply_not_contains", [])
            messages = self.say(text)
            said = "\n".join(m.get("text", "") for m in messages)
            for fragment in wanted:
                if fragment.lower() not in said.lower():
                    self.problems.append(f"the reply to {text!r} does not contain {fragment!r}")
            for fragment in unwanted:
                if fragment.lower() in said.lower():
                    self.problems.append(f"the reply to {text!r} contains {fragment!r}")
        return messages

    def answer_until_recommendation(self, messages: list[dict[str, Any]]) -> bool:
        """Answer the questions until recommendations arrive (taking up the offer of more questions
        when the conversation has an answer for it). False when the bot asked something unexpected."""
        answers = self.data.get("answers") or {}
        offer = self.words.offer
        for _ in range(MAX_QUESTIONS):
            question = _question(messages)
            if payload(messages):
                declined = answers.get(offer) in ("nie", "ні", "no")
                if offer in question and offer in answers and not self.offer_answered and not declined:
                    self.offer_answered = True
                    messages = self.say(answers[offer])
                    continue
                return True
            reply = _answer_for(question, {k: v for k, v in answers.items() if k != offer})
            if reply is None:
                # A question this person has no answer for: they already said it, or the bot did not
                # ask anything. Noted as a problem; the person goes on as people do, so that the rest
                # of the conversation can still be checked.
                self.problems.append(f"unexpected question (already said, or no question at all): {question!r}")
                self.unexpected += 1
                if self.unexpected > MAX_UNEXPECTED:
                    return False
                asked = question.rstrip().endswith("?") or any(
                    m.get("buttons") for m in messages if m.get("text") == question
                )
                reply = self.words.unsure if asked else self.words.what_next
            messages = self.say(reply)
        self.problems.append(f"no recommendation after {MAX_QUESTIONS} questions")
        return False

    def slots(self) -> dict[str, Any]:
        return self.stack.slots(self.sender)

    def report(self) -> str:
        recommendations = (self.last_payload or {}).get("recommendations", [])
        slots = {k: v for k, v in self.slots().items() if k in PROFILE_KEYS or k == "skipped_questions"}
        return "\n".join(
            [
                f"{self.data['id']} ({self.data['file']}): {self.data['description']}",
                "PROBLEMS:",
                *(f"  - {p}" for p in self.problems),
                "SLOTS: " + repr(slots),
                "LAST RECOMMENDATIONS: "
                + ", ".join(f"{r['institution']}({'/'.join(r['tools'])})" for r in recommendations),
                "TRANSCRIPT:",
                *self.transcript,
            ]
        )


def check(conversation: Conversation) -> None:
    expect = conversation.data["expect"]
    slots = conversation.slots()
    for key, value in (expect.get("slots") or {}).items():
        if slots.get(key) != value:
            conversation.problems.append(f"slot {key} is {slots.get(key)!r}, expected {value!r}")
    for key, values in (expect.get("not_slots") or {}).items():
        for value in values if isinstance(values, list) else [values]:
            if slots.get(key) == value:
                conversation.problems.append(f"slot {key} must not be {value!r}")
    if conversation.last_payload is None:
        conversation.problems.append("no recommendations at all")
        return
    recommendations = conversation.last_payload.get("recommendations", [])
    institutions = {r["institution"] for r in recommendations}
    tools = {t for r in recommendations for t in r["tools"]}
    for institution, quote in (expect.get("recommend") or {}).items():
        if institution not in institutions:
            conversation.problems.append(f"{institution} is not recommended (study: {quote!r})")
    for institution, quote in (expect.get("not_recommend") or {}).items():
        if institution in institutions:
            conversation.problems.append(f"{institution} must not be recommended (study: {quote!r})")
    for tool, quote in (expect.get("tools") or {}).items():
        if tool not in tools:
            conversation.problems.append(f"tool {tool} is not recommended (study: {quote!r})")
    for tool, quote in (expect.get("not_tools") or {}).items():
        if tool in tools:
            conversation.problems.append(f"tool {tool} must not be recommended (study: {quote!r})")
