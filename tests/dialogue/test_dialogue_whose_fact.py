"""Issue 13 point 4: whose fact it is. The NLU's intent and entities count only for what the
person says about themselves now; plans, the past, questions and other people give no fact,
and a number is an age only where an age is asked or told."""

from __future__ import annotations

import pytest

from actions.slots import out_of_turn
from bot.dialogue.facts import Turn, extract_updates
from bot.dialogue.patterns import facts_from_text, hedged_spans
from bot.dialogue.questions import next_question
from bot.dialogue.replies import noted
from tests.turns import entity, updates


@pytest.mark.parametrize(
    "text, intent, entities, wrong",
    [
        (
            "mój syn ma autyzm",
            "sit_disability_condition",
            ("autyzm", "disability_condition", "autism"),
            {"disability_condition"},
        ),
        (
            "opiekuję się mamą, która ma orzeczenie o znacznym stopniu",
            "sit_disability_certificate",
            ("znacznym", "disability_degree", "severe"),
            {"disability_certificate", "disability_degree"},
        ),
        (
            "Moj syn ma 17 lat i orzeczenie o niepelnosprawnosci",
            "sit_disability_certificate",
            ("17 lat", "age", "17"),
            {"age", "disability_certificate"},
        ),
        (
            "moja mama ma 70 lat i orzeczenie o niepełnosprawności",
            "sit_disability_certificate",
            ("70 lat", "age", "70"),
            {"age", "disability_certificate"},
        ),
        (
            "mąż ma orzeczenie o umiarkowanym stopniu",
            "sit_disability_certificate",
            ("umiarkowanym", "disability_degree", "moderate"),
            {"disability_certificate", "disability_degree"},
        ),
    ],
)
def test_other_peoples_facts_are_not_the_persons(text: str, intent: str, entities: tuple, wrong: set) -> None:
    found = updates(text, intent, entities=(entity(text, *entities),))
    assert not wrong & set(found), found


@pytest.mark.parametrize(
    "text, intent, key",
    [
        ("ok, zarejestruję się. co dalej", "sit_registered", "work_status"),
        ("chcę się zarejestrować w urzędzie pracy", "sit_registered", "work_status"),
        ("miałem orzeczenie, ale wygasło", "sit_disability_certificate", "disability_certificate"),
        ("kiedyś brałem narkotyki", "sit_addiction", "addiction"),
        ("pracowałem 20 lat jako kierowca", "sit_employed", "work_status"),
        ("pracowałem w schronisku dla bezdomnych", "sit_homeless", "homeless"),
        ("Mam niepełnosprawność. Gdzie szukać pracy?", "sit_disability_certificate", "disability_certificate"),
    ],
)
def test_plans_the_past_and_questions_are_not_the_present(text: str, intent: str, key: str) -> None:
    assert key not in updates(text, intent)


def test_the_person_speaking_again_ends_the_others_part() -> None:
    found = updates(
        "Mój syn ma 17 lat i orzeczenie o niepełnosprawności, opiekuję się nim. Ja nie pracuję.", "sit_carer"
    )
    assert found == {"jobless": True, "carer": True}
    assert updates("mąż pije, a ja mam orzeczenie o lekkim stopniu", "sit_disability_certificate") == {
        "disability_certificate": True,
        "disability_degree": "light",
    }


def test_hedged_spans_cover_the_other_persons_part_only() -> None:
    text = "opiekuję się mamą, mam 50 lat"
    spans = hedged_spans(text)
    assert spans == [(text.index("mamą"), text.index("mamą") + len("mamą"))]


@pytest.mark.parametrize(
    "text, intent, asked, word",
    [
        ("mój kot ma 16 lat, czy to dużo?", "sit_addiction", None, "16 lat"),
        ("mam 20 lat doświadczenia w handlu", "inform_age", None, "20 lat"),
        ("pracowałem 15 lat", "sit_employed", "age", "15 lat"),
    ],
)
def test_a_number_of_years_is_an_age_only_when_it_is_one(text: str, intent: str, asked: str | None, word: str) -> None:
    assert "age" not in updates(text, intent, asked=asked, entities=(entity(text, word, "age", word.split()[0]),))


def test_an_age_asked_or_told_still_counts() -> None:
    assert updates("45", "inform_age", asked="age", entities=(entity("45", "45", "age", "45"),)) == {"age": 45}
    assert updates("mam 45 lat", "inform_age", entities=(entity("mam 45 lat", "45 lat", "age", "45"),)) == {"age": 45}


def test_an_answer_to_the_question_wins_over_the_intents_guess() -> None:
    found = updates(
        "jakieś 5 miesięcy",
        "sit_long_term",
        asked="cis_kis_months",
        confidence=0.65,
        slots={"long_term_unemployed": False},
    )
    assert found == {"cis_kis_months": 5}


def test_a_cry_for_help_is_no_answer_to_the_open_question() -> None:
    assert "cis_kis_months" not in updates(
        "wyrzucili mnie z mieszkania i dzisiaj będę spał na ulicy",
        "crisis_shelter",
        asked="cis_kis_months",
        confidence=1.0,
    )


def test_time_at_work_is_no_time_without_it() -> None:
    assert "long_term_unemployed" not in updates("po 30 latach pracy zwolnili mnie", "sit_unemployed")
    assert updates("nie pracuję od 3 lat", "sit_long_term")["long_term_unemployed"] is True


def test_answers_out_of_turn_are_acknowledged() -> None:
    turn = Turn("przepraszam, źle napisałam, mam 39 lat", "inform_age", 0.9, (), "district", {"age": 41})
    assert noted(*out_of_turn(extract_updates(turn), turn)) == "Zmieniam: wiek – 39."
    turn = Turn("a mieszkam na Pradze-Północ", "inform_district", 0.9, (), "age", {})
    assert noted(*out_of_turn(extract_updates(turn), turn)) == "Zapisuję: dzielnica – Praga-Północ."
    turn = Turn("45", "inform_age", 0.9, (), "age", {})
    assert noted(*out_of_turn(extract_updates(turn), turn)) is None


@pytest.mark.parametrize(
    "text, intent, asked, expected",
    [
        ("tak, korzystam", "sit_benefit", "social_assistance", {"social_assistance": True}),
        ("nie, od pół roku", "sit_long_term", "long_term_unemployed", {"long_term_unemployed": False}),
        ("nie wiem", "dont_know", "social_assistance", {"skipped_questions": ["social_assistance"]}),
    ],
)
def test_a_yes_or_no_first_answers_the_question_asked(text: str, intent: str, asked: str, expected: dict) -> None:
    assert updates(text, intent, asked=asked) == expected


def test_a_cry_for_help_starting_with_no_is_no_answer() -> None:
    assert updates("nie chcę już żyć", "crisis_suicide", asked="social_assistance", confidence=1.0) == {}


@pytest.mark.parametrize("text", ["zzzz ppp", "jkljkl uio", "qqqq", "xd"])
def test_keyboard_mash_gives_no_fact(text: str) -> None:
    assert updates(text, "affirm", asked="work_status", slots={"jobless": True}) == {}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("35 lat, Wawer.", {"age": 35, "district": "Wawer"}),
        ("29 lat, Bialoleka.", {"age": 29, "district": "Białołęka"}),
        ("w urzedzie pracy nie jestem zarejestrowana", {"work_status": "jobless_unregistered"}),
        ("W UP nie jestem.", {"work_status": "jobless_unregistered"}),
        (
            "od 3 lat jestem w urzedzie jako bezrobotna",
            {"work_status": "registered_unemployed", "long_term_unemployed": True},
        ),
        (
            "zarejestrowalem sie w pup, zasilku nie mam",
            {"work_status": "registered_unemployed", "unemployment_benefit": False},
        ),
        ("socjal mi daje jakies grosze z ops", {"social_assistance": True}),
        ("ops mi pomaga", {"social_assistance": True}),
        ("wyszedlem miesiac temu z zakladu karnego", {"left_prison": True}),
        ("moja mama po udarze lezy, ja sie nia zajmuje", {"carer": True}),
        ("nie daje rady z wychowaniem najstarszego", {"family_support": True}),
        ("gdzie szukac pomocy zeby ktos pomogl z dziecmi", {"family_support": True}),
    ],
)
def test_facts_as_people_write_them_in_long_messages(text: str, expected: dict) -> None:
    found = facts_from_text(text)
    assert expected.items() <= found.items(), found


def test_no_help_with_children_wanted_is_no_family_support() -> None:
    assert "family_support" not in facts_from_text("nie potrzebuję pomocy z dziećmi")


def test_a_health_question_about_no_certificate_is_not_asked_of_someone_with_one() -> None:
    slots = {"disability_certificate": True}
    assert next_question(["health_limitations", "cis_kis_months"], slots, extended=True) != "health_limitations"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("zasiłek mi już nie przysługuje", {"unemployment_benefit": False}),
        ("zasilku brak", {"unemployment_benefit": False}),
        ("ja z Ukrainy, mam ochrona czasowa", {"foreigner": True}),
        ("Jestem alkoholikiem, nie pije od 3 miesiecy, chodze na terapie", {"addiction": True}),
        ("teraz jestem na metadonie", {"addiction": True}),
        ("kregoslup mnie rozklada, nie moge dzwigac", {"health_limitations": True}),
        (
            "mam depresje i stany lekowe, nie mam orzeczenia",
            {"health_limitations": True, "disability_certificate": False},
        ),
    ],
)
def test_more_facts_as_people_write_them(text: str, expected: dict) -> None:
    assert expected.items() <= facts_from_text(text).items(), facts_from_text(text)


@pytest.mark.parametrize(
    "text, intent, asked, expected",
    [
        ("nie mam żadnego orzeczenia", "deny", "unemployment_benefit", {"disability_certificate": False}),
        ("nie korzystam z pomocy spolecznej", "deny", "work_status", {"social_assistance": False}),
        ("nigdy nie byłem w CIS ani w KIS", "deny", "social_assistance", {"cis_kis_months": 0}),
        ("mam zaległości w czynszu za mieszkanie", "sit_housing_problem", "cis_kis_months", {"housing_problem": True}),
        ("nie, nie mam zasilku", "deny", "unemployment_benefit", {"unemployment_benefit": False}),
    ],
)
def test_a_no_about_something_else_is_no_answer_to_the_question(
    text: str, intent: str, asked: str, expected: dict
) -> None:
    assert updates(text, intent, asked=asked) == expected


def test_caring_is_what_keeps_a_carer_from_work_not_health() -> None:
    found = updates("Opiekuję się mamą po wylewie, dlatego nie mogę pracować na etat.", "sit_carer")
    assert found.get("carer") is True and "health_limitations" not in found


def test_asking_on_someones_behalf_makes_their_facts_the_profile() -> None:
    text = "pytam za brata, ma 28 lat i wyszedl z wiezienia"
    assert updates(text, "sit_left_prison", entities=(entity(text, "28 lat", "age", "28"),)) == {
        "age": 28,
        "left_prison": True,
    }


@pytest.mark.parametrize(
    "text, intent, asked, expected",
    [
        ("stracilam prace", "sit_unemployed", None, {"jobless": True}),
        ("mam jednak 41 lat", "inform_age", "district", {"age": 41}),
        ("nie chce podawac dzielnicy", "prefer_not_say", "district", {"skipped_questions": ["district"]}),
    ],
)
def test_no_diacritics_corrections_and_refusals(text: str, intent: str, asked: str | None, expected: dict) -> None:
    assert updates(text, intent, asked=asked) == expected


def test_where_the_text_tells_the_work_situation_the_intent_does_not_overrule_it() -> None:
    assert updates("straciłam pracę w sklepie", "sit_employed", confidence=0.95) == {"jobless": True}


@pytest.mark.parametrize(
    "text, asked, expected",
    [
        ("tak, lekka praca", "able_to_work", None),  # light work, not a light degree
        ("znaczny wysiłek mi szkodzi", "health_limitations", None),
        ("mam orzeczenie, lekki stopień", "disability_certificate", "light"),
        ("lekki", "disability_degree", "light"),
    ],
)
def test_a_degree_word_is_a_degree_only_where_a_degree_is_meant(text: str, asked: str, expected: str | None) -> None:
    word = text.split(",")[-1].split()[0] if "," in text else text.split()[0]
    value = "light" if word.startswith("lek") else "severe"
    found = updates(text, "inform", asked=asked, entities=(entity(text, word, "disability_degree", value),))
    assert found.get("disability_degree") == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # typed without Polish letters, "pracuje" joined by "i" goes on with the one named before
        ("moja mama ma 62 lata i nie pracuje, co moze dostac?", {}),
        ("syn ma autyzm i nie pracuje", {}),
        # the writer's own: "pracuję" with its letter, "ja", or the writer was the subject before
        ("syn ma autyzm i nie pracuję", {"jobless": True}),
        ("syn ma autyzm i ja nie pracuje", {"jobless": True}),
        ("mam syna i nie pracuje", {"jobless": True}),
        ("opiekuje sie mama i nie pracuje", {"carer": True, "jobless": True}),
    ],
)
def test_a_verb_joined_by_and_goes_on_with_the_family_member(text: str, expected: dict) -> None:
    assert facts_from_text(text) == expected
