"""Institution and tool spans DIET found, matched to the catalogue by the forms of their words."""

from __future__ import annotations

import pytest

from bot.nlp.catalogue_names import Marking, NameIndex
from bot.rasa_server.nlu.entity_filter import KNOWN, catalogue_entities, found_entities, possible

SYNONYMS = {
    "pośredniak": "up",
    "pośredniaka": "up",
    "urząd pracy": "up",
    "mops": "ops",
    "ośrodek pomocy społecznej": "ops",
    "pomoc społeczna": "ops",
    "prace społecznie użyteczne": "prace_spolecznie_uzyteczne",
    "psu": "prace_spolecznie_uzyteczne",
    "robotach": "roboty_publiczne",
    "kluby dla rodzin": "kluby_dla_rodzin",
    "pai": "pai",
    "kurs": "szkolenia",
}


@pytest.fixture(scope="module")
def names() -> NameIndex:
    return NameIndex.build(SYNONYMS, KNOWN)


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        ("z pośredniakiem", ("institution", "up")),  # a little word the span should not have begun with
        ("pośredniakiem", ("institution", "up")),  # a Morfeusz lemma
        ("urzędzie pracy", ("institution", "up")),
        ("urzedzie pracy", ("institution", "up")),  # no diacritics: the stem
        ("MOPS-", ("institution", "ops")),  # the tokenizer ends the span at the hyphen of "MOPS-em"
        ("mopsem", ("institution", "ops")),
        ("pomoc spoleczna", ("institution", "ops")),
        ("ośrodku pomocy społecznej", ("institution", "ops")),
        ("pracach spolecznie uzytecznych", ("tool", "prace_spolecznie_uzyteczne")),
        ("klubach dla rodzin", ("institution", "kluby_dla_rodzin")),
        ("PAI i", ("tool", "pai")),  # one little word too many
        ("posrednaka", ("institution", "up")),  # one letter left out of "posredniaka"
        ("kursu", ("tool", "szkolenia")),
    ],
)
def test_forms_of_catalogue_names(names: NameIndex, span: str, expected: tuple | None) -> None:
    assert names.resolve(span) == expected


@pytest.mark.parametrize(
    "span",
    [
        "pierogi",
        "kurs gotowania",
        "praca",
        "pomoc",
        "roboty",
        "robotę",
        "psem",
        "pies",
        "urzędzie",
        "socjalny",
        "pracy",
    ],
)
def test_words_that_name_nothing_in_the_catalogue(names: NameIndex, span: str) -> None:
    """General words stay general: "szukam roboty" is any work though "na robotach" is public works, and
    Morfeusz's "pies" for "psu" is no lemma of the acronym."""
    assert names.resolve(span) is None


def test_the_filter_keeps_matched_spans_with_the_catalogues_type(names: NameIndex) -> None:
    entities = [
        {"entity": "tool", "value": "posrednaka", "start": 20, "end": 30},  # DIET's type was wrong
        {"entity": "institution", "value": "pierogi"},
        {"entity": "institution", "value": "ops"},
    ]
    kept = catalogue_entities(entities, names)
    assert [(e["entity"], e["value"]) for e in kept] == [("institution", "up"), ("institution", "ops")]
    assert kept[0]["start"] == 20 and "CatalogueEntityFilter" in kept[0]["processors"]
    assert catalogue_entities(entities) == [entities[2]], "without the index only IDs stay"


FIND_SYNONYMS = {
    **SYNONYMS,
    "hufce pracy": "ohp",
    "agencja pracy": "agencja_zatrudnienia",
    "agencja pracy tymczasowej": "agencja_zatrudnienia",
    "zakład gospodarowania nieruchomościami": "zgn",
    "fundacja": "ngo",
    "orzeczenie o niepełnosprawności": "orzekanie_o_niepelnosprawnosci",
    "orzeczenia o niepełnosprawności": "orzekanie_o_niepelnosprawnosci",
}


@pytest.fixture(scope="module")
def find_names() -> NameIndex:
    return NameIndex.build(FIND_SYNONYMS, KNOWN)


def found(names: NameIndex, text: str, marking: Marking | None = None) -> list[tuple[str, str]]:
    likely = marking.likely if marking else lambda _: True
    return [(text[f.start : f.end], f.match[1]) for f in names.find(text, likely)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "mam dlug w zakladzie gospodarowania nieruchomosciami",
            [("zakladzie gospodarowania nieruchomosciami", "zgn")],
        ),
        ("chodzimy do CWR bo mam problemy z synem", [("CWR", "cwr")]),
        ("co to jest to całe NGO", [("NGO", "ngo")]),
        ("czy do hufców pracy przyjmą kogoś", [("hufców pracy", "ohp")]),
        ("robię przez agencję pracy tymczasowej", [("agencję pracy tymczasowej", "agencja_zatrudnienia")]),  # longest
        ("z MOPS-em i z urzędem pracy", [("MOPS", "ops"), ("urzędem pracy", "up")]),
        # one-word names in lower case are the model's call ("ops" of "opieki", "fundacja" of a name)
        ("pracuję w fundacji, mops mi nie pomógł", []),
        ("Jestem w PSU", [("PSU", "prace_spolecznie_uzyteczne")]),
        ("I", []),
    ],
)
def test_names_found_in_a_whole_text(find_names: NameIndex, text: str, expected: list) -> None:
    assert found(find_names, text) == expected


def test_names_the_training_data_leaves_unmarked_are_not_found(find_names: NameIndex) -> None:
    """The certificate is a fact in most sentences ("mam orzeczenie o niepełnosprawności") and a name in
    few ("jak zdobyć orzeczenie o niepełnosprawności"): the training data's marking decides."""
    fact, question = "mam orzeczenie o niepełnosprawności", "gdzie dostać orzeczenie o niepełnosprawności"
    start = question.index("orzeczenie")
    examples = [(fact, []), (fact + " i szukam pracy", []), (question, [(start, len(question))])]
    examples += [("byłam w urzędzie pracy", [(8, 22)])]
    marking = Marking.learn(find_names, examples)
    assert found(find_names, "mam orzeczenie o niepełnosprawności od lat", marking) == []
    # an unseen form of a mostly unmarked name is unlikely too; a form of a marked one is found
    assert found(find_names, "z orzeczenia o niepełnosprawności wynika", marking) == []
    assert found(find_names, "w urzędzie pracy", marking) == [("urzędzie pracy", "up")]
    assert Marking.from_json(marking.to_json()) == marking


def test_the_filter_adds_names_the_model_missed(find_names: NameIndex) -> None:
    text = "czy do hufców pracy przyjmą kogoś kto ma 23 lata z CWR"
    hufcow, age = text.index("hufców"), text.index("23")
    entities = [
        {"entity": "duration", "value": "hufców", "start": hufcow, "end": hufcow + 6},  # inside the name: replaced
        {"entity": "age", "value": "23", "start": age, "end": age + 2},
        {
            "entity": "institution",
            "value": "cwr",
            "start": len(text) - 3,
            "end": len(text),
            "extractor": "DIETClassifier",
        },
    ]
    result = found_entities(text, entities, find_names, Marking())
    assert [(e["entity"], e["value"], e.get("extractor")) for e in result] == [
        ("institution", "ohp", "CatalogueEntityFilter"),
        ("age", "23", None),
        ("institution", "cwr", "DIETClassifier"),  # the model's own entity on the same characters stays
    ]
    assert result[0]["text"] == "hufców pracy"
    # a name overlapping an entity that reaches beyond it is left out
    beyond = [{"entity": "institution", "value": "ohp", "start": 4, "end": hufcow + 15}]
    assert found_entities(text[: hufcow + 15], beyond, find_names, Marking()) == beyond


@pytest.mark.parametrize(
    ("entity", "text", "expected"),
    [
        ("age", "pracuję 4 godziny dziennie", False),
        ("age", "orzeczenie mam do 2027", False),
        ("age", "mieszkamy w 5 osób", False),
        ("age", "mam 45 lat", True),
        ("age", "rocznik 1980", True),
        ("age", "właśnie skończyłem 18", True),
        ("duration", "odkąd zamknęli zakład w 2019 nie pracuję", False),
        ("duration", "od 8 miesięcy", True),
    ],
)
def test_numbers_no_entity_of_their_type_can_be(entity: str, text: str, expected: bool) -> None:
    number = next(word for word in text.split() if word.isdigit())
    start = text.index(number)
    assert possible({"entity": entity, "value": number, "start": start, "end": start + len(number)}, text) is expected
    assert (
        possible({"entity": "age", "value": "sześćdziesiąt"}, "po sześćdziesiątce") is True
    )  # words: the model's call


def test_a_typo_may_swap_two_neighbouring_letters(names: NameIndex) -> None:
    assert names.resolve("posredinaka") == ("institution", "up")  # "posredniaka", "n" and "i" swapped


TYPO_SYNONYMS = {
    **FIND_SYNONYMS,
    "pomoc integracyjna dla cudzoziemców": "pomoc_cudzoziemcom",
    "pomoc dla cudzoziemców": "pomoc_cudzoziemcom",
    "dotacje na miejsca pracy": "dotacje_na_miejsca_pracy",
    "opieka": "ops",
    "staż": "staz",
    "orzeczenie": "orzekanie_o_niepelnosprawnosci",
}


@pytest.fixture(scope="module")
def typo_names() -> NameIndex:
    return NameIndex.build(TYPO_SYNONYMS, KNOWN)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one misspelt long word in a name of two words or more
        (
            "mam dlug w zakladzie gospodarowaina nieruchomosciami",
            [("zakladzie gospodarowaina nieruchomosciami", "zgn")],
        ),
        ("mam dlug w zakladzie gospodarownia nieruchomosciami", [("zakladzie gospodarownia nieruchomosciami", "zgn")]),
        # a name goes on over no comma or full stop
        ("bylem w urzedzie. Pracy nie mam", []),
        ("bylem w urzedzie pracy", [("urzedzie pracy", "up")]),
        # the words before the preposition of a name's complement
        ("WCPR daje mi pomoc integracyjną", [("WCPR", "wcpr"), ("pomoc integracyjną", "pomoc_cudzoziemcom")]),
        ("potrzebuje pomocy dla dziecka", []),  # "pomoc" alone: a general word
        ("dostalam dotacje na nowy rower", []),
    ],
)
def test_names_with_a_typo_or_without_their_complement(typo_names: NameIndex, text: str, expected: list) -> None:
    assert found(typo_names, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("odrzucili mi wniosek o orzeczenie wiec nie mam", [("orzeczenie", "orzekanie_o_niepelnosprawnosci")]),
        (
            "nie starałam się o orzeczenie o niepełnosprawności",
            [("orzeczenie o niepełnosprawności", "orzekanie_o_niepelnosprawnosci")],
        ),
        ("skladam o staż w urzedzie", [("staż", "staz")]),
        ("mam orzeczenie o niepełnosprawności", []),  # a fact: the training data leaves it unmarked
        ("zlozylam wniosek o opiekę", []),  # what one applies for is a tool, not an institution
    ],
)
def test_what_one_applies_for_is_a_tool(typo_names: NameIndex, text: str, expected: list) -> None:
    """ "wniosek o [orzeczenie]" is about the certifying, marked in every training example, while the
    certificate in most other sentences is a fact the training data leaves unmarked."""
    fact = "mam orzeczenie o niepełnosprawności"
    marking = Marking.learn(typo_names, [(fact, []), (fact + " i szukam pracy", [])])
    assert found(typo_names, text, marking) == expected
