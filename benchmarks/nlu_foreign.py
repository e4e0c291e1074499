"""Ukrainian and English NLU (issue 14): the per-language models of bot.nlp.foreign on their held-out sets.

    .venv/bin/python -m benchmarks.nlu_foreign            # train on languages/<lang>/nlu, score the held-out sets
    .venv/bin/python -m benchmarks.nlu_foreign --cv       # choose the regularisation: 5-fold CV on the training data

The held-out sets (tests/nlu_heldout/uk.yml, en.yml) were written apart from the training data
(their README); they are scored once per model chosen, never used to choose. `--cv` reads only the
training data.

Scores, as `rasa test nlu` defines them: intent macro-F1 over every intent in the gold labels or the
predictions, and accuracy; "with the fallback" counts a message as `nlu_fallback` where config.yml's
FallbackClassifier would (top probability under its threshold, or the top two within its ambiguity
margin). Entities: per word, the entity type of the word in the gold annotation against the
prediction, micro- and macro-averaged over the entity types (words outside every entity left out of
the average), as Rasa's entity report does per token; and exact spans (type and boundaries) as a
stricter figure.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

import yaml
from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

from benchmarks.measure import ROOT
from bot.nlp.foreign.entities import OUTSIDE
from bot.nlp.foreign.model import Examples, LanguageModel, nlu_dir, read_examples
from bot.nlp.foreign.tokens import tokens

LANGUAGES = ("uk", "en")
HELDOUT = ROOT / "tests" / "nlu_heldout"
FALLBACK = "nlu_fallback"


def fallback_settings() -> tuple[float, float]:
    config = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))
    step = next(s for s in config["pipeline"] if s["name"] == "FallbackClassifier")
    return float(step["threshold"]), float(step["ambiguity_threshold"])


def with_fallback(ranking: list[tuple[str, float]], threshold: float, ambiguity: float) -> str:
    top = ranking[0]
    if top[1] < threshold or (len(ranking) > 1 and top[1] - ranking[1][1] < ambiguity):
        return FALLBACK
    return top[0]


def word_labels(text: str, language: str, spans: list[tuple[str, int, int]]) -> list[str]:
    labels = []
    for token in tokens(text, language):
        inside = [e for e, start, end in spans if token.start >= start and token.end <= end]
        labels.append(inside[0] if inside else OUTSIDE)
    return labels


def score(model: LanguageModel, examples: Examples) -> dict[str, float]:
    threshold, ambiguity = fallback_settings()
    gold_intents, predicted, answered = [], [], []
    gold_words, predicted_words = [], []
    gold_spans, predicted_spans = set(), set()
    for n, (text, intent, entities) in enumerate(zip(examples.texts, examples.intents, examples.entities)):
        ranking, found = model.parse(text)
        gold_intents.append(intent)
        predicted.append(ranking[0][0])
        answered.append(with_fallback(ranking, threshold, ambiguity))
        gold = [(e["entity"], e["start"], e["end"]) for e in entities]
        mine = [(s.entity, s.start, s.end) for s in found]
        gold_words += word_labels(text, model.language, gold)
        predicted_words += word_labels(text, model.language, mine)
        gold_spans |= {(n, *g) for g in gold}
        predicted_spans |= {(n, *m) for m in mine}
    types = sorted({w for w in gold_words + predicted_words if w != OUTSIDE})
    exact = len(gold_spans & predicted_spans)
    return {
        "n": len(gold_intents),
        "intent_macro_f1": f1_score(gold_intents, predicted, average="macro", zero_division=0),
        "intent_accuracy": accuracy_score(gold_intents, predicted),
        "intent_macro_f1_with_fallback": f1_score(gold_intents, answered, average="macro", zero_division=0),
        "entity_f1_micro": precision_recall_fscore_support(
            gold_words, predicted_words, labels=types, average="micro", zero_division=0
        )[2],
        "entity_f1_macro": precision_recall_fscore_support(
            gold_words, predicted_words, labels=types, average="macro", zero_division=0
        )[2],
        "entity_exact_span_f1": 2 * exact / (len(gold_spans) + len(predicted_spans)) if gold_spans else 0.0,
        "entity_words": sum(w != OUTSIDE for w in gold_words),
    }


def subset(examples: Examples, indices: list[int]) -> Examples:
    return Examples(
        [examples.texts[i] for i in indices],
        [examples.intents[i] for i in indices],
        [examples.entities[i] for i in indices],
        examples.synonyms,
    )


def cross_validate(language: str, params: dict[str, float], folds: int = 5, seed: int = 1) -> dict[str, float]:
    examples = read_examples(nlu_dir(language))
    order = list(range(len(examples.texts)))
    random.Random(seed).shuffle(order)
    results = []
    for k in range(folds):
        held = set(order[k::folds])
        train = subset(examples, [i for i in order if i not in held])
        results.append(score(LanguageModel.fit(language, train, **params), subset(examples, sorted(held))))
    return {key: statistics.mean(r[key] for r in results) for key in results[0]}


GRID = (
    {"c": 10.0, "c1": 0.05, "c2": 0.05},
    {"c": 30.0, "c1": 0.05, "c2": 0.05},
    {"c": 100.0, "c1": 0.05, "c2": 0.05},
    {"c": 30.0, "c1": 0.1, "c2": 0.01},
    {"c": 30.0, "c1": 0.01, "c2": 0.1},
)


def print_row(label: str, result: dict[str, float]) -> None:
    print(
        f"| {label} | {result['intent_macro_f1']:.3f} | {result['intent_accuracy']:.3f} | "
        f"{result['intent_macro_f1_with_fallback']:.3f} | {result['entity_f1_micro']:.3f} | "
        f"{result['entity_f1_macro']:.3f} | {result['entity_exact_span_f1']:.3f} |",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cv", action="store_true", help="5-fold cross-validation of the grid on the training data")
    parser.add_argument("--languages", nargs="+", default=list(LANGUAGES))
    args = parser.parse_args()
    print(
        "| language, setting | intent macro-F1 | accuracy | macro-F1 with fallback | entity F1 micro | macro | exact spans |"
    )
    print("|---|---|---|---|---|---|---|")
    for language in args.languages:
        if args.cv:
            for params in GRID:
                print_row(f"{language} CV {params}", cross_validate(language, params))
            continue
        started = time.perf_counter()
        model = LanguageModel.fit(language, read_examples(nlu_dir(language)))
        seconds = time.perf_counter() - started
        result = score(model, read_examples(HELDOUT / f"{language}.yml"))
        print_row(
            f"{language} held-out (n={result['n']}, {result['entity_words']} entity words; trained in {seconds:.0f} s)",
            result,
        )


if __name__ == "__main__":
    main()
