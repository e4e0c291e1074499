"""Ukrainian and English NLU as a Rasa component: which messages it reads, and what it puts in their
parse data (bot/rasa_server/nlu/foreign.py). Trained on a small data folder of the test's own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.core.events import UserUttered
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot import language
from bot.dialogue.clauses import CLAUSES_KEY, OTHERS_KEY
from bot.language import FOLLOW_KEY
from bot.nlp.foreign.model import digest
from bot.rasa_server.nlu.foreign import EXTRACTOR, READ_AS, ForeignLanguageNLU

UK = """version: "3.1"
nlu:
- intent: affirm
  examples: |
    - так
    - так, звісно
    - tak
    - ага
    - так, маю
    - звичайно так
- intent: deny
  examples: |
    - ні
    - ні, не маю
    - ni
    - нема
    - ні, дякую
    - не маю
- intent: inform_age
  examples: |
    - мені [34](age) роки
    - мені [52](age) роки
    - [19](age) років
    - мені вже [60](age)
    - вік [41](age)
    - мені [27](age), шукаю роботу
- intent: inform_district
  examples: |
    - живу на [Білоленці]{"entity": "district", "value": "Białołęka"}
    - я з [Бемово]{"entity": "district", "value": "Bemowo"}
    - мешкаю на [Бемові]{"entity": "district", "value": "Bemowo"}
    - [Білоленка]{"entity": "district", "value": "Białołęka"}
    - живу на [bialolenka]{"entity": "district", "value": "Białołęka"}
    - ми живемо на [Бемово]{"entity": "district", "value": "Bemowo"}
- synonym: Białołęka
  examples: |
    - білоленці
    - білоленка
"""

EN = """version: "3.1"
nlu:
- intent: affirm
  examples: |
    - yes
    - yeah sure
    - yes i do
    - yep
    - of course
    - correct
- intent: deny
  examples: |
    - no
    - nope
    - no i dont
    - not really
    - no thanks
    - i do not
- intent: inform_age
  examples: |
    - i am [34](age)
    - [52](age) years old
    - im [19](age)
    - my age is [41](age)
    - i'm [60](age) now
    - [27](age), looking for work
- intent: inform_district
  examples: |
    - i live in [Bemowo](district)
    - [praga south]{"entity": "district", "value": "Praga-Południe"}
    - we live in [Bemowo](district)
    - my district is [praga south]{"entity": "district", "value": "Praga-Południe"}
    - living in [Bemowo](district) now
    - in [praga south]{"entity": "district", "value": "Praga-Południe"}
"""


class Tracker:
    """The slots and events of Rasa's tracker, as the component reads them."""

    def __init__(self, events: tuple = (), **slots: Any) -> None:
        self.slots = slots
        self.events = list(events)

    def get_slot(self, name: str) -> Any:
        return self.slots.get(name)


def write_languages(root: Path) -> Path:
    for lang, text in (("uk", UK), ("en", EN)):
        (root / lang / "nlu").mkdir(parents=True)
        (root / lang / "nlu" / "nlu.yml").write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def component(tmp_path_factory: pytest.TempPathFactory) -> ForeignLanguageNLU:
    root = write_languages(tmp_path_factory.mktemp("languages"))
    config = {"data": str(root)}
    storage = LocalModelStorage(tmp_path_factory.mktemp("foreign"))
    resource = Resource("foreign")
    context = ExecutionContext(GraphSchema({}), "test")
    ForeignLanguageNLU.create(config, storage, resource, context).train(TrainingData())
    return ForeignLanguageNLU.load(config, storage, resource, context)  # what the Rasa server runs


def polish_parse(text: str) -> Message:
    """A message as DIET left it."""
    return Message(
        data={
            "text": text,
            "intent": {"name": "sit_unemployed", "confidence": 0.9},
            "intent_ranking": [{"name": "sit_unemployed", "confidence": 0.9}],
            "entities": [{"entity": "age", "value": "7", "start": 0, "end": 1, "extractor": "DIETClassifier"}],
        }
    )


def read(component: ForeignLanguageNLU, text: str, conversation: str | None = None, earlier: tuple = ()) -> Message:
    """`earlier`: the person's earlier messages, oldest first."""
    message = polish_parse(text)
    component.process([message], Tracker(tuple(UserUttered(t) for t in earlier), language=conversation))
    return message


def test_both_languages_are_trained_saved_and_loaded(component: ForeignLanguageNLU) -> None:
    assert sorted(component.models) == ["en", "uk"]


def test_a_short_answer_in_a_ukrainian_conversation_is_read_in_ukrainian(component: ForeignLanguageNLU) -> None:
    message = read(component, "ні", conversation="uk")
    assert message.get("intent")["name"] == "deny"
    assert message.get(READ_AS) == "uk"
    assert message.get("entities") == []  # DIET's Polish guess is gone


def test_ukrainian_in_latin_letters_follows_the_conversation(component: ForeignLanguageNLU) -> None:
    assert read(component, "tak", conversation="uk").get("intent")["name"] == "affirm"


def test_a_conversation_misread_from_its_first_message_follows_the_person(component: ForeignLanguageNLU) -> None:
    """Opened with "co mi poleacsz?" (lingua: English), then Polish: read in Polish, and the second plainly
    Polish message moves the conversation."""
    earlier = ("co mi poleacsz?", "jakie instytucje mogą mi pomóc?", "/sit_homeless")
    second = read(component, "nie mam żadnego orzeczenia", "en", earlier)
    assert second.get(READ_AS) == "pl" and second.get(FOLLOW_KEY) == "pl"
    first = read(component, "nie mam żadnego orzeczenia", "en", earlier[:1])
    assert first.get(READ_AS) == "pl" and first.get(FOLLOW_KEY) is None


def test_entities_carry_their_synonym_value_and_place(component: ForeignLanguageNLU) -> None:
    text = "мені 34 роки, живу на Білоленці"
    entities = read(component, text, conversation="uk").get("entities")
    found = {(e["entity"], e["value"], text[e["start"] : e["end"]]) for e in entities}
    assert ("age", "34", "34") in found
    assert ("district", "Białołęka", "Білоленці") in found
    assert {e["extractor"] for e in entities} == {EXTRACTOR}


def test_a_synonym_spelled_another_way_in_latin_letters_keeps_its_value(component: ForeignLanguageNLU) -> None:
    """The data lists "білоленці"; "Bilolentsi" sounds the same (the fourteenth session's probe: "zhyvu na
    Bemowi" stored no district, the data having "bemovi")."""
    text = "живу на Bilolentsi"
    entities = read(component, text, conversation="uk").get("entities")
    assert [(e["entity"], e["value"], text[e["start"] : e["end"]]) for e in entities] == [
        ("district", "Białołęka", "Bilolentsi")
    ]


def test_a_first_message_is_read_in_the_language_it_is_written_in(component: ForeignLanguageNLU) -> None:
    message = read(component, "hello, i am 34 years old and i live in Bemowo")
    assert message.get(READ_AS) == "en"
    assert message.get("intent")["name"] in {"inform_age", "inform_district"}


def test_a_first_message_in_latin_letter_ukrainian_is_read_in_ukrainian(component: ForeignLanguageNLU) -> None:
    """lingua reads it as Polish; the router trained with the model knows it (the thirteenth session's probe
    answered such a person in Polish, crisis numbers included)."""
    for text in ("pryvit, ja szukaju robotu w Warszawi", "dobryj den, ja shukaju robotu, meni 34 roky"):
        message = read(component, text)
        assert message.get(READ_AS) == "uk" and message.get(language.WRITTEN_KEY) == "uk", text
        assert message.get("entities") == [] or message.get("entities")[0]["extractor"] == EXTRACTOR
    for text in ("stracilem prace w zeszlym miesiacu, mam 34 lata", "szukam pracy, mieszkam na Woli"):
        message = read(component, text)
        assert message.get(READ_AS) == "pl" and message.get(language.WRITTEN_KEY) == "pl", text


def test_polish_messages_keep_diets_reading(component: ForeignLanguageNLU) -> None:
    for conversation in ("pl", None):
        message = read(component, "straciłam pracę w zeszłym miesiącu, mam 34 lata", conversation)
        assert message.get("intent") == {"name": "sit_unemployed", "confidence": 0.9}
        assert message.get("entities")[0]["extractor"] == "DIETClassifier"
        assert message.get(READ_AS) == "pl"


def test_a_request_for_polish_is_read_in_polish_in_any_conversation(component: ForeignLanguageNLU) -> None:
    assert read(component, "po polsku proszę", conversation="uk").get(READ_AS) == "pl"


def test_buttons_and_empty_messages_are_left_alone(component: ForeignLanguageNLU) -> None:
    for text in ("/affirm", ""):
        message = read(component, text, conversation="uk")
        assert message.get("intent")["name"] == "sit_unemployed"
        assert message.get(READ_AS) is None


def test_the_ranking_is_probabilities_from_the_likeliest(component: ForeignLanguageNLU) -> None:
    ranking = read(component, "yes i do", conversation="en").get("intent_ranking")
    confidences = [r["confidence"] for r in ranking]
    assert ranking[0]["name"] == "affirm"
    assert confidences == sorted(confidences, reverse=True) and 0 < sum(confidences) <= 1.0 + 1e-9


def test_without_a_trained_model_everything_is_read_by_the_polish_model(tmp_path: Path) -> None:
    storage = LocalModelStorage(tmp_path)
    context = ExecutionContext(GraphSchema({}), "test")
    empty = ForeignLanguageNLU.load({}, storage, Resource("never-trained"), context)
    message = polish_parse("ні")
    empty.process([message], Tracker(language="uk"))
    assert message.get("intent")["name"] == "sit_unemployed"


def test_the_fingerprint_changes_with_the_data(tmp_path: Path) -> None:
    root = write_languages(tmp_path)
    before = digest(root)
    (root / "uk" / "nlu" / "more").mkdir()
    (root / "uk" / "nlu" / "more" / "extra.yml").write_text(UK.replace("ага", "авжеж"), encoding="utf-8")
    assert digest(root) != before


def test_each_own_statement_gets_its_intent(component: ForeignLanguageNLU) -> None:
    """bot.dialogue.clauses: the facts of a message of several statements come from each one."""
    message = read(component, "i am 34, i live in Bemowo. what is CIS?", conversation="en")
    assert [name for name, _ in message.get(CLAUSES_KEY)] == ["inform_age", "inform_district"]
    assert message.get(OTHERS_KEY) is False
    assert all(0.5 < confidence <= 1 for _, confidence in message.get(CLAUSES_KEY))
    about_son = read(component, "мій син живе на Бемові, мені 34 роки", conversation="uk")
    assert [name for name, _ in about_son.get(CLAUSES_KEY)] == ["inform_age"] and about_son.get(OTHERS_KEY) is True
    # one statement: nothing more to read
    assert read(component, "мені 34 роки", conversation="uk").get(CLAUSES_KEY) is None
