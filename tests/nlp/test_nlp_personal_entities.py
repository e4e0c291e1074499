"""The entities DIET finds, set right the way the annotation conventions mark them (bot.nlp.personal_entities)."""

from __future__ import annotations

import pytest

from bot.nlp.personal_entities import (
    bare_durations,
    known_degrees,
    named_conditions,
    not_someone_elses,
    not_streets,
    personal_entities,
    said_twice,
    stated_ages,
    whole_word,
)

BY = "test"


def entity(text: str, words: str, kind: str, value: str | None = None, at: int = 0) -> dict:
    start = text.index(words, at)
    return {"entity": kind, "start": start, "end": start + len(words), "value": words if value is None else value}


def spans(text: str, entities: list) -> list:
    return [(text[e["start"] : e["end"]], e["entity"], e["value"]) for e in entities]


@pytest.mark.parametrize(
    ("text", "words", "kind", "expected"),
    [
        ("mam kontrakt z MOPS-em i tyle", "MOPS", "institution", "MOPS-em"),
        ("mam kontrakt z MOPS-em", "MOPS-", "institution", "MOPS-em"),  # the tokenizer ends the span at the hyphen
        ("pani z ops-u mi pomogla", "ops", "institution", "ops-u"),  # an institution in lower case
        ("chodze do CIS i KIS", "CIS", "institution", "CIS"),
        ("jestem w MOPS-ie", "MOPS-ie", "institution", "MOPS-ie"),  # already whole
        ("mieszkam na Pradze-Północ", "Pradze", "district", "Pradze"),  # a word, not an acronym's ending
    ],
)
def test_an_acronym_takes_its_hyphenated_ending(text: str, words: str, kind: str, expected: str) -> None:
    got = whole_word(entity(text, words, kind), text)
    assert text[got["start"] : got["end"]] == expected


def test_a_condition_inside_a_longer_name_becomes_the_name_typo_and_all() -> None:
    text = "od dziecka mam niepelnosprawnosc inteletkualna"  # two neighbouring letters swapped
    got = named_conditions(text, [entity(text, "niepelnosprawnosc", "disability_condition")], BY)
    assert spans(text, got) == [("niepelnosprawnosc inteletkualna", "disability_condition", "intellectual_disability")]
    assert BY in got[0]["processors"]


@pytest.mark.parametrize(
    ("text", "words", "value", "expected"),
    [
        ("czy będzie padać w weekend", "padać", "padać", None),  # Polish words naming no condition
        ("ja maiu shyzofreniiu", "shyzofreniiu", "shyzofreniiu", "shyzofreniiu"),  # no Polish word: the model's call
        ("i'm autistic", "autistic", "autistic", "autistic"),
        ("mam ADHD", "ADHD", "other", "other"),  # a synonym's value stays
        ("mam aspergera od dziecka", "aspergera", "aspergera", "autism"),
        ("choruje na schizofrenie paranoidalna", "schizofrenie", "schizofrenie", "mental_illness"),
    ],
)
def test_a_condition_is_one_of_the_registrys(text: str, words: str, value: str, expected: str | None) -> None:
    got = named_conditions(text, [entity(text, words, "disability_condition", value)], BY)
    assert [e["value"] for e in got] == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("mam pod opieka schorowana matke", "schorowana", []),
        ("my degree is serious", "serious", ["serious"]),  # English read as Polish: the model's call
        ("orzeczenie w stopniu znacznym", "znacznym", ["severe"]),
        ("mam II grupe", "II grupe", ["moderate"]),
    ],
)
def test_a_degree_is_one_of_the_three(text: str, words: str, expected: list) -> None:
    got = known_degrees(text, [entity(text, words, "disability_degree")], BY)
    assert [e["value"] for e in got] == expected


def test_a_condition_said_twice_is_marked_where_it_is_named() -> None:
    text = "zdiagnozowali mnie w spektrum, autyzm atypowy"
    found = [
        entity(text, "spektrum", "disability_condition", "autism"),
        entity(text, "autyzm", "disability_condition", "autism"),
    ]
    assert spans(text, said_twice(text, found)) == [("autyzm", "disability_condition", "autism")]
    # two names, or two conditions, both stay
    text = "mam depresje i schizofrenie"
    both = [
        entity(text, "depresje", "disability_condition", "mental_illness"),
        entity(text, "schizofrenie", "disability_condition", "mental_illness"),
    ]
    assert said_twice(text, both) == both
    text = "jestem w spektrum i mam padaczke"
    other = [
        entity(text, "spektrum", "disability_condition", "autism"),
        entity(text, "padaczke", "disability_condition", "other"),
    ]
    assert said_twice(text, other) == other


def test_an_age_said_twice_is_the_one_that_can_be_read() -> None:
    text = "jestem już po sześćdziesiątce, dokładnie 63"
    found = [entity(text, "sześćdziesiątce", "age"), entity(text, "63", "age")]
    assert spans(text, said_twice(text, found)) == [("63", "age", "63")]
    alone = [entity(text, "sześćdziesiątce", "age")]
    assert said_twice(text, alone) == alone, "by itself it is the model's call"


@pytest.mark.parametrize(
    ("text", "words", "theirs"),
    [
        ("jestem sama z trojka, najmlodszy ma adhd i ciagle dzwonia ze szkoly", "adhd", True),
        ("mama choruje na depresje i jestem z nia caly czas", "depresje", True),
        ("mam syna, ktory ma zdiagnozowany autyzm", "autyzm", True),
        ("mam córkę która choruje na depresję", "depresję", True),
        ("jestem osobą, która ma autyzm", "autyzm", False),  # "która" of the person
        ("moja mama jest chora na depresję", "depresję", True),
        ("pies ma padaczke", "padaczke", True),
        ("syn ma 17 lat, a ja mam depresje", "depresje", False),
        ("czy syna z autyzmem przyjma na warsztaty", "autyzmem", False),  # the training data marks it
        ("mam autyzm i nie pracuje", "autyzm", False),
    ],
)
def test_a_family_members_condition_is_theirs(text: str, words: str, theirs: bool) -> None:
    found = [entity(text, words, "disability_condition")]
    assert not_someone_elses(text, found) == ([] if theirs else found)


@pytest.mark.parametrize(
    ("text", "words", "street"),
    [
        ("na żoliborzu, przy parku kepa potocka", "kepa", True),
        ("dzien dobry, mieszkam na woli, ul. Górczewska", "Górczewska", True),
        ("mieszkam przy placu Wilsona, czyli Żoliborz", "Wilsona", True),
        ("mieszkam przy parku na Bemowie", "Bemowie", False),
    ],
)
def test_a_street_or_a_park_is_no_district(text: str, words: str, street: bool) -> None:
    found = [entity(text, words, "district")]
    assert not_streets(text, found) == ([] if street else found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("jestem wychowankiem domu dziecka, wlasnie skonczylem 18", ["18"]),
        ("mam 17 i nie chodze do szkoly", ["17"]),
        ("kończę 18 i muszę opuścić dom dziecka", ["18"]),
        ("mam 45.", ["45"]),
        ("mam 3 dzieci", []),
        ("mam 16 i pol roku stazu", []),
        ("mam 20 lat stazu", []),
        ("skonczylem 25 godzin kursu", []),
        ("mam 120", []),
    ],
)
def test_a_bare_number_after_mam_or_skonczylem_is_the_age(text: str, expected: list) -> None:
    assert [e["value"] for e in stated_ages(text, [], BY) if e["entity"] == "age"] == expected


def test_an_age_is_not_added_where_an_entity_lies() -> None:
    text = "dopiero co skończyłem 18"
    found = [entity(text, "18", "age")]
    assert stated_ages(text, found, BY) == found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("diagnoze dostalem dopiero jako dorosly, rok temu, w pracy", ["rok"]),
        ("od roku jestem na ulicy", ["roku"]),
        ("byłem w CIS przez rok", ["rok"]),
        ("jestem bezrobotna od ponad pół roku", ["pół roku"]),
        ("wyszedłem dwa miesiące temu", ["dwa miesiące"]),
        ("uzyskałem status uchodźcy w zeszłym roku", []),  # a point in time
        ("od roku 2019 nie pracuje", []),
        ("jestem na bezrobociu od 2021 roku", []),  # a year
        ("od lat nie pracuje", []),  # a bare plural
        ("za miesiac musze sie wyprowadzic", []),  # when, left to the model
        ("ile trwa miesiac stazu", []),
    ],
)
def test_a_bare_unit_of_a_span_is_a_duration(text: str, expected: list) -> None:
    assert [text[e["start"] : e["end"]] for e in bare_durations(text, [], BY)] == expected


def test_every_rule_in_order() -> None:
    text = "wlasnie skonczylem 18, mam niepelnosprawnosc inteletkualna, rok temu byłem w MOPS-ie"
    found = [entity(text, "niepelnosprawnosc", "disability_condition"), entity(text, "MOPS", "institution", "ops")]
    assert spans(text, personal_entities(text, found, BY)) == [
        ("18", "age", "18"),
        ("niepelnosprawnosc inteletkualna", "disability_condition", "intellectual_disability"),
        ("rok", "duration", "rok"),
        ("MOPS-ie", "institution", "ops"),
    ]
