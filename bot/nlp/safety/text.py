"""A message as the patterns read it: folded words, their clauses and segments, and verb tenses.

Two scopes of context:
- a clause ends at any punctuation and at a contrast word ("ale", "teraz"): idioms, negation and
  cancels act within it ("nie myślę o tym, ale…");
- a segment ends only at the end of a sentence (. ! ? ; newline) and at a contrast word: time
  markers reach across its commas ("Pięć lat temu uciekłam od męża, który mnie bił").
A street named in an address ("na ulicy Marszałkowskiej", "na jakiej ulicy jest…") is read as
an address, not as "na ulicy", where people sleep rough.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Callable

from bot.nlp.morphology import MAX_WORD_CHARS, fold

if TYPE_CHECKING:
    from bot.nlp.safety.patterns import WordIndex

_WORD = re.compile(r"[a-z0-9]+")
# An apostrophe inside a word: Ukrainian "б'є", "пʼяний"; English "don't", "I'm". People as often
# leave it out ("бє", "dont"), so it is left out: "б'є" and "бє" are one word, not "б" and "є".
_INNER_APOSTROPHE = re.compile(r"(?<=\w)['’ʼ`´](?=\w)|ʼ")
_SPLIT = re.compile(r"\w+|[.,;:!?()\n]+", re.UNICODE)
_SENTENCE_END = re.compile(r"[.;!?\n]")
_YEAR = re.compile(r"(19|20)\d\d")
YEAR = "rokliczba"  # what a year written in digits ("w 2015") is read as: a time marker
ADDRESS = "adresulica"  # what a street in an address is read as: no place to sleep
_STREET = frozenset({"ulica", "ulicy", "ulice"})  # folded singular forms ("ulicą", "ulicę" fold to these)
_WHICH = frozenset({"jakiej", "ktorej", "jaka", "ktora"})
_JOINERS = frozenset({"a", "i", "ale", "lecz", "no"})  # after these a clause still starts: "a teraz"
_PRESENT_TAGS = {"fin", "impt", "bedzie"}
_NOT_VERBS = {"ppron12", "ppron3", "siebie", "subst", "depr", "adj", "prep", "qub", "conj", "comp", "adv"}
_PAST_SUFFIX = re.compile(r"[aeiouy](l|la|lo|li|ly)(em|am|es|as|smy|scie)?$")


@dataclass(frozen=True)
class Text:
    """A message as folded words, with the clause and the segment each word belongs to."""

    words: tuple[str, ...]
    originals: tuple[str, ...]
    clauses: tuple[int, ...]
    segments: tuple[int, ...]
    hits: dict[int, list[int]] | None = None  # term id -> positions, from the lexicon's index


def read_text(
    text: str,
    clause_break: Callable[[str], bool],
    segment_break: Callable[[str], bool],
    segment_opener: Callable[[str], bool],
    index: "WordIndex | None" = None,
    known: "Callable[[str], bool] | None" = None,
) -> Text:
    """Words, clauses and segments. The predicates tell the words that start a new one: a clause
    ("a", "już"); a segment, anywhere ("ale") or only at the start of a clause ("…, teraz mam
    pokój", "a dziś…"; not "to się dziś powieszę"). `index` finds the pattern terms of the words;
    `known` tells a word the patterns know, to split a glued negation (`unglued`)."""
    words: list[str] = []
    originals: list[str] = []
    clauses: list[int] = []
    segments: list[int] = []
    clause = segment = 0
    clause_start = True
    for piece in _SPLIT.findall(plain(text)):
        if not piece[0].isalnum() and piece[0] != "_":
            clause += 1
            clause_start = True
            if _SENTENCE_END.search(piece):
                segment += 1
            continue
        for part in unglued(piece, known):
            folded = fold_word(part)
            if not _CYRILLIC.search(folded) and not _WORD.fullmatch(folded):
                folded = "".join(_WORD.findall(folded)) or folded
            opens = segment_break(folded) or (clause_start and segment_opener(folded))
            if words and (clause_break(folded) or opens):
                clause += 1
                segment += opens
            clause_start = folded in _JOINERS
            words.append(YEAR if _YEAR.fullmatch(folded) else folded)
            originals.append(part)
            clauses.append(clause)
            segments.append(segment)
    _mark_addresses(words, originals, clauses)
    folded_words = tuple(words)
    return Text(
        folded_words, tuple(originals), tuple(clauses), tuple(segments), index.hits(folded_words) if index else None
    )


# A Cyrillic word typed with a Latin look-alike letter ("нiде": a Latin i, as many Ukrainian keyboards
# type it) is read in Cyrillic throughout.
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN_IN_CYRILLIC = str.maketrans("aceiopxy", "асеіорху")


def plain(text: str) -> str:
    """The text without apostrophes inside words ("б'є" -> "бє", "don't" -> "dont")."""
    return _INNER_APOSTROPHE.sub("", text)


def fold_word(word: str) -> str:
    """A word as the patterns compare it: folded, no apostrophe, a Cyrillic word all in Cyrillic."""
    folded = fold(plain(word))
    return folded.translate(_LATIN_IN_CYRILLIC) if _CYRILLIC.search(folded) else folded


def unglued(piece: str, known: "Callable[[str], bool] | None" = None) -> list[str]:
    """A negation typed together with its verb, as two words: "niechce" -> "nie", "chce".

    Only when the whole is no word the patterns know and the rest is one (`known`), or the whole
    is no Polish word and the rest is. "niestety", "niedziela" stay whole; "niebezpiecznie"
    becomes "nie bezpiecznie", which says the same."""
    folded = fold(piece)
    if len(piece) < 6 or not folded.startswith("nie"):
        return [piece]
    rest = piece[3:]
    if known is not None and not known(folded) and known(folded[3:]):
        return [piece[:3], rest]
    if analysed_tags(piece) <= {"ign"} and not analysed_tags(rest) <= {"ign"}:
        return [piece[:3], rest]
    return [piece]


def _mark_addresses(words: list[str], originals: list[str], clauses: list[int]) -> None:
    """A street in the singular followed by its name or number, or asked about, is an address."""
    for i in range(len(originals)):
        if words[i] not in _STREET:
            continue
        named = (
            i + 1 < len(words)
            and clauses[i + 1] == clauses[i]
            and (originals[i + 1][:1].isupper() or originals[i + 1][:1].isdigit())
        )
        asked = i > 0 and words[i - 1] in _WHICH
        if named or asked:
            words[i] = ADDRESS


def morfeusz() -> Any:
    from bot.nlp.morphology import _morfeusz as shared

    return shared()


def analysed_tags(word: str) -> set[str]:
    if not word or len(word) > MAX_WORD_CHARS:
        return set()
    return {tag.split(":")[0] for _s, _e, (_o, _l, tag, _n, _q) in morfeusz().analyse(word)}


def is_present(word: str) -> bool:
    """A verb form in the present (or perfective future) and nothing else: "śpię", not "mnie"."""
    tags = analysed_tags(word)
    return bool(tags & _PRESENT_TAGS) and not tags & _NOT_VERBS


def is_past(original: str, folded: str) -> bool:
    """A verb in the past tense ("bił", "spałam"), also typed without diacritics ("bil")."""
    tags = analysed_tags(original)
    if "praet" in tags:
        return True
    if not _PAST_SUFFIX.search(folded) or len(folded) < 3:
        return False
    # unknown, or a short word read otherwise only for want of its diacritics ("bil", "pil")
    return not tags or tags == {"ign"} or (len(folded) <= 4 and not tags & {"fin", "inf", "praet"})
