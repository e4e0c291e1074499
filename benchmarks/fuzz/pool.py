"""The fuzzer's messages: natural Polish, each annotated with exactly the facts it states.

A fact is a contract profile key (CONTRACT.md section 3) with its value, plus the helper key
`jobless` ("I have no job", registration unknown), which the bot keeps as a slot of its own and
which matters for one implication (see `invariants.implied`). The annotation says what a careful
human reader takes from the message about the *writer*: a child's age, a cat's age, a husband's
drinking or a past job state nothing. Facts about the message's topic that are merely plausible
are left out on purpose, so that a bot storing them is caught.

Kinds (what the generator uses a message for, and how invariant 5 counts the turn):
- opening: a first description of the situation, usually several facts in one long message
- facts: one or two facts said in passing
- advice: a request for recommendations ("co mi polecasz")
- question: a question about an institution or a tool
- off_topic, greet, thanks, human, summary: no facts
- skip: "nie wiem" / "wolę nie mówić", an answer that gives nothing
- restart, delete: asking to start over / to delete the data (the bot asks to confirm)
- crisis: a person in danger (`danger` = the helplines.yaml category); may also state facts

Templates with {age}, {age_words}, {loc} and {district} are filled by the generator
(`fill_age`, `LOCATIVE`), so their annotations follow the value chosen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

R, U, E = "registered_unemployed", "jobless_unregistered", "employed"


@dataclass(frozen=True)
class Entry:
    text: str
    facts: Mapping[str, Any] = field(default_factory=dict)
    danger: str | None = None


def _e(text: str, **facts: Any) -> Entry:
    return Entry(text, facts)


# Where someone lives: "mieszkam na Woli", "w Ursusie", "we Włochach".
LOCATIVE: dict[str, str] = {
    "Bemowo": "na Bemowie",
    "Białołęka": "na Białołęce",
    "Bielany": "na Bielanach",
    "Mokotów": "na Mokotowie",
    "Ochota": "na Ochocie",
    "Praga-Południe": "na Pradze-Południe",
    "Praga-Północ": "na Pradze-Północ",
    "Rembertów": "w Rembertowie",
    "Śródmieście": "w Śródmieściu",
    "Targówek": "na Targówku",
    "Ursus": "w Ursusie",
    "Ursynów": "na Ursynowie",
    "Wawer": "w Wawrze",
    "Wesoła": "w Wesołej",
    "Wilanów": "w Wilanowie",
    "Włochy": "we Włochach",
    "Wola": "na Woli",
    "Żoliborz": "na Żoliborzu",
}


def years_word(age: int) -> str:
    """ "lata" after 2-4 (not 12-14), else "lat": "mam 52 lata", "mam 45 lat"."""
    return "lata" if age % 10 in (2, 3, 4) and age % 100 not in (12, 13, 14) else "lat"


def fill_age(template: str, age: int) -> str:
    return template.format(age=age, years=years_word(age))


OPENINGS: list[Entry] = [
    _e(
        "Dzień dobry, mam 52 lata, jestem zarejestrowany jako bezrobotny, zasiłku już nie dostaję. Mieszkam na Pradze-Północ.",
        age=52,
        work_status=R,
        unemployment_benefit=False,
        district="Praga-Północ",
        jobless=True,
    ),
    _e(
        "Cześć, mam 24 lata, nie pracuję i nie jestem zarejestrowana w urzędzie pracy. Mieszkam z mamą na Bielanach.",
        age=24,
        work_status=U,
        jobless=True,
        district="Bielany",
    ),
    _e(
        "Mam 45 lat, niedawno straciłem pracę i jeszcze nie zarejestrowałem się w urzędzie. Mieszkam na Woli.",
        age=45,
        jobless=True,
        work_status=U,
        district="Wola",
    ),
    _e(
        "Mam orzeczenie o umiarkowanym stopniu niepełnosprawności i nie pracuję. Mam 58 lat i mieszkam w Ursusie.",
        disability_certificate=True,
        disability_degree="moderate",
        jobless=True,
        age=58,
        district="Ursus",
    ),
    _e(
        "Mam 33 lata, jestem samotną matką, nie mam pracy i korzystam z pomocy MOPS. Mieszkam na Targówku.",
        age=33,
        jobless=True,
        social_assistance=True,
        district="Targówek",
    ),
    _e(
        "Witam. Mam 61 lat, jestem bez pracy i zarejestrowany w pośredniaku, dostaję zasiłek dla bezrobotnych. Mieszkam na Ochocie.",
        age=61,
        jobless=True,
        work_status=R,
        unemployment_benefit=True,
        district="Ochota",
    ),
    _e(
        "Nie mam pracy ani zasiłku, mam 29 lat i mieszkam na Mokotowie.",
        jobless=True,
        unemployment_benefit=False,
        age=29,
        district="Mokotów",
    ),
    _e("Jestem osobą bezdomną, śpię w noclegowni na Woli, mam 47 lat.", homeless=True, age=47, district="Wola"),
    _e(
        "Mam 38 lat, od trzech lat jestem zarejestrowana w urzędzie pracy jako bezrobotna, nie mam zasiłku. Mieszkam w Wawrze.",
        age=38,
        work_status=R,
        long_term_unemployed=True,
        unemployment_benefit=False,
        district="Wawer",
        jobless=True,
    ),
    _e(
        "Pracuję na umowę zlecenie, ale zarabiam bardzo mało. Mam 27 lat, mieszkam na Ursynowie.",
        work_status=E,
        age=27,
        district="Ursynów",
    ),
    _e(
        "Mam orzeczenie o znacznym stopniu niepełnosprawności, choruję na schizofrenię. Mam 35 lat, nie pracuję, mieszkam na Żoliborzu.",
        disability_certificate=True,
        disability_degree="severe",
        disability_condition="mental_illness",
        age=35,
        jobless=True,
        district="Żoliborz",
    ),
    _e(
        "Jestem z Ukrainy, mam kartę pobytu i szukam pracy. Mam 41 lat i mieszkam na Pradze-Południe.",
        foreigner=True,
        age=41,
        district="Praga-Południe",
    ),
    _e(
        "Mam status uchodźcy, przyjechałem z Syrii. Nie pracuję, mam 30 lat.",
        international_protection=True,
        foreigner=True,
        jobless=True,
        age=30,
    ),
    _e(
        "Niedawno wyszedłem z więzienia, nie mam pracy i nie mam gdzie mieszkać. Mam 44 lata.",
        left_prison=True,
        jobless=True,
        homeless=True,
        age=44,
    ),
    _e(
        "Mam 19 lat, właśnie opuściłam dom dziecka i się usamodzielniam. Nie mam pracy, mieszkam w Śródmieściu.",
        age=19,
        leaving_care=True,
        jobless=True,
        district="Śródmieście",
    ),
    _e(
        "Jestem uzależniony od alkoholu, nie piję od pół roku i chodzę na mityngi. Nie pracuję, mam 50 lat.",
        addiction=True,
        jobless=True,
        age=50,
    ),
    _e(
        "Opiekuję się mamą po wylewie, dlatego nie mogę pracować na etat. Mam 55 lat, mieszkam na Bemowie.",
        carer=True,
        age=55,
        district="Bemowo",
    ),
    _e(
        "Chcę założyć spółdzielnię socjalną. Jestem bezrobotna i zarejestrowana w urzędzie pracy, mam 36 lat.",
        social_enterprise=True,
        jobless=True,
        work_status=R,
        age=36,
    ),
    _e(
        "Mam długi za czynsz i grozi mi eksmisja. Pracuję dorywczo, mam 48 lat, mieszkam na Białołęce.",
        housing_problem=True,
        work_status=E,
        age=48,
        district="Białołęka",
    ),
    _e(
        "Mam 23 lata, mam autyzm i orzeczenie o niepełnosprawności w stopniu umiarkowanym. Nie pracuję. Mieszkam w Wilanowie.",
        age=23,
        disability_condition="autism",
        disability_certificate=True,
        disability_degree="moderate",
        jobless=True,
        district="Wilanów",
    ),
    _e(
        "Od dwóch lat jestem bezrobotny i zarejestrowany w urzędzie, korzystam też z pomocy społecznej. Mieszkam w Rembertowie, mam 57 lat.",
        long_term_unemployed=True,
        work_status=R,
        jobless=True,
        social_assistance=True,
        district="Rembertów",
        age=57,
    ),
    _e(
        "Mam problemy zdrowotne z kręgosłupem, ale nie mam orzeczenia. Nie pracuję, mam 49 lat.",
        health_limitations=True,
        disability_certificate=False,
        jobless=True,
        age=49,
    ),
    _e(
        "Mam 31 lat, mieszkam we Włochach, jestem zarejestrowany w UP i dostaję zasiłek dla bezrobotnych.",
        age=31,
        district="Włochy",
        work_status=R,
        unemployment_benefit=True,
    ),
    _e(
        "Nie mam polskiego obywatelstwa, jestem z Białorusi. Pracuję w magazynie, mam 34 lata, mieszkam w Wesołej.",
        foreigner=True,
        work_status=E,
        age=34,
        district="Wesoła",
    ),
    _e(
        "Chodziłam na zajęcia do CIS przez 8 miesięcy, a teraz nie mam pracy. Mam 42 lata.",
        cis_kis_months=8,
        jobless=True,
        age=42,
    ),
    _e(
        "Mam 26 lat i niepełnosprawność intelektualną w stopniu lekkim, mam orzeczenie. Mieszkam na Bielanach i nie pracuję.",
        age=26,
        disability_condition="intellectual_disability",
        disability_degree="light",
        disability_certificate=True,
        district="Bielany",
        jobless=True,
    ),
    _e(
        "Mam 64 lata, jeszcze pracuję, ale boję się, że stracę pracę. Mieszkam na Mokotowie.",
        age=64,
        work_status=E,
        district="Mokotów",
    ),
    _e(
        "Mieszkam pod Warszawą, w Pruszkowie, nie pracuję i jestem zarejestrowana w urzędzie pracy. Mam 40 lat.",
        district="outside_warsaw",
        jobless=True,
        work_status=R,
        age=40,
    ),
    _e(
        "Jestem bez pracy i bez rejestracji w urzędzie. Korzystam z pomocy OPS. Mam 53 lata, mieszkam na Targówku.",
        jobless=True,
        work_status=U,
        social_assistance=True,
        age=53,
        district="Targówek",
    ),
    _e(
        "Jestem niezdolny do pracy, mam orzeczenie o znacznym stopniu niepełnosprawności. Mam 60 lat, mieszkam na Ursynowie.",
        able_to_work=False,
        disability_certificate=True,
        disability_degree="severe",
        age=60,
        district="Ursynów",
    ),
    # someone else's facts: only the writer's own count
    _e(
        "Mój syn ma 17 lat i orzeczenie o niepełnosprawności, opiekuję się nim. Ja nie pracuję.",
        carer=True,
        jobless=True,
    ),
    _e(
        "Moja córka ma autyzm i potrzebuję wsparcia w jej wychowaniu. Mam 39 lat, jestem zarejestrowana w urzędzie pracy.",
        family_support=True,
        age=39,
        work_status=R,
    ),
    _e(
        "Mąż pije i nie daje pieniędzy na dom. Nie pracuję, mam 46 lat, mieszkam na Woli.",
        jobless=True,
        age=46,
        district="Wola",
    ),
    _e(
        "Mam 51 lat, od pięciu lat opiekuję się chorą mamą, nie pracuję i nie jestem zarejestrowana w urzędzie pracy.",
        age=51,
        carer=True,
        jobless=True,
        work_status=U,
    ),
    _e(
        "Szukam jakiejkolwiek pomocy. Mam 43 lata, nie mam pracy, nie dostaję zasiłku, mieszkam w Śródmieściu.",
        age=43,
        jobless=True,
        unemployment_benefit=False,
        district="Śródmieście",
    ),
    _e(
        "Dzień dobry, jestem zarejestrowana jako bezrobotna, nie korzystam z pomocy społecznej, mam 28 lat i mieszkam na Ochocie.",
        work_status=R,
        social_assistance=False,
        age=28,
        district="Ochota",
    ),
]

# Templates: {age}/{years} filled by fill_age, {loc} by LOCATIVE[district]; the generator adds
# the value to the annotation (key "age" or "district" in `fills`).
AGE_FACTS = [
    "mam {age} {years}",
    "Mam {age} {years}.",
    "skończyłem już {age} {years}",
    "mam {age} {years}, jeśli to ważne",
]
DISTRICT_FACTS = ["mieszkam {loc}", "Mieszkam {loc}.", "mieszkam teraz {loc}", "a mieszkam {loc}"]

FACTS: list[Entry] = [
    _e("jestem zarejestrowany w urzędzie pracy jako bezrobotny", work_status=R, jobless=True),
    _e("jestem zarejestrowana w pośredniaku", work_status=R),
    _e("nie pracuję", jobless=True),
    _e("nie mam teraz pracy", jobless=True),
    _e("pracuję na pół etatu", work_status=E),
    _e("nie mam zasiłku dla bezrobotnych", unemployment_benefit=False),
    _e("dostaję zasiłek dla bezrobotnych", unemployment_benefit=True),
    _e("korzystam z pomocy ośrodka pomocy społecznej", social_assistance=True),
    _e("nie korzystam z pomocy społecznej", social_assistance=False),
    _e("mam orzeczenie o niepełnosprawności", disability_certificate=True),
    _e("nie mam żadnego orzeczenia", disability_certificate=False),
    _e("mam orzeczenie w stopniu lekkim", disability_certificate=True, disability_degree="light"),
    _e("jestem bezdomny", homeless=True),
    _e("mam zaległości w czynszu za mieszkanie", housing_problem=True),
    _e("mam problem z alkoholem", addiction=True),
    _e("w zeszłym miesiącu wyszłam z więzienia", left_prison=True),
    _e("jestem cudzoziemcem", foreigner=True),
    _e("mam ochronę uzupełniającą w Polsce", international_protection=True, foreigner=True),
    _e("jestem wychowankiem domu dziecka i właśnie się usamodzielniam", leaving_care=True),
    _e("opiekuję się niepełnosprawnym ojcem", carer=True),
    _e("mam problemy wychowawcze z synem i potrzebuję pomocy", family_support=True),
    _e("chciałbym założyć spółdzielnię socjalną", social_enterprise=True),
    _e("byłam w KIS przez pół roku", cis_kis_months=6),
    _e("nigdy nie byłem w CIS ani w KIS", cis_kis_months=0),
    _e(
        "mam depresję i orzeczenie o niepełnosprawności",
        disability_condition="mental_illness",
        disability_certificate=True,
    ),
    _e("jestem zarejestrowana jako bezrobotna od ponad roku", work_status=R, long_term_unemployed=True),
    _e("mam kłopoty ze zdrowiem, które utrudniają mi pracę", health_limitations=True),
    # nothing about the writer's profile, though numbers and life words are there
    _e("mam troje dzieci i męża"),
    _e("pracowałem 20 lat jako kierowca"),
    _e("mam 20 lat doświadczenia w handlu"),
    _e("moja mama ma 70 lat i orzeczenie o niepełnosprawności"),
]

ADVICE: list[Entry] = [
    _e(t)
    for t in (
        "co mi polecasz?",
        "jakie mam opcje?",
        "pomóż mi",
        "od czego zacząć?",
        "co mogę zrobić w mojej sytuacji?",
        "gdzie mogę się zgłosić po pomoc?",
        "no to co mi radzisz?",
        "jakie instytucje mogą mi pomóc?",
        "potrzebuję porady, gdzie iść",
        "co dalej?",
        "i co teraz mam zrobić?",
        "gdzie mam szukać wsparcia?",
    )
]

QUESTIONS: list[Entry] = [
    _e(t)
    for t in (
        "co to jest CIS?",
        "czym się zajmuje KIS?",
        "co to jest staż?",
        "ile trwa staż?",
        "co to jest WTZ?",
        "kto może pracować w ZAZ?",
        "gdzie jest urząd pracy?",
        "co to są prace interwencyjne?",
        "co to jest OWES?",
        "czym jest kontrakt socjalny?",
        "ile wynosi zasiłek dla bezrobotnych?",
        "co to jest PAI?",
    )
]

OFF_TOPIC: list[Entry] = [
    _e(t)
    for t in (
        "jaka jest jutro pogoda w Warszawie?",
        "opowiedz mi kawał",
        "kto wygrał wczoraj mecz Legii?",
        "lubisz koty?",
        "ile kosztuje bilet miesięczny na metro?",
        "jak się masz?",
        "jaki jest najlepszy przepis na pierogi?",
        "napisz mi wiersz o wiośnie",
        "gdzie jest najbliższa apteka?",
        "mój kot ma 16 lat, czy to dużo?",
        "jaki film warto obejrzeć w weekend?",
        "która jest godzina?",
    )
]

GREET: list[Entry] = [_e(t) for t in ("dzień dobry", "cześć", "hej", "witam", "dobry wieczór")]
THANKS: list[Entry] = [_e(t) for t in ("dziękuję", "dzięki", "super, dziękuję bardzo", "do widzenia")]
HUMAN: list[Entry] = [_e(t) for t in ("chcę porozmawiać z człowiekiem", "czy mogę rozmawiać z prawdziwą osobą?")]
SUMMARY: list[Entry] = [_e(t) for t in ("poproszę podsumowanie", "możesz mi dać podsumowanie z kodem?")]
SKIP: list[Entry] = [
    _e(t)
    for t in (
        "nie wiem",
        "nie jestem pewna",
        "nie pamiętam",
        "trudno powiedzieć",
        "wolę nie mówić",
        "wolałbym tego nie mówić",
    )
]
RESTART: list[Entry] = [
    _e(t)
    for t in ("zacznijmy od nowa", "chcę zacząć wszystko od początku", "zresetuj rozmowę", "wszystko od nowa proszę")
]
DELETE: list[Entry] = [_e(t) for t in ("usuń moje dane", "proszę skasować wszystko, co o mnie wiesz")]
YES: list[str] = ["tak", "tak, proszę", "tak", "dobrze", "ok"]
NO: list[str] = ["nie", "nie, dziękuję", "nie"]

CRISIS: list[Entry] = [
    Entry("nie widzę już sensu życia, chcę się zabić", {}, "suicide"),
    Entry("myślę o tym, żeby odebrać sobie życie", {}, "suicide"),
    Entry("nie chcę już żyć, mam wszystkiego dość", {}, "suicide"),
    Entry("chyba dziś skończę ze sobą, nikt nie zauważy", {}, "suicide"),
    Entry("kupiłem tabletki i chcę je wszystkie połknąć, żeby to się skończyło", {}, "suicide"),
    Entry("mam 40 lat, mieszkam na Woli i nie chcę już dłużej żyć", {"age": 40, "district": "Wola"}, "suicide"),
    Entry("straciłam pracę i myślę o samobójstwie", {"jobless": True}, "suicide"),
    Entry("mąż mnie bije i boję się wrócić do domu", {}, "violence"),
    Entry("partner grozi, że mnie zabije, jak zadzwonię na policję", {}, "violence"),
    Entry("ojciec znowu mnie pobił, mam siniaki", {}, "violence"),
    Entry("konkubent bije mnie i dzieci, nie wiem, co robić", {}, "violence"),
    Entry("syn się nade mną znęca i zabiera mi pieniądze", {}, "violence"),
    Entry("nie pracuję, a mąż mnie codziennie bije", {"jobless": True}, "violence"),
    Entry("nie mam dziś gdzie spać, a na dworze jest mróz", {"homeless": True}, "shelter"),
    Entry("wyrzucili mnie z mieszkania i dzisiaj będę spał na ulicy", {"homeless": True}, "shelter"),
    Entry("śpię na klatce schodowej i strasznie marznę", {"homeless": True}, "shelter"),
    Entry("jest minus dziesięć, a ja nie mam gdzie przenocować", {"homeless": True}, "shelter"),
    Entry("kolega leży nieprzytomny i nie oddycha", {}, "emergency"),
    Entry("mam silny ból w klatce piersiowej i nie mogę złapać tchu", {}, "emergency"),
    Entry("ktoś próbuje wyważyć mi drzwi, boję się", {}, "emergency"),
    Entry("sąsiad leży na podłodze i krwawi z głowy", {}, "emergency"),
    Entry("mój tata dostał zawału, co mam robić", {}, "emergency"),
]

# Corrections: (key, template for the new value); the generator uses one only for a key the
# person already stated, with a value different from the one stated.
CORRECTIONS: dict[str, list[str]] = {
    "age": [
        "a jednak mam {age} {years}",
        "pomyliłem się, mam {age} {years}",
        "przepraszam, źle napisałam, mam {age} {years}",
    ],
    "district": ["właściwie mieszkam {loc}", "pomyliłam się, mieszkam {loc}"],
}
BOOL_CORRECTIONS: dict[tuple[str, Any], list[Entry]] = {
    ("unemployment_benefit", True): [
        _e("jednak dostaję zasiłek dla bezrobotnych", unemployment_benefit=True),
        _e("pomyliłam się, mam zasiłek dla bezrobotnych", unemployment_benefit=True),
    ],
    ("unemployment_benefit", False): [
        _e("pomyliłem się, nie dostaję zasiłku dla bezrobotnych", unemployment_benefit=False)
    ],
    ("social_assistance", True): [
        _e("jednak korzystam z pomocy OPS", social_assistance=True),
        _e("pomyliłem się, korzystam z pomocy społecznej", social_assistance=True),
    ],
    ("social_assistance", False): [
        _e("źle odpowiedziałam, nie korzystam z pomocy społecznej", social_assistance=False)
    ],
    ("disability_certificate", True): [
        _e("poprawka: mam orzeczenie o niepełnosprawności", disability_certificate=True)
    ],
    ("disability_certificate", False): [
        _e("pomyliłem się, nie mam orzeczenia o niepełnosprawności", disability_certificate=False)
    ],
    ("work_status", E): [_e("właściwie to pracuję, mam umowę o pracę", work_status=E)],
    ("work_status", R): [
        _e("jednak jestem zarejestrowany w urzędzie pracy jako bezrobotny", work_status=R, jobless=True)
    ],
}
