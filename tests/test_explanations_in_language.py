"""Answers about an institution, a tool or a glossary word in the conversation's language (issue 14,
point 3): the knowledge base's texts translated, the Polish names kept and followed by a translation."""

from __future__ import annotations

from actions.common import catalogue, words
from actions.explain import term_answer
from bot.dialogue.replies import explain_institution, explain_tool
from bot.knowledge.translations import translate
from bot.messages import using


def test_an_institution_explained_in_ukrainian() -> None:
    ops = catalogue().institutions["ops"]
    with using("uk"):
        said = explain_institution(ops, "what")
    assert said.startswith(ops.name + " (")  # the Polish name, then its translation
    assert translate(ops.description, "uk") in said and ops.description not in said


def test_a_tool_explained_in_english() -> None:
    known = catalogue()
    tool = known.tools["staz"]
    with using("en"):
        said = explain_tool(tool, known.institutions[tool.institution_id], "who")
    assert translate(tool.eligibility_text, "en") in said and tool.eligibility_text not in said


def test_a_glossary_answer_in_ukrainian_and_polish_unchanged() -> None:
    term = words().find("stracę zasiłek jak podejmę pracę", first_only=True)
    with using("uk"):
        assert term_answer(term, catalogue(), "what").startswith(translate(term.answer, "uk"))
    assert term_answer(term, catalogue(), "what").startswith(term.answer)
    assert translate(term.answer, "uk") != term.answer
