"""The crisis detector as a Rasa component: trained, saved, loaded, and its verdict is the intent."""

from __future__ import annotations

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.rasa_server.nlu.crisis import CrisisDetector

EXAMPLES = {
    "crisis_suicide": ["chce sie zabic", "nie chce juz zyc", "mam odlozone tabletki na dzis", "stoje na moscie"],
    "crisis_violence": ["maz mnie bije", "ojciec pijany rzuca sie na nas", "boje sie wrocic do domu, on mnie dusil"],
    "crisis_shelter": ["nie mam gdzie dzis spac", "spie na dworcu i zamarzam", "wyrzucili mnie z dziecmi, jest noc"],
    "crisis_emergency": ["kolega nie oddycha", "ktos mi grozi smiercia", "goni mnie facet z nozem"],
    "sit_unemployed": ["nie mam pracy", "stracilam prace", "jestem bezrobotny od roku", "szukam pracy na magazynie"],
    "out_of_scope": ["umieram z nudow", "jaka jest pogoda", "zabije mnie ta kolejka", "pracowalem przy budowie mostu"],
}


@pytest.fixture(scope="module")
def detector(tmp_path_factory: pytest.TempPathFactory) -> CrisisDetector:
    """Trained once for the module (the tests only read it; training takes seconds)."""
    storage = LocalModelStorage(tmp_path_factory.mktemp("crisis"))
    resource = Resource("crisis")
    context = ExecutionContext(GraphSchema({}), "test")
    trained = CrisisDetector.create({}, storage, resource, context)
    data = TrainingData([Message(data={"text": t, "intent": i}) for i, texts in EXAMPLES.items() for t in texts])
    trained.train(data)
    return CrisisDetector.load({}, storage, resource, context)  # what the Rasa server runs: saved and reloaded


def parsed(detector: CrisisDetector, text: str, intent: str = "sit_unemployed", ranking: list | None = None) -> Message:
    ranking = ranking or [{"name": intent, "confidence": 0.6}, {"name": "out_of_scope", "confidence": 0.3}]
    message = Message(data={"text": text, "intent": {"name": intent, "confidence": 0.6}, "intent_ranking": ranking})
    detector.process([message])
    return message


def test_the_loaded_component_has_its_classifier(detector: CrisisDetector) -> None:
    assert detector.classifier.trained


def test_a_sure_danger_becomes_its_category_intent_whatever_diet_said(detector: CrisisDetector) -> None:
    message = parsed(detector, "spię na dworcu od tygodnia i zamarzam")
    assert message.get("intent") == {"name": "crisis_shelter", "confidence": 1.0}
    assert message.get("intent_ranking")[0]["name"] == "crisis_shelter"
    assert "sit_unemployed" in [r["name"] for r in message.get("intent_ranking")]


def test_every_danger_found_heads_the_ranking(detector: CrisisDetector) -> None:
    names = [
        r["name"]
        for r in parsed(detector, "mąż mnie pobił i wyrzucił z domu, dziś nie mam gdzie spać").get("intent_ranking")
    ]
    assert names[:2] == ["crisis_violence", "crisis_shelter"]


def test_diet_alone_cannot_raise_an_alarm(detector: CrisisDetector) -> None:
    ranking = [{"name": "crisis_suicide", "confidence": 0.5}, {"name": "out_of_scope", "confidence": 0.4}]
    message = parsed(detector, "umieram z nudów w tej kolejce", "crisis_suicide", ranking)
    assert message.get("intent")["name"] == "out_of_scope"
    assert all(not r["name"].startswith("crisis_") for r in message.get("intent_ranking"))


def test_calm_messages_and_button_payloads_are_left_alone(detector: CrisisDetector) -> None:
    assert parsed(detector, "mam 45 lat i szukam pracy").get("intent")["name"] == "sit_unemployed"
    assert parsed(detector, "/affirm", "affirm").get("intent")["name"] == "affirm"
