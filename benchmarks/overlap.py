"""Copies and near-copies between an evaluation set and training data.

A held-out example counts as a copy of a training example when, once case, diacritics,
punctuation and entity markup are ignored, the two texts are equal, have the same words in
another order, share most of their words (Jaccard >= SAME_WORDS) or are similar enough as
strings (difflib ratio >= NEAR_COPY). The check runs on every
held-out set of the project (tests/nlu_heldout, tests/crisis_eval) and is the gate those sets
must pass:

    .venv/bin/python -m benchmarks.overlap tests/nlu_heldout/heldout.yml          # list copies
    .venv/bin/python -m benchmarks.overlap tests/nlu_heldout/heldout.yml --drop   # remove them

The listing shows the held-out side only: a writer removes a copy, never rewrites an example
after reading the training data.

New training examples are added after the held-out sets were written; when one of them is what a
held-out example copies, the training example goes (the held-out set is never edited for it):

    .venv/bin/python -m benchmarks.overlap tests/nlu_heldout/heldout.yml --drop-from data/nlu/typed/<new file>.yml
"""

from __future__ import annotations

import argparse
import re
from difflib import SequenceMatcher
from pathlib import Path

import yaml

from bot.nlp.morphology import fold

NEAR_COPY = 0.9  # SequenceMatcher ratio of the normalised texts
SAME_WORDS = 0.75  # Jaccard index of the word sets, for texts of at least MIN_WORDS words
MIN_WORDS = 4
_MARKUP = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\{[^}]*\})")


def without_markup(text: str) -> str:
    """A Rasa training text as a person wrote it: '[Woli](district)' becomes 'Woli'."""
    return _MARKUP.sub(r"\1", text)


def normalised(text: str) -> str:
    """Lower case, no diacritics, no punctuation, entity markup reduced to its text; letters of any
    script count (Ukrainian in Cyrillic is compared as such, not reduced to nothing)."""
    return " ".join(re.findall(r"[^\W_]+", fold(without_markup(text))))


def _trigrams(text: str) -> set[str]:
    return {text[i : i + 3] for i in range(max(1, len(text) - 2))}


class Index:
    """The normalised training texts, ready to be compared with many candidates."""

    def __init__(self, texts: list[str]) -> None:
        self.items = [(text, normalised(text)) for text in texts]
        self.exact = {norm: text for text, norm in self.items}
        self.word_sets = {" ".join(sorted(norm.split())): text for text, norm in self.items}
        self.words = [(text, set(norm.split())) for text, norm in self.items]
        self.grams = [(text, norm, _trigrams(norm)) for text, norm in self.items]

    def copy_of(self, candidate: str) -> str | None:
        """The training text the candidate copies, or None."""
        mine = normalised(candidate)
        if mine in self.exact:
            return self.exact[mine]
        reordered = " ".join(sorted(mine.split()))
        if reordered in self.word_sets:
            return self.word_sets[reordered]
        words = set(mine.split())
        if len(words) >= MIN_WORDS:
            for text, other_words in self.words:
                if len(other_words) >= MIN_WORDS and len(words & other_words) >= SAME_WORDS * len(words | other_words):
                    return text
        grams = _trigrams(mine)
        for text, other, other_grams in self.grams:
            if len(grams & other_grams) < 0.6 * min(len(grams), len(other_grams)):
                continue  # cheap filter: a near-copy shares most trigrams
            if SequenceMatcher(None, mine, other).ratio() >= NEAR_COPY:
                return text
        return None


def near_copies(texts: list[str], others: list[str]) -> list[tuple[str, str]]:
    """(candidate, the training text it copies) for every candidate that copies one."""
    index = Index(others)
    found = []
    for text in texts:
        match = index.copy_of(text)
        if match is not None:
            found.append((text, match))
    return found


def nlu_examples(path: Path) -> list[str]:
    """The intent examples (with markup) of a Rasa NLU YAML file or of every one in a directory."""
    files = sorted(path.rglob("*.yml")) if path.is_dir() else [path]
    examples = []
    for file in files:
        for item in (yaml.safe_load(file.read_text(encoding="utf-8")) or {}).get("nlu") or []:
            if "intent" in item:
                examples += [
                    line.strip()[2:]
                    for line in str(item.get("examples", "")).splitlines()
                    if line.strip().startswith("- ")
                ]
    return examples


def _example_lines(path: Path) -> list[tuple[int, str]]:
    """(line number, example text with markup) for each '- ' item of a Rasa NLU YAML file."""
    return [
        (n, line.strip()[2:])
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines())
        if line.startswith("    - ")
    ]


def drop_copied(heldout: Path, training_file: Path) -> None:
    """Remove from `training_file` every example that an example of `heldout` copies."""
    lines = _example_lines(training_file)
    copied = {
        match
        for _, text in _example_lines(heldout)
        if (match := Index([t for _, t in lines]).copy_of(text)) is not None
    }
    drop = {n for n, text in lines if text in copied}
    kept = [
        line
        for n, line in enumerate(training_file.read_text(encoding="utf-8").splitlines(keepends=True))
        if n not in drop
    ]
    training_file.write_text("".join(kept), encoding="utf-8")
    print(f"removed {len(drop)} of {len(lines)} examples of {training_file}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("heldout", type=Path, help="a Rasa NLU YAML file of held-out examples")
    parser.add_argument("--training", type=Path, default=Path("data/nlu"), help="training data (file or directory)")
    parser.add_argument("--drop", action="store_true", help="remove the copies from the held-out file")
    parser.add_argument(
        "--drop-from", type=Path, help="instead, remove from this training file the examples the held-out ones copy"
    )
    args = parser.parse_args()
    if args.drop_from:
        drop_copied(args.heldout, args.drop_from)
        return
    index = Index(nlu_examples(args.training))
    lines = _example_lines(args.heldout)
    copies = {n for n, text in lines if index.copy_of(text) is not None}
    for n, text in lines:
        if n in copies:
            print(f"{args.heldout}:{n + 1}: {text}")
    print(f"{len(copies)} of {len(lines)} examples copy a training example")
    if args.drop and copies:
        kept = [
            line
            for n, line in enumerate(args.heldout.read_text(encoding="utf-8").splitlines(keepends=True))
            if n not in copies
        ]
        args.heldout.write_text("".join(kept), encoding="utf-8")
        print(f"removed {len(copies)}")


if __name__ == "__main__":
    main()
