"""Questions about a family member's support (issue 13): "mój syn ma 17 lat i autyzm, czy jemu coś
przysługuje?".

The son's facts stay out of the person's profile (bot.dialogue.patterns reads them as someone else's),
but the question deserves an answer: where, according to the study, a young person or an adult with a
disability, an elderly parent, and the one who cares for them find support. The interview about the
person goes on after it. Asking on someone's behalf ("pytam za mamę, ma 70 lat") is not this: there the
profile becomes theirs (patterns.PROXY), and the recommendations are made for them.

Polish only: the Ukrainian and English readers have no patterns to tell whose a fact is beyond an age
(bot.dialogue.kin).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.dialogue.patterns import PROXY, asks
from bot.messages import text
from bot.nlp.morphology import fold, is_third_person

# Family members, folded: exact forms, and beginnings ending in "*".
_KIN = (
    "syn* cork* corc* coreczk* dziecko dziecka dziecku dzieckiem dzieci* "
    "mama mamy mamie mame mamo mamusi* matka matki matce matke ojciec ojca ojcu ojcem tata taty tacie tate tatus* "
    "maz meza mezowi mezem mezu zona zony zonie zone brat brata bratu bratem siostr* babci* babcia dziadek "
    "dziadka dziadkowi dziadkiem wnuk* wnucz* tesciow* tesc tescia tesciu"
).split()
# Children and the young (folded beginnings): the part about children and youth is said for them.
_CHILD = ("dzieck", "dzieci", "synek", "synk", "coreczk", "nastolat", "wnuk", "wnucz")
# Parents, grandparents, parents-in-law (folded beginnings of the family word): care at home is told for them.
_ELDER = ("mam", "matk", "matc", "ojc", "tat", "tac", "babci", "babc", "dziad", "tesc")
# A disability, an illness, a need of care (folded beginnings).
_HEALTH = (
    "autyz", "autyst", "asperger", "spektrum", "niepelnospraw", "orzecz", "uposledz", "down", "demencj",
    "alzheimer", "parkinson", "chor", "schizofren", "depresj", "psychi", "zaburz", "udar", "wozk",
    "niewidom", "nieslysz", "gluch", "adhd", "epilep", "padaczk", "porazen", "lezac", "niesamodziel", "opiek",
)  # fmt: skip
# "czy jemu coś przysługuje", "co mu się należy": asking about support, with or without a "?"
_SUPPORT = ("przysluguj", "nalez", "pomoc", "pomoz", "wsparc", "dostan", "zrobic", "zalatwic", "gdzie")
_AGE = re.compile(r"\b(\d{1,3}) ?(?:lat|lata|latek|l)\b")
ADULT_AGE = 18


def _kin(word: str) -> bool:
    return any(word.startswith(k[:-1]) if k.endswith("*") else word == k for k in _KIN)


@dataclass(frozen=True)
class Relative:
    """What a message says about the family member it asks about."""

    young: bool
    elderly: bool
    disability: bool


def relative_asked_about(message: str) -> Relative | None:
    """The family member a Polish message asks about, when it asks about their support and names
    them ("syn ma autyzm, czy jemu coś przysługuje?", "córka ma orzeczenie. gdzie może pracować?"); None
    for the person's own question ("mam dwoje dzieci, co mi przysługuje?"), or a message written on
    someone's behalf ("pytam za mamę")."""
    if PROXY.search(message):
        return None
    words = re.findall(r"\w+", fold(message))
    first = next((i for i, word in enumerate(words) if _kin(word)), None)
    asked = _asked(message)
    if first is None or not asked:
        return None
    about = words[first:]  # what follows the family member is theirs ("mam 45 lat, a syn ma autyzm")
    health = any(w.startswith(_HEALTH) for w in about)
    for_them = any(w in _THEM or _kin(w) for w in asked)
    if not for_them and (any(w in _ME for w in asked) or not (health or _their_verb(message))):
        return None  # "mam syna z autyzmem, gdzie ja mogę pracować?" asks for the person
    ages = [int(m.group(1)) for m in _AGE.finditer(" ".join(about))]
    age = ages[0] if ages else None
    young = about[0].startswith(_CHILD) or (age is not None and age < ADULT_AGE)
    # care at home for a parent or grandparent who is ill or disabled, not for one who is only out of
    # work; told by the family word, not by an age (the study sets no age for the OPS's care services)
    elderly = not young and health and about[0].startswith(_ELDER)
    return Relative(young=young, elderly=elderly, disability=health)


# Who a question is for (folded): the family member ("czy jemu coś przysługuje") or the person ("co mi").
_THEM = frozenset({"mu", "jemu", "jej", "niej", "nim", "niego", "nich", "im", "ich", "on", "ona", "oni", "one"})
_ME = frozenset({"mi", "mnie", "ja", "moge", "sobie", "dostane"})
_CLAUSE = re.compile(r"[^,.;!?\n]+")


# Verbs whose third person says nothing of who is asked about ("czy coś mi przysługuje", "co jest").
_IMPERSONAL = ("przysluguj", "nalez", "jest", "bedzie", "trzeba", "mozna")


def _their_verb(message: str) -> bool:
    """A verb in the third person in the questions: "co może dostać?", "gdzie może pracować?"."""
    return any(
        (is_third_person(word) or fold(word) == "moze") and not fold(word).startswith(_IMPERSONAL)
        for clause in _questions(message)
        for word in re.findall(r"\w+", clause)
    )


def _questions(message: str) -> list[str]:
    """The message's question clauses: each one before a "?", opened by a question word, or asking
    about support ("co mu się należy")."""
    found = []
    for clause in _CLAUSE.finditer(message):
        words = re.findall(r"\w+", fold(clause.group()))
        question = message[clause.end() : clause.end() + 1] == "?" or (words and asks(clause.group()))
        if question or any(w.startswith(_SUPPORT) for w in words):
            found.append(clause.group())
    return found


def _asked(message: str) -> list[str]:
    """The folded words of the message's questions."""
    return [word for clause in _questions(message) for word in re.findall(r"\w+", fold(clause))]


def relative_answer(relative: Relative) -> str:
    """Where the family member, and the person as the one who cares for them, find support."""
    parts = []
    if relative.disability:
        parts += [text("family.certificate"), text("family.funding")]
        if not relative.elderly:
            parts.append(text("family.wtz_zaz"))
    if relative.young:
        parts.append(text("family.young"))
    if relative.elderly:
        parts.append(text("family.care_at_home"))
    if relative.disability or relative.elderly:
        parts.append(text("family.carer"))
    if parts:
        return "\n".join([text("family.lead"), *parts, text("family.check"), text("family.for_them")])
    return "\n".join([text("family.lead_plain"), text("family.for_them")])
