"""The Rasa tokenizer: offsets, lemmas, config keys, and the component lifecycle."""

import time
from pathlib import Path
from typing import List, Tuple

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.rasa_server.nlu.tokenizer import PolishTokenizer


def _tokenizer(**overrides) -> PolishTokenizer:
    return PolishTokenizer({**PolishTokenizer.get_default_config(), **overrides})


def _triples(text: str, **overrides) -> List[Tuple[str, int, int, str]]:
    tokens = _tokenizer(**overrides).tokenize(Message(data={TEXT: text}), TEXT)
    return [(t.text, t.start, t.end, t.lemma) for t in tokens]


def test_sentence_tokens_offsets_and_lemmas() -> None:
    assert _triples("Mam 52 lata, mieszkam na Pradze-Północ.") == [
        ("Mam", 0, 3, "mieć"),
        ("52", 4, 6, "52"),
        ("lata", 7, 11, "rok"),
        (",", 11, 12, ","),
        ("mieszkam", 13, 21, "mieszkać"),
        ("na", 22, 24, "na"),
        ("Pradze", 25, 31, "Praga"),
        ("-", 31, 32, "-"),
        ("Północ", 32, 38, "północ"),
        (".", 38, 39, "."),
    ]


@pytest.mark.parametrize(
    "text, expected_lemmas",
    [
        ("nie dostaję zasiłku", ["nie", "dostawać", "zasiłek"]),
        ("nie dostaje zasilku", ["nie", "dostawać", "zasiłek"]),
        ("mam orzeczenie o znacznym stopniu", ["mieć", "orzeczenie", "o", "znaczny", "stopień"]),
        ("jestem bezrobotnym", ["być", "bezrobotny"]),
        ("mieszkam na woli", ["mieszkać", "na", "Wola"]),
        ("wolę nie mówić", ["woleć", "nie", "mówić"]),
    ],
)
def test_lemmas_of_typical_messages(text: str, expected_lemmas: List[str]) -> None:
    assert [lemma for *_, lemma in _triples(text)] == expected_lemmas


def test_offsets_point_into_the_original_text() -> None:
    text = "  W CIS-ie byłem  pół roku :)  e-mail a@b.pl  "
    for token_text, start, end, _ in _triples(text):
        assert text[start:end] == token_text


def test_empty_and_whitespace_text() -> None:
    assert _triples("") == []
    assert _triples("   ") == []


def test_token_pattern_splits_and_relemmatises_pieces() -> None:
    triples = _triples("zasiłku_orzeczenia", token_pattern=r"[^_]+")
    assert triples == [("zasiłku", 0, 7, "zasiłek"), ("orzeczenia", 8, 18, "orzeczenie")]


def test_intent_split_config() -> None:
    tokenizer = _tokenizer(intent_tokenization_flag=True, intent_split_symbol="_")
    message = Message(data={TEXT: "jestem bezrobotny", INTENT: "sit_unemployed"})
    tokenizer.process([message])
    assert [t.text for t in message.get(TOKENS_NAMES[INTENT])] == ["sit", "unemployed"]


def test_component_builds_and_processes_training_data(tmp_path: Path) -> None:
    tokenizer = PolishTokenizer.create(
        PolishTokenizer.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource("tok"),
        ExecutionContext(GraphSchema({}), "1"),
    )
    data = TrainingData(
        [
            Message(data={TEXT: "mieszkam na Woli", INTENT: "inform_district"}),
            Message(data={TEXT: "nie mam zasilku", INTENT: "sit_no_benefit"}),
        ]
    )
    tokenizer.process_training_data(data)
    first, second = data.training_examples
    assert [t.lemma for t in first.get(TOKENS_NAMES[TEXT])] == ["mieszkać", "na", "Wola"]
    assert [t.lemma for t in second.get(TOKENS_NAMES[TEXT])] == ["nie", "mieć", "zasiłek"]
    assert [t.text for t in first.get(TOKENS_NAMES[INTENT])] == ["inform_district"]

    message = Message(data={TEXT: "Mieszkam na Pradze-Północ"})
    tokenizer.process([message])
    assert [t.lemma for t in message.get(TOKENS_NAMES[TEXT])][-3:] == ["Praga", "-", "północ"]


def test_load_gives_a_working_tokenizer(tmp_path: Path) -> None:
    """Nothing is persisted, so loading a trained model must work from the config alone."""
    tokenizer = PolishTokenizer.load(
        PolishTokenizer.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource("tok"),
        ExecutionContext(GraphSchema({}), "1"),
    )
    message = Message(data={TEXT: "Wyszedłem z więzienia"})
    tokenizer.process([message])
    assert [t.lemma for t in message.get(TOKENS_NAMES[TEXT])] == ["wyjść", "z", "więzienie"]


def test_parse_time_per_message_is_small() -> None:
    """Lemmas are cached, so a warm tokenizer costs well under a millisecond per message."""
    tokenizer = _tokenizer()
    texts = [
        "Mam 52 lata, mieszkam na Pradze-Północ.",
        "od pol roku nie dostaje zasilku, jestem zarejestrowany w posredniaku",
        "mam orzeczenie o umiarkowanym stopniu i szukam pracy na Bielanach",
    ]
    tokenizer.process([Message(data={TEXT: t}) for t in texts])  # warm-up
    started = time.perf_counter()
    rounds = 50
    for _ in range(rounds):
        tokenizer.process([Message(data={TEXT: t}) for t in texts])
    per_message = (time.perf_counter() - started) / (rounds * len(texts))
    assert per_message < 0.01


def test_one_huge_token_does_not_crash_the_process() -> None:
    """Morfeusz 2 segfaults on such a token; in a child process, so a crash cannot take pytest down."""
    import subprocess
    import sys

    code = (
        "import sys; from rasa.shared.nlu.training_data.message import Message; "
        "from bot.rasa_server.nlu.tokenizer import PolishTokenizer as T; "
        "tokens = T(T.get_default_config()).tokenize(Message(data={'text': sys.argv[1]}), 'text'); "
        "print(len(tokens))"
    )
    result = subprocess.run([sys.executable, "-c", code, "1" * 9000], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
