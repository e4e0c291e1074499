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

from bot.nlp.districts import PHRASES, normalise_district, place_forms
from bot.nlp.morphology import best_lemma, fold, is_first_person, is_future, lemmas
from bot.nlp.numbers import number_forms, parse_age, parse_months
from bot.nlp.values import normalise_condition, normalise_degree
from bot.profile import with_implied

# Named word lists. In RULES a name stands for its list; an alternative is "x*" (folded prefix),
# "=x" (exact folded form) or "x" (a lemma or the form), so "zasilku" and "zasiłków" both match.
WORDS = {
    name: tuple(words.split("|"))
    for name, words in (
        line.split(" = ")
        for line in """
PRISON = więzienie|wiezien*|więzień|wiezni*|pierdl*|kryminal*|odsiad*|karny|areszt*|=zk
OUT = wyszed*|wyszl*|wyjsc*|wychodz*|opuscil*|opuszcz*|zwolni*|=bylem|=bylam|=po|siedzial*
LEAVE = wychodz*|wyszl*|wyszed*|wyjsc*|opuszcz*|opuscil*|=bylem|=bylam|=jestem|mieszka*|wychowa*|dorasta*|=po|przebywa*
OPS = ops*|mops*|gops*|mopr*|=socjal|=socjalu|=socjalem
GET = korzyst*|pobier*|dosta*|otrzym*|chodz*
NOT_UB = okresow*|celow*|stal*|socjaln*|=opieki|rodzin*|pielegnac*|chorobow*|macierz*
WALLS = scian*|mieszkani*|lazien*|pokoj*
MOULD = grzyb|grzyb*|wilgoc*|zagrzyb*
FAMILY = mama|matka|tata|ojciec|mąż|żona|babcia|dziadek|teściowa|teść|brat|siostra|rodzic|partner|partnerka|=mame|=mamy|=tate|=mezem
COUNTRY = ukrain*|bialorus*|rosj*|gruzj*|moldaw*|wietnam*|=indii|turcj*|czeczeni*|kazachst*|armeni*|azerbejdz*|syri*|afganist*|nigeri*|kolumbi*|filipin*|uzbekist*|tadzyk*|kirgi*|nepal*|banglad*|=chin|mongoli*|=iraku|=iranu|egipt*
NATION = ukrain*|bialorusin*|bialorusk*|gruzin*|rosjan*|wietnamczy*|czeczen*|ormian*
WANT = chc*|zaloz*|dolacz*|przystap*|interes*|mysl*|planuj*|zamierz*|marz*|pomysl*
CIS = =cis|=kis|=cisie|=kisie|=cisu|=kisu|=cisem|=kisem|cis-*|kis-*
CONDITION = autyz*|autyst*|asperger*|schizofren*|depres*|psychiczn*|psychiatr*|dwubiegun*|uposledz*|niedorozw*
NEGATORS = nie|nigdy|bez|brak|ani
RESET_VERBS = mam|jestem|dostaje|pobieram|korzystam|pracuje|mieszkam
NEG_VERBS = mam|jestem|dostaje|pobieram|korzystam|pracuje|mieszkam|posiadam|przysluguje|biore|pije|otrzymuje|mialem
WISH = chce|chcial|planuj|zamierz|czekam|czeka|oczekuj|staram|staral|ubiega|wniosek|wniosk|zlozyl|bede|bedzie|gdyby|jesli|jezeli|moze|chyba|potrzebuj|moglbym|moglabym
DOUBT = wiem|pamietam|pewien|pewna|pewny|wole|powiem|mowic|czy
QUESTION = ile|jak|jaki|jakie|jaka|gdzie|kiedy|co|dlaczego
PAST = byl|mial|pobieral|dostawal|korzystal|mieszkal|spal|nocowal|pracowal
PAST_WORDS = kiedys|dawniej|wczesniej|przedtem|niegdys
OTHERS = maz|zona|syn|corka|dziecko|mama|matka|tata|ojciec|brat|siostra|partner|partnerka|babcia|dziadek|tesciowa|tesc|kolega|kolezanka|sasiad|sasiadka|znajomy|on|ona|oni|one|jej|jego|ich|ktory|wnuk|wnuczka|chlopak|narzeczony
SPLITTERS = i|a|ale|bo|oraz|lecz|ponieważ|gdyż|,|.|;|!|?|(|)|-|–|—
UNITS = rok|roku|lat|lata|latach|miesiac|miesiace|miesiecy|miesiaca|tydzien|tygodnie|tygodni|tygodnia|mc|msc
AMOUNTS = pol|poltora|poltorej|kilka|kilku|pare|paru|kilkanascie
AGE_WORDS = lat|lata|latek|l
BORN = rocznik|urodz|wiek
NOT_SPAN = w|zeszlym|ubieglym|tym|przyszlym|nowym|obecnym
OVER = ponad|powyzej|przeszlo|dluzej|wiecej
NOT_AGE = dosw|staz|prac|temu|bez|przerw|wyrok|odsiad|wiezien|skladk
NOT_SPAN_OF = prac|staz|dosw|skladk|umow|zatrudn
DEGREE = orzecz|niepelnospraw|inwalidzk|grup|stopn|stopien
NOT_HOME = prac|urzed|urzad|ops|mops|cis|kis|chodz|jezdz|dojezdz|szkol|kurs|biur|sklep|szpital|przychodn|wiezien|urodzi
PREPOSITIONS = na|w|we|z|ze|spoza|poza|pod
NOT_PLACE = z ochota|ze ochota|we wloszech|w wloszech
""".strip().splitlines()
    )
}

# patterns ; facts ; facts when negated ; flags. Patterns (" / " between them) are tokens in order,
# a leading digit being the most words allowed before a token (default 3). A fact is "key" (True),
# "!key" (False), "key=value" or "~key" (settled as unknown: "zasiłek okresowy" is no unemployment
# benefit); "-" is none. Flags: p = a present state ("byłem bezdomny" says nothing of now), w = the
# wish is the fact, o = may be about someone else, e = ends the clause, d = holds in a question or
# doubt ("nie wiem, jak je wychować" is a need, not doubt). First rule for a key wins.
RULES = """
=bezrobotny|=bezrobotna|=bezrobotnym / na 0bezrobocie|bezrobociu / bez 0praca|=prace|=roboty / praca|=roboty 1=nie 0mieć ; jobless ; - ; p
mieć 1praca|=prace|=roboty|=robote / pracuj*|zatrudnion* ; work_status=employed ; jobless ; p
pracowal* ; - ; jobless ;
stracil*|tracę|rzucil*|rzucić 2praca|=prace|=robote|=roboty / zwolni* 2=mnie|praca ; jobless ; - ;
zostal* 0zwolnion* ; jobless ; - ; e
zapisan* 3urząd|posredniak* / zarejestr* / status 2bezrobotn* ; work_status=registered_unemployed ; work_status=jobless_unregistered ; p
niezarejestr*|wyrejestr* ; work_status=jobless_unregistered ; - ; p
=up|=upie|=pup|=pupie|urzad*|urzed*|posredniak* 3=nie 0=jestem|=bylem|=bylam ; work_status=jobless_unregistered ; - ;
=jestem 2urzedzie|=up|=pup|posredniaku 2bezrobotn* ; work_status=registered_unemployed ; - ; p
dlugotrwal* 1bezrobot* ; long_term_unemployed ; !long_term_unemployed ; p
zasil* 3okresow*|celow*|stal*|=opieki|OPS / OPS 3zasil* ; social_assistance,~unemployment_benefit ; ~unemployment_benefit ; p
swiadcz* 1pielegnac* / zasil* 1opiekunc* ; carer,~unemployment_benefit ; ~unemployment_benefit ; p
zasil* 3NOT_UB / NOT_UB 1zasil* ; ~unemployment_benefit ; ~unemployment_benefit ;
skonczy*|stracil*|odmowi*|odebra*|wygas* 3zasil*|kuroniow* / zasil*|kuroniow* 3skonczy*|wygas* ; !unemployment_benefit ; - ;
zasil*|kuroniow* ; unemployment_benefit ; !unemployment_benefit ; p
GET 4OPS / OPS 2chodz* / GET 4pomoc|opieka 1spoleczn*|socjaln* / OPS 2pomag*|=daje|=dali|=dala|=dal|=placi ; social_assistance ; !social_assistance ; p
GET 3opieka ; social_assistance ; !social_assistance ; pe
pod 1opieka 2OPS / pracownik* 1socjaln* / kontrakt* 1socjaln* ; social_assistance ; - ; p
niezdoln* 2praca|=pracy ; !able_to_work ; - ; p
móc|mog* 1pracowac 3fizycz*|ciezk*|dlug*|stojac*|etat*|noc*|zmian* ; ~able_to_work ; health_limitations,~able_to_work ; p
móc|mog* 1pracowac ; - ; !able_to_work ; p
orzecz* 3niezdoln* ; ~disability_certificate ; ~disability_certificate ;
orzecz* / grupa|=grupe 1inwalidzk* / stopien|stopn* 2niepelnospraw* ; disability_certificate ; !disability_certificate ; p
problem* 2zdrowot*|zdrow* / choruj* / =jestem 1=chory|=chora / zdrow* 3=nie 1pozwal* / =nie 0=moge 1dzwigac|=stac|=chodzic|=schylac / mieć 2depresj*|nerwic*|padaczk*|cukrzyc*|astm* / =stany 1lekowe / kregoslup* 2=mnie|=boli|=siadl ; health_limitations ; !health_limitations ; p
=bezdomny|=bezdomna|bezdomnosc* ; homeless ; !homeless ; p
mieć 1=gdzie 1mieszkac|spac ; !homeless ; homeless ; p
mieszka*|=spie|spać|nocuj*|=jestem 3noclegown*|schronisk*|dworc*|dworzec|pustostan*|altan* ; homeless ; - ; p
na 0=ulicy ; homeless ; - ; pe
mieszka*|=spie|spać|nocuj* 2=gdzie 0popadnie ; homeless ; - ; pw
zadluz*|zaleg*|dlug|=dlugi|=dlugow 3czynsz*|mieszkani*|lokal*|media|=prad|=gaz|=oplat ; housing_problem ; !housing_problem ; p
placi*|płacić|oplac* 2czynsz* ; - ; housing_problem ; p
eksmis* / mieszkani* 4=zlym|=zlej|=zly 1stan* / mieszkani* 3remont*|MOULD / MOULD 4WALLS / WALLS 4MOULD ; housing_problem ; - ; p
=uzalezniony|=uzalezniona|uzaleznien*|alkoholi*|narkoman*|narkotyk*|hazard*|dopalacz*|odwyk*|mityng*|metadon* / problem* 2alkohol*|=piciem|narkotyk*|hazard* / naduzyw* 2alkohol* / pić|=pije 2za 0=duzo ; addiction ; !addiction ; p
pić|=pije ; - ; !addiction ; p
OUT 5PRISON / odsiedz*|odsiad* / siedzial* 0nigdy / warunkow* 1zwolnien*|zwolnion*|przedterminow* / siedzial* 2=za|rok|=lata|=lat|miesi* ; left_prison ; !left_prison ;
siedzial* ; left_prison ; !left_prison ; e
=karany|=karana ; - ; !left_prison ;
status 1uchodzc* / ochron* 1uzupelniaj*|miedzynarodow* / =azyl|=azylu ; international_protection ; !international_protection ; p
=jestem|=ja|pochodz*|przyjecha*|uciek*|przybyl* 3=z|=ze 0COUNTRY / =jestem 2NATION / karta|=karte 1pobyt* ; foreigner ; - ; p
cudzoziem*|obcokrajow*|imigrant*|migrant*|uchodzc* ; foreigner ; !foreigner ; p
=jestem 1=polakiem|=polka / mieć 2polski|=polskie|=polskiego 0obywatel* ; !foreigner ; foreigner ; p
LEAVE 3dom 0dziecko|=dziecka / LEAVE 3bidul*|zastepcz*|placowk*|poprawcz*|socjoterap*|=mow|=mowu|=mowie|mow-* / LEAVE 3schronisk* 2nieletni* / LEAVE 3osrod* 1wychowawcz* / wychowank*|usamodzielni* ; leaving_care ; !leaving_care ;
problem*|trudnos* 1wychowawcz* ; family_support ; !family_support ; o
asystent* 1rodzin* ; family_support ; - ; o
=wiem 1jak 2wychowa*|wychowyw* ; - ; family_support ; od
radz* 3dziec*|dzieck*|synem|corka|corki|wychowani* ; - ; family_support ; o
opiekuj*|zajmuj*|sprawuj* 4FAMILY / opiekuj* 3chor*|niepelnospraw*|lezac*|obloznie|schorowan* ; carer ; !carer ;
WANT 4spoldziel*|przedsiebiorstw*|ekonomi*|podmiot* 2socjaln*|spoleczn* ; social_enterprise ; !social_enterprise ; w
"""

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
        parts = [(item[0], *item.lstrip("!~").partition("=")) for item in cell.split(",") if item != "-"]
        return tuple((key, value or (None if sign == "~" else sign != "!")) for sign, key, _, value in parts)

    rows = [[cell.strip() for cell in line.split(";")] for line in RULES.strip().splitlines()]
    return [
        (tuple(map(_pattern, ps.split(" / "))), _facts(stated), _facts(negated), flags)
        for ps, stated, negated, flags in rows
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
            folded, found = fold(word), lemmas(word) if word[0].isalpha() else []
            current.append((word, folded, frozenset([folded, *map(fold, found)]), start))
    return clauses


def _others_from(toks: List[Tok]) -> int:
    """Index of the first word about someone else ("syn", "mama", "która"); the clause's length if none.
    "jestem samotną matką" is about the person."""
    folds = [t[1] for t in toks]
    return next(
        (
            i
            for i, t in enumerate(toks)
            if {fold(best_lemma(t[0])), t[1]} & set(WORDS["OTHERS"])
            and not (i and (folds[i - 1] == "jestem" or folds[i - 1].startswith("samotn")))
        ),
        len(toks),
    )


PROXY = re.compile(r"\b(pytam|pisze|piszę|piszemy|pytamy) (za|w imieniu|dla)\b", re.IGNORECASE)


def _others_per_clause(clauses: List[Tuple[List[Tok], bool]], proxy: bool = False) -> List[int]:
    """For each clause, where the words about someone else begin (-1: all of it). Once a clause has turned to
    someone else, the next ones stay with them until the person speaks of themselves again (a verb
    in the first person, "ja"): in "syn ma 17 lat i orzeczenie" the certificate is the son's."""
    if proxy:  # "pytam za brata, ma 28 lat": the person asked about is the one advised
        return [len(toks) for toks, _question in clauses]
    starts, carried = [], False
    for toks, _question in clauses:
        start = -1 if carried and not any(is_first_person(t[0]) for t in toks) else _others_from(toks)
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
    for (toks, question), others in zip(clauses, _others_per_clause(clauses, bool(PROXY.search(text or "")))):
        end = toks[-1][3] + len(toks[-1][0])
        if any(_hedges(toks, question)):
            spans.append((toks[0][3], end))
        elif others < len(toks):
            spans.append((toks[max(others, 0)][3], end))
    return spans


def _numbers(folds: List[str], text: str) -> Tuple[Optional[Tuple[int, int]], Optional[Tuple[int, bool]]]:
    """(age, position) and (months, said "ponad") of the first duration. Ages need an age word: "mam 52
    lata", "skończyłam 40 lat", "rocznik 1975", "ur. 80", a bare "52 lata"; not "mam 20 lat stażu"."""
    born = next((i for i, w in enumerate(folds) if w == "ur" or w.startswith(WORDS["BORN"])), None)
    age, duration = ((parse_age(text), born) if born is not None else None), None
    for unit, word in enumerate(folds):
        start = end = unit
        while start > 0 and _is_number(folds[start - 1]):
            start -= 1
        before, after = ["", ""] + folds[max(0, start - 2) : start], folds[unit + 1 : unit + 2]
        said = "mam" in before or any(w.startswith("skonczy") for w in before)  # "mam 45 lat", "mam jednak 41 lat"
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
            months = parse_months(" ".join(folds[start : end + 1]))
            duration = None if months is None else (months, any(w in WORDS["OVER"] for w in before))
    return (age if age and age[0] else None), duration


def _district(toks: List[Tok], folds: List[str], blocked: int) -> Optional[str]:
    """Where the person lives, from the words right after a preposition: never a place of work
    or an office, nor someone else's home; "z ochotą" and "z własnej woli" are no places."""
    residence = any(w.startswith("mieszk") for w in folds)
    if not residence and any(w.startswith(WORDS["NOT_HOME"]) for w in folds):
        return None
    if "nie" in folds:  # "nie mieszkam w Warszawie"
        return "outside_warsaw" if any(w.startswith("warszaw") for w in folds) else None
    if blocked == len(toks) and len(toks) <= 2 and (folds[0] in place_forms() or folds[0] in ("praga", "pradze")):
        return _district_of(" ".join(t[0] for t in toks))  # a bare name: "35 lat, Wawer.", "Praga Polnoc."
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


def _clause_facts(toks: List[Tok], question: bool, blocked: int) -> Dict[str, object]:
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
        age, duration = _numbers(folds, text)
        facts["age"] = age[0] if age and age[1] < blocked else None
        facts["district"] = _district(toks, folds, blocked)
        cis = _find(_pattern("CIS"), toks) or _find(_pattern("centrum|klub 1integracj*"), toks)
        if cis and cis[0] < blocked and (duration or _negated(folds, cis)):
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
    facts = (
        item
        for (toks, question), others in zip(clauses, _others_per_clause(clauses, bool(PROXY.search(text or ""))))
        for item in _clause_facts(toks, question, others).items()
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
