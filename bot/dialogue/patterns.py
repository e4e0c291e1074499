"""Every clearly stated profile fact in one message, found deterministically.

People write several facts at once ("mam 52 lata, jestem bezrobotny bez zasiłku, mieszkam na
Pradze-Północ") while the NLU gives one intent, so the whole message is read here and the bot
never asks again for something already said. A wrong fact is worse than a question: questions,
wishes, doubt, past states and sentences about someone else ("mąż pije") give nothing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, FrozenSet, List, Optional, Tuple

from bot.facts_registry import parse_facts, registry
from bot.nlp.districts import PHRASES, normalise_district, place_forms
from bot.nlp.morphology import (
    MAX_WORD_CHARS,
    _morfeusz,
    best_lemma,
    fold,
    is_first_person,
    is_future,
    is_third_person,
    is_word,
    lemmas,
)
from bot.nlp.numbers import AFTER_BARE_AGE, BARE_AGES, number_forms, parse_age, parse_months
from bot.nlp.values import normalise_condition, normalise_degree
from bot.profile import with_implied

# The pattern language's vocabulary and the rows are the registry's (data/profile/facts.yaml:
# `words` and `text_patterns`, where the language is described). In a row a name in capitals
# stands for its word list; an alternative is "x*" (folded prefix), "=x" (exact folded form) or
# "x" (a lemma or the form), so "zasilku" and "zasiłków" both match. The rows are read in order:
# the first rule for a key wins.
WORDS: Dict[str, Tuple[str, ...]] = registry().words

TOKEN = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+(?:-[^\W\d_]+)*|[,.;!?()\n]|(?<=\s)[-–—](?=\s)")
Tok = Tuple[str, str, FrozenSet[str], int]  # as written, folded, folded lemmas (and the form), offset
Pattern = Tuple[Tuple[int, Tuple[FrozenSet[str], Tuple[str, ...], FrozenSet[str]]], ...]
Facts = Tuple[Tuple[str, object], ...]
_district_of = lru_cache(maxsize=4096)(normalise_district)  # its fuzzy search is slow


@lru_cache(maxsize=None)
def _pattern(spec: str) -> Pattern:
    """ "mieć 1praca": one term per token; compiled on first use, so importing costs nothing."""
    pattern = []
    for piece in spec.split():
        alts = [a for alt in piece.lstrip("0123456789").split("|") for a in WORDS.get(alt, (alt,))]
        pattern.append(
            (
                int(piece[0]) if piece[0].isdigit() else 3,
                (
                    frozenset(fold(a[1:]) for a in alts if a[0] == "="),
                    tuple(fold(a[:-1]) for a in alts if a[-1] == "*"),
                    frozenset(fold(a) for a in alts if a[0] != "=" and a[-1] != "*"),
                ),
            )
        )
    return tuple(pattern)


@lru_cache(maxsize=1)
def _rules() -> List[Tuple[Tuple[Pattern, ...], Facts, Facts, str]]:
    def _facts(cell: str) -> Facts:
        return tuple((key, value or (None if sign == "~" else sign != "!")) for sign, key, value in parse_facts(cell))

    return [
        (tuple(map(_pattern, row.match.split(" / "))), _facts(row.states), _facts(row.negated), row.flags)
        for row in registry().text_patterns
    ]


def _find(pattern: Pattern, toks: List[Tok], at: int = 0, prev: int = -1) -> Optional[List[int]]:
    """Positions of the pattern's tokens, each within its gap after the one before."""
    if at == len(pattern):
        return []
    gap, (exact, prefixes, lemma_set) = pattern[at]
    for j in range(prev + 1, len(toks) if prev < 0 else min(len(toks), prev + gap + 2)):
        if toks[j][1] in exact or toks[j][1].startswith(prefixes) or lemma_set & toks[j][2]:
            rest = _find(pattern, toks, at + 1, j)
            if rest is not None:
                return [j] + rest
    return None


def _negated(folds: List[str], found: List[int]) -> bool:
    """ "nie"/"nigdy" reach back until a verb not negated ("nie mam pracy ani zasiłku", but
    not "nie pracuję, mam zasiłek"); "bez"/"brak"/"ani" three words; "zasiłku nie mam" too."""
    key = found[-1]
    for j in range(key - 1, -1, -1):
        if j in found:
            continue
        if folds[j] in ("nie", "nigdy") or (folds[j] in WORDS["NEGATORS"] and key - j <= 3):
            return True
        if folds[j] in WORDS["RESET_VERBS"] and (j == 0 or folds[j - 1] not in WORDS["NEGATORS"]):
            return False
    after = folds[key + 1 : key + 5]  # "zasiłku nie mam", "zasiłek mi już nie przysługuje", "zasiłku brak"
    return "brak" in after[:2] or any(
        after[i] == "nie" and after[i + 1] in WORDS["NEG_VERBS"] for i in range(len(after) - 1)
    )


def _is_number(word: str) -> bool:
    return word[:1].isdigit() or word in number_forms() or word in WORDS["AMOUNTS"]


@lru_cache(maxsize=16384)
def repaired(word: str) -> str:
    """A word typed in a hurry with two neighbouring letters swapped ("dlateog", "zarejestorwany"), or
    a long one with a vowel left out ("zarejstrowany"), as the one word it can be; any other word as it
    is. Only lower-case words of six letters or more (eight for a missing vowel) that are no word
    themselves, and only when exactly one change makes a word."""
    if len(word) < 6 or not word.isalpha() or not word.islower() or is_word(word):
        return word
    swaps = {word[:i] + word[i + 1] + word[i] + word[i + 2 :] for i in range(len(word) - 1)} - {word}
    known = [candidate for candidate in swaps if is_word(candidate)]
    if not known and len(word) >= 8:
        known = sorted(
            {word[:i] + v + word[i:] for i in range(1, len(word)) for v in "aeiouy" if is_word(word[:i] + v + word[i:])}
        )
    return known[0] if len(known) == 1 else word


def _clauses(text: str) -> List[Tuple[List[Tok], bool]]:
    """Clauses, split at punctuation and conjunctions but not "rok i dwa miesiące"; "?" ends a question."""
    matches = list(TOKEN.finditer(text))
    words = [(m.group(), m.start()) for m in matches] + [("", len(text))]
    clauses: List[Tuple[List[Tok], bool]] = []
    current: List[Tok] = []
    for (word, start), (nxt, _) in zip(words, words[1:] + [("", len(text))]):
        if not word.strip() or (word in WORDS["SPLITTERS"] and not (word == "i" and _is_number(fold(nxt)))):
            clauses += [(current, word == "?")] if current else []
            current = []
        else:  # folded lemmas (cached by bot.nlp) match words typed without Polish letters
            word = repaired(word)
            folded, found = fold(word), lemmas(word) if word[0].isalpha() else []
            current.append((word, folded, frozenset([folded, *map(fold, found)]), start))
    return clauses


STAY = ("mieszk", "spi", "spa", "nocuj", "przebyw", "pomieszk", "koczuj", "zatrzyma", "jestem")


def _staying_with(folds: List[str], i: int) -> bool:
    """ "śpię u znajomych", "mieszkam u mamy": where the person stays, not someone else's fact;
    "u syna stwierdzono autyzm" is the son's."""
    return i >= 2 and folds[i - 1] == "u" and folds[i - 2].startswith(STAY)


def _others_from(toks: List[Tok]) -> int:
    """Index of the first word about someone else ("syn", "mama", "która"); the clause's length if none.
    "jestem samotną matką" and "śpię u znajomych" are about the person."""
    folds = [t[1] for t in toks]
    return next(
        (
            i
            for i, t in enumerate(toks)
            if {fold(best_lemma(t[0])), t[1]} & set(WORDS["OTHERS"])
            and not (i and (folds[i - 1] == "jestem" or folds[i - 1].startswith("samotn") or _staying_with(folds, i)))
        ),
        len(toks),
    )


PROXY_VERBS = ("pytam", "pisze", "piszemy", "pytamy")  # folded
PROXY = re.compile(
    r"\b(pytam|pisze|piszę|piszemy|pytamy) (za|o|w imieniu|dla|w sprawie (mojego |mojej |naszego |naszej )?"
    r"(syna|córki|corki|dziecka|mamy|matki|taty|ojca|brata|siostry|męża|meza|żony|zony))\b",
    re.IGNORECASE,
)


def _speaks_of_self(word: str, polish_letters: bool) -> bool:
    """A verb in the first person or "ja". In a message written with Polish letters "pracuje" is the
    third person ("syn ma 24 lata, nie pracuje"), not "pracuję" typed without them."""
    if polish_letters and word.isascii() and word.lower().endswith(("e", "lem", "lam")):
        return False
    return is_first_person(word)


def _new_sentence(text: str, before: List[Tok], toks: List[Tok]) -> bool:
    """Whether a sentence ends between two clauses (".", "!", "?", a new line)."""
    last = before[-1]
    return bool(SENTENCE_END.search(text, last[3] + len(last[0]), toks[0][3]))


SENTENCE_END = re.compile(r"[.!?\n]")


def _same_subject(text: str, before: List[Tok], toks: List[Tok]) -> bool:
    """Whether a clause goes on with the subject of the one before: joined by a bare "i" or "oraz"."""
    last = before[-1]
    return fold(text[last[3] + len(last[0]) : toks[0][3]]).strip() in ("i", "oraz")


@lru_cache(maxsize=65536)
def is_first_person_singular(word: str) -> bool:
    """ "ja", "pracuję", "pracowałem": the writer alone; not "mieszkamy" (the family, the one asked about too)."""
    if not word.isalpha() or len(word) > MAX_WORD_CHARS:
        return False
    return any(
        tag.startswith(("fin:sg:", "bedzie:sg:", "aglt:sg:"))
        and ":pri" in tag
        or tag.startswith("ppron12:sg:nom:")
        and tag.endswith(":pri")
        for _start, _end, (_orth, _lemma, tag, _names, _quals) in _morfeusz().analyse(word)
    )


def _writer_speaks(word: str) -> bool:
    """In a message about someone else: the writer alone ("ja pracuję"), not "mieszkamy" (with the one
    asked about), nor "pracuje" typed without Polish letters (the son's "nie pracuje")."""
    return not (word.isascii() and word.lower().endswith(("e", "lem", "lam"))) and is_first_person_singular(word)


def _others_per_clause(text: str, clauses: List[Tuple[List[Tok], bool]]) -> List[int]:
    """For each clause, where the words about someone else begin (-1: all of it). Once a clause has turned to
    someone else, the next ones stay with them until the person speaks of themselves again (a verb
    in the first person, "ja"): in "syn ma 17 lat i orzeczenie" the certificate is the son's.

    When the person was the subject of that clause ("sama wychowuję dwoje dzieci", "mam syna"), a new
    sentence stays with the other one only with a verb of theirs ("Ma 17 lat."): in "Dwoje dzieci sama
    wychowuję. Bielany, 37 lat." the district and the age are the person's. Within the sentence they stay
    with the other one ("mam syna, 17 lat, z orzeczeniem")."""
    polish_letters = any(not t[0].isascii() for toks, _question in clauses for t in toks)
    if PROXY.search(text):
        # "pytam za brata, ma 28 lat", "piszę w sprawie syna": the person asked about is the one advised;
        # the writer's own words ("ja pracuję, pytam o syna", "mam 50 lat") are not theirs; "syn nie
        # pracuje" typed without Polish letters is the son's (the message is about him)
        return [
            -1 if any(_writer_speaks(t[0]) and t[1] not in PROXY_VERBS for t in toks) else len(toks)
            for toks, _question in clauses
        ]
    starts: List[int] = []
    carried, by_the_person = False, False
    for index, (toks, _question) in enumerate(clauses):
        self_here = any(_speaks_of_self(t[0], polish_letters) for t in toks)
        if self_here and carried and not by_the_person and _same_subject(text, clauses[index - 1][0], toks):
            # "mama ma 62 lata i nie pracuje": typed without Polish letters, "pracuje" joined by "i" is
            # still hers; "i nie pracuję" with the letter, or "ja", is the writer's
            self_here = any(_speaks_of_self(t[0], True) for t in toks)
        back_to_person = (
            by_the_person
            and _new_sentence(text, clauses[index - 1][0], toks)
            and not any(is_third_person(t[0]) for t in toks)
        )
        if carried and not self_here and not back_to_person:
            start = -1
        else:
            start = _others_from(toks)
            by_the_person = self_here
        starts.append(start)
        carried = start < len(toks)
    return starts


def _hedges(toks: List[Tok], question: bool) -> Tuple[bool, bool, bool]:
    """(not a statement at all, a wish or plan, the past) for one clause."""
    folds = [t[1] for t in toks]
    silent = question or folds[0] in WORDS["QUESTION"] or any(w in WORDS["DOUBT"] for w in folds)
    wish = any(w.startswith(WORDS["WISH"]) for w in folds) or any(is_future(t[0]) for t in toks)
    past = any(
        w in WORDS["PAST_WORDS"] or w.startswith(WORDS["PAST"]) and w.endswith(("em", "am", "smy")) for w in folds
    )
    return silent, wish, past


def hedged_spans(text: str) -> List[Tuple[int, int]]:
    """Character spans of the message that state nothing about the person now: questions, doubt,
    wishes and plans ("zarejestruję się"), the past ("miałem orzeczenie"), and whatever follows a
    mention of someone else ("syn ma autyzm"). The NLU's guesses inside them are no facts."""
    spans = []
    clauses = _clauses(text or "")
    for (toks, question), others in zip(clauses, _others_per_clause(text or "", clauses)):
        end = toks[-1][3] + len(toks[-1][0])
        if any(_hedges(toks, question)):
            spans.append((toks[0][3], end))
        elif others < len(toks):
            spans.append((toks[max(others, 0)][3], end))
    return spans


def _numbers(
    folds: List[str], text: str, proxy: bool = False
) -> Tuple[Optional[Tuple[int, int]], Optional[Tuple[int, bool]]]:
    """(age, position) and (months, said "ponad") of the first duration. Ages need an age word: "mam 52
    lata", "skończyłam 40 lat", "rocznik 1975", "ur. 80", a bare "52 lata"; not "mam 20 lat stażu". In a
    message about someone else (`proxy`: "pytam za syna. Ma 26 lat") their "ma" says it too."""
    born = next((i for i, w in enumerate(folds) if w == "ur" or w.startswith(WORDS["BORN"])), None)
    age, duration = ((parse_age(text), born) if born is not None else None), None
    for unit, word in enumerate(folds):
        start = end = unit
        while start > 0 and _is_number(folds[start - 1]):
            start -= 1
        before, after = ["", ""] + folds[max(0, start - 2) : start], folds[unit + 1 : unit + 2]
        said = "mam" in before or proxy and "ma" in before or any(w.startswith("skonczy") for w in before)
        if (
            start < unit
            and word in WORDS["AGE_WORDS"]
            and (said or start == 0 and not after)
            and not any(w.startswith(WORDS["NOT_AGE"]) for w in after)
        ):
            age = age or (parse_age(" ".join(folds[start : unit + 1])), start)
        elif word in WORDS["UNITS"] and not duration and (start < unit or before[-1] not in WORDS["NOT_SPAN"]):
            # "rok i dwa miesiące" is one duration; "w zeszłym roku" is a date
            while end + 1 < len(folds) and (folds[end + 1] in ("i", *WORDS["UNITS"]) or _is_number(folds[end + 1])):
                end += 1
            if any(w.startswith(WORDS["NOT_SPAN_OF"]) for w in folds[end + 1 : end + 2]):
                continue  # "po 30 latach pracy", "15 lat stażu": time at work, not without it
            if before[-1] == "po" and not any(w.startswith(("bez", "bezrob")) for w in folds[end + 1 : end + 3]):
                continue  # "po 20 latach zwolnili mnie": when it happened; "po roku bez pracy" is a span
            months = parse_months(" ".join(folds[start : end + 1]))
            duration = None if months is None else (months, any(w in WORDS["OVER"] for w in before))
    return (age if age and age[0] else None) or _bare_age(folds), duration


# "mam 17 i nie chodzę do szkoły", "mam 50, jestem bez pracy": a number of an adult's or a teenager's age
# right after "mam", then nothing or "i"/"a"/"ale" (not "mam 3 dzieci", "mam 2 i pół roku bez pracy").


def _bare_age(folds: List[str]) -> Optional[Tuple[int, int]]:
    for i, word in enumerate(folds[:-1]):
        number, after = folds[i + 1], folds[i + 2 : i + 3]
        if word != "mam" or not number.isdigit() or int(number) not in BARE_AGES:
            continue
        if after and (after[0] not in AFTER_BARE_AGE or any(w in WORDS["UNITS"] for w in folds[i + 2 : i + 6])):
            continue
        return int(number), i + 1
    return None


def _not_home(folds: List[str]) -> bool:
    """A clause naming a place of work, an office, a hospital or a prison ("siedziałem na Białołęce",
    "wyszedłem z aresztu na Służewcu"), not where the person lives ("mieszkam" says it is); "chodziło mi
    o Bemowo" says what the person meant, not where they go."""
    meant = [w in ("chodzi", "chodzilo") and folds[i + 1 : i + 2] == ["mi"] for i, w in enumerate(folds)]
    return not any(w.startswith("mieszk") for w in folds) and any(
        w.startswith(WORDS["NOT_HOME"]) and not meant[i] for i, w in enumerate(folds)
    )


def not_home_spans(text: str) -> List[Tuple[int, int]]:
    """Character spans of the clauses whose place is not the person's home: a district the NLU finds
    there is no answer to where they live."""
    return [
        (toks[0][3], toks[-1][3] + len(toks[-1][0]))
        for toks, _question in _clauses(text or "")
        if _not_home([t[1] for t in toks])
    ]


# Words that open a question in Polish (folded): "jak się masz?" asks, it answers nothing.
QUESTION_OPENERS = frozenset(
    {"czy", "co", "czym", "gdzie", "kto", "ile", "jak", "jaki", "jaka", "jakie", "dlaczego", "kiedy"}
)


def asks(text: str) -> bool:
    """A question: a "?", or a question word first ("a" before it allowed: "a co to jest socjal")."""
    words = re.findall(r"\w+", fold(text))
    words = words[1:] if words[:1] == ["a"] else words
    return "?" in text or bool(words) and words[0] in QUESTION_OPENERS


HOW_MANY_QUESTIONS = re.compile(r"\b(ile|duzo|dlugo)\b.*\bpyta")


def asks_how_many_questions(message: str) -> bool:
    """ "ile jeszcze pytań?", "dużo jeszcze tych pytań?"."""
    return bool(HOW_MANY_QUESTIONS.search(fold(message)))


def _not_age_after(folds: List[str], number: int, after: int) -> bool:
    """The word after "<number> lat" makes it no age: "20 lat doświadczenia", "15 lat stażu"; "20 lat jako
    kierowca" (years of work: a model read "praocwałem 20 lat jako kierowca" as long-term unemployment),
    but not "mam 52 lata jako kobieta"."""
    if folds[after].startswith(WORDS["NOT_AGE"]):
        return True
    return folds[after] == "jako" and (number == 0 or folds[number - 1] != "mam")


def other_durations(text: str) -> List[Tuple[int, int]]:
    """Character spans of numbers of years or months that are no age and no time in a CIS: "20 lat
    doświadczenia", "15 lat stażu", "2 lata temu" (a number, its unit, then a word of NOT_AGE), and points in
    time ("w zeszłym miesiącu wyszłam z więzienia" told how long the CIS took was 1 month in it)."""
    spans = []
    for toks, _question in _clauses(text or ""):
        folds = [t[1] for t in toks]
        for unit, word in enumerate(folds[:-1]):
            start = unit
            while start > 0 and _is_number(folds[start - 1]):
                start -= 1
            if start < unit and word in WORDS["UNITS"] and _not_age_after(folds, start, unit + 1):
                spans.append((toks[start][3], toks[unit + 1][3] + len(toks[unit + 1][0])))
        for unit in range(len(folds)):  # "w zeszłym miesiącu", "rok temu": when, not how long
            if _when_at(folds, unit):
                first = unit - 1 if unit and folds[unit - 1] in _WHEN_BEFORE else unit
                last = unit + 1 if folds[unit + 1 : unit + 2] == ["temu"] else unit
                spans.append((toks[first][3], toks[last][3] + len(toks[last][0])))
    return spans


def _when_at(folds: List[str], i: int) -> bool:
    """A unit of time naming a point in time ("rok temu", "w zeszłym miesiącu"), not a span."""
    word = folds[i]
    if not word.startswith(_UNIT_STEMS) or word.startswith("miesz"):
        return False
    return folds[i + 1 : i + 2] == ["temu"] or i > 0 and folds[i - 1] in _WHEN_BEFORE


def _when(folds: List[str]) -> bool:
    """A point in time in the clause ("rok temu skończyłam CIS", "w tym roku"): no time spent in a CIS."""
    return any(_when_at(folds, i) for i in range(len(folds)))


_UNIT_STEMS = ("mies", "rok", "roku", "tydz", "tygod")
_WHEN_BEFORE = frozenset({"zeszlym", "ubieglym", "poprzednim", "tym", "przyszlym", "zeszlego", "ubieglego"})


def mentions(text: str, word: str) -> bool:
    """Whether the message has a word that matches `word`, one word of a pattern ("PRISON|kurator*")."""
    return any(_find(_pattern(word), toks) is not None for toks, _question in _clauses(text or ""))


def _after_i_live(toks: List[Tok], folds: List[str], blocked: int) -> Optional[str]:
    """A district named right after "mieszkam" with no preposition, as people who learn Polish write it:
    "mieszkam Praga Polnoc", "mieszkamy Wola" (DIET found it or not, retraining by retraining)."""
    for i, word in enumerate(folds[: blocked - 1]):
        place = folds[i + 1]
        if word not in ("mieszkam", "mieszkamy") or not (place in place_forms() or place in ("praga", "pradze")):
            continue
        if place in ("praga", "pradze") and len(folds) > i + 2:
            two = _district_of(" ".join(t[0] for t in toks[i + 1 : i + 3]))
            if two and two != _district_of(toks[i + 1][0]):
                return two  # "Praga Polnoc", not Praga with the next word
        return _district_of(toks[i + 1][0])
    return None


def _district(toks: List[Tok], folds: List[str], blocked: int) -> Optional[str]:
    """Where the person lives, from the words right after a preposition: never a place of work,
    an office or a prison, nor someone else's home; "z ochotą" and "z własnej woli" are no places."""
    residence = any(w.startswith("mieszk") for w in folds)
    if _not_home(folds):
        return None
    if "nie" in folds:  # "nie mieszkam w Warszawie"
        return "outside_warsaw" if any(w.startswith("warszaw") for w in folds) else None
    if blocked == len(toks) and len(toks) <= 2 and (folds[0] in place_forms() or folds[0] in ("praga", "pradze")):
        return _district_of(" ".join(t[0] for t in toks))  # a bare name: "35 lat, Wawer.", "Praga Polnoc."
    bare = _after_i_live(toks, folds, blocked)
    if bare:
        return bare
    heads, mine = tuple(p[0] for p in PHRASES) + ("prag", "pradz"), {"mieszkam", "jestem"} & set(folds)
    for i, (prep, place) in enumerate(zip(folds, folds[1:])):
        # a misspelt place (the slow fuzzy search) only after "mieszkam"
        known = residence or place in place_forms() or place.startswith(heads) or prep in ("spoza", "pod")
        if (
            prep not in WORDS["PREPOSITIONS"]
            or not (mine or i < blocked)
            or not known
            or (f"{prep} {place}" in WORDS["NOT_PLACE"])
        ):
            continue
        words = [t[0] for t in toks[i : i + 3]]
        value = _district_of(" ".join(words[:2]))
        if value is None and len(words) == 3 and _district_of(" ".join(words)) != _district_of(words[2]):
            value = _district_of(" ".join(words))  # "na Pradze Południe", not "z własnej woli"
        if value:
            return value
    return None


def _clause_facts(toks: List[Tok], question: bool, blocked: int, proxy: bool = False) -> Dict[str, object]:
    """One clause's facts: the table's rules first, then the values computed by bot.nlp. Words
    from `blocked` on are about someone else."""
    folds = [t[1] for t in toks]
    silent, wish, past = _hedges(toks, question)
    facts: Dict[str, object] = {}
    for patterns, stated, negated, flags in _rules():
        if silent and "d" not in flags:
            continue
        found = next((f for f in (_find(p, toks) for p in patterns) if f), None)
        if found and not (
            (wish and "w" not in flags)
            or (past and "p" in flags)
            or ("o" not in flags and blocked < found[0])
            or ("e" in flags and found[-1] != len(toks) - 1)
        ):
            for key, value in negated if _negated(folds, found) else stated:
                facts.setdefault(key, value)
    if silent:
        return facts
    if not wish:
        text = " ".join(t[0] for t in toks)
        found = _find(_pattern("CONDITION"), toks) or _find(_pattern("niepelnospraw* 1intelektualn*"), toks)
        if found and found[0] < blocked and not _negated(folds, found):
            facts["disability_condition"] = normalise_condition(text)
        trigger = next((i for i, w in enumerate(folds) if w.startswith(WORDS["DEGREE"])), blocked)
        if trigger < blocked and not _negated(folds, [trigger]):
            facts["disability_degree"] = normalise_degree(text)
        age, duration = _numbers(folds, text, proxy)
        facts["age"] = age[0] if age and age[1] < blocked else None
        facts["district"] = _district(toks, folds, blocked)
        cis = _find(_pattern("CIS"), toks) or _find(_pattern("centrum|klub 1integracj*"), toks)
        if cis and cis[0] < blocked and (duration and not _when(folds) or _negated(folds, cis)):
            facts["cis_kis_months"] = 0 if _negated(folds, cis) else duration[0]  # type: ignore[index]
        elif duration and not cis and (facts.get("jobless") or facts.get("work_status") not in (None, "employed")):
            facts.setdefault("long_term_unemployed", duration[0] > 12 or (duration[1] and duration[0] >= 12))
    return {key: value for key, value in facts.items() if value is not None}


def facts_from_text(text: str) -> Dict[str, object]:
    """Profile updates (the contract's keys, plus "jobless") for every fact stated clearly. A key
    said two different ways is dropped, not guessed; CIS and KIS months add up; the first
    district named wins."""
    merged: Dict[str, object] = {}
    clauses = _clauses(text or "")
    proxy = bool(PROXY.search(text or ""))
    facts = (
        item
        for (toks, question), others in zip(clauses, _others_per_clause(text or "", clauses))
        for item in _clause_facts(toks, question, others, proxy).items()
    )
    for key, value in facts:
        if key == "cis_kis_months" and merged.get(key) is not None:
            merged[key] = int(merged[key]) + int(value)  # type: ignore[call-overload]
        elif key == "addiction" and merged.get(key) is not None and merged[key] != value:
            merged[key] = True  # "jestem alkoholikiem, nie piję od 3 miesięcy": in recovery, still the study's group
        elif key != "district" and merged.get(key, value) != value:
            merged[key] = None  # said two different ways
        else:
            merged.setdefault(key, value)
    merged = {key: value for key, value in merged.items() if value is not None}
    folded = " ".join(t[1] for toks, _ in clauses for t in toks)
    if re.search(r"samotn\w* (\w+ )?(wychow|matk|ojc|rodzic).* potrzebuj\w* (wsparci|pomoc)", folded):
        merged.setdefault("family_support", True)  # a single parent asking for support
    if re.search(r"(pomo\w*|wsparci\w*|radz\w*|rady) (\w+ )?(z|w) (dziec|dzieck|wychow)", folded) and not re.search(
        r"\b(nie|bez) (potrzebuj|chce)", folded
    ):
        merged.setdefault("family_support", True)  # "żeby ktoś pomógł z dziećmi", "wsparcie w wychowaniu"
    cared = r"(nim|nia|synem|corka|dzieckiem|dziecmi|nimi)"
    if re.search(rf"(opiekuj|zajmuj)\w* sie {cared}\b|\bsie {cared} (opiekuj|zajmuj)", folded) and re.search(
        r"orzecz|niepelnospraw|autyz|asperger|uposledz|schizofren|chor|lezac|lezy|udar|wylew|demencj|alzheimer|sparaliz",
        folded,
    ):
        merged.setdefault("carer", True)  # caring for a child or relative who is ill or disabled
    if merged.get("work_status") and merged.pop("jobless", None) and merged["work_status"] == "employed":
        del merged["work_status"]  # "pracuję" and "nie mam pracy": unknown; registered says more
    if re.search(r"\bpije\b.{0,25}\b(przestac|rzucic|skonczyc)", folded) and merged.get("addiction") is not False:
        merged["addiction"] = True  # "piję, ale chcę przestać"
    if re.search(r"\bzgn\b", folded) and re.search(r"\bwypowi\w* (\w+ )?umow", folded):
        merged.setdefault("housing_problem", True)  # "pismo z ZGN, wypowiedzą mi umowę": the lease, not a job
    if merged.get("carer") and re.search(r"\b(dlatego|wiec|przez to|bo) (\w+ )?nie (moge|moze) pracowac", folded):
        merged.pop("health_limitations", None)  # caring, not health, keeps them from work
    # What protection and a degree imply, stated in the same message, outweighs a guess made from it.
    merged.update(
        with_implied({key: merged[key] for key in ("international_protection", "disability_degree") if key in merged})
    )
    if merged.get("disability_certificate") or (
        merged.get("health_limitations") and re.search(r"\borze\w*", folded) and "disability_certificate" not in merged
    ):
        merged.pop("health_limitations", None)  # limits without a certificate: not when one is named, even misspelt
    return merged
