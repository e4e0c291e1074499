"""The Ukrainian and English crisis classifier beside the Polish one (issue 14, eleventh session).

- A message the NLU reads as Polish (or not at all) gets the Polish classifier, trained on exactly
  what it was trained on before, and the Polish thresholds; one read as Ukrainian or English gets
  the foreign classifier and its thresholds.
- Both classifiers are saved in the component's resource and loaded back.
- The leave-one-writer-out benchmark trains each fold without the held-out writer's files.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

import bot.rasa_server.nlu.crisis as crisis
from benchmarks.crisis import WRITERS, lowo_training
from bot.language import READ_AS_KEY
from bot.nlp.safety.assess import ASK_THRESHOLD, SURE_THRESHOLD, assess, count_words
from bot.nlp.safety.classifier import NONE, CrisisClassifier
from bot.nlp.safety.foreign_classifier import (
    FOREIGN_ALONE_THRESHOLD,
    FOREIGN_ASK_THRESHOLD,
    FOREIGN_FILE_NAME,
    FOREIGN_LONG_WORDS,
    ForeignCrisisClassifier,
    english_stem,
    foreign_words,
)
from bot.nlp.safety.routing import LatinUkrainianRouter
from bot.nlp.safety.signals import find_signals
from bot.nlp.safety.training import (
    extra_digest,
    file_language,
    foreign_files,
    foreign_only_files,
    foreign_training_examples,
    read_set,
    training_examples,
)
from bot.rasa_server.nlu.crisis import CrisisDetector

POLISH = [
    ("chce sie zabic", "suicide"),
    ("nie chce juz zyc", "suicide"),
    ("maz mnie bije", "violence"),
    ("ojciec pijany bije mame", "violence"),
    ("nie mam gdzie dzis spac", "shelter"),
    ("spie na dworcu, zimno", "shelter"),
    ("kolega nie oddycha", "emergency"),
    ("goni mnie facet z nozem", "emergency"),
    ("nie mam pracy", NONE),
    ("szukam pracy na magazynie", NONE),
    ("umieram z nudow", NONE),
    ("mam 45 lat", NONE),
]
FOREIGN = [
    ("хочу вмерти сьогодні", "suicide"),
    ("i want to end it all tonight", "suicide"),
    ("чоловік б'є мене щодня", "violence"),
    ("my husband beats me", "violence"),
    ("нема де ночувати сьогодні", "shelter"),
    ("sleeping at the station tonight", "shelter"),
    ("друг не дихає", "emergency"),
    ("my friend is not breathing", "emergency"),
    ("шукаю роботу на складі", NONE),
    ("looking for a warehouse job", NONE),
    ("мені 45 років", NONE),
    ("i am bored to death", NONE),
]
LATIN_UKRAINIAN = ["cholovik mene bye", "ne hochu zhyty", "nema de nochuvaty", "shukayu robotu"]
NLU = {"crisis_suicide": ["stoje na moscie"], "sit_unemployed": ["stracilam prace"]}
TEXTS = ["хочу вмерти", "my husband beats me again", "nie mam gdzie spac", "szukam pracy", "друг не дихає"]


def split(rows: list[tuple[str, str]]) -> tuple[list[str], list[str]]:
    return [t for t, _ in rows], [label for _, label in rows]


@pytest.fixture(scope="module")
def small_data() -> Iterator[None]:
    """The component trains on these small sets instead of reading data/ (seconds, not a minute)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(crisis, "training_examples", lambda nlu: (nlu[0] + split(POLISH)[0], nlu[1] + split(POLISH)[1]))
        patch.setattr(crisis, "foreign_examples", lambda: split(FOREIGN))
        patch.setattr(crisis, "router_examples", lambda nlu: (LATIN_UKRAINIAN, list(nlu) + split(POLISH)[0]))
        yield


@pytest.fixture(scope="module")
def trained(small_data: None, tmp_path_factory: pytest.TempPathFactory) -> tuple[CrisisDetector, CrisisDetector]:
    """The component as trained, and as the Rasa server runs it: saved and loaded."""
    storage = LocalModelStorage(tmp_path_factory.mktemp("crisis_foreign"))
    resource = Resource("crisis")
    context = ExecutionContext(GraphSchema({}), "test")
    detector = CrisisDetector.create({}, storage, resource, context)
    detector.train(TrainingData([Message(data={"text": t, "intent": i}) for i, ts in NLU.items() for t in ts]))
    return detector, CrisisDetector.load({}, storage, resource, context)


def test_the_polish_classifier_is_trained_exactly_as_before(trained: tuple[CrisisDetector, CrisisDetector]) -> None:
    """Byte-identical probabilities to a classifier trained the old way, on the old examples only."""
    _, loaded = trained
    texts = [t for ts in NLU.values() for t in ts] + split(POLISH)[0]
    labels = ["suicide", NONE] + split(POLISH)[1]
    old = CrisisClassifier().fit(texts, labels)
    assert loaded.classifier.probabilities(TEXTS) == old.probabilities(TEXTS)
    # and the foreign one is another model (learned from the Ukrainian and English examples too)
    assert loaded.foreign.trained and loaded.foreign.probabilities(TEXTS) != old.probabilities(TEXTS)


def test_save_and_load_keep_both_classifiers(trained: tuple[CrisisDetector, CrisisDetector]) -> None:
    detector, loaded = trained
    assert loaded.classifier.probabilities(TEXTS) == detector.classifier.probabilities(TEXTS)
    assert loaded.foreign.probabilities(TEXTS) == detector.foreign.probabilities(TEXTS)
    assert isinstance(loaded.foreign, ForeignCrisisClassifier)
    assert loaded.router.trained
    assert [loaded.router.probability(t) for t in TEXTS] == [detector.router.probability(t) for t in TEXTS]


def test_a_model_saved_without_the_foreign_classifier_still_loads(tmp_path: Path) -> None:
    classifier = CrisisClassifier().fit(*split(POLISH))
    classifier.save(tmp_path)
    assert not (tmp_path / FOREIGN_FILE_NAME).exists()
    assert not ForeignCrisisClassifier.load(tmp_path).trained
    assert not LatinUkrainianRouter.load(tmp_path).trained


class Fixed:
    """A classifier that reads every message the same way, and counts its calls."""

    trained = True

    def __init__(self, **probabilities: float) -> None:
        self.answer = {NONE: 1.0 - sum(probabilities.values()), **probabilities}
        self.calls = 0

    def probabilities(self, texts: list[str]) -> list[dict[str, float]]:
        self.calls += len(texts)
        return [dict(self.answer) for _ in texts]


def routed(read_as: str | None, polish: Fixed, foreign: Fixed, config: dict | None = None) -> Message:
    detector = CrisisDetector(config or {}, None, None, polish, foreign)  # type: ignore[arg-type]
    data = {"text": "abc def ghi jkl", "intent": {"name": "sit_unemployed", "confidence": 0.6}}
    if read_as is not None:
        data[READ_AS_KEY] = read_as
    message = Message(data={**data, "intent_ranking": [{"name": "sit_unemployed", "confidence": 0.6}]})
    detector.process([message])
    return message


@pytest.mark.parametrize("read_as", ["pl", None, "de"])
def test_a_message_read_as_polish_gets_the_polish_classifier(read_as: str | None) -> None:
    polish, foreign = Fixed(suicide=0.9), Fixed()
    assert routed(read_as, polish, foreign).get("intent")["name"] == "crisis_suicide"
    assert (polish.calls, foreign.calls) == (1, 0)
    polish, foreign = Fixed(), Fixed(suicide=0.9)
    assert routed(read_as, polish, foreign).get("intent")["name"] == "sit_unemployed"


@pytest.mark.parametrize("read_as", ["uk", "en"])
def test_a_message_read_as_ukrainian_or_english_gets_the_foreign_classifier(read_as: str) -> None:
    polish, foreign = Fixed(), Fixed(violence=0.9)
    assert routed(read_as, polish, foreign).get("intent")["name"] == "crisis_violence"
    assert (polish.calls, foreign.calls) == (0, 1)
    polish, foreign = Fixed(violence=0.9), Fixed()
    assert routed(read_as, polish, foreign).get("intent")["name"] == "sit_unemployed"


def test_each_classifier_has_its_own_thresholds() -> None:
    config = {"ask_threshold": 0.95, "sure_threshold": 0.99, "foreign_ask_threshold": 0.5}
    assert routed("pl", Fixed(shelter=0.7), Fixed(), config).get("intent")["name"] == "sit_unemployed"
    assert routed("uk", Fixed(), Fixed(shelter=0.7), config).get("intent")["name"] == "crisis_unsure"


def test_the_polish_verdict_is_todays(trained: tuple[CrisisDetector, CrisisDetector]) -> None:
    _, loaded = trained
    for text in TEXTS:
        old = assess(
            find_signals(text),
            loaded.classifier.probabilities([text])[0],
            SURE_THRESHOLD,
            ASK_THRESHOLD,
            count_words(text),
        )
        assert loaded.assess(text, "pl") == loaded.assess(text) == old


def test_features_meet_across_scripts_and_inflection() -> None:
    assert english_stem("killing") == english_stem("killed") == english_stem("kills") == "kill"
    assert set(foreign_words("хочу вмерти")) & set(foreign_words("hochu vmerty"))


@pytest.mark.parametrize("language", ["uk", "en"])
def test_every_ukrainian_and_english_set_belongs_to_one_writer(language: str) -> None:
    files = [path for paths in WRITERS[language].values() for path in paths]
    assert sorted(files) == sorted(foreign_files(language=language)) and len(set(files)) == len(files)
    assert all(file_language(path) == language for path in files)


@pytest.mark.parametrize("language", ["uk", "en"])
def test_a_lowo_fold_leaves_the_held_out_writer_out_of_training(language: str) -> None:
    for writer, held_out in WRITERS[language].items():
        texts, labels = lowo_training(language, writer, (["base"], [NONE]))
        kept_files = [path for path in foreign_files() if path not in held_out] + foreign_only_files()
        others = [row for path in kept_files for row in read_set(path)]
        assert len(texts) == 1 + len(others) and labels[1:] == [label or NONE for _, label in others]
        kept = {text for text, _ in others}
        left_out = {text for path in held_out for text, _ in read_set(path)} - kept
        assert left_out and not left_out & set(texts)


def test_the_digest_changes_with_a_ukrainian_or_english_set(tmp_path: Path) -> None:
    (tmp_path / "foreign").mkdir()
    (tmp_path / "dev").mkdir()
    retired = tmp_path / "foreign" / "retired_uk1.yml"
    dev = tmp_path / "dev" / "en3.yml"
    retired.write_text("non_crisis: [a]\n", encoding="utf-8")
    dev.write_text("non_crisis: [b]\n", encoding="utf-8")
    first = extra_digest(tmp_path, tmp_path / "languages")
    dev.write_text("non_crisis: [c]\n", encoding="utf-8")
    second = extra_digest(tmp_path, tmp_path / "languages")
    retired.write_text("non_crisis: [d]\n", encoding="utf-8")
    third = extra_digest(tmp_path, tmp_path / "languages")
    (tmp_path / "foreign" / "examples_en.yml").write_text("non_crisis: [e]\n", encoding="utf-8")
    assert len({first, second, third, extra_digest(tmp_path, tmp_path / "languages")}) == 4


def test_foreign_only_examples_never_reach_the_polish_classifier() -> None:
    """data/safety/foreign/examples_*.yml: in crisis_training_en.yml they moved the Polish held-out figures."""
    only = {text for path in foreign_only_files() for text, _ in read_set(path)}
    assert only and not only & set(training_examples()[0])
    assert only <= set(foreign_training_examples()[0])


def test_for_a_foreign_message_a_calm_classifier_outweighs_the_patterns() -> None:
    """FOREIGN_VETO: a pattern alarm in a Ukrainian or English message the classifier reads as calm
    is dropped; a Polish message keeps today's verdict (the patterns alone raise the alarm)."""
    text = "i want to kill myself tonight"
    detector = CrisisDetector({}, None, None, Fixed(), Fixed())  # type: ignore[arg-type]
    assert detector.assess(text, "pl").danger
    assert not detector.assess(text, "en").danger
    assert CrisisDetector({"foreign_veto": None}, None, None, Fixed(), Fixed()).assess(text, "en").danger  # type: ignore[arg-type]
    assert CrisisDetector({}, None, None, Fixed(), Fixed(suicide=0.2)).assess(text, "en").danger  # type: ignore[arg-type]


def test_for_a_long_foreign_message_the_veto_is_higher() -> None:
    """FOREIGN_LONG_VETO: from FOREIGN_LONG_WORDS words on, a pattern alarm in a Ukrainian or English
    message with a crisis probability under 0.2 is dropped; a shorter one keeps the veto of 0.1, and
    a Polish message keeps today's verdict."""
    long = "quitting my job without another offer would be career suicide, my friends say, is it true"
    short = "i want to kill myself tonight"
    assert count_words(long) >= FOREIGN_LONG_WORDS > count_words(short)
    calmish = CrisisDetector({}, None, None, Fixed(), Fixed(suicide=0.15))  # type: ignore[arg-type]
    assert not calmish.assess(long, "en").danger
    assert calmish.assess(short, "en").danger
    assert calmish.assess(long, "pl").danger
    assert CrisisDetector({}, None, None, Fixed(), Fixed(suicide=0.25)).assess(long, "en").danger  # type: ignore[arg-type]
    no_long_veto = CrisisDetector({"foreign_long_veto": None}, None, None, Fixed(), Fixed(suicide=0.15))  # type: ignore[arg-type]
    assert no_long_veto.assess(long, "en").danger


def test_a_dismissed_danger_the_classifier_is_sure_of_is_asked_about_in_a_long_foreign_message() -> None:
    """The patterns read the beating as past; the classifier is sure of violence (DEMOTED_ASK_THRESHOLD):
    the person is asked. The calm-plea rule of long messages silenced that question (twelfth session);
    fixed for Ukrainian and English, while a Polish message keeps its measured verdict."""
    text = "муж щас сказав шо як вернеться зі зміни то мене порішить, і він вже бив мене раніше"
    assert count_words(text) >= 15
    signals = find_signals(text)
    assert signals and all(s.dismissed for s in signals)
    sure = Fixed(violence=0.98)
    verdict = CrisisDetector({}, None, None, Fixed(), sure).assess(text, "uk")  # type: ignore[arg-type]
    assert verdict.categories == ("violence",) and not verdict.sure
    polish = CrisisDetector({}, None, None, Fixed(violence=0.98), Fixed()).assess(text, "pl")  # type: ignore[arg-type]
    assert polish == assess(signals, sure.answer, SURE_THRESHOLD, ASK_THRESHOLD, count_words(text))


def test_the_foreign_classifier_alone_needs_more_than_the_ask_threshold() -> None:
    """FOREIGN_ALONE_THRESHOLD (thirteenth session): with no pattern at all, a Ukrainian or English
    message needs a crisis probability of 0.7 for an alarm of the classifier's own; with a pattern, or
    in Polish, the ask threshold (0.6) is what it was."""
    calm = "we talked about my grandad a lot today, i miss him so much"
    assert not [s for s in find_signals(calm) if not s.dismissed]
    between = CrisisDetector({}, None, None, Fixed(suicide=0.65), Fixed(suicide=0.65))  # type: ignore[arg-type]
    assert FOREIGN_ASK_THRESHOLD < 0.65 < FOREIGN_ALONE_THRESHOLD
    assert not between.assess(calm, "en").danger
    assert between.assess(calm, "pl").danger  # Polish: the ask threshold, as before
    above = CrisisDetector({}, None, None, Fixed(), Fixed(suicide=0.75))  # type: ignore[arg-type]
    assert above.assess(calm, "en").danger
    with_a_pattern = "i want to kill myself, i miss him so much"
    assert between.assess(with_a_pattern, "en").danger
    as_before = CrisisDetector({"foreign_alone_threshold": None}, None, None, Fixed(), Fixed(suicide=0.65))  # type: ignore[arg-type]
    assert as_before.assess(calm, "en").danger
