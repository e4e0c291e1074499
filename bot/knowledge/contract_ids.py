"""Catalogue IDs fixed by the contract (section 4): the knowledge base must hold every one."""

from __future__ import annotations

INSTITUTION_IDS: tuple[str, ...] = (
    "ops",
    "wcpr",
    "up",
    "cis",
    "kis",
    "wtz",
    "zaz",
    "owes",
    "ngo",
    "agencja_zatrudnienia",
    "cus",
    "cwr",
    "ohp",
    "kluby_dla_rodzin",
    "lsw",
    "zgn",
)

TOOL_IDS: dict[str, tuple[str, ...]] = {
    "ops": ("praca_socjalna", "kontrakt_socjalny", "metody_pracy_socjalnej", "projekty_ops"),
    "wcpr": (
        "orzekanie_o_niepelnosprawnosci",
        "dofinansowanie_pfron",
        "kierowanie_do_dps",
        "rodziny_zastepcze",
        "pomoc_cudzoziemcom",
        "pomoc_w_usamodzielnieniu",
    ),
    "up": (
        "pai",
        "prace_spolecznie_uzyteczne",
        "zatrudnienie_wspierane",
        "programy_specjalne",
        "posrednictwo_pracy",
        "poradnictwo_zawodowe",
        "szkolenia",
        "przygotowanie_zawodowe_doroslych",
        "staz",
        "prace_interwencyjne",
        "roboty_publiczne",
    ),
    "cis": ("ipzs", "reintegracja_spoleczna", "reintegracja_zawodowa"),
    "kis": ("poradnictwo_kis", "dzialania_edukacyjne_kis", "dzialania_zatrudnieniowe_kis"),
    "wtz": ("terapia_zajeciowa",),
    "zaz": ("stanowiska_dostosowane", "mentoring_instruktorow", "szkolenia_zaz"),
    "owes": ("doradztwo_pes", "dotacje_na_miejsca_pracy", "wsparcie_pomostowe"),
}
