"""Crisis detection: recall and false alarms per category on a crisis test set.

    .venv/bin/python -m benchmarks.crisis               # both held-out sets (tests/crisis_eval)
    .venv/bin/python -m benchmarks.crisis --set eval3   # or eval4: one of them
    .venv/bin/python -m benchmarks.crisis --set uk13    # or uk14, en11: issue 14's Ukrainian and English held-out sets
    .venv/bin/python -m benchmarks.crisis --set dev_uk --errors   # a development set, with its errors
    .venv/bin/python -m benchmarks.crisis --lowo uk     # or en: leave-one-writer-out cross-validation

Trains both classifiers exactly as the Rasa component does (the Polish one on data/nlu and
data/safety; the Ukrainian and English one on the same plus data/safety/foreign and data/safety/dev),
sends each message where the assistant sends it (read as Ukrainian or English by
bot.language.reading_language: a first message, or with --conversation in a conversation in that
language; otherwise Polish), runs the patterns and that classifier with its thresholds on every
message of the set and counts, per category:
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
from dataclasses import dataclass
from pathlib import Path

from bot.language import reading_language
from bot.nlp.safety.assess import ASK_THRESHOLD, SURE_THRESHOLD, Assessment, assess, count_words
from bot.nlp.safety.classifier import CrisisClassifier
from bot.nlp.safety.foreign_classifier import (
    FOREIGN_ALONE_THRESHOLD,
    FOREIGN_ASK_THRESHOLD,
    FOREIGN_LONG_VETO,
    FOREIGN_LONG_WORDS,
    FOREIGN_SURE_THRESHOLD,
    FOREIGN_VETO,
    ForeignCrisisClassifier,
    ForeignSettings,
    foreign_veto,
    reads_foreign,
)
from bot.nlp.safety.routing import (
    ROUTE_MIN_WORDS,
    ROUTE_THRESHOLD,
    LatinUkrainianRouter,
    crisis_reading,
    rerouted,
    ukrainian_probability,
)
from bot.nlp.safety.signals import CATEGORIES, Signal, find_signals
from bot.nlp.safety.training import (
    DEV_DIR,
    FOREIGN_DIR,
    foreign_examples,
    nlu_examples,
    read_set,
    router_examples,
    training_examples,
)
from bot.rasa_server.nlu.crisis import CrisisDetector

ROOT = Path(__file__).resolve().parents[1]
HELD_OUT = ROOT / "tests" / "crisis_eval"
DEV = ROOT / "data" / "safety" / "dev"
# Both held-out sets together are the evaluation set the figures are reported on; each alone too.
SETS = {
    "eval": (HELD_OUT / "eval3.yml", HELD_OUT / "eval4.yml"),
    "eval3": (HELD_OUT / "eval3.yml",),
    "eval4": (HELD_OUT / "eval4.yml",),
    # Issue 14: Ukrainian and English, written apart (tests/crisis_eval/README.md); reported on their own.
    # uk/en, uk2/en2 and uk3/en3 were measured twice each, uk4/en4 … uk9/en9 once, and all were retired
    # into the training data of the Ukrainian and English classifier (data/safety/foreign/retired_*.yml);
    # uk10, uk11 and en10 (fourteenth session) were measured once and retired in the fifteenth; fresh ones
    # (2026-12-01, fifteenth session; two Ukrainian writers), measured by the lead once at the end:
    "uk13": (HELD_OUT / "uk13.yml",),
    "uk14": (HELD_OUT / "uk14.yml",),
    "en11": (HELD_OUT / "en11.yml",),
    # Development sets for Ukrainian and English (data/safety/dev): tuned on, and since the eleventh
    # session training data of the Ukrainian and English classifier, so their figures here are in-sample
    # for it (--lowo gives the out-of-writer estimate).
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
    rows: list[tuple[str, str | None]],
    classifier: CrisisClassifier,
    foreign: ForeignCrisisClassifier | None = None,
    conversation: str | None = None,
    router: LatinUkrainianRouter | None = None,
) -> list[tuple[str, str | None, Assessment]]:
    """Patterns, classifier and thresholds on every message. With `foreign`, each message goes where
    the assistant sends it: read as Ukrainian or English (bot.language.reading_language, in a
    conversation in `conversation`, None for a first message), or found by `router` to be Ukrainian
    in Latin letters, to the foreign classifier and its thresholds, otherwise to the Polish one;
    without it, every message to the Polish one. The verdict is the Rasa component's own
    (CrisisDetector.assess)."""
    detector = CrisisDetector({}, None, None, classifier, foreign, router)  # type: ignore[arg-type]
    return [(text, category, detector.assess(text, reading_language(text, conversation))) for text, category in rows]


def classifier_reading(text: str, conversation: str | None, router: LatinUkrainianRouter) -> str | None:
    return crisis_reading(text, reading_language(text, conversation), router)


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


# Leave-one-writer-out cross-validation of the Ukrainian and English classifier (eleventh session).
# A fold holds out one writer: every file that writer wrote. By the records (tests/crisis_eval/README.md,
# docs/benchmarks.md), dev uk.yml..uk6.yml (en.yml..en6.yml) were written one after another by the
# helper who wrote the patterns, and each of the later held-out sets by the same helper as the
# development set written with it (uk2 with uk7, uk3 with uk8), so files are grouped by writer.
WRITERS: dict[str, dict[str, tuple[Path, ...]]] = {
    lang: {
        f"{lang}-A: held-out {lang}1 (2026-11-29)": (FOREIGN_DIR / f"retired_{lang}1.yml",),
        f"{lang}-B: development {lang}1-6 (the pattern writer)": tuple(
            DEV_DIR / f"{lang}{n}.yml" for n in ("", "2", "3", "4", "5", "6")
        ),
        f"{lang}-C: held-out {lang}2 + development {lang}7": (
            FOREIGN_DIR / f"retired_{lang}2.yml",
            DEV_DIR / f"{lang}7.yml",
        ),
        f"{lang}-D: held-out {lang}3 + development {lang}8": (
            FOREIGN_DIR / f"retired_{lang}3.yml",
            DEV_DIR / f"{lang}8.yml",
        ),
        f"{lang}-E: held-out {lang}4 (2026-11-30)": (FOREIGN_DIR / f"retired_{lang}4.yml",),
        f"{lang}-F: held-out {lang}5 (2026-11-30)": (FOREIGN_DIR / f"retired_{lang}5.yml",),
        f"{lang}-G: held-out {lang}6 (2026-11-30)": (FOREIGN_DIR / f"retired_{lang}6.yml",),
        f"{lang}-H: held-out {lang}7 (2026-11-30)": (FOREIGN_DIR / f"retired_{lang}7.yml",),
        f"{lang}-I: held-out {lang}8 (2026-11-30)": (FOREIGN_DIR / f"retired_{lang}8.yml",),
        f"{lang}-J: held-out {lang}9 (2026-11-30)": (FOREIGN_DIR / f"retired_{lang}9.yml",),
    }
    for lang in ("uk", "en")
}
# Four more Ukrainian writers (fourteenth session): development sets written by one helper each from
# tests/crisis_eval/README.md alone, each asked for other voices (data/safety/README.md).
WRITERS["uk"].update(
    {
        f"uk-{letter}: development uk{n} (2026-11-30)": (DEV_DIR / f"uk{n}.yml",)
        for letter, n in zip("KLMN", range(9, 13))
    }
)
# The held-out sets measured once in the fourteenth session, retired in the fifteenth: a writer each.
WRITERS["uk"].update(
    {
        "uk-O: held-out uk10 (2026-11-30)": (FOREIGN_DIR / "retired_uk10.yml",),
        "uk-P: held-out uk11 (2026-11-30)": (FOREIGN_DIR / "retired_uk11.yml",),
    }
)
WRITERS["en"]["en-K: held-out en10 (2026-11-30)"] = (FOREIGN_DIR / "retired_en10.yml",)
# The retired held-out files were never read by anyone tuning the patterns (figures only), unlike
# the development files, whose errors the patterns were tuned on: their figures are reported apart.
# uk4/en4 (fold E) were retired in the twelfth session, whose work could read them (docs/benchmarks.md),
# uk5/en5 (fold F), uk6/en6 (G), uk7/en7 (H) and uk8/en8 (I) in the thirteenth, uk9/en9 (J) in the fourteenth,
# uk10, uk11 (O, P) and en10 (K) in the fifteenth.
UNREAD = tuple(
    path for lang in ("uk", "en") for n in range(1, 12) if (path := FOREIGN_DIR / f"retired_{lang}{n}.yml").is_file()
)


@dataclass(frozen=True)
class Scored:
    """One message of a held-out writer, with everything its verdict depends on."""

    writer: str
    path: Path
    text: str
    category: str | None
    signals: list[Signal]
    words: int
    polish: dict[str, float]  # the Polish classifier's probabilities (today's, trained as always)
    foreign: dict[str, float]  # the foreign classifier's, trained without this writer
    read_first: str  # reading_language(text, None): a first message
    read_in_conversation: str  # reading_language(text, the set's language)
    ukrainian: float  # bot.nlp.safety.routing.ukrainian_probability, the router trained without this writer


def lowo_training(language: str, writer: str, base: tuple[list[str], list[str]]) -> tuple[list[str], list[str]]:
    """What the foreign classifier learns from in the fold that holds out `writer`."""
    more_texts, more_labels = foreign_examples(leave_out=WRITERS[language][writer])
    return base[0] + more_texts, base[1] + more_labels


def lowo_scores(
    language: str,
    settings: ForeignSettings,
    base: tuple[list[str], list[str]] | None = None,
    polish: CrisisClassifier | None = None,
    log: bool = True,
) -> list[Scored]:
    base = base if base is not None else training_examples()
    polish = polish if polish is not None else CrisisClassifier().fit(*base)
    polish_nlu = nlu_examples()[0]
    scored: list[Scored] = []
    for writer, paths in WRITERS[language].items():
        started = time.perf_counter()
        foreign = ForeignCrisisClassifier(settings=settings).fit(*lowo_training(language, writer, base))
        router = LatinUkrainianRouter().fit(*router_examples(polish_nlu, leave_out=paths))
        for path in paths:
            for text, category in read_set(path):
                scored.append(
                    Scored(
                        writer,
                        path,
                        text,
                        category,
                        find_signals(text),
                        count_words(text),
                        polish.probabilities([text])[0],
                        foreign.probabilities([text])[0],
                        reading_language(text, None),
                        reading_language(text, language),
                        ukrainian_probability(text, router),
                    )
                )
        if log:
            print(f"  fold {writer}: trained and scored in {time.perf_counter() - started:.0f} s", flush=True)
    return scored


def lowo_results(
    scored: list[Scored],
    routing: str,
    sure: float = FOREIGN_SURE_THRESHOLD,
    ask: float = FOREIGN_ASK_THRESHOLD,
    veto: float | None = FOREIGN_VETO,
    route: float | None = ROUTE_THRESHOLD,
    route_min_words: int = ROUTE_MIN_WORDS,
    long_veto: float | None = FOREIGN_LONG_VETO,
    long_words: int = FOREIGN_LONG_WORDS,
    alone: float | None = FOREIGN_ALONE_THRESHOLD,
) -> list[tuple[str, str | None, Assessment]]:
    """routing: "before" (every message to the Polish classifier), "first" (read as a first message)
    or "conversation" (read in a conversation in the set's language); `route`: the router's threshold
    (Ukrainian in Latin letters read as Polish goes to the foreign classifier), None: no router."""
    results = []
    for s in scored:
        read_as = {"first": s.read_first, "conversation": s.read_in_conversation}.get(routing, "pl")
        if route is not None and routing != "before":
            read_as = rerouted(read_as, s.words, s.ukrainian, route, route_min_words)
        if reads_foreign(read_as):
            veto_here = foreign_veto(s.words, veto, long_veto, long_words)
            verdict = assess(s.signals, s.foreign, sure, ask, s.words, veto_here, foreign=True, alone=alone)
        else:
            verdict = assess(s.signals, s.polish, SURE_THRESHOLD, ASK_THRESHOLD, s.words)
        results.append((s.text, s.category, verdict))
    return results


def summary(results: list[tuple[str, str | None, Assessment]]) -> str:
    """One table row: recall per category (caught/messages), overall, false alarms."""
    cells = []
    for category in CATEGORIES:
        rows = [r for r in results if r[1] == category]
        got = sum(caught(category, r[2]) for r in rows)
        cells.append(f"{got}/{len(rows)} {got / len(rows):.3f}" if rows else "-")
    crisis = [r for r in results if r[1] is not None]
    hits = sum(caught(r[1], r[2]) for r in crisis)  # type: ignore[arg-type]
    calm = [r for r in results if r[1] is None]
    alarms = sum(r[2].danger for r in calm)
    cells.append(f"{hits}/{len(crisis)} {hits / len(crisis):.3f}" if crisis else "-")
    cells.append(f"{alarms}/{len(calm)} {alarms / len(calm):.1%}" if calm else "-")
    return " | ".join(cells)


def lowo_table(
    scored: list[Scored], routing: str, sure: float, ask: float, veto: float | None, route: float | None
) -> str:
    lines = [
        "| fold (held-out writer) | suicide | violence | shelter | emergency | all crisis | false alarms |",
        "|---|---|---|---|---|---|---|",
    ]
    results = lowo_results(scored, routing, sure, ask, veto, route)
    for writer in dict.fromkeys(s.writer for s in scored):
        lines.append(f"| {writer} | {summary([r for r, s in zip(results, scored) if s.writer == writer])} |")
    unread = [r for r, s in zip(results, scored) if s.path in UNREAD]
    lines.append(f"| held-out files only (never read) | {summary(unread)} |")
    lines.append(f"| **pooled** | {summary(results)} |")
    return "\n".join(lines)


def lowo_main(language: str, settings: ForeignSettings, sweep: bool) -> None:
    started = time.perf_counter()
    scored = lowo_scores(language, settings)
    routed = Counter(s.read_first for s in scored)
    moved = sum(rerouted(s.read_first, s.words, s.ukrainian) != s.read_first for s in scored)
    print(
        f"LOWO {language}: {len(scored)} messages in {len(WRITERS[language])} folds; foreign classifier "
        f"{settings.label()}; thresholds sure {FOREIGN_SURE_THRESHOLD} / ask {FOREIGN_ASK_THRESHOLD} / veto "
        f"{FOREIGN_VETO} ({FOREIGN_LONG_VETO} from {FOREIGN_LONG_WORDS} words); router {ROUTE_THRESHOLD}; read as a first message: {dict(routed)}, of them "
        f"{moved} rerouted to the foreign classifier; {time.perf_counter() - started:.0f} s"
    )
    titles = {
        ("before", None): "Before: every message to the Polish classifier (Polish thresholds)",
        ("first", None): "Each message read as a first message (reading_language(text, None)), no router",
        ("first", ROUTE_THRESHOLD): "Each message read as a first message, with the router",
        ("conversation", ROUTE_THRESHOLD): f"Each message read in a conversation in {language!r}",
    }
    for (routing, route), title in titles.items():
        print(f"\n{title}\n")
        print(lowo_table(scored, routing, FOREIGN_SURE_THRESHOLD, FOREIGN_ASK_THRESHOLD, FOREIGN_VETO, route))
    if sweep:
        print("\nThresholds, pooled (first: read as a first message; conv.: in a conversation in the language):\n")
        print("| sure | ask | veto | read | suicide | violence | shelter | emergency | all crisis | false alarms |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        for sure in (0.75, 0.9):
            for ask in (0.5, 0.6, 0.7):
                for veto in (None, 0.05, 0.1, 0.2):
                    for routing in ("first", "conversation"):
                        row = summary(lowo_results(scored, routing, sure, ask, veto))
                        print(f"| {sure} | {ask} | {veto or '-'} | {routing[:5]} | {row} |")
        print("\nThe veto of long messages, pooled (veto 0.1 below that length; - : none):\n")
        print("| words | long veto | read | suicide | violence | shelter | emergency | all crisis | false alarms |")
        print("|---|---|---|---|---|---|---|---|---|")
        for long_words, long_veto in ((0, None), (10, 0.2), (10, 0.3), (12, 0.15), (12, 0.2), (12, 0.3), (15, 0.2)):
            for routing in ("first", "conversation"):
                results = lowo_results(scored, routing, long_veto=long_veto, long_words=long_words)
                print(f"| {long_words or '-'} | {long_veto or '-'} | {routing[:5]} | {summary(results)} |")
        print("\nThe classifier alone (no live pattern) from this probability, pooled (thirteenth session):\n")
        print("| alone | read | suicide | violence | shelter | emergency | all crisis | false alarms |")
        print("|---|---|---|---|---|---|---|---|")
        for alone in (None, 0.65, 0.7, 0.75, 0.8):
            for routing in ("first", "conversation"):
                row = summary(lowo_results(scored, routing, alone=alone))
                print(f"| {alone or '-'} | {routing[:5]} | {row} |")
        print("\nThe router, first messages, pooled (- : no router):\n")
        print(
            "| min words | threshold | rerouted | suicide | violence | shelter | emergency | all crisis | false alarms |"
        )
        print("|---|---|---|---|---|---|---|---|---|")
        print(f"| - | - | 0 | {summary(lowo_results(scored, 'first', route=None))} |")
        for min_words in (3, 4, 5):
            for route in (0.8, 0.85, 0.9, 0.95, 0.98):
                results = lowo_results(scored, "first", route=route, route_min_words=min_words)
                count = sum(
                    rerouted(s.read_first, s.words, s.ukrainian, route, min_words) != s.read_first for s in scored
                )
                print(f"| {min_words} | {route} | {count} | {summary(results)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=sorted(SETS), default="eval")
    parser.add_argument("--errors", action="store_true", help="list the errors (development sets only)")
    parser.add_argument(
        "--conversation", choices=("pl", "uk", "en"), help="read each message in a conversation in this language"
    )
    parser.add_argument("--lowo", choices=("uk", "en"), help="leave-one-writer-out cross-validation of a language")
    parser.add_argument("--sweep", action="store_true", help="with --lowo: pooled figures over a grid of thresholds")
    args = parser.parse_args()
    if args.lowo:
        lowo_main(args.lowo, ForeignSettings(), args.sweep)
        return
    if args.errors and not all(path.parent == DEV for path in SETS[args.set]):
        parser.error("--errors lists messages: only for the development sets, never a held-out one")
    started = time.perf_counter()
    texts, labels = training_examples()
    classifier = CrisisClassifier().fit(texts, labels)
    more_texts, more_labels = foreign_examples()
    foreign = ForeignCrisisClassifier().fit(texts + more_texts, labels + more_labels)
    router = LatinUkrainianRouter().fit(*router_examples())
    trained = time.perf_counter() - started
    rows = read_sets(args.set)
    started = time.perf_counter()
    results = evaluate(rows, classifier, foreign, args.conversation, router)
    routed = Counter(
        "uk/en" if reads_foreign(classifier_reading(text, args.conversation, router)) else "pl" for text, _ in rows
    )
    per_message = (time.perf_counter() - started) / len(rows) * 1000
    table, _figures = report(results)
    print(
        f"set: {', '.join(str(p.relative_to(ROOT)) for p in SETS[args.set])}; classifier trained on {len(texts)} examples "
        f"({sum(1 for label in labels if label != 'none')} crisis) in {trained:.1f} s; "
        f"{per_message:.2f} ms per message (patterns + classifier); the foreign classifier trained on "
        f"{len(texts) + len(more_texts)}; messages to each classifier: {dict(routed)}"
    )
    print(table)
    if args.errors:
        print("\n".join(errors(results)))


if __name__ == "__main__":
    main()
