"""Every clearly stated profile fact in one message, found deterministically.

The NLU gives one intent per message, but people write several facts at once ("mam 52 lata,
jestem bezrobotny bez zasiłku, mieszkam na Pradze-Północ"). Reading the whole message lets
the bot never ask again for something already said. A wrong fact is worse than a question,
so only plain statements count: questions, wishes, doubt, past states and sentences about
someone else ("mąż pije") give nothing. A tiny matcher over tokens (folded spelling plus
Morfeusz lemmas) runs the RULES table; numbers, ages, districts and disability values come
from bot.nlp.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, FrozenSet, List, NamedTuple, Optional, Tuple

from bot.nlp.districts import PHRASES, normalise_district, place_forms
from bot.nlp.morphology import best_lemma, fold, lemmas
from bot.nlp.numbers import number_forms, parse_age, parse_months
from bot.nlp.values import normalise_condition, normalise_degree

# Word sets used in several rules. A token alternative is "x*" (folded prefix), "=x" (exact
# folded form) or "x" (a lemma, or the form itself), so "zasilku" and "zasiłków" both match.
SETS = {
    "PRISON": "więzienie|wiezien*|więzień|wiezni*|pierdl*|kryminal*|odsiadk*|karny|areszt*|=zk",
    "OPS": "ops*|mops*|gops*|mopr*",
    "GET": "korzyst*|pobier*|dosta*|otrzym*|chodz*",
    "FAMILY": "mama|matka|tata|ojciec|mąż|żona|babcia|dziadek|teściowa|teść|brat|siostra"
              "|rodzic|partner|partnerka|=mame|=mamy|=tate|=mezem",
    "COUNTRY": "ukrain*|bialorus*|rosj*|gruzj*|moldaw*|wietnam*|=indii|turcj*|czeczeni*"
               "|kazachst*|armeni*|azerbejdz*|syri*|afganist*|nigeri*|kolumbi*|filipin*"
               "|uzbekist*|tadzyk*|kirgi*|nepal*|banglad*|=chin|mongoli*|=iraku|=iranu|egipt*",
    "LEAVE": "wychodz*|wyszl*|wyszed*|wyjsc*|opuszcz*|opuscil*|=bylem|=bylam|=jestem|mieszka*"
             "|wychowa*|dorasta*|=po|przebywa*",
}

# pattern ; fact ; fact when negated ; flags. A pattern is tokens in order, a leading digit
# being the most words allowed before a token (default 3). A fact is "key" (True), "!key"
# (False), "key=value" or "-" (nothing). Flags: p = a present state ("byłem bezdomny" says
# nothing about now), w = the wish is the fact, o = may be about others, e = clause end.
# The first rule giving a key in a clause wins.
RULES = """
=bezrobotny|=bezrobotna|=bezrobotnym ; jobless ; - ; p
na 0bezrobocie|bezrobociu ; jobless ; - ; p
bez 0praca|=prace ; jobless ; - ; p
mieć 1praca|=prace ; work_status=employed ; jobless ; p
praca 1=nie 0mieć ; jobless ; - ; p
pracuj*|zatrudnion* ; work_status=employed ; jobless ; p
pracowal* ; - ; jobless ;
stracil*|tracę 2praca|=prace ; jobless ; - ;
zwolni* 2=mnie|praca|=pracy ; jobless ; - ;
zostal* 0zwolnion* ; jobless ; - ; e
zapisan* 3urząd|urzedzie|posredniak* ; work_status=registered_unemployed ; work_status=jobless_unregistered ; p
zarejestr* ; work_status=registered_unemployed ; work_status=jobless_unregistered ; p
status 2bezrobotn* ; work_status=registered_unemployed ; work_status=jobless_unregistered ; p
niezarejestr*|wyrejestr* ; work_status=jobless_unregistered ; - ; p
dlugotrwal* 1bezrobot* ; long_term_unemployed ; !long_term_unemployed ; p
zasil* 3okresow*|celow*|stal*|socjaln*|=opieki|OPS ; social_assistance ; - ; p
OPS 3zasil* ; social_assistance ; - ; p
skonczy*|stracil*|odmowi*|odebra*|wygas* 3zasil*|kuroniow* ; !unemployment_benefit ; - ;
zasil*|kuroniow* 3skonczy*|wygas* ; !unemployment_benefit ; - ;
zasil*|kuroniow* ; unemployment_benefit ; !unemployment_benefit ; p
GET 4OPS ; social_assistance ; !social_assistance ; p
GET 4pomoc|opieka 1spoleczn*|socjaln* ; social_assistance ; !social_assistance ; p
GET 3opieka ; social_assistance ; !social_assistance ; pe
pod 1opieka 2OPS ; social_assistance ; - ; p
pracownik* 1socjaln* ; social_assistance ; - ; p
kontrakt* 1socjaln* ; social_assistance ; - ; p
niezdoln* 2praca|=pracy ; !able_to_work ; - ; p
móc|mog* 1pracowac 3fizycz*|ciezk*|dlug*|stojac*|etat*|noc*|zmian* ; - ; health_limitations ; p
móc|mog* 1pracowac ; - ; !able_to_work ; p
orzecz* ; disability_certificate ; !disability_certificate ; p
grupa|=grupe 1inwalidzk* ; disability_certificate ; !disability_certificate ; p
stopien|stopn* 2niepelnospraw* ; disability_certificate ; !disability_certificate ; p
problem* 2zdrowot*|zdrow*|=zdrowiem ; health_limitations ; !health_limitations ; p
choruj* ; health_limitations ; !health_limitations ; p
=jestem 1=chory|=chora ; health_limitations ; !health_limitations ; p
zdrow* 3=nie 1pozwal* ; health_limitations ; - ; p
bezdomn* ; homeless ; !homeless ; p
mieć 1=gdzie 1mieszkac|spac|=mieszkac|=spac ; !homeless ; homeless ; p
mieszka*|=spie|spać|nocuj*|=jestem 3noclegown*|schronisk*|dworc*|dworzec|pustostan*|altan* ; homeless ; - ; p
na 0=ulicy ; homeless ; - ; pe
zadluz*|zaleg*|dlug|=dlugi|=dlugow 3czynsz*|mieszkani*|lokal*|media|=prad|=gaz|=oplat ; housing_problem ; !housing_problem ; p
placi*|płacić|oplac* 2czynsz* ; - ; housing_problem ; p
eksmis* ; housing_problem ; - ; p
mieszkani* 4=zlym|=zlej|=zly 1stan* ; housing_problem ; - ; p
mieszkani* 3remont*|zagrzyb*|zawilgoc* ; housing_problem ; - ; p
grzyb|grzyb*|wilgoc*|zagrzyb* 4scian*|mieszkani*|lazien*|pokoj* ; housing_problem ; - ; p
scian*|mieszkani*|lazien*|pokoj* 4grzyb|wilgoc*|zagrzyb* ; housing_problem ; - ; p
uzalezni*|alkoholizm*|alkoholik*|narkoman*|narkotyk*|hazard*|dopalacz*|odwyk*|mityng* ; addiction ; !addiction ;
problem* 2alkohol*|=piciem|narkotyk*|hazard* ; addiction ; !addiction ;
naduzyw* 2alkohol* ; addiction ; !addiction ;
pić|=pije 2za 0=duzo ; addiction ; !addiction ;
pić|=pije ; - ; !addiction ;
wyszed*|wyszl*|wyjsc*|wychodz*|opuscil*|opuszcz*|zwolni*|=bylem|=bylam|=po|siedzial* 3PRISON ; left_prison ; !left_prison ;
odsiedz*|odsiadk* ; left_prison ; !left_prison ;
siedzial* ; left_prison ; !left_prison ; e
siedzial* 2=za|rok|=lata|=lat|miesi* ; left_prison ; !left_prison ;
=karany|=karana ; - ; !left_prison ;
warunkow* 1zwolnien*|zwolnion*|przedterminow* ; left_prison ; - ; p
status 1uchodzc* ; international_protection ; !international_protection ; p
ochron* 1uzupelniaj*|miedzynarodow* ; international_protection ; !international_protection ; p
=azyl|=azylu ; international_protection ; !international_protection ; p
=jestem|pochodz*|przyjecha*|uciek*|przybyl* 3=z|=ze 0COUNTRY ; foreigner ; - ; p
=jestem 2ukrain*|bialorusin*|bialorusk*|gruzin*|rosjan*|wietnamczy*|czeczen*|ormian* ; foreigner ; - ; p
cudzoziem*|obcokrajow*|imigrant*|migrant*|uchodzc* ; foreigner ; !foreigner ; p
=jestem 1=polakiem|=polka ; !foreigner ; foreigner ; p
mieć 2polski|=polskie|=polskiego 0obywatel* ; !foreigner ; foreigner ; p
karta|=karte 1pobyt* ; foreigner ; - ; p
LEAVE 3dom 0dziecko|=dziecka ; leaving_care ; !leaving_care ;
LEAVE 3bidul*|zastepcz*|placowk* ; leaving_care ; !leaving_care ;
wychowank*|usamodzielni* ; leaving_care ; !leaving_care ;
problem*|trudnos* 1wychowawcz* ; family_support ; !family_support ; o
radz* 3dziec*|dzieck*|synem|corka|corki|wychowani* ; - ; family_support ; o
asystent* 1rodzin* ; family_support ; - ; o
opiekuj*|zajmuj*|sprawuj* 4FAMILY ; carer ; !carer ;
opiekuj* 3chor*|niepelnospraw*|lezac*|obloznie|schorowan* ; carer ; !carer ;
swiadcz* 1pielegnac* ; carer ; - ; p
zasil* 1opiekunc* ; carer ; - ; p
chc*|zaloz*|dolacz*|przystap*|interes*|mysl*|planuj*|zamierz*|marz*|pomysl* 4spoldziel*|przedsiebiorstw*|ekonomi*|podmiot* 2socjaln*|spoleczn* ; social_enterprise ; !social_enterprise ; w
"""

NEGATORS = {"nie", "nigdy", "bez", "brak", "ani"}
RESET_VERBS = {"mam", "jestem", "dostaje", "pobieram", "korzystam", "pracuje", "mieszkam"}
NEG_VERBS = RESET_VERBS | {"posiadam", "przysluguje", "biore", "pije", "otrzymuje", "mialem"}
WISH = ("chce", "chcial", "planuj", "zamierz", "czekam", "czeka", "oczekuj", "staram", "staral",
        "ubiega", "wniosek", "wniosk", "zlozyl", "bede", "bedzie", "gdyby", "jesli", "jezeli",
        "moze", "chyba", "potrzebuj", "moglbym", "moglabym")
DOUBT = {"wiem", "pamietam", "pewien", "pewna", "pewny", "wole", "powiem", "mowic", "czy"}
QUESTION_WORDS = {"ile", "jak", "jaki", "jakie", "jaka", "gdzie", "kiedy", "co", "dlaczego"}
PAST = ("byl", "mial", "pobieral", "dostawal", "korzystal", "mieszkal", "spal", "nocowal")
PAST_WORDS = {"kiedys", "dawniej", "wczesniej", "przedtem", "niegdys"}
OTHERS = {"maz", "zona", "syn", "corka", "dziecko", "mama", "matka", "tata", "ojciec", "brat",
          "siostra", "partner", "partnerka", "babcia", "dziadek", "tesciowa", "tesc", "kolega",
          "kolezanka", "sasiad", "sasiadka", "znajomy", "on", "ona", "oni", "one", "jej", "jego",
          "ich", "ktory", "wnuk", "wnuczka", "chlopak", "narzeczony"}
SPLITTERS = {"i", "a", "ale", "bo", "oraz", "lecz", "ponieważ", "gdyż", "natomiast"}
PUNCTUATION = set(",.;!?()\n-–—")
UNITS = {"rok", "roku", "lat", "lata", "latach", "miesiac", "miesiace", "miesiecy", "miesiaca",
         "tydzien", "tygodnie", "tygodni", "tygodnia", "mc", "msc", "mcy"}
AMOUNTS = {"pol", "poltora", "poltorej", "kilka", "kilku", "pare", "paru", "kilkanascie"}
OVER = {"ponad", "powyzej", "przeszlo", "dluzej", "wiecej"}
AGE_WORDS = {"lat", "lata", "latek"}
CONDITION = "autyz*|autyst*|asperger*|schizofren*|depres*|psychiczn*|psychiatr*|dwubiegun*|uposledz*|niedorozw*"
DEGREE_TRIGGERS = ("orzecz", "niepelnospraw", "inwalidzk", "grup", "stopn", "stopien")
NOT_HOME = ("prac", "urzed", "urzad", "ops", "mops", "cis", "kis", "chodz", "jezdz", "dojezdz",
            "szkol", "kurs", "biur", "sklep", "szpital", "przychodn", "wiezien", "urodzi")
NOT_PLACE = {("z", "ochota"), ("ze", "ochota"), ("we", "wloszech"), ("w", "wloszech")}
TOKEN = re.compile(r"\d+(?:[.,]\d+)?|[^\W\d_]+(?:-[^\W\d_]+)*|[,.;!?()\n]|(?<=\s)[-–—](?=\s)")

Term = Tuple[FrozenSet[str], Tuple[str, ...], FrozenSet[str]]
Pattern = Tuple[Tuple[int, Term], ...]
Fact = Optional[Tuple[str, object]]


class Tok(NamedTuple):
    """One word as written, folded, and with its folded lemmas (the form itself included)."""

    orig: str
    fold: str
    lemmas: FrozenSet[str]


def _term(spec: str) -> Term:
    alts = [a for alt in spec.split("|") for a in SETS.get(alt, alt).split("|")]
    return (frozenset(fold(a[1:]) for a in alts if a.startswith("=")),
            tuple(fold(a[:-1]) for a in alts if a.endswith("*")),
            frozenset(fold(a) for a in alts if a[0] != "=" and a[-1] != "*"))


@lru_cache(maxsize=None)
def _pattern(spec: str) -> Pattern:
    """Compiled once, on first use, so that importing the module does no work."""
    return tuple((int(p[0]) if p[0].isdigit() else 3, _term(p.lstrip("0123456789")))
                 for p in spec.split())


def _fact(text: str) -> Fact:
    if text == "-":
        return None
    key, _, value = text.lstrip("!").partition("=")
    return (key, value or not text.startswith("!"))


@lru_cache(maxsize=1)
def _rules() -> List[Tuple[Pattern, Fact, Fact, str]]:
    rows = [[c.strip() for c in line.split(";")] for line in RULES.strip().splitlines()]
    return [(_pattern(p), _fact(f), _fact(n), flags) for p, f, n, flags in rows]


def _hit(term: Term, tok: Tok) -> bool:
    return tok.fold in term[0] or tok.fold.startswith(term[1]) or bool(term[2] & tok.lemmas)


@lru_cache(maxsize=65536)
def _tok(word: str) -> Tok:
    folded = fold(word)
    found = () if word[0].isdigit() else (fold(lemma) for lemma in lemmas(word))
    return Tok(word, folded, frozenset((folded, *found)))


def _find(pattern: Pattern, toks: List[Tok]) -> Optional[List[int]]:
    """Positions of the pattern's tokens, each within its gap after the previous one."""
    for start, tok in enumerate(toks):
        if not _hit(pattern[0][1], tok):
            continue
        found = [start]
        for gap, term in pattern[1:]:
            end = min(len(toks), found[-1] + gap + 2)
            nxt = next((j for j in range(found[-1] + 1, end) if _hit(term, toks[j])), None)
            if nxt is None:
                break
            found.append(nxt)
        else:
            return found
    return None


def _negated(toks: List[Tok], found: List[int]) -> bool:
    """"nie"/"nigdy" reach back over the clause until an un-negated verb ("nie mam pracy ani
    zasiłku"); "bez"/"brak"/"ani" reach three words; "zasiłku nie mam" is negated too."""
    key, own = found[-1], set(found)
    for j in range(key - 1, -1, -1):
        word = toks[j].fold
        if j in own:
            continue
        if word in ("nie", "nigdy") or (word in NEGATORS and key - j <= 3):
            return True
        if word in RESET_VERBS and (j == 0 or toks[j - 1].fold not in NEGATORS):
            return False
    after = [t.fold for t in toks[key + 1 : key + 4]]
    return any(after[i] == "nie" and after[i + 1] in NEG_VERBS for i in range(len(after) - 1))


def _is_number(word: str) -> bool:
    return word[:1].isdigit() or word in number_forms() or word in AMOUNTS


def _clauses(text: str) -> List[Tuple[List[Tok], bool]]:
    """Clauses split at punctuation and conjunctions, each with "ends in a question mark";
    " i " before a number does not split ("rok i dwa miesiące" is one duration)."""
    words = TOKEN.findall(text)
    clauses, current = [], []
    for index, word in enumerate(words + [""]):
        nxt = fold(words[index + 1]) if index + 1 < len(words) else ""
        if not word or word in PUNCTUATION or (word in SPLITTERS and not _is_number(nxt)):
            if current:
                clauses.append((current, word == "?"))
            current = []
        else:
            current.append(_tok(word))
    return clauses


def _age_span(folds: List[str], start: int, unit: int) -> bool:
    """"mam 52 lata", "skończyłam 40 lat", or a clause that is only "52 lata"."""
    before = folds[max(0, start - 2) : start]
    return start < unit and folds[unit] in AGE_WORDS and (
        before[-1:] == ["mam"] or before == ["mam", "juz"] or (start == 0 and unit == len(folds) - 1)
        or any(w.startswith("skonczy") for w in before))


def _number_start(folds: List[str], unit: int) -> int:
    start = unit
    while start > 0 and _is_number(folds[start - 1]):
        start -= 1
    return start


def _duration(folds: List[str]) -> Optional[Tuple[int, bool]]:
    """(months, said "ponad") of the first duration that is not an age."""
    for unit, word in enumerate(folds):
        start = _number_start(folds, unit)
        if word not in UNITS or _age_span(folds, start, unit):
            continue
        end = unit
        while end + 1 < len(folds) and (folds[end + 1] in UNITS | {"i"} or _is_number(folds[end + 1])):
            end += 1
        months = parse_months(" ".join(folds[start : end + 1]))
        if months is not None:
            return months, bool(OVER & set(folds[max(0, start - 2) : start]))
    return None


def _age(folds: List[str], text: str) -> Optional[Tuple[int, int]]:
    """(age, position) only next to an age word: "mam 52 lata", "rocznik 1975", "ur. 80"."""
    for i, word in enumerate(folds):
        if word.startswith(("rocznik", "urodz")) or word in ("ur", "wiek", "wieku"):
            age = parse_age(text)
            return (age, i) if age else None
        if word in AGE_WORDS and _age_span(folds, _number_start(folds, i), i):
            age = parse_age(" ".join(folds[_number_start(folds, i) : i + 1]))
            return (age, i) if age else None
    return None


@lru_cache(maxsize=4096)
def _place(prep: str, first: str, second: str, residence: bool) -> Optional[str]:
    """The district named right after a preposition; a misspelt one only after "mieszkam"
    (the fuzzy search is slow, and "z ochotą" or "z własnej woli" are not places)."""
    folded = fold(first)
    heads = tuple(p[0] for p in PHRASES) + ("prag", "pradz", "prask")
    if (prep, folded) in NOT_PLACE or not (residence or folded in place_forms() or
                                             folded.startswith(heads) or prep in ("spoza", "poza", "pod")):
        return None
    value = normalise_district(f"{prep} {first}")
    if value is None and second:
        value = normalise_district(f"{prep} {first} {second}")
        if value == normalise_district(f"{prep} {second}"):
            return None
    return value


def _district(toks: List[Tok], folds: List[str], blocked: int) -> Optional[str]:
    residence = any(w.startswith("mieszk") for w in folds)
    first_person = bool({"mieszkam", "mieszkamy", "jestem"} & set(folds))
    if not residence and any(w.startswith(NOT_HOME) for w in folds):
        return None
    if "nie" in folds:
        return "outside_warsaw" if any(w.startswith("warszaw") for w in folds) else None
    if len(toks) <= 2 and (folds[0] in place_forms() or folds[0].startswith(("prag", "pradz"))):
        return normalise_district(" ".join(t.orig for t in toks))  # a bare "Mokotów"
    for i, word in enumerate(folds[:-1]):
        if word in ("na", "w", "we", "z", "ze", "spoza", "poza", "pod") and (first_person or i < blocked):
            value = _place(word, toks[i + 1].orig, toks[i + 2].orig if i + 2 < len(toks) else "", residence)
            if value:
                return value
    return None


def _clause_facts(toks: List[Tok], question: bool) -> Dict[str, object]:
    """One clause's facts: the table's rules first, then the values computed by bot.nlp."""
    folds = [t.fold for t in toks]
    if question or folds[0] in QUESTION_WORDS or DOUBT & set(folds):
        return {}
    wish = any(w.startswith(WISH) for w in folds)
    past = bool(PAST_WORDS & set(folds)) or any(w.startswith(PAST) and w.endswith(("em", "am", "smy")) for w in folds)
    others = [i for i, t in enumerate(toks) if (best_lemma(t.orig).lower() in OTHERS or t.fold in OTHERS)
              and not (i and (folds[i - 1] == "jestem" or folds[i - 1].startswith("samotn")))]
    blocked = others[0] if others else len(toks)  # words after someone else are about them
    facts: Dict[str, object] = {}
    for pattern, fact, negated_fact, flags in _rules():
        found = _find(pattern, toks)
        if (not found or (wish and "w" not in flags) or (past and "p" in flags)
                or ("o" not in flags and blocked < found[0]) or ("e" in flags and found[-1] != len(toks) - 1)):
            continue
        chosen = negated_fact if _negated(toks, found) else fact
        if chosen and chosen[0] not in facts:
            facts[chosen[0]] = chosen[1]
    if wish:
        return facts
    text = " ".join(t.orig for t in toks)
    found = _find(_pattern(CONDITION), toks) or _find(_pattern("niepelnospraw* 1intelektualn*"), toks)
    if found and found[0] < blocked and not _negated(toks, found) and normalise_condition(text):
        facts["disability_condition"] = normalise_condition(text)
    trigger = next((i for i, w in enumerate(folds) if w.startswith(DEGREE_TRIGGERS)), None)
    if trigger is not None and trigger < blocked and not _negated(toks, [trigger]) and normalise_degree(text):
        facts["disability_degree"] = normalise_degree(text)
    age = _age(folds, text)
    if age and age[1] < blocked:
        facts["age"] = age[0]
    district = _district(toks, folds, blocked)
    if district:
        facts["district"] = district
    duration = _duration(folds)
    cis = _find(_pattern("=cis|=kis|cis-*|kis-*"), toks) or _find(_pattern("centrum|klub 1integracj*"), toks)
    if cis and cis[0] < blocked and (duration or _negated(toks, cis)):
        facts["cis_kis_months"] = 0 if _negated(toks, cis) else duration[0]  # type: ignore[index]
    elif duration and not cis and (facts.get("jobless") or str(facts.get("work_status", "")).endswith(("unemployed", "unregistered"))):
        facts.setdefault("long_term_unemployed", duration[0] > 12 or (duration[1] and duration[0] >= 12))
    return facts


def facts_from_text(text: str) -> Dict[str, object]:
    """Profile updates (the contract's keys, plus "jobless") for every fact stated clearly.

    A key stated two different ways in one message is dropped rather than guessed; CIS and
    KIS months add up; the first district named wins.
    """
    merged: Dict[str, object] = {}
    conflicts = set()
    clauses = _clauses(text or "")
    for toks, question in clauses:
        for key, value in _clause_facts(toks, question).items():
            if key == "cis_kis_months" and key in merged:
                merged[key] = int(merged[key]) + int(value)  # type: ignore[call-overload]
            elif key == "district" or merged.get(key, value) == value:
                merged.setdefault(key, value)
            else:
                conflicts.add(key)
    for key in conflicts:
        merged.pop(key, None)
    folded = " ".join(t.fold for toks, _ in clauses for t in toks)
    if re.search(r"samotn\w* (wychow|matk|ojc|rodzic)", folded) and re.search(r"potrzebuj\w* (wsparci|pomoc)", folded):
        merged.setdefault("family_support", True)  # a single parent asking for support
    if str(merged.get("work_status", "")).endswith(("unemployed", "unregistered")):
        merged.pop("jobless", None)
    elif merged.get("work_status") == "employed" and merged.get("jobless"):
        del merged["work_status"], merged["jobless"]
    if merged.get("international_protection"):
        merged["foreigner"] = True
    if "disability_degree" in merged:
        merged["disability_certificate"] = True
    if merged.get("disability_certificate"):
        merged.pop("health_limitations", None)
    return merged
