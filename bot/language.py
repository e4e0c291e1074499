"""The language a person writes in: detected by lingua (a language-identification library), or asked for.

- `detect(text)`: the language of a message, or None when it says too little to tell ("OPS", "34", "ok")
  or lingua is not sure (mixed messages): the conversation then keeps its language. Only the languages
  people in Warsaw are likely to write in are compared, in lingua's low-accuracy mode (trigram models
  only): about 15 MB of memory instead of about 250 MB, measured in docs/benchmarks.md.
- `requested(text)`: the language a person asks for in words ("po polsku", "українською", "in English").
- `SUPPORTED`: the languages the assistant speaks (CONTRACT section 6); any other detected language gets
  the offer of these three.

Ukrainian written in Latin letters ("ne pracuju") is read as Polish by lingua (its models know Ukrainian
only in Cyrillic). The NLU hands a trained reader of such messages (`LatinReader`: the crisis router of
bot.nlp.safety.routing, very sure, four words or more) to `written_in`, `reading_language` and
`following_language`, so "pryvit, ja szukaju robotu w Warszawi" opens a Ukrainian conversation; a short
one ("ne pracuju") still says too little, and the person can switch with one button.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import islice
from typing import Any, Callable, Iterable, Mapping, Optional

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

SUPPORTED = ("pl", "uk", "en")
DEFAULT = "pl"
# Set only by the NLU's language detector (bot/rasa_server/nlu/language.py), never trained.
SWITCH_INTENT = "switch_language"  # with the entity `language`: a button of the widget or words
OTHER_INTENT = "other_language"  # written in a language the assistant does not speak
DETECTOR_INTENTS = frozenset({SWITCH_INTENT, OTHER_INTENT})
ENTITY = "language"
SLOT = "language"  # the conversation's language (CONTRACT section 6)
PARSE_KEY = "language"  # the detected language in the NLU's parse data, when there is one
READ_AS_KEY = "read_as"  # the language the NLU read the message in (bot/rasa_server/nlu/foreign.py)
FOLLOW_KEY = "follow_language"  # another language the conversation moves to (two messages plainly in it)
SESSION_KEY = "detected_language"  # the first message's language in the session-start metadata
WRITTEN_KEY = "written_in"  # the language the NLU found a message written in (written_in), for the detector after it
# The language the crisis detector read a danger in, when not the message's `read_as` (Ukrainian in Latin
# letters in a Polish conversation): the numbers come in it (actions/safety.py).
DANGER_LANGUAGE_KEY = "danger_language"
UKRAINIAN = "uk"
# Whether a message in Latin letters is Ukrainian (bot.nlp.safety.routing.latin_ukrainian_reader).
LatinReader = Callable[[str], bool]
COMPARED = (
    Language.POLISH,
    Language.UKRAINIAN,
    Language.ENGLISH,
    Language.RUSSIAN,
    Language.BELARUSIAN,
    Language.GERMAN,
)
MIN_WORDS = 2  # one word ("OPS", "ok", "Wola") tells nothing about the language
MIN_LETTERS = 8
MIN_CONFIDENCE = 0.75  # below it the message is mixed or unclear: keep the current language
# Another language only when lingua is very sure: short English is often taken for German at 0.8-0.9
# ("i want to change my answer"), and such a person must not be told we do not speak their language.
FOREIGN_CONFIDENCE = 0.95

_WORD = re.compile(r"[^\W\d_]+")
# Asking for a language in words. A phrase ("po polsku", "in English", "українською") asks in any short
# message; a bare name ("English", "polski") only when the message is little more than that name
# ("English please"), since "znam angielski" or "mam polski paszport" ask for nothing.
_PHRASES = {
    "pl": r"po polsku|in polish|польською|по-польськи|по польськи|по-польски|polskoju",
    "uk": r"po ukraińsku|po ukrainsku|in ukrainian|українською|по-українськи|по українськи|ukrainskoju|ukrainskoyu|ukrainskoiu",
    "en": r"po angielsku|in english|англійською|по-англійськи|по англійськи|anglijskoju",
}
_NAMES = {
    "pl": r"polski|polish|польська|polska",
    "uk": r"ukraiński|ukrainski|ukrainian|українська|ukrainska",
    "en": r"angielski|english|англійська",
}
_BARE_NAME_WORDS = 2
# A greeting says which language to answer in where lingua cannot tell ("Привіт", "Hello", "hi, I lost my
# job": probed, a Ukrainian and an Englishman got the Polish welcome). Only greetings no Polish speaker
# writes ("hej", "cześć" stay languageless; the conversation then starts in Polish).
_GREETINGS = {
    "uk": r"привіт|привiт|вітаю|добрий день|доброго дня|добрий вечір|доброго вечора|добрий ранок|доброго ранку"
    r"|pryvit|privit|pryvet|vitaju|vitayu|dobryj den|dobryi den|dobrij den|dobroho dnia|dobrogo dnya",
    "en": r"hi|hello|hey|hiya|hi there|hello there|good morning|good afternoon|good evening",
}


def _pattern(alternatives: str) -> re.Pattern:
    return re.compile(rf"(?<!\w)({alternatives})(?!\w)", re.IGNORECASE)


_REQUESTS = {lang: _pattern(words) for lang, words in _PHRASES.items()}
_GREETING = {lang: re.compile(rf"^\W*(?:{words})(?!\w)", re.IGNORECASE) for lang, words in _GREETINGS.items()}
_GREETING_ALONE = {lang: re.compile(rf"^\W*(?:{words})\W*$", re.IGNORECASE) for lang, words in _GREETINGS.items()}
_BARE = {lang: _pattern(words) for lang, words in _NAMES.items()}
_LONG_REQUEST_WORDS = 5  # "in English" is a request; a long message that names a language is about something else


@lru_cache(maxsize=1)
def detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*COMPARED).with_low_accuracy_mode().build()


def says_enough(text: str) -> bool:
    words = _WORD.findall(text)
    return len(words) >= MIN_WORDS and sum(map(len, words)) >= MIN_LETTERS


@lru_cache(maxsize=1024)  # the NLU asks for each message twice (reading it, then the detector), and for the one before
def detect(text: str) -> str | None:
    """ISO 639-1 code of the message's language, or None when it is too short or unclear. A greeting alone
    is in its language ("Привіт", "dobryj den": lingua, Polish); one a message opens with decides what
    lingua cannot ("hi, I lost my job")."""
    alone = _greeted(_GREETING_ALONE, text)
    if alone:
        return alone
    return _detected(text) or _greeted(_GREETING, text)


def _greeted(patterns: Mapping[str, re.Pattern], text: str) -> str | None:
    return next((lang for lang, pattern in patterns.items() if pattern.match(text)), None)


def _detected(text: str) -> str | None:
    if not says_enough(text):
        return None
    values = detector().compute_language_confidence_values(text)
    english = _plainly_english(text)
    if not values:
        return english
    code = values[0].language.iso_code_639_1.name.lower()
    if _NOT_IN.get(code) and _NOT_IN[code].search(text):
        code = UKRAINIAN  # "я ж писала: Праґа Полудне": lingua, Russian 1.0; Russian has no "ґ"
    # Plainly English is English unless lingua finds Ukrainian: "I live in Praga Północ, near the zoo" (lingua:
    # Polish), "gave my dog to the sąsiadka today" (German), "car crash on Wisłostrada, the other driver isn't
    # moving" (English, but the street's Polish letters said Polish): 28 of the 37 English messages of a crisis
    # set (retired_en10) that were read as Polish first messages, none of the Polish NLU held-out set.
    if english and code != UKRAINIAN:
        return english
    needed = MIN_CONFIDENCE if code in SUPPORTED else FOREIGN_CONFIDENCE
    if values[0].value < needed:
        return english  # "Hi, I lost my job in October": lingua 0.51 German, 0.49 English
    return DEFAULT if code != DEFAULT and _plainly_polish(text, code) else code


# Letters of Ukrainian that a language lingua may take a Ukrainian message for does not have.
# Belarusian has no "и" or "щ" either ("а що таке ЦІС?": lingua, Belarusian).
_NOT_IN = {"ru": re.compile(r"[іїєґ]", re.IGNORECASE), "be": re.compile(r"[ищїєґ]", re.IGNORECASE)}


def written_in(text: str, latin_ukrainian: Optional[LatinReader] = None) -> str | None:
    """detect(text); Ukrainian instead when lingua reads the message as Polish or cannot tell and the
    reader says it is Ukrainian in Latin letters ("pryvit, ja szukaju robotu w Warszawi": lingua, Polish)."""
    found = detect(text)
    if found in (DEFAULT, None) and latin_ukrainian is not None and latin_ukrainian(text):
        return UKRAINIAN
    return found


def _plainly_english(text: str) -> str | None:
    """English when at least MIN_WORDS of its commonest words are in the message and none of Polish's or
    Ukrainian's: lingua called an English message with a Polish place name Polish (35 of the 246 English
    held-out examples), and short ones German."""
    found = _function_words(_SHARED_WORDS.sub(" ", text))
    others = sum(n for lang, n in found.items() if lang != "en")
    return "en" if found.get("en", 0) >= MIN_WORDS and not others else None


def _plainly_polish(text: str, other: str) -> bool:
    """Polish letters, or more of Polish's commonest words than of the other language's: lingua's short-text
    models took "co to jest PAI?" for English, and the whole conversation would have been in English."""
    if _POLISH_LETTERS.search(text) and not _mostly_cyrillic(text):
        return True  # not "маю карту побиту, отримую zasiłek": Ukrainians write the offices' words in Polish
    found = _function_words(text)
    if other not in found:
        return False  # German, Russian, …: lingua's verdict stands (and needs FOREIGN_CONFIDENCE)
    return found[DEFAULT] >= MIN_WORDS and found[DEFAULT] > found[other]


_POLISH_LETTERS = re.compile(r"[ąćęłńśźż]", re.IGNORECASE)
_CYRILLIC_LETTER = re.compile(r"[\u0400-\u04ff]")
_LATIN_LETTER = re.compile(r"[a-ząćęłńóśźż]", re.IGNORECASE)


def _mostly_cyrillic(text: str) -> bool:
    return len(_CYRILLIC_LETTER.findall(text)) > len(_LATIN_LETTER.findall(text))


# Words of both: "i" is Polish "and" as often as English "I"; Polish "one" and "pan" are English words too
# ("the new one starts next week").
_SHARED_WORDS = re.compile(r"(?<!\w)(?:i|one|pan)(?!\w)", re.IGNORECASE)


def requested(text: str) -> str | None:
    """The language asked for in a short message ("po polsku", "english please"), else None."""
    words = len(_WORD.findall(text))
    if words > _LONG_REQUEST_WORDS:
        return None
    found = {lang for lang, pattern in _REQUESTS.items() if pattern.search(text)}
    if not found and words <= _BARE_NAME_WORDS:
        found = {lang for lang, pattern in _BARE.items() if pattern.search(text)}
    return found.pop() if len(found) == 1 else None


def reading_language(text: str, conversation: str | None, latin_ukrainian: Optional[LatinReader] = None) -> str:
    """The language the NLU reads a message in: the one it asks for ("po polsku"); else another one the
    assistant speaks that the message is plainly written in ("мені 41 рік" in a Polish conversation, "nie
    mam żadnego orzeczenia" in an English one); else the conversation's (so "так" and "ne pracuju" in a
    Ukrainian conversation are Ukrainian); else the one it is written in (a first message: written_in);
    else Polish."""
    if conversation not in SUPPORTED:
        conversation = None
    found = requested(text) or (conversation and _plainly_in(text, conversation, latin_ukrainian)) or conversation
    found = found or written_in(text, latin_ukrainian)
    return found if found in SUPPORTED else DEFAULT


FOLLOW_LOOKBACK = 10  # earlier messages searched for the last one that showed its language


def following_language(
    text: str, conversation: str | None, earlier: Iterable[str] = (), latin_ukrainian: Optional[LatinReader] = None
) -> str | None:
    """Another language the conversation moves to: when this message and the last earlier one that showed
    a language (`earlier`, newest first) are both plainly in it, with no language chosen in between (a
    button, "po polsku"). Once is not enough: a Ukrainian in Warsaw writes one sentence in Polish. A
    fuzzer's conversation opened with "co mi poleacsz?" (lingua: English, 0.78) and stayed English while
    every later message was Polish."""
    if conversation not in SUPPORTED:
        return None
    here = _plainly_in(text, conversation, latin_ukrainian)
    if here is None:
        return None
    for before in islice(earlier, FOLLOW_LOOKBACK):
        if before.startswith(f"/{SWITCH_INTENT}") or requested(before):
            return None  # the person chose the language since: what came before does not count
        if before.startswith("/") or not says_enough(before):
            continue  # a button or "ok": shows no language
        shown = written_in(before, latin_ukrainian)
        if shown is not None:
            return here if shown == here and _plainly_in(before, conversation, latin_ukrainian) == here else None
    return None


def _plainly_in(text: str, conversation: str, latin_ukrainian: Optional[LatinReader] = None) -> str | None:
    """The language the message is detected in, when that is another one the assistant speaks and none of
    the conversation's language's commonest words is in it ("I live in Praga Północ" stays English). Never
    Polish in a Ukrainian conversation: lingua reads Ukrainian in Latin letters as Polish ("ni, zasilku
    nemaje"), people who chose Ukrainian write the offices' Polish words ("nie mam zasiłku"), and the
    Ukrainian model knows those words. Ukrainian in Latin letters found by the reader needs no such check:
    the router has weighed the words it shares with Polish ("ja", "w", "na") already."""
    found = written_in(text, latin_ukrainian)
    if found not in SUPPORTED or found == conversation:
        return None
    if found == DEFAULT and conversation == "uk":
        return None
    if found != detect(text):
        return found
    return found if not _function_words(text).get(conversation) else None


def _function_words(text: str) -> dict[str, int]:
    """Per language of the crisis lexicons (pl, uk, en): how many of its commonest words the message has."""
    from bot.nlp.safety.languages import counts
    from bot.nlp.safety.signals import lexicons

    return counts(text, lexicons())


def asked_in(parse_data: Mapping[str, Any] | None) -> str | None:
    """The language a parsed message asks for (`switch_language`, typed or a button), else None."""
    if ((parse_data or {}).get("intent") or {}).get("name") != SWITCH_INTENT:
        return None
    asked = [e.get("value") for e in (parse_data or {}).get("entities") or [] if e.get("entity") == ENTITY]
    return asked[0] if asked and asked[0] in SUPPORTED else None


def detected_in(parse_data: Mapping[str, Any] | None) -> str | None:
    """The language the NLU found a parsed message written in, when it is one the assistant speaks."""
    found = (parse_data or {}).get(PARSE_KEY)
    return found if found in SUPPORTED else None


def read_in(parse_data: Mapping[str, Any] | None) -> str | None:
    """The language the NLU read a parsed message in ("uk" for "ні" in a Ukrainian conversation)."""
    found = (parse_data or {}).get(READ_AS_KEY)
    return found if found in SUPPORTED else None


def followed_in(parse_data: Mapping[str, Any] | None) -> str | None:
    """The language the conversation moves to after this parsed message, if any (`following_language`)."""
    found = (parse_data or {}).get(FOLLOW_KEY)
    return found if found in SUPPORTED else None


def from_locale(locale: object) -> str | None:
    """ "uk_UA", "en-GB", "pl" (a channel's locale) -> a language the assistant speaks, else None."""
    code = str(locale or "").replace("-", "_").split("_")[0].lower()
    return code if code in SUPPORTED else None
