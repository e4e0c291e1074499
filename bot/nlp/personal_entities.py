"""The entities DIET finds, set right the way the annotation conventions mark them (docs/nlu-conventions.md).

The catalogue filter (bot/rasa_server/nlu/entity_filter.py) applies these after the catalogue's names. Each
rule is a way people write that the conventions settle and DIET gets wrong now and then:

- a span ends on a whole word: an acronym's hyphenated ending belongs to it ("[MOPS-em]", "[CIS-u]");
- a condition is one of the registry's conditions, named in full: DIET's span is widened to the name
  around it, with a typo in a long word ("niepelnosprawnosc inteletkualna"), and Polish words naming no
  condition are none; a degree is one of the three ("schorowana" is none);
- one thing said twice is marked where it is named: "w spektrum, [autyzm] atypowy" (the name, not the
  vaguer word), "po czterdziestce jestem, dokładnie [42]" (the age that can be read, not the decade);
- a family member's condition is not the person's: "najmłodszy ma adhd", "mama ma depresję" (the
  training data leaves them unmarked, as it does "mąż ma raka");
- the name of a street, a square or a park is no district: "ul. Górczewska", "przy placu Wilsona";
- an age said as a bare number after "skończyłem", "kończę", "mam" is the age: "dopiero co skończyłem
  [18]", "mam [19] i od wiosny jestem poza bidulem" (15-99, then nothing or "i", "a", "ale");
- a span of time that is a bare unit, or a number and its unit, is a duration after "od", "ponad",
  "przez", "po", "prawie" or before "temu": "[rok] temu", "od [roku]", "przez [miesiąc]".

Rules that drop or change an entity act on what DIET found; rules that add one add it only where no
entity lies.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Dict, FrozenSet, List, Optional, Sequence

from bot.facts_registry import registry
from bot.nlp.catalogue_names import NameIndex
from bot.nlp.morphology import best_lemma, fold, is_word
from bot.nlp.numbers import AFTER_BARE_AGE, BARE_AGES, number_forms, parse_age, parse_months
from bot.nlp.values import normalise_condition, normalise_degree

Entity = Dict[str, Any]

CONDITION, DEGREE, AGE, DURATION, DISTRICT = "disability_condition", "disability_degree", "age", "duration", "district"
CONDITIONS: FrozenSet[str] = frozenset(registry().facts[CONDITION].values)
DEGREES: FrozenSet[str] = frozenset(registry().facts[DEGREE].values)

_WORD = re.compile(r"\w+")
_PAUSE = re.compile(r"[,.;:!?()\n]")


def _span(entity: Entity, text: str) -> str:
    start, end = entity.get("start"), entity.get("end")
    if isinstance(start, int) and isinstance(end, int):
        return text[start:end]
    return str(entity.get("value") or "")


def _new(kind: str, start: int, end: int, value: str, text: str, by: str) -> Entity:
    return {
        "entity": kind,
        "start": start,
        "end": end,
        "value": value,
        "confidence_entity": 1.0,
        "extractor": by,
        "processors": [by],
        "text": text[start:end],
    }


def _changed(entity: Entity, by: str, **changes: Any) -> Entity:
    return {**entity, **changes, "processors": list(entity.get("processors") or []) + [by]}


def _free(entities: Sequence[Entity], start: int, end: int) -> bool:
    """No entity lies on any of these characters."""
    return not any(
        isinstance(e.get("start"), int) and isinstance(e.get("end"), int) and e["start"] < end and start < e["end"]
        for e in entities
    )


# --- whole words -----------------------------------------------------------------------------------------------

# "MOPS-em", "CIS-u", "PUP-ie", "WCPR-ze": an acronym, a hyphen, a case ending in lower case
_ACRONYM_END = re.compile(r"[A-ZĄĆĘŁŃÓŚŹŻ]{2,}-?$")
_HYPHEN_ENDING = re.compile(r"-?[a-ząćęłńóśźż]{1,3}(?!\w)")
CATALOGUE = frozenset({"institution", "tool"})


def whole_word(entity: Entity, text: str) -> Entity:
    """An entity ending on an acronym (any institution or tool, in any case: "ops-u") whose case ending follows
    a hyphen takes the ending: "[MOPS-em]", "[CIS-u]"."""
    end = entity.get("end")
    if not isinstance(end, int) or not (entity.get("entity") in CATALOGUE or _ACRONYM_END.search(_span(entity, text))):
        return entity
    ending = _HYPHEN_ENDING.match(text, end)
    if not ending or ending.group().startswith("-") == text[end - 1 : end].endswith("-"):
        return entity  # a hyphen, either the span's last character or the ending's first
    widened = {**entity, "end": ending.end()}
    if "text" in entity:
        widened["text"] = text[widened["start"] : ending.end()]
    return widened


# --- conditions and degrees ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def condition_names() -> NameIndex:
    """The registry's names of the conditions (data/profile/facts.yaml, also the synonym mapper's)."""
    synonyms = {word: value for value, words in registry().facts[CONDITION].synonyms for word in words}
    return NameIndex.build(synonyms, {CONDITION: CONDITIONS})


def _polish_words(span: str) -> bool:
    """Whether every word of a span is a Polish word: Polish words that name no condition or degree name none;
    a word Morfeusz does not know (a misspelling, a word of Ukrainian or English in Latin letters read as
    Polish: "shyzofreniiu", "autistic") is left to the model."""
    words = _WORD.findall(span)
    return bool(words) and all(is_word(w) for w in words)


def _condition_of(span: str, names: NameIndex) -> Optional[str]:
    match = names.resolve(span)
    return match[1] if match else normalise_condition(span)


def named_conditions(text: str, entities: List[Entity], by: str, names: Optional[NameIndex] = None) -> List[Entity]:
    """A condition span inside a longer name of a condition becomes that name ("niepelnosprawnosc" of
    "niepelnosprawnosc inteletkualna"), a span of Polish words naming no condition is dropped ("pogoda"), and
    the others take the condition's value when one can be read."""
    if not any(e.get("entity") == CONDITION for e in entities):
        return entities
    names = names or condition_names()
    around = names.find(text)
    result: List[Entity] = []
    for entity in entities:
        start, end = entity.get("start"), entity.get("end")
        if entity.get("entity") != CONDITION:
            result.append(entity)
            continue
        name = next(
            (
                f
                for f in around
                if isinstance(start, int)
                and isinstance(end, int)
                and f.start <= start
                and end <= f.end
                and f.end - f.start > end - start
            ),
            None,
        )
        if name is not None:
            entity = _changed(entity, by, start=name.start, end=name.end, value=name.match[1])
            entity["text"] = text[name.start : name.end]
        elif entity.get("value") not in CONDITIONS:
            value = _condition_of(_span(entity, text), names)
            if value is None and _polish_words(_span(entity, text)):
                continue
            if value is not None:
                entity = _changed(entity, by, value=value)
        if not any(e.get("entity") == CONDITION and _same_place(e, entity) for e in result):
            result.append(entity)  # two spans of DIET's inside one name: the name once
    return result


def _same_place(a: Entity, b: Entity) -> bool:
    return (a.get("start"), a.get("end")) == (b.get("start"), b.get("end"))


def known_degrees(text: str, entities: List[Entity], by: str) -> List[Entity]:
    """A degree is light, moderate or severe ("znacznym", "II grupa"); a span of Polish words naming none is
    dropped ("schorowana")."""
    result = []
    for entity in entities:
        if entity.get("entity") == DEGREE and entity.get("value") not in DEGREES:
            value = normalise_degree(_span(entity, text))
            if value is None and _polish_words(_span(entity, text)):
                continue
            if value is not None:
                entity = _changed(entity, by, value=value)
        result.append(entity)
    return result


# --- one thing said twice --------------------------------------------------------------------------------------


def said_twice(text: str, entities: List[Entity], names: Optional[NameIndex] = None) -> List[Entity]:
    """Of a condition named and said again in vaguer words ("w spektrum, autyzm atypowy": "spektrum" is no
    name, only read as autism), the name stays; of ages, an age no number can be read from ("po
    sześćdziesiątce") goes when another can ("dokładnie 63")."""
    names = names or condition_names()
    conditions = [e for e in entities if e.get("entity") == CONDITION]
    named = {id(e): names.resolve(_span(e, text)) is not None for e in conditions}
    named_values = {e.get("value") for e in conditions if named[id(e)]}
    ages = [e for e in entities if e.get("entity") == AGE]
    readable = {id(e): parse_age(_span(e, text)) is not None for e in ages}
    any_readable = any(readable.values())
    return [
        e
        for e in entities
        if not (e.get("entity") == CONDITION and not named[id(e)] and e.get("value") in named_values)
        and not (e.get("entity") == AGE and any_readable and not readable[id(e)])
    ]


# --- someone else's condition ----------------------------------------------------------------------------------

# Family members and people spoken of (the registry's OTHERS, as the text patterns use them, without the
# relative pronoun), and the children named by their place among siblings ("najmłodszy ma adhd").
_RELATIVE = "ktory"  # "syna, który ma autyzm" is the son's, "jestem osobą, która ma autyzm" the person's
_OTHERS = frozenset(registry().words["OTHERS"]) - {_RELATIVE} | frozenset(
    "synek coreczka corcia dzieci najmlodszy najmlodsza najstarszy najstarsza mlodszy mlodsza starszy starsza"
    " srodkowy srodkowa".split()
)
# Their verbs in the third person: "ma", "miał", "jest", "choruje na", "cierpi na"
_THEIR_VERBS = frozenset("ma mial miala jest byl byla choruje chorowal chorowala cierpi cierpial cierpiala".split())
MAX_WORDS_BETWEEN = 2  # "syn ma zdiagnozowany autyzm", "mama choruje na depresję"
MAX_SUBJECT_WORDS = 2  # "syn ma", "syn Kuba ma"


def _other(word: str) -> bool:
    return bool({fold(word), fold(best_lemma(word))} & _OTHERS)


def _someone_elses(text: str, start: int) -> bool:
    """Whether a condition starting at `start` is said of someone else in its clause: "<someone> [a word]
    <their verb> [up to two words] <condition>"; the someone may be "który" right after a family member
    ("mam syna, który ma autyzm")."""
    before = _WORD.findall(text[:start])
    clause = _WORD.findall(_PAUSE.split(text[:start])[-1])
    for v in range(max(0, len(clause) - 1 - MAX_WORDS_BETWEEN), len(clause)):
        if fold(clause[v]) not in _THEIR_VERBS:
            continue
        subjects = clause[max(0, v - MAX_SUBJECT_WORDS) : v]
        if any(_other(w) for w in subjects):
            return True
        relative = next((i for i, w in enumerate(subjects) if fold(best_lemma(w)) == _RELATIVE), None)
        if relative is not None:
            at = len(before) - len(clause) + v - len(subjects) + relative  # the pronoun's place in the text
            if at > 0 and _other(before[at - 1]):
                return True
    return False


def not_someone_elses(text: str, entities: List[Entity]) -> List[Entity]:
    """Conditions said of a family member or someone else are theirs, not the person's: dropped."""
    return [
        e for e in entities if not (e.get("entity") == CONDITION and _someone_elses(text, int(e.get("start") or 0)))
    ]


# --- streets and parks -----------------------------------------------------------------------------------------

_PLACE_KINDS = re.compile(
    r"^(ul|ulic\w*|al|alej\w*|alei|park|parku|parkiem|plac|placu|placem|skwer\w*|rond(o|a|zie|em))$"
)


def not_streets(text: str, entities: List[Entity]) -> List[Entity]:
    """A district right after "ul.", "ulica", "aleja", "plac", "park", "skwer", "rondo" names the street,
    the square or the park, not where the person lives: dropped ("na woli, ul. Górczewska")."""

    def street(entity: Entity) -> bool:
        before = _WORD.findall(text[: int(entity.get("start") or 0)])
        return bool(before) and bool(_PLACE_KINDS.match(fold(before[-1])))

    return [e for e in entities if not (e.get("entity") == DISTRICT and street(e))]


# --- ages said as bare numbers ---------------------------------------------------------------------------------

_AGE_VERBS = re.compile(r"^(mam|skonczyl(em|am)|koncze|skoncze)$")
_TIME_UNITS = frozenset(registry().words["UNITS"])
_COUNTED = _TIME_UNITS | frozenset(registry().words["AMOUNTS"])  # "i pół roku", "i 3 miesiące"
_TOKENS = re.compile(r"\w+|[^\w\s]")


def stated_ages(text: str, entities: List[Entity], by: str) -> List[Entity]:
    """A number of 15-99 in digits right after "mam", "skończyłem/am", "kończę", "skończę", then the end of a
    clause or "i", "a", "ale", "oraz" with no unit in the next words: the age ("mam 17 i nie chodzę do szkoły",
    "właśnie skończyłem 18"); not "mam 3 dzieci", "mam 16 i pół roku stażu", "skończyłem 25 godzin"."""
    tokens = list(_TOKENS.finditer(text))
    added = []
    for i, number in enumerate(tokens[1:], start=1):
        word = number.group()
        if not word.isdigit() or int(word) not in BARE_AGES or not _AGE_VERBS.match(fold(tokens[i - 1].group())):
            continue
        after = [fold(t.group()) for t in tokens[i + 1 : i + 6]]
        if after and after[0] not in AFTER_BARE_AGE and _WORD.fullmatch(after[0]):
            continue  # "mam 20 lat stażu", "mam 30 tys. długu": a word after the number says what it counts
        if after and after[0] in AFTER_BARE_AGE and _COUNTED & set(after[1:]):
            continue  # "mam 16 i pół roku stażu"
        if _free(entities + added, number.start(), number.end()):
            added.append(_new(AGE, number.start(), number.end(), word, text, by))
    return sorted(entities + added, key=lambda e: e.get("start", 0))


# --- durations of a bare unit ----------------------------------------------------------------------------------

# Units of a span (folded): a bare one in the singular ("od roku"), any with a number ("od 2 lat")
_SINGULAR_UNITS = frozenset("rok roku miesiac miesiaca miesiacu tydzien tygodnia tygodniu".split())
_BEFORE_SPAN = frozenset("od ponad przez po prawie niecaly niecale niecala okolo jakis jakies".split())
_QUANTITIES = frozenset("pol poltora poltorej kilka kilku pare paru kilkanascie".split())


def _number_word(folded: str) -> bool:
    return folded.isdigit() or folded in _QUANTITIES or folded in number_forms()


def bare_durations(text: str, entities: List[Entity], by: str) -> List[Entity]:
    """A unit of time said as a span ("[rok] temu", "od [roku]", "przez [miesiąc]", "od ponad [pół roku]") is a
    duration: a bare unit in the singular or a number and its unit, after "od", "ponad", "przez", "po", "za",
    "prawie", "niecały", "około", "jakiś" or before "temu"; not "w zeszłym roku", "od roku 2019", "od lat"."""
    words = list(_WORD.finditer(text))
    folded = [fold(w.group()) for w in words]
    added = []
    for u, unit in enumerate(folded):
        first = u
        while first > 0 and _number_word(folded[first - 1]):
            first -= 1
        if not (unit in _SINGULAR_UNITS or first < u and unit in _TIME_UNITS):
            continue
        before = folded[first - 1] if first > 0 else ""
        after = folded[u + 1] if u + 1 < len(folded) else ""
        if after.isdigit():
            continue  # "od roku 2019": a date
        if before not in _BEFORE_SPAN and after != "temu":
            continue
        start, end = words[first].start(), words[u].end()
        if parse_months(text[start:end]) is None:
            continue  # "od 2021 roku": a year
        if _PAUSE.search(text, start, end) is None and _free(entities + added, start, end):
            added.append(_new(DURATION, start, end, text[start:end], text, by))
    return sorted(entities + added, key=lambda e: e.get("start", 0))


def personal_entities(text: str, entities: List[Entity], by: str) -> List[Entity]:
    """Every rule above, in order; `by` names the component in the entities it adds or changes."""
    entities = [whole_word(e, text) for e in entities]
    entities = named_conditions(text, entities, by)
    entities = known_degrees(text, entities, by)
    entities = said_twice(text, entities)
    entities = not_someone_elses(text, entities)
    entities = not_streets(text, entities)
    entities = stated_ages(text, entities, by)
    return bare_durations(text, entities, by)
