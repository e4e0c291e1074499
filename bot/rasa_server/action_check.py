"""Check the action server's answers with one JSON-schema validator, built once per process.

Rasa 3.6 checks every answer of the action server with `jsonschema.validate`, which first checks
Rasa's response schema against the JSON-schema metaschema and builds a new validator, on every
call (about three a turn here): more than half of the Rasa server's CPU under load
(docs/benchmarks.md, "Load"). `install()` wraps `RemoteAction._validate_action_result` so that a
valid answer is checked by a validator made once from the same schema; an invalid one still goes
to Rasa's own method, so the error raised and its message are Rasa's.

Installed by `python -m bot.rasa_server run` (bot/rasa_server/extensions.py).
"""

from __future__ import annotations

import functools
from typing import Any, Callable, Dict

from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction

WRITTEN_FOR_RASA = "3.6.21"  # wraps the private RemoteAction._validate_action_result


@functools.lru_cache(maxsize=1)
def response_validator() -> Any:
    spec = RemoteAction.action_response_format_spec()
    cls = validator_for(spec)
    cls.check_schema(spec)
    return cls(spec)


def checked_once(
    original: Callable[[RemoteAction, Dict[str, Any]], bool],
) -> Callable[[RemoteAction, Dict[str, Any]], bool]:
    @functools.wraps(original)
    def validate(self: RemoteAction, result: Dict[str, Any]) -> bool:
        if response_validator().is_valid(result):
            return True
        return original(self, result)  # raises Rasa's ValidationError with Rasa's message

    validate.drogowskaz_checked_once = True  # type: ignore[attr-defined]
    return validate


def installed() -> bool:
    return getattr(RemoteAction._validate_action_result, "drogowskaz_checked_once", False)


def install() -> None:
    """Wrap RemoteAction._validate_action_result once per process (idempotent)."""
    if not installed():
        RemoteAction._validate_action_result = checked_once(RemoteAction._validate_action_result)  # type: ignore[method-assign]
