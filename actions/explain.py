"""Answers to questions asked as such or in the middle of the interview: about one institution or
tool of the catalogue, about a word from the glossary ("kuroniówka", "pracownik socjalny"), about a
situation ("dostałam pismo z ZGN"), or about the interview itself ("ile jeszcze pytań?")."""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from bot.dialogue.patterns import QUESTION_OPENERS as PATTERN_OPENERS
from bot.dialogue.patterns import asks_how_many_questions
from bot.dialogue.questions import PHASE_SLOT, questions_left
from bot.dialogue.replies import explain_institution, explain_tool
from bot.knowledge.catalogue import Catalogue
from bot.knowledge.glossary import Glossary, Term
from bot.knowledge.translations import translate
from bot.messages import current_language, plural, text
from bot.nlp.morphology import fold

ASPECTS = {
    "ask_what_is": "what",
    "ask_who_can": "who",
    "ask_how_long": "how_long",
    "ask_how_much": "how_much",
    "ask_where": "where",
}
# Words that open a question in Polish, and the words that say what it asks about (folded).
QUESTION_OPENERS = PATTERN_OPENERS | {"moge", "mozna"}
ASPECT_WORDS = (
    ("where", ("gdzie", "adres")),
    ("how_long", ("trwa", "dlugo")),
    ("how_much", ("ile", "kwota", "placa")),
    ("who", ("moge", "mozna", "kto", "przysluguje", "nalezy", "dostane", "przyjma")),
)


def named_ids(entities: Iterable[Mapping[str, Any]], known: Catalogue) -> tuple[str | None, str | None]:
    """(tool id, institution id) the NLU found, each only if the catalogue has it."""
    entities = list(entities)
    tool = next((e.get("value") for e in entities if e.get("entity") == "tool" and e.get("value") in known.tools), None)
    institution = next(
        (e.get("value") for e in entities if e.get("entity") == "institution" and e.get("value") in known.institutions),
        None,
    )
    return tool, institution


def question_spans(message: str) -> list[tuple[int, int]]:
    """Where the message's questions are: its sentences that end with "?" ("Jestem w OPS. Co to
    CIS?" asks only about CIS)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]*\?", message)]


def asked_part(message: str) -> str:
    """The message's questions ("Mam orzeczenie. Gdzie mogę pracować?" asks only the second);
    the whole message when no sentence ends with "?"."""
    return " ".join(message[start:end] for start, end in question_spans(message)) or message


def asked_entities(message: str, entities: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The entities inside the message's questions; all of them when no sentence ends with "?"
    (an entity without a place in the text, as from a button, counts as asked)."""
    entities = list(entities)
    spans = question_spans(message)
    if not spans:
        return entities
    return [e for e in entities if "start" not in e or any(a <= int(e["start"]) < b for a, b in spans)]


def explanation(
    entities: Iterable[Mapping[str, Any]], known: Catalogue, aspect: str, district: str | None = None
) -> str | None:
    """The answer about the tool (first) or the institution named, or None when none is named."""
    tool_id, inst_id = named_ids(entities, known)
    if tool_id:
        tool = known.tools[tool_id]
        return explain_tool(tool, known.institutions[tool.institution_id], aspect, district)
    if inst_id:
        return explain_institution(known.institutions[inst_id], aspect, district)
    return None


def term_answer(term: Term, known: Catalogue, aspect: str, district: str | None = None) -> str:
    """A glossary entry's answer, followed by the catalogue's own explanation of what it names."""
    said = translate(term.answer, current_language())  # the glossary is translated (knowledge.po)
    if not term.explains:
        return said
    kind, value = term.explains
    entity = {"entity": kind, "value": value}
    return said + "\n" + (explanation([entity], known, aspect, district) or "")


def how_many_questions(message: str, slots: Mapping[str, Any], missing: Iterable[str]) -> str | None:
    """ "ile jeszcze pytań?" in the middle of the questions: how many are left at most (None for
    another question)."""
    if not asks_how_many_questions(message):
        return None
    left = questions_left(missing, slots, extended=slots.get(PHASE_SLOT) == "extended")
    return plural("explain.questions_left", left) if left else text("explain.no_questions_left")


def answer(
    message: str,
    entities: Iterable[Mapping[str, Any]],
    known: Catalogue,
    words: Glossary,
    aspect: str,
    district: str | None = None,
) -> str | None:
    """The answer to a question: a situation or comparison from the glossary first ("czym się różni
    WTZ od ZAZ"), then the institution or tool the question names, then a word from the glossary."""
    asked = asked_part(message)
    first = words.find(asked, first_only=True)
    if first:
        return term_answer(first, known, aspect, district)
    named = explanation(entities, known, aspect, district)
    if named:
        return named
    term = words.find(asked)
    return term_answer(term, known, aspect, district) if term else None


def question_inside(
    message: str, entities: Iterable[Mapping[str, Any]], known: Catalogue, words: Glossary, district: str | None
) -> str | None:
    """The answer to a question asked inside a message that also tells facts ("Mam 39 lat, Ochota.
    Pracownik socjalny mówił coś o CIS, co to jest?"): only what the question sentences name."""
    if not question_spans(message):
        return None
    aspect = side_question_aspect(asked_part(message)) or "what"
    return answer(message, asked_entities(message, entities), known, words, aspect, district)


def side_answer(
    message: str,
    entities: Iterable[Mapping[str, Any]],
    known: Catalogue,
    words: Glossary,
    slots: Mapping[str, Any],
    missing: Iterable[str],
) -> str | None:
    """The answer to a message given instead of an answer to the question on the screen: a question
    ("a mogę iść do OPS, jak nie mam zasiłku?", "ile jeszcze pytań?"), or a situation the glossary
    knows even when not asked as a question ("dostałam pismo z ZGN")."""
    district = slots.get("district")
    aspect = side_question_aspect(message)
    if aspect:
        return how_many_questions(message, slots, missing) or answer(
            message, asked_entities(message, entities), known, words, aspect, district
        )
    return situation_answer(message, known, words, district)


def situation_answer(message: str, known: Catalogue, words: Glossary, district: str | None) -> str | None:
    """What to do in a situation the glossary knows ("dostałam pismo z ZGN"), said or asked."""
    situation = words.find(message, first_only=True)
    return term_answer(situation, known, "what", district) if situation else None


def side_question_aspect(message: str) -> str | None:
    """What a message asks when it is a question ("a mogę iść do OPS, jak nie mam zasiłku?" asks who
    may go); None when it is no question."""
    words = re.findall(r"\w+", fold(message))
    if not words:
        return None
    opener = words[0] if words[0] != "a" or len(words) == 1 else words[1]
    if "?" not in message and opener not in QUESTION_OPENERS:
        return None
    return next((aspect for aspect, cues in ASPECT_WORDS if any(w in cues for w in words)), "what")
