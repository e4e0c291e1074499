"""How many Polish messages the crisis router (bot.nlp.safety.routing) sends away from the Polish classifier.

    .venv/bin/python -m benchmarks.crisis_router            # counts per threshold and minimum length
    .venv/bin/python -m benchmarks.crisis_router --errors   # and the Polish messages moved

Every Polish training and development message (data/nlu and the Polish files of data/safety: dev1,
dev2, the retired evaluation sets, the residents' messages, crisis_training.yml) that the NLU reads as
Polish as a first message (bot.language.reading_language) is scored twice: by the product's router,
trained on these messages too (in-sample), and by routers trained without a fifth of them, five folds
(cross-validated: the estimate for Polish text nobody has written yet). The Ukrainian side of every
router is the whole of router_examples'. The held-out Polish sets are never read here.
"""

from __future__ import annotations

import argparse

from bot.language import reading_language
from bot.nlp.safety.assess import count_words
from bot.nlp.safety.routing import (
    ROUTE_MIN_WORDS,
    ROUTE_THRESHOLD,
    LatinUkrainianRouter,
    rerouted,
    ukrainian_probability,
)
from bot.nlp.safety.training import router_examples

FOLDS = 5
THRESHOLDS = (0.8, 0.85, 0.9, 0.95)
MIN_WORDS = (3, 4, 5)


def scores(ukrainian: list[str], polish: list[str]) -> tuple[list[float], list[float]]:
    """The router's probabilities for each Polish message: in-sample, and cross-validated."""
    product = LatinUkrainianRouter().fit(ukrainian, polish)
    in_sample = [ukrainian_probability(text, product) for text in polish]
    held_out = [0.0] * len(polish)
    for fold in range(FOLDS):
        rest = [text for i, text in enumerate(polish) if i % FOLDS != fold]
        router = LatinUkrainianRouter().fit(ukrainian, rest)
        for i in range(fold, len(polish), FOLDS):
            held_out[i] = ukrainian_probability(polish[i], router)
    return in_sample, held_out


def moved(words: list[int], probabilities: list[float], threshold: float, min_words: int) -> list[int]:
    return [i for i, p in enumerate(probabilities) if rerouted("pl", words[i], p, threshold, min_words) != "pl"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--errors", action="store_true", help="list the Polish messages the chosen router moves")
    args = parser.parse_args()
    ukrainian, everything = router_examples()
    polish = [text for text in everything if reading_language(text, None) == "pl"]
    words = [count_words(text) for text in polish]
    in_sample, held_out = scores(ukrainian, polish)
    print(
        f"{len(polish)} Polish messages read as Polish ({sum(w >= ROUTE_MIN_WORDS for w in words)} of "
        f"{ROUTE_MIN_WORDS} words or more); {len(ukrainian)} Ukrainian ones in Latin letters\n"
    )
    print("| min words | threshold | moved in-sample | moved cross-validated |")
    print("|---|---|---|---|")
    for min_words in MIN_WORDS:
        for threshold in THRESHOLDS:
            inside = len(moved(words, in_sample, threshold, min_words))
            outside = len(moved(words, held_out, threshold, min_words))
            print(f"| {min_words} | {threshold} | {inside} | {outside} |")
    if args.errors:
        for label, probabilities in (("in-sample", in_sample), ("cross-validated", held_out)):
            for i in moved(words, probabilities, ROUTE_THRESHOLD, ROUTE_MIN_WORDS):
                print(f"moved ({label}, {probabilities[i]:.3f}): {polish[i]}")


if __name__ == "__main__":
    main()
