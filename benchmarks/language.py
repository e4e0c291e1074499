"""How well `bot.language.detect` tells the language of the held-out NLU sets, and what it costs in memory.

    python -m benchmarks.language            # the detector as configured (low-accuracy mode)
    python -m benchmarks.language --high     # lingua's high-accuracy mode, for comparison
    python -m benchmarks.language --router   # as the NLU reads a message: with the reader of Latin-letter
                                             # Ukrainian (bot.nlp.safety.routing, trained here first)
    python -m benchmarks.language --crisis   # also the crisis sets' messages as first messages: how many
                                             # Polish and English ones are read in another language (counts only)

Every example of tests/nlu_heldout/heldout.yml counts as Polish, of uk.yml as Ukrainian, of en.yml as
English (a few of them mix in Polish words, as people do). Per set: right, kept (too short or unclear:
the conversation keeps its language) and wrong, and for Ukrainian apart by script (Cyrillic / Latin).
"""

from __future__ import annotations

import argparse
import re
import time
from collections import Counter
from pathlib import Path
from typing import Optional

import yaml
from lingua import LanguageDetectorBuilder

from bot import language

ROOT = Path(__file__).resolve().parent.parent
SETS = {"pl": "heldout.yml", "uk": "uk.yml", "en": "en.yml"}
ANNOTATION = re.compile(r"\[([^\]]+)\](\([^)]*\)|\{[^}]*\})")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def examples(name: str) -> list[str]:
    data = yaml.safe_load((ROOT / "tests" / "nlu_heldout" / name).read_text(encoding="utf-8"))
    lines = [line.strip()[2:] for item in data["nlu"] for line in item.get("examples", "").splitlines()]
    return [ANNOTATION.sub(r"\1", line) for line in lines if line]


def rss_mb() -> float:
    status = Path("/proc/self/status").read_text()
    return int(status.split("VmRSS:")[1].split()[0]) / 1024


def score(expected: str, texts: list[str], reader: Optional[language.LatinReader] = None) -> Counter:
    counts: Counter = Counter()
    for text in texts:
        found = language.written_in(text, reader)
        script = "cyrillic" if CYRILLIC.search(text) else "latin"
        outcome = "right" if found == expected else "kept" if found is None else f"wrong:{found}"
        counts[outcome] += 1
        if expected == "uk":
            counts[f"{script} {outcome.split(':')[0]}"] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.language", description=__doc__.splitlines()[0])
    parser.add_argument("--high", action="store_true", help="lingua's high-accuracy mode")
    parser.add_argument("--router", action="store_true", help="with the NLU's reader of Latin-letter Ukrainian")
    parser.add_argument("--crisis", action="store_true", help="also count the crisis sets' messages read elsewhere")
    args = parser.parse_args(argv)
    reader = None
    if args.router:
        from bot.nlp.safety.routing import LatinUkrainianRouter, latin_ukrainian_reader
        from bot.nlp.safety.training import router_examples

        reader = latin_ukrainian_reader(LatinUkrainianRouter().fit(*router_examples()))
    before = rss_mb()
    started = time.perf_counter()
    if args.high:
        built = LanguageDetectorBuilder.from_languages(*language.COMPARED).with_preloaded_language_models().build()
        language.detector.cache_clear()
        language.detector = lambda: built  # type: ignore[assignment]
    else:
        language.detector()
    language.detect("Szukam pracy w Warszawie od miesiąca")  # models load lazily: make them load now
    print(
        f"mode: {'high' if args.high else 'low'} accuracy; languages compared: {len(language.COMPARED)}"
        f"{'; with the reader of Latin-letter Ukrainian' if reader else ''}"
    )
    print(f"memory: +{rss_mb() - before:.0f} MB RSS, loaded in {time.perf_counter() - started:.1f} s")
    for expected, name in SETS.items():
        texts = examples(name)
        counts = score(expected, texts, reader)
        n = len(texts)
        wrong = {k.split(":")[1]: v for k, v in counts.items() if k.startswith("wrong:")}
        print(
            f"{name:12} {expected}: n={n} right {counts['right'] / n:.1%}, kept {counts['kept'] / n:.1%}, "
            f"wrong {sum(wrong.values()) / n:.1%} {dict(sorted(wrong.items()))}"
        )
        if expected == "uk":
            for script in ("cyrillic", "latin"):
                total = sum(v for k, v in counts.items() if k.startswith(script))
                print(
                    f"{'':12}    {script}: n={total} right {counts[f'{script} right']}, "
                    f"kept {counts[f'{script} kept']}, wrong {counts[f'{script} wrong']}"
                )
    if args.crisis:
        for expected, texts, what in crisis_messages():
            other = sum(1 for text in texts if language.written_in(text, reader) not in (expected, None))
            print(f"{what}: n={len(texts)}, read as another language: {other}")
    return 0


def crisis_messages() -> list[tuple[str, list[str], str]]:
    """Polish: the NLU's training data, the Polish crisis training files and the Polish held-out crisis sets;
    English: every English crisis set (training data). Counts only: no held-out message is shown."""
    from benchmarks.crisis import read_sets
    from benchmarks.overlap import nlu_examples, without_markup
    from bot.nlp.safety.training import extra_files, extra_language, foreign_files, read_set

    polish = [without_markup(t) for t in nlu_examples(ROOT / "data" / "nlu")]
    polish += [t for path in extra_files() if extra_language(path) == "pl" for t, _ in read_set(path)]
    polish += [t for t, _ in read_sets("eval")]
    english = [t for path in foreign_files(language="en") for t, _ in read_set(path)]
    return [("pl", polish, "Polish data and crisis sets"), ("en", english, "English crisis sets")]


if __name__ == "__main__":
    raise SystemExit(main())
