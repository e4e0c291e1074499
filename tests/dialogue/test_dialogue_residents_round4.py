"""What the residents' round of 2026-11-29 (fourth) found (/work/notes is not in the repository; each
case is written here): a wish to go on read as the end of the talk, registration denied in words
the patterns missed, an answer told again, and "pytam o syna"."""

from __future__ import annotations

import pytest

from bot.dialogue.facts import Turn, extract_updates, leading_answer
from bot.dialogue.going_on import wants_to_go_on
from bot.dialogue.patterns import facts_from_text, hedged_spans
from bot.rasa_server.side_questions import about_the_questions, going_on


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("wrocmy do rozmowy", "goodbye"),
        ("Wróćmy do rozmowy", "goodbye"),
        ("no dobra, wracajmy", "goodbye"),
        ("ok to pogadajmy o pracy", "ask_human"),
        ("chce dalej odpowiadac na pytania", "deny"),
    ],
)
def test_a_wish_to_go_on_resumes_the_questions(text: str, read_as: str) -> None:
    parsed = going_on({"text": text, "intent": {"name": read_as, "confidence": 0.7}})
    assert parsed["intent"]["name"] == "request_advice"


def test_a_question_about_nothing_that_asks_to_go_on_resumes_the_questions() -> None:
    """After the crisis numbers (eleventh session): DIET read the whole message as `ask_what_is` 0.45,
    whose only answer, naming nothing, was "O którą instytucję albo formę wsparcia pytasz?"."""
    text = "dziekuje, jestem bezpieczny. to co dalej?"
    parsed = going_on({"text": text, "intent": {"name": "ask_what_is", "confidence": 0.45}, "entities": []})
    assert parsed["intent"]["name"] == "request_advice"


@pytest.mark.parametrize(
    ("text", "entities"),
    [
        ("co to jest CIS? i co dalej", [{"entity": "institution", "value": "cis"}]),
        ("a staż, co to? i co potem dalej", [{"entity": "tool", "value": "staz"}]),
        ("co to jest kuroniówka? i co dalej", []),  # a glossary entry is named
        ("co to jest ten zasiłek", []),  # no wish to go on
    ],
)
def test_a_question_about_something_stays_a_question(text: str, entities: list) -> None:
    parsed = going_on({"text": text, "intent": {"name": "ask_what_is", "confidence": 0.6}, "entities": entities})
    assert parsed["intent"]["name"] == "ask_what_is"


@pytest.mark.parametrize(
    ("text", "read_as"),
    [
        ("nie wracajmy do tego", "deny"),
        ("do widzenia", "goodbye"),
        ("chcę porozmawiać z człowiekiem", "ask_human"),
        ("/goodbye", "goodbye"),
        ("dalej nie mam pracy", "sit_jobless"),  # "dalej" is "still" here, and the NLU read it right
        ("nie, dalej nie pracuję", "deny"),  # an answer: "dalej" is "still" (found by a code review)
        ("nie wiem co dalej", "dont_know"),
        ("nie wiem, dalej mieszkam u mamy", "dont_know"),
    ],
)
def test_other_messages_keep_their_reading(text: str, read_as: str) -> None:
    assert going_on({"text": text, "intent": {"name": read_as, "confidence": 0.7}})["intent"]["name"] == read_as
    assert not wants_to_go_on("nie wracajmy do tego")


@pytest.mark.parametrize(
    "text",
    [
        "nie robie nic od roku i pol, nie jestem w posredniaku",
        "no przeciez pisze ze nie pracuje i nie jestem w urzedzie",
        "nie jestem w urzędzie pracy",
        "nie jestem w UP",
    ],
)
def test_not_registered_in_the_words_people_use(text: str) -> None:
    assert facts_from_text(text)["work_status"] == "jobless_unregistered"


def test_being_at_the_office_says_nothing_of_registration() -> None:
    assert "work_status" not in facts_from_text("jestem w urzędzie pracy teraz")


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("przeciez napisalam ze nie", "deny"),
        ("Przecież pisałam, że nie.", "deny"),
        ("no już mówiłem że tak", "affirm"),
    ],
)
def test_an_answer_told_again(text: str, answer: str) -> None:
    assert leading_answer(text) == answer


def test_asking_about_a_son_is_asking_for_him() -> None:
    """The person the question is about is the one advised, as with "pytam za syna"."""
    assert facts_from_text("pytam o syna, ma orzeczenie") == {"disability_certificate": True}


def test_the_writers_own_words_are_not_the_person_asked_about() -> None:
    """A parent's "ja pracuję" went into the son's profile (work_status employed for the son who has no
    job); the son's "nie pracuje" typed without Polish letters stays his."""
    text = "ja pracuje, pytam o syna. syn nie pracuje i nie jest zarejestrowany"
    assert facts_from_text(text) == {"work_status": "jobless_unregistered"}
    assert hedged_spans(text) == [(0, len("ja pracuje"))]  # the NLU's "employed" there is no fact
    assert facts_from_text("pytam o syna, ja mam orzeczenie") == {}


def test_a_new_sentence_after_the_person_spoke_of_children_is_the_persons_again() -> None:
    """ "2 dzieci sama wychowuje, nie starcza na czynsz. bielany, 37 lat." lost the age and district: the
    verbless sentence stayed with the children. A verb of theirs still carries ("Ma 17 lat.")."""
    text = "pracuje na umowe zlecenie w sklepie za grosze, 2 dzieci sama wychowuje, nie starcza na czynsz. bielany, 37 lat. co mi polecasz?"
    assert facts_from_text(text) == {"work_status": "employed", "district": "Bielany", "age": 37}
    assert facts_from_text("Mam syna z autyzmem. Ma 17 lat.") == {}
    assert facts_from_text("mam syna, 17 lat, z orzeczeniem") == {}
    assert facts_from_text("Syn ma 17 lat. Orzeczenie, Wola.") == {}


def _answer(text: str, asked: str, intent: str | None = None) -> dict:
    return extract_updates(Turn(text, intent, 0.9 if intent else 0.0, (), asked, {}))


def test_an_answer_first_then_another_fact() -> None:
    """ "37, pisałam przecież. i mieszkam na bielanach" to "Ile masz lat?" was read as the district only,
    and the age was asked three times."""
    assert _answer("37, pisalam przeciez. i mieszkam na bielanach", "age") == {"age": 37, "district": "Bielany"}
    assert _answer("mam troje dzieci. Wola", "cis_kis_months") == {"district": "Wola"}
    assert _answer("mam troje dzieci", "cis_kis_months") == {}  # children, not months in a CIS
    assert _answer("mam zaległości w czynszu za mieszkanie", "cis_kis_months") == {"housing_problem": True}


def test_healthy_in_own_words_is_no_health_limitation() -> None:
    """ "tak, zdrowy jestem, tylko kręgosłup czasem boli" to the health question was recorded as a
    health limitation (and a disability certificate recommended)."""
    assert _answer("tak, zdrowy jestem, tylko kregoslup czasem boli", "able_to_work", "affirm") == {
        "able_to_work": True
    }
    assert facts_from_text("jestem zdrowa") == {"health_limitations": False}
    assert facts_from_text("kręgosłup mnie boli, nie mogę dźwigać") == {"health_limitations": True}


def test_a_diagnosis_at_a_relatives_is_theirs() -> None:
    """ "u" + a person is where the person stays only after a verb of staying ("śpię u znajomych");
    "u syna stwierdzono autyzm" made autism the writer's own (found by a code review)."""
    assert facts_from_text("u syna stwierdzono autyzm") == {}
    assert facts_from_text("u córki zdiagnozowali autyzm, ma orzeczenie") == {}
    assert facts_from_text("mieszkam u mamy na Woli, mam 30 lat") == {"district": "Wola", "age": 30}


def test_we_in_a_message_about_someone_else_includes_them() -> None:
    """ "pytam za syna … Mieszkamy na Woli": the family's district is the son's (a real conversation lost
    it when every first person counted as the writer's own)."""
    text = "pytam za syna. Ma 26 lat, nie pracuje i nie jest zarejestrowany w urzędzie. Mieszkamy na Woli."
    assert facts_from_text(text)["district"] == "Wola"


@pytest.mark.parametrize("read_as", ["out_of_scope", "deny", "nlu_fallback"])
def test_how_many_questions_is_that_question_whatever_the_nlu_read(read_as: str) -> None:
    """A retrained model read "ile jeszcze pytań?" as out of scope ("Tu nie pomogę…")."""
    parsed = about_the_questions({"text": "ile jeszcze pytań?", "intent": {"name": read_as, "confidence": 0.6}})
    assert parsed["intent"]["name"] == "ask_how_long"
    kept = {"text": "ile kosztuje bilet?", "intent": {"name": read_as, "confidence": 0.6}}
    assert about_the_questions(kept) == kept


@pytest.mark.parametrize("text", ["kalafior fioletowy", "zielony parasol na wietrze"])
def test_nonsense_read_as_dont_know_skips_nothing(text: str) -> None:
    """A retrained model read nonsense as "nie wiem" (0.9), which skipped the question; now it is a
    misunderstanding, and two in a row change the strategy."""
    assert extract_updates(Turn(text, "dont_know", 0.9, (), "age", {})) == {}


@pytest.mark.parametrize("text", ["nie wiem", "nie mam pojęcia", "ciężko powiedzieć", "nw", "nie jestem pewna"])
def test_ways_of_not_knowing_still_skip_the_question(text: str) -> None:
    assert extract_updates(Turn(text, "dont_know", 0.9, (), "age", {})) == {"skipped_questions": ["age"]}


def test_their_ma_is_their_age_in_a_message_about_someone_else() -> None:
    """ "pytam za syna. Ma 26 lat" (the retrained model no longer found the number itself)."""
    assert facts_from_text("pytam za syna. Ma 26 lat, Mieszkamy na Woli")["age"] == 26
    assert "age" not in facts_from_text("syn ma 17 lat")


def test_an_addiction_needs_its_words() -> None:
    """A retrained model read "kalafior fioletowy" as an addiction at 0.65, and the profile said so."""
    assert extract_updates(Turn("kalafior fioletowy", "sit_addiction", 0.65, (), "work_status", {})) == {}
    said = extract_updates(Turn("mam problem z hazardem", "sit_addiction", 0.9, (), None, {}))
    assert said.get("addiction") is True


def test_being_a_foreigner_needs_its_words() -> None:
    """The fuzzer's "naipsz mi wiersz o wiośnie" was read as sit_foreigner at 0.63, and the profile said so."""
    assert "foreigner" not in extract_updates(Turn("naipsz mi wiersz o wiośnie", "sit_foreigner", 0.63, (), None, {}))
    said = extract_updates(Turn("przyjechałam z Charkowa, szukam pracy", "sit_foreigner", 0.9, (), None, {}))
    assert said.get("foreigner") is True


def test_an_age_told_while_the_cis_time_is_asked_is_no_cis_time() -> None:
    """The fuzzer's "Mam 44 lata." to "Jak długo … CIS albo KIS?" became 528 months in a CIS."""
    age = ({"entity": "age", "value": "44", "start": 4, "end": 6, "text": "44"},)
    said = extract_updates(Turn("Mam 44 lata.", "inform_age", 0.99, age, "cis_kis_months", {}))
    assert "cis_kis_months" not in said and said.get("age") == 44
    assert extract_updates(Turn("pół roku", "sit_cis_kis", 0.9, (), "cis_kis_months", {}))["cis_kis_months"] == 6


def test_a_bare_degree_after_the_certificate_is_its_degree() -> None:
    """Probed: "mam orzeczenie i zespol Aspergera…", then "umiarkowany" while the work question waited got
    "Nie zrozumiałem" and the degree was lost; "tak, lekka praca" still says nothing of a degree."""
    degree = ({"entity": "disability_degree", "value": "moderate", "start": 0, "end": 11, "text": "umiarkowany"},)
    known = {"disability_certificate": True}
    said = extract_updates(Turn("umiarkowany", "sit_disability_certificate", 0.98, degree, "work_status", known))
    assert said.get("disability_degree") == "moderate"
    light = ({"entity": "disability_degree", "value": "light", "start": 5, "end": 10, "text": "lekka"},)
    assert "disability_degree" not in extract_updates(
        Turn("tak, lekka praca", "affirm", 0.9, light, "work_status", known)
    )
    assert "disability_degree" not in extract_updates(Turn("umiarkowany", "affirm", 0.9, degree, "work_status", {}))


def test_a_point_in_time_is_no_time_in_a_cis() -> None:
    """The fuzzer's "w zeszlym miesiacu wyszlam z wiezienia" to "Jak długo … CIS albo KIS?" was 1 month in a CIS."""
    text = "w zeszlym miesiacu wyszlam z wiezienia"
    month = ({"entity": "duration", "value": "miesiacu", "start": 10, "end": 18, "text": "miesiacu"},)
    said = extract_updates(Turn(text, "sit_left_prison", 0.9, month, "cis_kis_months", {}))
    assert "cis_kis_months" not in said and said.get("left_prison") is True
    for when in ("rok temu skończyłam CIS", "byłem w KIS w tym roku"):
        assert "cis_kis_months" not in extract_updates(Turn(when, "sit_cis_kis", 0.9, (), "cis_kis_months", {}))
    spans = ({"entity": "duration", "value": "3 miesiące", "start": 0, "end": 10, "text": "3 miesiące"},)
    said = extract_updates(Turn("3 miesiące, w zeszłym roku", "sit_cis_kis", 0.9, spans, "cis_kis_months", {}))
    assert said["cis_kis_months"] == 3
