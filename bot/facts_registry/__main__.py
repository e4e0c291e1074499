"""python -m bot.facts_registry check | synonyms [--write | --check] | model-input

check: validate the registry (data/profile/facts.yaml, or the file in DROGOWSKAZ_FACTS).
synonyms: print data/nlu/synonyms.yml as the registry makes it; --write writes it, --check exits 1
when the file in the repository differs.
model-input: print the parts of the registry the trained model depends on (everything but the text
patterns and their word lists, which only the action server reads), for scripts/train.sh's fingerprint.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from bot.facts_registry import registry
from bot.facts_registry.synonyms import SYNONYMS_FILE, synonyms_yaml

# Read only by bot/dialogue/patterns.py in the action server: editing them needs no new model.
ACTION_SERVER_ONLY = ("words", "text_patterns")


def model_input(path: Path) -> str:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    kept = {key: value for key, value in raw.items() if key not in ACTION_SERVER_ONLY}
    return yaml.safe_dump(kept, allow_unicode=True, sort_keys=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.facts_registry")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="validate the registry")
    commands.add_parser("model-input", help="the registry without what only the action server reads")
    synonyms = commands.add_parser("synonyms", help="generate data/nlu/synonyms.yml")
    mode = synonyms.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true")
    mode.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    loaded = registry()
    if args.command == "check":
        print(f"{loaded.path}: {len(loaded.facts)} facts, {len(loaded.text_patterns)} text patterns")
        return 0
    if args.command == "model-input":
        sys.stdout.write(model_input(loaded.path))
        return 0
    text = synonyms_yaml(loaded)
    if args.write:
        SYNONYMS_FILE.write_text(text, encoding="utf-8")
    elif args.check:
        if SYNONYMS_FILE.read_text(encoding="utf-8") != text:
            print(f"{SYNONYMS_FILE} is not current: run python -m bot.facts_registry synonyms --write")
            return 1
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
