"""Crisis detection: recall and false alarms per category on a crisis test set.

    .venv/bin/python -m benchmarks.crisis               # both held-out sets (tests/crisis_eval)
    .venv/bin/python -m benchmarks.crisis --set eval3   # or eval4: one of them
    .venv/bin/python -m benchmarks.crisis --set uk      # or en: issue 14's Ukrainian and English sets
    .venv/bin/python -m benchmarks.crisis --set dev_uk --errors   # a development set, with its errors

Trains the classifier exactly as the Rasa component does (data/nlu and data/safety), runs the patterns and
the classifier on every message of the set and counts, per category:
- caught: the reply carries that category's numbers (sure: numbers at once; or asked: the
  gentle question with the numbers under it). Every crisis reply carries 112, so an emergency
  counts as caught by any crisis reply; the other categories need their own.
- false alarms: non-crisis messages that got a crisis reply or the question.
Only the figures are printed, never the messages: the held-out sets are never looked at to tune
anything (tests/crisis_eval/README.md).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from bot.nlp.safety.assess import Assessment, assess, count_words
from bot.nlp.safety.classifier import CrisisClassifier
from bot.nlp.safety.signals import CATEGORIES, find_signals
from bot.nlp.safety.training import read_set, training_examples

ROOT = Path(__file__).resolve().parents[1]
HELD_OUT = ROOT / "tests" / "crisis_eval"
DEV = ROOT / "data" / "safety" / "dev"
# Both held-out sets together are the evaluation set the figures are reported on; each alone too.
SETS = {
    "eval": (HELD_OUT / "eval3.yml", HELD_OUT / "eval4.yml"),
    "eval3": (HELD_OUT / "eval3.yml",),
    "eval4": (HELD_OUT / "eval4.yml",),
    # Issue 14: Ukrainian and English, written apart (tests/crisis_eval/README.md); reported on their own.
    "uk": (HELD_OUT / "uk.yml",),
    "en": (HELD_OUT / "en.yml",),
    # Fresh ones (2026-11-29, seventh session), written after uk/en had been read and tuned on.
    "uk2": (HELD_OUT / "uk2.yml",),
    "en2": (HELD_OUT / "en2.yml",),
    # Fresh ones (2026-11-30, ninth session), written after uk2/en2 had been measured twice.
    "uk3": (HELD_OUT / "uk3.yml",),
    "en3": (HELD_OUT / "en3.yml",),
    # Development sets for Ukrainian and English (data/safety/dev, not training data): tuned on.
    "dev_uk": tuple(sorted(DEV.glob("uk*.yml"))),
    "dev_en": tuple(sorted(DEV.glob("en*.yml"))),
    # The newest development set of each language alone, to measure it once before tuning on it.
    "dev_uk7": (DEV / "uk7.yml",),
    "dev_en7": (DEV / "en7.yml",),
    "dev_uk8": (DEV / "uk8.yml",),
    "dev_en8": (DEV / "en8.yml",),
}


def read_sets(name: str) -> list[tuple[str, str | None]]:
    return [row for path in SETS[name] for row in read_set(path)]


# The development sets and the retired evaluation sets are now training data (data/safety).


def caught(category: str, assessment: Assessment) -> bool:
    return category in assessment.categories or (category == "emergency" and assessment.danger)


def evaluate(
    rows: list[tuple[str, str | None]], classifier: CrisisClassifier
) -> list[tuple[str, str | None, Assessment]]:
    probabilities = classifier.probabilities([text for text, _ in rows])
    results = []
    for (text, category), probs in zip(rows, probabilities):
        results.append((text, category, assess(find_signals(text), probs, words=count_words(text))))
    return results


def report(results: list[tuple[str, str | None, Assessment]]) -> tuple[str, dict[str, float]]:
    lines = ["| category | messages | caught | of them sure | recall |", "|---|---|---|---|---|"]
    total = hits = 0
    figures: dict[str, float] = {}
    for category in CATEGORIES:
        rows = [r for r in results if r[1] == category]
        got = [r for r in rows if caught(category, r[2])]
        sure = [r for r in got if r[2].sure]
        recall = len(got) / len(rows) if rows else 0.0
        figures[category] = recall
        total += len(rows)
        hits += len(got)
        lines.append(f"| {category} | {len(rows)} | {len(got)} | {len(sure)} | {recall:.3f} |")
    figures["overall"] = hits / total if total else 0.0
    lines.append(f"| **all crisis** | {total} | {hits} | | **{figures['overall']:.3f}** |")
    calm = [r for r in results if r[1] is None]
    alarms = [r for r in calm if r[2].danger]
    figures["false_alarms"] = len(alarms) / len(calm) if calm else 0.0
    kinds = Counter("numbers" if r[2].sure else "question" for r in alarms)
    lines.append("")
    lines.append(
        f"False alarms: {len(alarms)} of {len(calm)} non-crisis messages ({figures['false_alarms']:.1%}): "
        f"{kinds['numbers']} with the numbers at once, {kinds['question']} with the question."
    )
    return "\n".join(lines), figures


def errors(results: list[tuple[str, str | None, Assessment]]) -> list[str]:
    """The misses and false alarms, one line each: for the development sets only."""
    lines = []
    for text, category, assessment in results:
        if category is not None and not caught(category, assessment):
            lines.append(f"missed {category}: {text}  -> {', '.join(assessment.categories) or '-'}")
        elif category is None and assessment.danger:
            kind = "numbers" if assessment.sure else "question"
            lines.append(f"false alarm ({kind}, {', '.join(assessment.categories)}): {text}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=sorted(SETS), default="eval")
    parser.add_argument("--errors", action="store_true", help="list the errors (development sets only)")
    args = parser.parse_args()
    if args.errors and not all(path.parent == DEV for path in SETS[args.set]):
        parser.error("--errors lists messages: only for the development sets, never a held-out one")
    started = time.perf_counter()
    texts, labels = training_examples()
    classifier = CrisisClassifier().fit(texts, labels)
    trained = time.perf_counter() - started
    rows = read_sets(args.set)
    started = time.perf_counter()
    results = evaluate(rows, classifier)
    per_message = (time.perf_counter() - started) / len(rows) * 1000
    table, _figures = report(results)
    print(
        f"set: {', '.join(str(p.relative_to(ROOT)) for p in SETS[args.set])}; classifier trained on {len(texts)} examples "
        f"({sum(1 for label in labels if label != 'none')} crisis) in {trained:.1f} s; "
        f"{per_message:.2f} ms per message (patterns + classifier)"
    )
    print(table)
    if args.errors:
        print("\n".join(errors(results)))


if __name__ == "__main__":
    main()
