"""`rasa data validate --fail-on-warnings`, failing on every warning (the first step of `make test`).

Rasa 3.6 prints a warning for a response that no story or rule uses and for an intent with no
training example, yet exits 0 even with --fail-on-warnings: its validator folds those warnings in
as `ignore_warnings or everything_is_alright` (RasaHQ/rasa#11843, open). This runs Rasa's own
command and exits 1 when Rasa warned about anything but the two things its validator cannot see:

- a response that a custom action sends by name (`dispatcher.utter_message(response="utter_…")`):
  Rasa looks only at stories and rules; a response that no story, rule or Python code of the
  action server or the Rasa server names is still reported;
- an intent that the crisis detector sets (`crisis_*`): DIET never learns them, so they have no NLU
  examples by design (data/safety/README.md).

Usage: python -m scripts.validate_rasa_data [arguments of `rasa data validate`]
"""

from __future__ import annotations

import ast
import os
import re
import sys
import warnings
from pathlib import Path
from typing import Iterable, List, Optional, Set

from bot.language import DETECTOR_INTENTS
from bot.nlp.safety.classifier import INTENT_PREFIX

ROOT = Path(__file__).resolve().parent.parent
# The Python code that sends responses by name: the action server and the Rasa server's extensions.
CODE_DIRS = ("actions", "bot")

UNUSED_RESPONSE = re.compile(r"The utterance '(?P<name>[^']+)' is not used in any story or rule\.")
UNTRAINED_INTENT = re.compile(
    r"The intent '(?P<name>[^']+)' is listed in the domain file, but is not found in the NLU training data\."
)


def string_literals(paths: Iterable[Path]) -> Set[str]:
    """Every string constant in these Python files."""
    found: Set[str] = set()
    for path in paths:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found.update(n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str))
    return found


def names_in_code(root: Path = ROOT) -> Set[str]:
    return string_literals(p for d in CODE_DIRS for p in sorted((root / d).rglob("*.py")))


def is_expected(message: str, code_names: Set[str]) -> bool:
    """Whether a warning of Rasa's validator is one it gives only because it cannot see our code."""
    unused = UNUSED_RESPONSE.fullmatch(message)
    if unused:
        return unused["name"] in code_names
    untrained = UNTRAINED_INTENT.fullmatch(message)
    return bool(untrained) and (untrained["name"].startswith(INTENT_PREFIX) or untrained["name"] in DETECTOR_INTENTS)


def validate(args: List[str], code_names: Set[str]) -> int:
    """Run `rasa data validate --fail-on-warnings ARGS`; 1 when it failed or warned unexpectedly."""
    from rasa.__main__ import main as rasa_main
    from rasa.shared.utils import io as rasa_io

    expected: List[str] = []
    unexpected: List[str] = []
    show = warnings.showwarning

    def sort_warning(message, category, filename, lineno, file=None, line=None) -> None:
        if filename == rasa_io.__file__ and is_expected(str(message), code_names):
            expected.append(str(message))
            return
        if filename == rasa_io.__file__:
            unexpected.append(str(message))
        show(message, category, filename, lineno, file, line)

    argv = sys.argv
    sys.argv = ["rasa", "data", "validate", "--fail-on-warnings", *args]
    warnings.showwarning = sort_warning
    try:
        rasa_main()
        status = 0
    except SystemExit as stop:
        status = stop.code if isinstance(stop.code, int) else 1
    finally:
        warnings.showwarning = show
        sys.argv = argv
    if expected:
        print(f"Not counted ({len(expected)}): responses sent by custom actions, intents set by the crisis detector.")
    if unexpected:
        print(f"Rasa's validator warned {len(unexpected)} time(s): fix every warning above.", file=sys.stderr)
        return 1
    return status


def main(argv: Optional[List[str]] = None) -> int:
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    return validate(sys.argv[1:] if argv is None else argv, names_in_code())


if __name__ == "__main__":
    sys.exit(main())
