"""Every tool's rule held against the study: a profile that qualifies and one that does not.

Each row quotes the study's sentence it checks; the quotation itself is verified against the study
text, so a row cannot cite words the study does not contain.
"""

from __future__ import annotations

import pytest

from bot.eligibility import recommend
from bot.knowledge.catalogue import Catalogue
from tests.conftest import squash

REG = {"work_status": "registered_unemployed"}
CIS_OK = {"age": 30, "social_assistance": True, "homeless": True}
DPS = {
    "disability_certificate": True,
    "disability_degree": "severe",
    "able_to_work": False,
    "homeless": True,
    "social_assistance": True,
    "district": "Wola",
}
NO_EXCLUSION = {
    "work_status": "employed",
    "homeless": False,
    "left_prison": False,
    "addiction": False,
    "disability_certificate": False,
}

# tool, a profile that qualifies, a profile that does not, the study's sentence
CASES = [
    (
        "praca_socjalna",
        {"work_status": "jobless_unregistered"},
        {
            "work_status": "employed",
            "social_assistance": False,
            "homeless": False,
            "housing_problem": False,
            "addiction": False,
            "left_prison": False,
            "foreigner": False,
            "family_support": False,
        },
        "Praca socjalna – polega na diagnozowaniu problemów uniemożliwiających samodzielność osoby bezrobotnej",
    ),
    (
        "kontrakt_socjalny",
        {"social_assistance": True},
        {"social_assistance": False},
        "jest pisemną umową pomiędzy osobą korzystającą ze świadczeń pomocy społecznej a pracownikiem socjalnym",
    ),
    (
        "metody_pracy_socjalnej",
        {**REG, "social_assistance": True},
        {"work_status": "employed", "social_assistance": True},
        "problemy klientów – osób pozostających bez pracy (bezrobotnych), pracownicy OPS mogą wykorzystywać również inne narzędzia",
    ),
    (
        "projekty_ops",
        {"social_assistance": True},
        {"work_status": "employed", "social_assistance": False},
        "Programy, projekty (w tym pozakonkursowe, konkursowe) – realizowane i finansowanie głównie z środków pochodzących z UE",
    ),
    (
        "orzekanie_o_niepelnosprawnosci",
        {"health_limitations": True},
        {"health_limitations": False, "disability_certificate": True},
        "służy osobom, które chcą uzyskać prawne potwierdzenie statusu osoby niepełnosprawnej",
    ),
    (
        "dofinansowanie_pfron",
        {"disability_certificate": True},
        {"disability_certificate": False},
        "Dofinansowanie wydatków na rzecz osób niepełnosprawnych.",
    ),
    (
        "kierowanie_do_dps",
        DPS,
        {"carer": True, "district": "Wola"},
        "po wyczerpaniu wszystkich możliwości pomocy (instytucjonalnej i rodzinnej) w środowisku",
    ),
    (
        "kierowanie_do_dps",
        DPS,
        {**DPS, "district": "outside_warsaw"},
        "kieruje do dom pomocy społecznej osoby z terenu m.st. Warszawy",
    ),
    (
        "rodziny_zastepcze",
        {"leaving_care": True},
        {"family_support": True, "leaving_care": False},
        "opuszczającym po osiągnięciu pełnoletniości rodzinę zastępczą",
    ),
    (
        "pomoc_cudzoziemcom",
        {"international_protection": True},
        {"foreigner": True, "international_protection": False},
        "pomaga cudzoziemcom, którzy uzyskali w Rzeczypospolitej Polskiej status uchodźcy lub ochronę uzupełniającą",
    ),
    (
        "pomoc_w_usamodzielnieniu",
        {"leaving_care": True},
        {"leaving_care": False},
        "Pomoc osobom uzyskującym pełnoletniość, wychodzącym spod pieczy zastępczej",
    ),
    (
        "pai",
        {**REG, "social_assistance": True},
        {**REG, "social_assistance": False},
        "bezrobotni korzystający ze świadczeń pomocy społecznej, w szczególności realizujący kontrakt socjalny",
    ),
    (
        "prace_spolecznie_uzyteczne",
        {**REG, "unemployment_benefit": False, "social_assistance": True},
        {**REG, "unemployment_benefit": True, "social_assistance": True},
        "Uczestnicy to osoby bezrobotne bez prawa do zasiłku, a jednocześnie korzystające ze świadczeń pomocy społecznej",
    ),
    (
        "prace_spolecznie_uzyteczne",
        {**REG, "unemployment_benefit": False, "social_assistance": True},
        {"work_status": "jobless_unregistered", "unemployment_benefit": False, "social_assistance": True},
        "to prace wykonywane przez bezrobotnych bez prawa do zasiłku",
    ),
    (
        "prace_spolecznie_uzyteczne",
        {**REG, "unemployment_benefit": False, "social_assistance": True},
        {**REG, "unemployment_benefit": False, "social_assistance": False, "leaving_care": False, "cis_kis_months": 0},
        "a jednocześnie korzystające ze świadczeń pomocy społecznej",
    ),
    # The second route: an individual programme, without social assistance.
    (
        "prace_spolecznie_uzyteczne",
        {**REG, "unemployment_benefit": False, "social_assistance": False, "leaving_care": True},
        {**REG, "unemployment_benefit": False, "social_assistance": False, "leaving_care": False, "cis_kis_months": 0},
        "indywidualnym programie usamodzielniania",
    ),
    (
        "prace_spolecznie_uzyteczne",
        {**REG, "unemployment_benefit": False, "social_assistance": False, "cis_kis_months": 4},
        {**REG, "unemployment_benefit": False, "social_assistance": False, "leaving_care": False, "cis_kis_months": 0},
        "w indywidualnym programie zatrudnienia socjalnego",
    ),
    (
        "zatrudnienie_wspierane",
        {"cis_kis_months": 6},
        {"cis_kis_months": 5},
        "przez co najmniej sześć miesięcy, na zajęcia Centrum Integracji Społecznej (CIS) lub do Klubu Integracji Społecznej (KIS)",
    ),
    (
        "programy_specjalne",
        {**REG, "long_term_unemployed": True},
        {**REG, "long_term_unemployed": False},
        "dla tych bezrobotnych, którym najtrudniej znaleźć i utrzymać pracę",
    ),
    (
        "posrednictwo_pracy",
        {"work_status": "employed"},
        {"work_status": "jobless_unregistered", "able_to_work": False},
        "skierowana bezpośrednio do osób bezrobotnych oraz poszukujących pracy",
    ),
    (
        "poradnictwo_zawodowe",
        {"work_status": "employed", "district": "Wola"},
        {"work_status": "employed", "district": "outside_warsaw"},
        "każda zainteresowana osoba może skorzystać z usług doradcy zawodowego pracującego w urzędzie pracy",
    ),
    (
        "szkolenia",
        {"work_status": "employed"},
        {**REG, "able_to_work": False},
        "Formy aktywizacji bezrobotnych i poszukujących pracy",
    ),
    (
        "przygotowanie_zawodowe_doroslych",
        REG,
        {"work_status": "jobless_unregistered"},
        "ma na celu zdobycie przez osoby bezrobotne wiedzy teoretycznej",
    ),
    ("staz", REG, {"work_status": "employed"}, "Na staż może zostać skierowana osoba bezrobotna."),
    (
        "prace_interwencyjne",
        REG,
        {"work_status": "jobless_unregistered"},
        "Uczestnikami prac interwencyjnych mogą być wszystkie osoby bezrobotne.",
    ),
    (
        "roboty_publiczne",
        REG,
        {"work_status": "employed"},
        "to zatrudnienie bezrobotnego na okres nie dłuższy niż 12 miesięcy",
    ),
    (
        "ipzs",
        {**CIS_OK, "social_assistance": False},
        {**CIS_OK, "work_status": "employed"},
        "w stanie funkcjonować na otwartym rynku pracy",
    ),
    (
        "ipzs",
        CIS_OK,
        {**CIS_OK, "age": 17},
        "Uczestnikiem programu może zostać osoba pełnoletnia, w wieku aktywności zawodowej",
    ),
    (
        "reintegracja_spoleczna",
        {**CIS_OK, "homeless": False, "left_prison": True},
        {"age": 30, "social_assistance": True, **NO_EXCLUSION},
        "bezrobotna, nieaktywna zawodowo, bezdomna, opuszczająca zakład karny, niepełnosprawna, borykająca się z uzależnieniem",
    ),
    (
        "reintegracja_zawodowa",
        CIS_OK,
        {**CIS_OK, "able_to_work": False},
        "osobom niepełnosprawnym, niezdolnym do podjęcia pracy",
    ),
    (
        "poradnictwo_kis",
        {"addiction": True},
        NO_EXCLUSION,
        "KIS działa na rzecz integrowania się osób o podobnych trudnościach i problemach życiowych.",
    ),
    (
        "dzialania_edukacyjne_kis",
        {"left_prison": True},
        NO_EXCLUSION,
        "udzielenie pomocy osobom indywidualnym oraz ich rodzinom w odbudowywaniu i podtrzymywaniu umiejętności",
    ),
    (
        "dzialania_zatrudnieniowe_kis",
        {"work_status": "registered_unemployed"},
        NO_EXCLUSION,
        "przygotowywaniu do podjęcia zatrudnienia wspieranego oraz pracy w podmiotach ekonomii społecznej",
    ),
    (
        "terapia_zajeciowa",
        {"disability_certificate": True, "able_to_work": False},
        {"disability_certificate": True, "able_to_work": True},
        "Uczestnikami warsztatów mogą być osoby posiadające prawnie potwierdzony status niepełnosprawności, niezdolne do podjęcia pracy.",
    ),
    (
        "terapia_zajeciowa",
        {"disability_certificate": True, "able_to_work": False},
        {"disability_certificate": False, "able_to_work": False},
        "posiadające prawnie potwierdzony status niepełnosprawności",
    ),
    (
        "stanowiska_dostosowane",
        {"disability_certificate": True, "disability_degree": "severe"},
        {"disability_certificate": True, "disability_degree": "light"},
        "osoby ze znacznym stopniem niepełnosprawności,",
    ),
    (
        "mentoring_instruktorow",
        {"disability_certificate": True, "disability_degree": "moderate", "disability_condition": "autism"},
        {"disability_certificate": True, "disability_degree": "moderate", "disability_condition": "other"},
        "osoby z umiarkowanym stopniem niepełnosprawności, u których zdiagnozowano autyzm, chorobę psychiczną lub upośledzenie",
    ),
    (
        "szkolenia_zaz",
        {"disability_certificate": True, "disability_degree": "moderate", "disability_condition": "mental_illness"},
        {"disability_certificate": True, "disability_degree": "moderate", "disability_condition": "other"},
        "osoby z umiarkowanym stopniem niepełnosprawności, u których zdiagnozowano autyzm, chorobę psychiczną lub upośledzenie",
    ),
    (
        "szkolenia_zaz",
        {
            "disability_certificate": True,
            "disability_degree": "moderate",
            "disability_condition": "intellectual_disability",
        },
        {"disability_certificate": False, "disability_degree": "severe"},
        "W zakładzie aktywności zawodowej zatrudnienie mogą znaleźć",
    ),
    (
        "doradztwo_pes",
        {"social_enterprise": True},
        {"social_enterprise": False},
        "osoby planujące założenie podmiotu ekonomii społecznej lub podjęcie pracy w podmiocie ekonomii społecznej",
    ),
    (
        "dotacje_na_miejsca_pracy",
        {"social_enterprise": True},
        {"social_enterprise": False},
        "Wsparcie dotacyjne na tworzenie miejsc pracy udzielane PS.",
    ),
    (
        "wsparcie_pomostowe",
        {"social_enterprise": True},
        {"social_enterprise": False},
        "Wsparcie pomostowe udzielane tworzonym i funkcjonującym PS.",
    ),
]


def _tools(result: dict) -> set[str]:
    return {tool for item in result["recommendations"] for tool in item["tools"]}


@pytest.mark.parametrize("tool, yes, no, quote", CASES, ids=[f"{c[0]}-{n}" for n, c in enumerate(CASES)])
def test_tool_rule_follows_the_study(
    catalogue: Catalogue, study_text: str, tool: str, yes: dict, no: dict, quote: str
) -> None:
    assert squash(quote) in study_text, "the quotation must be the study's own words"
    qualifying = recommend(yes, catalogue)
    assert tool in _tools(qualifying)
    item = next(i for i in qualifying["recommendations"] if tool in i["tools"])
    detail = next(d for d in item["tool_details"] if d["id"] == tool)
    assert detail["reasons"] and all(r.strip() for r in detail["reasons"])
    assert tool not in _tools(recommend(no, catalogue))
