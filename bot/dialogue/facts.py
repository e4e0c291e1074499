"""Turn one user message into profile updates: intent, entities, text patterns and the open question.

Called on every message (the action `action_validate_slot_mappings`), so a fact is taken from
any message at any time, also the first one and also mid-form. A yes/no answer only fills the
question the bot just asked; "nie wiem" and "wolę nie mówić" mark that question as skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable, Mapping

from bot.dialogue.corrections import corrects
from bot.dialogue.kin import kin_before
from bot.dialogue.patterns import (
    PROXY,
    WORDS,
    asks,
    facts_from_text,
    hedged_spans,
    mentions,
    not_home_spans,
    other_durations,
)
from bot.dialogue.questions import GROUPS, SKIPPED_SLOT
from bot.facts_registry import registry
from bot.messages import current_language
from bot.nlp.districts import district_answer, normalise_district
from bot.nlp.morphology import fold, is_word
from bot.nlp.numbers import parse_age, parse_months, parse_number
from bot.nlp.values import normalise_condition, normalise_degree
from bot.profile import FIELDS, IMPLIED, PROFILE_KEYS

JOBLESS_SLOT = "jobless"  # said they have no job, not yet whether they are registered

# What each intent states (data/profile/facts.yaml, `intents`); {} for an intent whose value is
# in its entity ("inform_age", "sit_cis_kis").
INTENT_FACTS: dict[str, dict[str, Any]] = registry().intent_facts()
FACT_INTENTS = frozenset(INTENT_FACTS)
# Facts the NLU's intent states only in a message that has one of these words (one word of a text
# pattern, data/profile/facts.yaml `words`): "w warunkach chronionych" is sheltered work, not a prison.
INTENT_NEEDS: dict[str, str] = {
    "left_prison": "PRISON|PRISON_TALK|PRISON_PLACES",
    # a retrained model read "kalafior fioletowy" as an addiction (0.65): the words must be there
    "addiction": "uzalez*|alkohol*|narkot*|narkoman*|hazard*|dopalacz*|odwyk*|mityng*|metadon*|pić|picie|pij*|"
    "nalog*|trzezw*|wodk*|cpa*|=aa|zapij*|przepij*|kac*|hazardzist*|automat*|bukmach*|zaklad*|brać|=biore|"
    "=brałem|=bralem|=brałam|=bralam|amf*|detoks*|trawk*|=trawek|zielsk*|marihuan*|kasyn*|gorzal*|=alko|mefedron*|"
    "heroin*|kokain*|koks*|dragi|=dragow|=dragów|spid*|grzyb*|tabletk*|leki|=lekow|=leków",
    # the fuzzer's "naipsz mi wiersz o wiośnie" was sit_foreigner (0.63): a country, a nation, a status or a paper
    "foreigner": "COUNTRY|NATION|cudzoziem*|obcokraj*|uchodz*|imigrant*|migrant*|pobyt*|=wize|=wiza|=wizy|wizow*|"
    "paszport*|obywatel*|ochron*|azyl*|=ukr|pochodz*|przyjecha*|uciek*|polak*|polk*|polsk*|oswiadcz*|charkow*|"
    "lwow*|kijow*|odes*",
}
WORK_KEYS = frozenset({JOBLESS_SLOT, "work_status"})
ANSWER_INTENTS = frozenset({"affirm", "deny", "dont_know", "prefer_not_say"})
MIN_INTENT_CONFIDENCE = 0.5  # below this an intent says nothing about the person
SURE_INTENT_CONFIDENCE = 0.8  # when the text patterns found facts, the intent must be this sure

# What "tak" / "nie" mean for questions that are not a plain yes/no about their own slot.
YES_NO: dict[str, tuple[Any, Any]] = {
    "work_status": ("registered_unemployed", "jobless_unregistered"),
    "cis_kis_months": (None, 0),
}


@dataclass(frozen=True)
class Turn:
    """What the NLU made of one message, and where the conversation stands."""

    text: str
    intent: str | None
    confidence: float
    entities: tuple[Mapping[str, Any], ...]
    requested_slot: str | None
    slots: Mapping[str, Any] = field(default_factory=dict)
    ranking: tuple[tuple[str, float], ...] = ()  # the NLU's intents with their confidence, likeliest first
    # Ukrainian and English (bot.dialogue.clauses): the intent of each of the writer's own statements when
    # the message is more than one (None: one statement, or Polish), and whether it spoke of a family member
    clauses: tuple[tuple[str, float], ...] | None = None
    others: bool = False


def _entity_facts(entities: Iterable[Mapping[str, Any]], turn: Turn) -> dict[str, Any]:
    """Values of the entities; a duration counts as CIS/KIS time only when that is the topic, and
    a number of years as the age only when the age is asked or told ("mam 20 lat doświadczenia",
    "kot ma 16 lat" are no ages)."""
    about_cis_kis = turn.intent == "sit_cis_kis" or turn.requested_slot == "cis_kis_months"
    facts: dict[str, Any] = {}
    for entity in entities:
        name, value, text = (
            entity.get("entity"),
            entity.get("value"),
            str(entity.get("text") or entity.get("value") or ""),
        )
        raw = str(value) if value is not None else text
        if name in PERSONAL_ENTITIES and _someone_elses(entity, turn):
            continue  # "син має аутизм, йому 7": the son's, not the writer's
        if name == "age" and "age" in facts and current_language() != "pl":
            continue  # "actually im 42 not 41": the first age said is the one meant
        if name == "age" and _an_age(entity, turn):
            facts["age"] = parse_age(text) or parse_age(raw)
        elif name == "district":
            facts["district"] = (
                raw if raw in FIELDS["district"].choices else normalise_district(text) or normalise_district(raw)
            )
        elif name == "disability_degree" and _a_degree(turn):
            facts["disability_degree"] = raw if raw in FIELDS["disability_degree"].choices else normalise_degree(text)
        elif name == "disability_condition":
            facts["disability_condition"] = (
                raw if raw in FIELDS["disability_condition"].choices else normalise_condition(text)
            )
        elif name == "duration" and about_cis_kis:
            facts["cis_kis_months"] = parse_months(text)
    return {k: v for k, v in facts.items() if v is not None}


PERSONAL_ENTITIES = frozenset({"age", "disability_degree", "disability_condition"})


def _someone_elses(entity: Mapping[str, Any], turn: Turn) -> bool:
    """In Ukrainian and English, an unasked age, degree or condition right after a family member is
    theirs ("my son is 17", "син має аутизм"); Polish has its own patterns (hedged_spans)."""
    if current_language() == "pl" or turn.requested_slot == entity.get("entity"):
        return False
    return kin_before(turn.text, int(entity.get("start") or 0))


def _an_age(entity: Mapping[str, Any], turn: Turn) -> bool:
    """Told unasked, a Polish age is read by the text patterns ("mam 45 lat", "rocznik 80"), which know
    "mój kot ma 16 lat" and "20 lat doświadczenia" are none; the NLU's number only answers the question.
    Ukrainian and English have no such patterns: there the NLU's age counts unless a family member is
    named just before it ("my son is 17"). A correction's number is the age corrected ("a jednak mam 48"),
    and a message that is nothing but a number the NLU read as an age is one ("47" while another question waits)."""
    if turn.requested_slot == "age" or PROXY.search(turn.text) or corrects(turn.intent, turn.text):
        return True  # "pytam za brata, ma 28 lat"
    if turn.intent == "inform_age" and re.fullmatch(r"\s*\d{2,3}\s*(?:lat|lata)?\s*[.!]?\s*", turn.text):
        return True  # "47" typed while another question waits: nothing but the age
    return current_language() != "pl"  # a family member before it was checked (_someone_elses)


def _a_degree(turn: Turn) -> bool:
    """ "lekki", "znaczny" are a degree when it is asked or the message speaks of a certificate or a
    degree ("orzeczenie umiarkowane", "II grupa"); "tak, lekka praca" says nothing of a degree."""
    words = re.findall(r"\w+", fold(turn.text))
    if turn.requested_slot == "disability_degree" or current_language() != "pl":  # the uk/en model's own call
        return True
    if turn.slots.get("disability_certificate") and turn.slots.get("disability_degree") is None and len(words) <= 2:
        return True  # "mam orzeczenie …" then a bare "umiarkowany" while another question waits: its degree
    return any(w.startswith(WORDS["DEGREE"]) for w in words)


def _plain_entities(
    turn: Turn, hedges: list[tuple[int, int]], not_home: list[tuple[int, int]]
) -> list[Mapping[str, Any]]:
    """Entities outside the hedged parts of the message ("pracowałem 15 lat" answers no age), and
    no district named as the place of a prison or an office ("wyszedłem z aresztu na Służewcu")."""

    def within(entity: Mapping[str, Any], spans: list[tuple[int, int]]) -> bool:
        start = entity.get("start")
        return isinstance(start, int) and any(a <= start < b for a, b in spans)

    return [
        e
        for e in turn.entities
        if not within(e, hedges) and not (e.get("entity") == "district" and within(e, not_home))
    ]


def _months_or_number(text: str) -> int | None:
    """ "8 miesięcy", "rok", or a bare number ("8", "jakieś 5"); not a number of something else
    ("mam troje dzieci i męża" answering how long the CIS took)."""
    months = parse_months(text)
    if months is not None:
        return months
    return parse_number(text) if len(re.findall(r"\w+", text)) <= 2 else None


# Answers read as a count of months or a bare number: a number the NLU calls an age is none of them.
COUNTED_ANSWERS = frozenset({"cis_kis_months"})
NO_DECLINES = frozenset({"age"})  # questions a bare "nie" cannot answer, only decline ("nie mieszkam w W-wie"…)

# Free-text answers to a question: a short reply is read as the value asked for ("44", "Wola").
ANSWER_READERS: dict[str, Callable[[str], Any]] = {
    "age": parse_age,
    "district": district_answer,
    "disability_degree": normalise_degree,
    "disability_condition": normalise_condition,
    "cis_kis_months": _months_or_number,
}


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with the given spans blanked out ("pracowałem 15 lat" is no age). Each blanked word
    stays a word ("_"), so "mam troje dzieci" is still three words, not the short answer "mam troje"."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = ["_" if ch.isalnum() else " " for ch in text[start:end]]
    return "".join(chars)


def _answer_facts(turn: Turn, hedges: list[tuple[int, int]], not_home: list[tuple[int, int]]) -> dict[str, Any]:
    """Facts from a short answer to the open question (buttons, "tak", "nie", "8", "Wola")."""
    asked = turn.requested_slot
    if not asked or (turn.intent or "").startswith("crisis_"):
        return {}  # a cry for help is no answer to the question on the screen
    # "nie" to "Ile masz lat?" can only decline to say (it got "Nie zrozumiałem", then the same again)
    declined = turn.intent == "deny" and asked in NO_DECLINES and re.fullmatch(r"\W*nie\W*", fold(turn.text))
    if turn.intent in ("dont_know", "prefer_not_say") or declined:
        skipped = list(turn.slots.get(SKIPPED_SLOT) or [])
        return {SKIPPED_SLOT: skipped + [asked]} if asked not in skipped else {}
    if asked in GROUPS:  # "nie": none of the others — what the person already said stays
        unknown = [key for key in GROUPS[asked] if turn.slots.get(key) is None]
        return {key: False for key in unknown} if turn.intent == "deny" else {}
    if turn.intent in ("affirm", "deny"):
        if asked == "work_status" and not turn.slots.get(JOBLESS_SLOT):
            return {}  # the multiple-choice version of the question: "tak" says nothing
        if asked in YES_NO:
            value = YES_NO[asked][0 if turn.intent == "affirm" else 1]
        else:
            value = (turn.intent == "affirm") if FIELDS[asked].kind is bool else None
        return {asked: value} if value is not None else {}
    if asked in COUNTED_ANSWERS and any(e.get("entity") == "age" for e in turn.entities):
        return {}  # "Mam 44 lata." to how long the CIS took is the age, not 44 years in a CIS
    reader = ANSWER_READERS.get(asked)
    unsaid = hedges + (not_home if asked == "district" else [])
    value = reader(_blanked(turn.text, unsaid)) if reader and len(turn.text) <= 60 else None
    return {asked: value} if value is not None else {}


def _consistent(updates: dict[str, Any], slots: Mapping[str, Any]) -> dict[str, Any]:
    """Make the combined profile coherent: what one fact implies about another."""
    merged = {**slots, **updates}
    facts = registry().facts
    for key, implied, value in IMPLIED:  # the benefit is paid to registered people only, …
        if facts[key].triggers_implication(updates.get(key)) and (
            merged.get(implied) is None or facts[key].implication_overrules_answer
        ):
            updates[implied] = value
    for key, fact in facts.items():  # "nie mam orzeczenia" clears the degree
        if fact.forgotten_when and key not in updates and merged.get(key) is not None:
            if fact.forgotten_when[0] in updates and updates[fact.forgotten_when[0]] == fact.forgotten_when[1]:
                updates[key] = None
    if updates.get(JOBLESS_SLOT) and merged.get("work_status") == "employed" and "work_status" not in updates:
        updates["work_status"] = None  # "I lost my job": ask about registration again
    if updates.get("work_status") == "employed":
        updates[JOBLESS_SLOT] = False
    return updates


YES_WORDS = frozenset({"tak", "jasne", "oczywiscie", "owszem", "pewnie", "yes"})
NO_WORDS = frozenset({"nie", "nigdy"})
UNSURE_WORDS = frozenset({"wiem", "pamietam", "pewien", "pewna", "pewny", "wiadomo"})
SELF_WORDS = frozenset({"ja", "a", "mnie", "u"})  # "ja nie, mama ma", "a ja? nie", "u mnie tak"
# "przecież pisałam, że nie", "no już mówiłem że tak": the answer, told again
ALREADY_SAID = re.compile(
    r"(?:no |ale )?(?:przeciez |juz )*(?:na)?(?:pisal|mowil)\w*(?: juz| przeciez)*(?: ze)? (tak|nie)\b"
)


def leading_answer(text: str) -> str | None:
    """ "tak, korzystam" is a yes and "nie, od pół roku" a no to the question asked, whatever
    else the NLU read into the rest; "ja nie, mama ma" is the person's own no, a short "w warunkach
    chronionych tak" a yes, and "nie wiem, muszę sprawdzić" skips the question, as the bot's own
    "napisz „nie wiem”" promises, however the NLU reads the rest (it once read it otherwise, and the
    question came back with the same advice, again and again); "nie wiem, chyba lekki" is a "nie
    wiem" too (a guess is no answer)."""
    words = re.findall(r"\w+", fold(text))
    while words[:1] and words[0] in SELF_WORDS:
        words = words[1:]
    repeated = ALREADY_SAID.match(" ".join(words))
    if repeated:  # "przecież pisałam, że nie": the answer given before, said again
        return "affirm" if repeated.group(1) == "tak" else "deny"
    if _unsure(words[:3]):
        return "dont_know"
    if not words or UNSURE_WORDS & set(words[:3]):
        return None
    short_yes = len(words) <= 4 and words[-1] in YES_WORDS and not NO_WORDS & set(words) and "?" not in text
    if words[0] in YES_WORDS or short_yes:
        return "affirm"
    words = words[:3]
    if words[0] in NO_WORDS or words[:2] == ["no", "nie"]:
        return "deny"
    return None


# Words of not knowing, folded, as beginnings ("nie wiem", "bez pojęcia", "ciężko powiedzieć", "hmm", "не знаю").
UNSURE_CUES = (
    "nie",
    "wiem",
    "wiedz",
    "wiadom",
    "pojec",
    "pamieta",
    "pewn",
    "sprawdz",
    "nw",
    "trudno",
    "ciezko",
    "zalez",
    "orientuj",
    "kojarz",
    "zgadn",
    "hm",
    "yy",
    "ee",
    "idk",
    "dunno",
    "know",
    "sure",
    "не",
    "знаю",
    "хз",
    # Ukrainian in Latin letters ("ne znaju", "ne znayu", "ne vpevnena"; probed in the fourteenth session:
    # the Ukrainian model read "ne znaju" as "не знаю" and this check threw it away)
    "znaj",
    "znay",
    "znau",
    "vpevn",
    "wpewn",
)


def sounds_unsure(text: str) -> bool:
    """Whether a message the NLU read as "nie wiem" has a word of not knowing, or asks something."""
    return "?" in text or any(word.startswith(UNSURE_CUES) for word in re.findall(r"\w+", fold(text)))


def _unsure(words: list[str]) -> bool:
    """ "nie wiem", "sama nie pamiętam", "nie mam pojęcia", "nie jestem pewna", "muszę sprawdzić":
    the person does not know the answer now (the first three words)."""
    pairs = list(zip(words, words[1:]))
    return (
        words[:2] == ["musze", "sprawdzic"]
        or words == ["nie", "mam", "pojecia"]
        or (words[:2] == ["nie", "jestem"] and words[2:] in (["pewien"], ["pewna"], ["pewny"]))
        or any(first == "nie" and second in UNSURE_WORDS - {"wiadomo"} for first, second in pairs)
    )


def mostly_words(text: str) -> bool:
    """Whether most of the message is words or numbers; keyboard mash ("zzzz ppp", "qqqq") says nothing.
    Polish words are known to Morfeusz; in Ukrainian and English a word only needs to look like one."""
    tokens = re.findall(r"\w+", text)
    word = is_word if current_language() == "pl" else looks_like_a_word
    return bool(tokens) and 2 * sum(map(word, tokens)) > len(tokens)


_VOWEL = re.compile(r"[aeiouyаеиіїєоуюяё]", re.IGNORECASE)
_REPEATED = re.compile(r"(\w)\1\1")


def looks_like_a_word(token: str) -> bool:
    """A number, or letters with a vowel and no letter three times in a row ("так", "ok", not "zzzz")."""
    if token.isdigit():
        return True
    return token.isalpha() and bool(_VOWEL.search(token)) and not _REPEATED.search(token.lower())


def _about_something_else(stated: Mapping[str, Any], turn: Turn) -> bool:
    """ "nie mam żadnego orzeczenia" while the benefit question waits is no "nie" to the benefit:
    the message states other facts and none the question asks about ("nie wiem" still skips it)."""
    asked = turn.requested_slot
    if not stated or not asked or turn.intent in ("dont_know", "prefer_not_say"):
        return False
    # "nie pracuję (od roku)" to the registration question, the job loss already known, answers nothing
    known_jobless = turn.slots.get(JOBLESS_SLOT)
    answering = {
        asked,
        *GROUPS.get(asked, ()),
        *([JOBLESS_SLOT] if asked == "work_status" and not known_jobless else []),
    }
    if answering & set(stated):
        return False
    # "37, pisałam przecież. i mieszkam na Bielanach": an answer first, then another fact
    reader = ANSWER_READERS.get(asked)
    return not (reader and reader(FIRST_PART.split(turn.text, maxsplit=1)[0]) is not None)


FIRST_PART = re.compile(r"[,.;!?\n]")


def extract_updates(turn: Turn) -> dict[str, Any]:
    """Slot updates for this message; only values that differ from the current slots."""
    return {k: v for k, v in read_facts(turn).items() if turn.slots.get(k) != v}


def read_facts(turn: Turn) -> dict[str, Any]:
    """Every slot value this message states, also the ones the slots already hold (a correction
    that says again what is known is told so)."""
    if not turn.text.startswith("/") and not mostly_words(turn.text) and not facts_from_text(turn.text):
        return {}  # keyboard mash; "stracilam prace" typed without diacritics is no mash: it states a fact
    if turn.intent == "dont_know" and not turn.text.startswith("/") and not sounds_unsure(turn.text):
        turn = replace(turn, intent=None)  # "kalafior fioletowy" read as "nie wiem" by a model skips nothing
    keeps_intent = (turn.intent or "").startswith("crisis_") or turn.intent in ("dont_know", "prefer_not_say")
    answer = (
        leading_answer(turn.text)
        if turn.requested_slot and not keeps_intent and not turn.text.startswith("/")
        else None
    )
    if answer == "dont_know" and facts_from_text(turn.text):
        answer = None  # "nie wiem, ale mam 53 lata": the facts count, the NLU decides the rest
    # the message's own facts still count after a leading "nie wiem" ("nie wiem, ale mam 45 lat")
    speaks = turn.intent not in ("dont_know", "prefer_not_say") and not turn.text.startswith("/")
    if answer:
        turn = replace(turn, intent=answer, confidence=1.0)
    elif turn.intent in ("affirm", "deny") and turn.requested_slot and asks(turn.text):
        turn = replace(turn, intent=None)  # "jak się masz?" read as a yes by the NLU answers nothing
    updates: dict[str, Any] = {}
    # the text patterns read Polish: "ni, zasilku nemaje" has no Polish "nie" and would be a benefit
    polish = current_language() == "pl"
    stated = facts_from_text(turn.text) if speaks and polish else {}
    # "nie wiem, chyba lekki": a guess; "20 lat doświadczenia" is no age and no time in a CIS
    hedges = hedged_spans(turn.text) + other_durations(turn.text) if not turn.text.startswith("/") else []
    not_home = not_home_spans(turn.text) if speaks else []
    # The intent speaks for the whole message: not when part of it is a question, a plan, the
    # past or about someone else ("syn ma autyzm"); then only the text patterns decide.
    # In Ukrainian and English, with no patterns to fall back on, the model's fact intent counts when
    # some of the message states something ("I'm registered and get the benefit. What else can I do?").
    spoken = not hedges or (not polish and _states_something(turn.text, hedges))
    trusted = spoken and turn.confidence >= (SURE_INTENT_CONFIDENCE if stated else MIN_INTENT_CONFIDENCE)
    # Ukrainian and English have no text patterns: their entities count whatever the intent; a
    # correction's too ("przepraszam, chodziło mi o Bemowo")
    if turn.intent in FACT_INTENTS or turn.requested_slot or not polish or corrects(turn.intent, turn.text):
        updates.update(_entity_facts(_plain_entities(turn, hedges, not_home), turn))
    if (turn.intent in ANSWER_INTENTS or turn.requested_slot) and not _about_something_else(stated, turn):
        answered = _answer_facts(turn, hedges, not_home)
        updates.update(answered)
        # "jakieś 5 miesięcy" answering the CIS question is that answer, whatever else the NLU guessed
        trusted = trusted and turn.requested_slot not in answered
    # "my husband is unemployed and registered, i work part time", "i dont know what is orzeczenie": the
    # message's intents are not the writer's statements; only its own clauses' are (bot.dialogue.clauses)
    # (in danger as before: "my husband threw me out, I have nowhere to sleep" is homelessness, _other_intent_facts)
    danger = (turn.intent or "").startswith("crisis_")
    whole = polish or danger or turn.clauses is None or (bool(turn.clauses) and not turn.others)
    if (
        trusted
        and whole
        and turn.intent in FACT_INTENTS
        and not (WORK_KEYS & set(INTENT_FACTS[turn.intent]) and WORK_KEYS & set(stated))
    ):
        updates.update(_intent_facts(turn))  # where the patterns read the work situation, they decide it
    if not polish and not turn.text.startswith("/"):
        others = {**_clause_facts(turn), **(_other_intent_facts(turn) if whole else {})}
        updates.update({k: v for k, v in others.items() if k not in updates})
    updates.update(stated)  # precise and negation-aware: wins over the intent
    updates = _consistent(updates, turn.slots)
    updates.update(_answered_group(updates, turn))
    known = set(PROFILE_KEYS) | {JOBLESS_SLOT, SKIPPED_SLOT} | set(GROUPS)
    return {k: v for k, v in updates.items() if k in known}


def _intent_facts(turn: Turn) -> dict[str, Any]:
    """What the intent states, but a fact of INTENT_NEEDS only where the message has its words (a
    button's payload is the person's own choice), and no "no job" against a job the person told of."""
    facts = {
        key: value
        for key, value in INTENT_FACTS[turn.intent or ""].items()
        if key not in INTENT_NEEDS
        or turn.text.startswith("/")
        or current_language() != "pl"  # the words are Polish; the Ukrainian and English models decide alone
        or mentions(turn.text, INTENT_NEEDS[key])
    }
    if facts.get(JOBLESS_SLOT) and turn.slots.get("work_status") == "employed" and not turn.text.startswith("/"):
        # "nie mam zasiłku dla bezrobotnych" from someone who works: only their own words ("straciłem
        # pracę", read by the text patterns) end the job they told of, not the NLU's guess
        facts.pop(JOBLESS_SLOT)
    return facts


def _states_something(text: str, hedges: list[tuple[int, int]]) -> bool:
    """Words outside the questions (whole sentences that end with "?"), plans and talk of others: the
    message also states something."""
    spans = hedges + [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]*\?", text)]
    outside = "".join(ch for i, ch in enumerate(text) if not any(a <= i < b for a, b in spans))
    return bool(re.search(r"[^\W\d_]{2,}", outside))


# A second likely intent of a Ukrainian or English message whose facts count too.
OTHER_INTENT_CONFIDENCE = 0.2
# The situation a danger is (a message read as crisis_shelter states homelessness as surely as the others).
CRISIS_SITUATIONS = {"crisis_shelter": "sit_homeless"}


def _other_intent_facts(turn: Turn) -> dict[str, Any]:
    """Ukrainian and English have no text patterns to read a message of several facts, and the model
    gives each message one intent: its other likely intents stand in ("I'm registered at the labour
    office and I get the benefit. What else can I do?": request_advice, then sit_registered and
    sit_benefit). The likelier intent wins where two disagree."""
    # A message in danger speaks of despair, not of the person's situation: "sometimes i think my family would be
    # better off without me" (family support 0.29), "мені важко писати польською. Я вже не бачу сенсу жити"
    # (health limitations 0.41) each set a fact the advice then gave as a reason (probed). Only a sure one counts.
    # Nowhere to sleep tonight is the person's situation too: homelessness needs no more than any other intent.
    danger = (turn.intent or "").startswith("crisis_")
    facts: dict[str, Any] = {}
    for name, confidence in turn.ranking[1:]:
        needed = (
            MIN_INTENT_CONFIDENCE
            if danger and name != CRISIS_SITUATIONS.get(turn.intent or "")
            else OTHER_INTENT_CONFIDENCE
        )
        if confidence >= needed and name in FACT_INTENTS:
            for key, value in _intent_facts(replace(turn, intent=name)).items():
                facts.setdefault(key, value)
    return facts


# A clause is short and read without the rest: its plain statements score 0.93-0.99 ("no benefit", "я
# втратила роботу"); an ambiguous one lower ("допомоги не маю" after "registered at the labour office":
# social assistance 0.58, where the benefit was meant), and then it says nothing.
CLAUSE_CONFIDENCE = 0.8


def _clause_facts(turn: Turn) -> dict[str, Any]:
    """What each of the writer's own statements says, when the model is sure of it ("I am 40, registered
    at the labour office, no benefit": registered, no benefit). None in danger: there the words are of
    despair (as in _other_intent_facts)."""
    if (turn.intent or "").startswith("crisis_"):
        return {}
    facts: dict[str, Any] = {}
    for name, confidence in turn.clauses or ():
        if confidence >= CLAUSE_CONFIDENCE and name in FACT_INTENTS:
            for key, value in _intent_facts(replace(turn, intent=name)).items():
                facts.setdefault(key, value)
    return facts


def _answered_group(updates: Mapping[str, Any], turn: Turn) -> dict[str, str]:
    """A grouped question counts as answered once the person responded to it in any way."""
    group = turn.requested_slot
    if group in GROUPS and (turn.intent in ANSWER_INTENTS or any(k in GROUPS[group] for k in updates)):
        return {group: "answered"}
    return {}
