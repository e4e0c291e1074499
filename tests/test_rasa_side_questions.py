"""An unsure question about a word of the glossary is read as a question (bot/rasa_server/side_questions.py)."""

from __future__ import annotations

import asyncio

import pytest

from bot.rasa_server.side_questions import about_the_glossary, read_side_questions


def parsed(text: str, intent: str = "nlu_fallback") -> dict:
    return {"text": text, "intent": {"name": intent, "confidence": 0.3}, "entities": []}


@pytest.mark.parametrize(
    "text, intent, read_as",
    [
        ("czy stracę zasiłek jak pójdę do pracy?", "nlu_fallback", "ask_what_is"),
        ("a co to jest socjal", "nlu_fallback", "ask_what_is"),
        # no question, no glossary word, or an intent the NLU was sure of: unchanged
        ("stracę zasiłek jak pójdę do pracy", "nlu_fallback", "nlu_fallback"),
        ("czy jest tu ktoś?", "nlu_fallback", "nlu_fallback"),
        ("co to kuroniówka?", "sit_benefit", "sit_benefit"),
        ("/ask_what_is", "nlu_fallback", "nlu_fallback"),
    ],
)
def test_an_unsure_question_about_a_glossary_word_is_a_question(text: str, intent: str, read_as: str) -> None:
    result = about_the_glossary(parsed(text, intent))
    assert result["intent"]["name"] == read_as
    assert result["text"] == text and result["entities"] == []


def test_the_wrapper_reads_what_the_processor_parsed() -> None:
    async def parse_message(self: object, message: str) -> dict:
        return parsed(message)

    wrapped = read_side_questions(parse_message)
    assert asyncio.run(wrapped(None, "czy stracę rentę socjalną?"))["intent"]["name"] == "ask_what_is"
    assert asyncio.run(wrapped(None, "hmm?"))["intent"]["name"] == "nlu_fallback"
