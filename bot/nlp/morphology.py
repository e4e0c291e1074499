"""Polish lemmas from Morfeusz 2 (SGJP), tolerant of text typed without diacritics.

People write "zasilku" for "zasiłku" and "na woli" for "na Woli". Morfeusz knows every
inflected form of a word but only with correct spelling, so lemmas come from Morfeusz first
and, for words it does not know, from a folded-form index generated (with Morfeusz) from the
domain vocabulary below. Nothing is loaded at import: the analyser and the index are built on
first use and cached.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any, Dict, List, Tuple

# Words of the domain whose inflected forms must be recognisable even without diacritics.
# Order matters twice: it breaks ties between lemmas (earlier wins), and it is the order in
# which a folded form's lemmas are listed. Frequent verbs come first so that "mam" is "mieć".
VOCABULARY: List[str] = [
    # verbs people use to describe their situation
    "mieć",
    "być",
    "woleć",
    "mieszkać",
    "pracować",
    "szukać",
    "chcieć",
    "móc",
    "musieć",
    "potrzebować",
    "dostać",
    "dostawać",
    "pobierać",
    "stracić",
    "zarejestrować",
    "wiedzieć",
    "wyjść",
    "siedzieć",
    "opiekować",
    "pić",
    "brać",
    "zwolnić",
    "mówić",
    "pomóc",
    # work, benefits, institutions
    "zasiłek",
    "bezrobotny",
    "bezrobocie",
    "praca",
    "pracodawca",
    "pomoc",
    "ośrodek",
    "urząd",
    "pośredniak",
    "kuroniówka",
    "świadczenie",
    "dochód",
    "pieniądz",
    "staż",
    "szkolenie",
    "kurs",
    "zawód",
    "umowa",
    "zatrudnienie",
    "spółdzielnia",
    "socjalny",
    "społeczny",
    "zawodowy",
    "centrum",
    "klub",
    "integracja",
    "warsztat",
    "terapia",
    "zakład",
    "aktywność",
    "fundacja",
    "stowarzyszenie",
    "doradca",
    "pracownik",
    "rejestracja",
    "rok",
    "miesiąc",
    "tydzień",
    "dzień",
    "długo",
    "długotrwały",
    # health and disability
    "orzeczenie",
    "niepełnosprawność",
    "niepełnosprawny",
    "stopień",
    "znaczny",
    "umiarkowany",
    "lekki",
    "grupa",
    "renta",
    "niezdolność",
    "choroba",
    "chory",
    "zdrowie",
    "lekarz",
    "autyzm",
    "depresja",
    "schizofrenia",
    "upośledzenie",
    "intelektualny",
    "psychiczny",
    "cukrzyca",
    "wzrok",
    "słuch",
    "ruchowy",
    # other situations of the study
    "więzienie",
    "odsiadka",
    "karny",
    "mieszkanie",
    "eksmisja",
    "dom",
    "bezdomny",
    "noclegownia",
    "schronisko",
    "czynsz",
    "zadłużenie",
    "dług",
    "uzależnienie",
    "uzależniony",
    "alkohol",
    "narkotyk",
    "hazard",
    "cudzoziemiec",
    "uchodźca",
    "ochrona",
    "obywatelstwo",
    "opieka",
    "dziecko",
    "syn",
    "córka",
    "rodzina",
    "rodzic",
    "matka",
    "ojciec",
    "żona",
    "mąż",
    "usamodzielnienie",
    "wychowanek",
    "sąd",
    "przemoc",
    "kryzys",
    # Warsaw: districts, their parts, and words of district names
    "Warszawa",
    "Bemowo",
    "Białołęka",
    "Bielany",
    "Mokotów",
    "Ochota",
    "Praga",
    "Południe",
    "Północ",
    "Rembertów",
    "Śródmieście",
    "Targówek",
    "Ursus",
    "Ursynów",
    "Wawer",
    "Wesoła",
    "Wilanów",
    "Włochy",
    "Wola",
    "Żoliborz",
    "Bródno",
    "Gocław",
    "Grochów",
    "Kabaty",
    "Tarchomin",
    "Służewiec",
    "Muranów",
    "Jelonki",
    "Chomiczówka",
    "Natolin",
    "Saska",
    "Kępa",
    "Powiśle",
    "Okęcie",
    "Anin",
    "Falenica",
    "Stegny",
    "Sadyba",
    "Bemowo",
    "Bielany",
    # number words
    "zero",
    "jeden",
    "dwa",
    "trzy",
    "cztery",
    "pięć",
    "sześć",
    "siedem",
    "osiem",
    "dziewięć",
    "dziesięć",
    "jedenaście",
    "dwanaście",
    "trzynaście",
    "czternaście",
    "piętnaście",
    "szesnaście",
    "siedemnaście",
    "osiemnaście",
    "dziewiętnaście",
    "dwadzieścia",
    "trzydzieści",
    "czterdzieści",
    "pięćdziesiąt",
    "sześćdziesiąt",
    "siedemdziesiąt",
    "osiemdziesiąt",
    "dziewięćdziesiąt",
    "sto",
    "dwieście",
    "trzysta",
    "czterysta",
    "pięćset",
    "sześćset",
    "siedemset",
    "osiemset",
    "dziewięćset",
    "tysiąc",
    "pół",
    "półtora",
    "kilka",
    "kilkanaście",
    "parę",
]

# Frequent forms that the ranking below gets wrong; the reading people mean wins ("wolę nie
# mówić" is "I prefer not to say", not the district; "piec" typed for "pięć", "sa" for "są",
# "musze" for "muszę"). Keys are folded forms.
_OVERRIDES: Dict[str, str] = {
    "wole": "woleć",
    "piec": "pięć",
    "maja": "mieć",
    "sa": "być",
    "musze": "musieć",
    "mnie": "ja",  # not the village "Mień": the pronoun is in nearly every message about oneself
}

# Ranking, in order: a reading that is only a person's name (or only archaic) loses; a
# vocabulary word Morfeusz itself reads wins ("mam" is "mieć", "bezrobotna" is "bezrobotny");
# then part of speech (a noun beats a gerund: "orzeczenia" is "orzeczenie", not "orzec");
# then a vocabulary word met only through folding ("sad" typed for "sąd"); then list order.
_POS_RANK: Dict[str, int] = {
    "subst": 0,
    "depr": 0,
    "adj": 1,
    "adja": 1,
    "adjp": 1,
    "adjc": 1,
    "num": 1,
    "numcol": 1,
    "fin": 2,
    "praet": 2,
    "inf": 2,
    "impt": 2,
    "imps": 2,
    "bedzie": 2,
    "winien": 2,
    "pred": 2,
    "adv": 3,
    "qub": 3,
    "part": 3,
    "prep": 3,
    "conj": 3,
    "comp": 3,
    "interj": 3,
    "pcon": 3,
    "pant": 3,
    "ger": 4,
    "pact": 4,
    "ppas": 4,
    "ppron12": 4,
    "ppron3": 4,
    "siebie": 4,
    "aglt": 5,
    "brev": 5,
    "ign": 9,
}
_PERSON_NAMES = {"nazwisko", "imię"}
_RARE = {"daw.", "przest.", "rzad.", "arch.", "gwar.", "środ."}
_SKIPPED_GENERATED_POS = {"brev", "aglt"}

_Tag = Tuple[str, List[str], List[str]]  # (tag, name classes, qualifiers) of one reading
_FOLD_TABLE = str.maketrans({"ł": "l", "Ł": "l"})


def fold(text: str) -> str:
    """Lower-case and strip diacritics, so that typed-without-diacritics text compares equal.

    "ł" is not a composed letter in Unicode, so it is mapped by hand; the rest (ą, ć, ę, ń,
    ó, ś, ź, ż and any other accent) is removed by decomposition.
    """
    lowered = text.lower().translate(_FOLD_TABLE)
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def cut_homonym(lemma: str) -> str:
    """SGJP marks homonyms after a colon ("Wola:Sf~i"); the lemma is the part before it."""
    if len(lemma) > 1 and ":" in lemma:
        return lemma.split(":", 1)[0]
    return lemma


@lru_cache(maxsize=1)
def _morfeusz() -> Any:
    """One analyser per process; case is ignored because people type districts lower-case."""
    import morfeusz2

    return morfeusz2.Morfeusz(case_handling=morfeusz2.IGNORE_CASE, expand_tags=False)


@lru_cache(maxsize=1)
def _vocabulary_ranks() -> Tuple[Dict[str, int], Dict[str, int]]:
    """Position of each vocabulary word, exact and lower-cased, for ranking."""
    exact: Dict[str, int] = {}
    lower: Dict[str, int] = {}
    for position, word in enumerate(VOCABULARY):
        exact.setdefault(word, position)
        lower.setdefault(word.lower(), position)
    return exact, lower


def _generated(lemma: str) -> List[Tuple[str, str]]:
    """(form, part of speech) for a lemma; for place names only their geographic readings."""
    try:
        generated = _morfeusz().generate(lemma)
    except RuntimeError:  # Morfeusz generates for single words only
        return []
    entries = [e for e in generated if e[2].split(":")[0] not in _SKIPPED_GENERATED_POS]
    geographic = [e for e in entries if "nazwa_geograficzna" in e[3]]
    return [(e[0], e[2].split(":")[0]) for e in (geographic or entries)]


def generated_forms(lemma: str) -> List[str]:
    """All inflected forms of a lemma, as Morfeusz's generator spells them."""
    return sorted({form for form, _pos in _generated(lemma)})


@lru_cache(maxsize=1)
def _folded_index() -> Dict[str, Tuple[Tuple[str, str], ...]]:
    """folded form -> (lemma, part of speech), built once from the generator for VOCABULARY."""
    index: Dict[str, List[Tuple[str, str]]] = {}
    for word in VOCABULARY:
        for form, pos in _generated(word) or [(word, "subst")]:
            bucket = index.setdefault(fold(form), [])
            if all(lemma != word for lemma, _ in bucket):
                bucket.append((word, pos))
    return {key: tuple(values) for key, values in index.items()}


def folded_lemmas(word: str) -> List[str]:
    """Vocabulary lemmas whose forms fold to the same text as `word` ("zasilku" -> zasiłek)."""
    return [lemma for lemma, _pos in _folded_index().get(fold(word), ())]


def _is_ascii(word: str) -> bool:
    return all(ord(ch) < 128 for ch in word)


def _rank(lemma: str, tags: List[_Tag], order: int, from_morfeusz: bool) -> Tuple[int, ...]:
    exact, lower = _vocabulary_ranks()
    if lemma in exact:
        vocabulary = exact[lemma]
    elif lemma.lower() in lower:
        vocabulary = lower[lemma.lower()]
    else:
        vocabulary = len(VOCABULARY)
    unknown = vocabulary == len(VOCABULARY)
    person_only = all(names and set(names) <= _PERSON_NAMES for _, names, _ in tags)
    rare_only = all(set(quals) & _RARE for _, _, quals in tags)
    pos = min(_POS_RANK.get(tag.split(":")[0], 3) for tag, _, _ in tags)
    return (
        int(person_only),
        int(rare_only),
        int(unknown or not from_morfeusz),
        pos,
        int(unknown),
        vocabulary,
        int(lemma not in exact),
        order,
    )


# Longer than any Polish word. Morfeusz 2 crashes the whole process (segmentation fault) on a
# single token of about 9000 digits or punctuation marks, so such a token is never given to it.
MAX_WORD_CHARS = 64


@lru_cache(maxsize=65536)
def _ranked_lemmas(word: str) -> Tuple[str, ...]:
    if not word.strip():
        return (word,)
    if len(word) > MAX_WORD_CHARS:
        return (word.lower(),)
    readings: Dict[str, List[_Tag]] = {}
    for start, _end, (_orth, lemma, tag, names, quals) in _morfeusz().analyse(word):
        if start != 0 or tag == "ign":
            continue  # later segments are agglutinates ("byłem" -> "był" + "em")
        qualifiers = [q for joined in quals for q in joined.split(",")]  # "daw.,rzad."
        readings.setdefault(cut_homonym(lemma), []).append((tag, list(names), qualifiers))
    from_morfeusz = set(readings)
    if not readings or _is_ascii(word):
        # "zasilku" is unknown and "sad" is another word: both may be a vocabulary word
        # typed without diacritics.
        for lemma, pos in _folded_index().get(fold(word), ()):
            if lemma not in readings:
                readings[lemma] = [(pos, [], [])]
    if not readings:
        return (word.lower(),)
    order = {lemma: position for position, lemma in enumerate(readings)}
    ranked = sorted(
        readings,
        key=lambda lem: _rank(lem, readings[lem], order[lem], lem in from_morfeusz),
    )
    override = _OVERRIDES.get(fold(word))
    if override:
        ranked = [override] + [lem for lem in ranked if lem != override]
    return tuple(ranked)


def lemmas(word: str) -> List[str]:
    """Candidate lemmas, most likely first; an unknown word is its own lower-cased lemma."""
    return list(_ranked_lemmas(word))


@lru_cache(maxsize=65536)
def best_lemma(word: str) -> str:
    """The single lemma a featurizer should see; hyphenated words are lemmatised by part."""
    if "-" in word.strip("-"):
        return "-".join(_ranked_lemmas(part)[0] if part else part for part in word.split("-"))
    return _ranked_lemmas(word)[0]


@lru_cache(maxsize=65536)
def is_future(word: str) -> bool:
    """A perfective verb in its non-past form ("zarejestruję", "pójdę"): a plan, not a state."""
    if not word.isalpha() or len(word) > MAX_WORD_CHARS:
        return False
    tags = [
        tag
        for start, _end, (_orth, _lemma, tag, _names, _quals) in _morfeusz().analyse(word)
        if start == 0 and tag != "ign"
    ]
    return bool(tags) and all(tag.startswith("fin:") and tag.endswith(":perf") for tag in tags)


@lru_cache(maxsize=65536)
def is_first_person(word: str) -> bool:
    """A verb in the first person ("mam", "opiekuję", "straciłem") or "ja": the person speaks of themselves."""
    if not word.isalpha() or len(word) > MAX_WORD_CHARS:
        return False
    for _start, _end, (_orth, _lemma, tag, _names, _quals) in _morfeusz().analyse(word):
        if (
            tag.startswith(("fin:", "bedzie:", "aglt:"))
            and ":pri" in tag
            or tag.startswith("ppron12:sg:nom:")
            and tag.endswith(":pri")
        ):
            return True
    # Typed without diacritics, "pracuje" and "zarejestrowalem" may be the person's "pracuję",
    # "zarejestrowałem": people writing that way mostly write about themselves.
    if _is_ascii(word):
        lowered = word.lower()
        for ending, restored in (("e", "ę"), ("lem", "łem"), ("lam", "łam")):
            if (
                lowered.endswith(ending)
                and len(lowered) > len(ending) + 2
                and is_first_person(lowered[: -len(ending)] + restored)
            ):
                return True
    return False


@lru_cache(maxsize=65536)
def is_third_person(word: str) -> bool:
    """A verb in the third person ("ma", "pracuje", "był"): someone already named is the subject."""
    if not word.isalpha() or len(word) > MAX_WORD_CHARS:
        return False
    readings = [(start, tag) for start, _end, (_orth, _lemma, tag, _names, _quals) in _morfeusz().analyse(word)]
    agglutinated = any(start > 0 for start, _tag in readings)  # "pracowałem" = "pracował" + "em"
    return any(
        start == 0
        and (tag.startswith(("fin:", "bedzie:")) and ":ter:" in tag or tag.startswith("praet:") and not agglutinated)
        for start, tag in readings
    )


@lru_cache(maxsize=65536)
def is_word(word: str) -> bool:
    """A Polish word, typed with or without diacritics ("zasilku"), or a number; not "qqqq" or "xd"."""
    if word.isdigit():
        return True
    if not word.isalpha() or len(word) > MAX_WORD_CHARS:
        return False
    tags = {tag for _s, _e, (_o, _l, tag, _n, _q) in _morfeusz().analyse(word)}
    return bool(tags - {"ign", "sym"}) or bool(_folded_index().get(fold(word)))
