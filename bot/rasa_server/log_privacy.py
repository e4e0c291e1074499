"""Keep what people write out of the Rasa server's log unless it runs at DEBUG level.

Rasa 3.6 logs some events through structlog with the message text as a field, at ERROR level,
e.g. `rest.message.received.failure` with `text=` whenever handling a message fails (a database
or lock store down, a component raising), and `event.deserialization.failed` with the event.
Rasa itself redacts such fields only through Rasa Pro's anonymization plugin. `install()` puts a
processor in front of Rasa's structlog chain that replaces them with "[redacted]", and renders
exceptions as a plain traceback: Rasa's JSON rendering of tracebacks (and the console's) shows every
frame's local variables, the text of the message among them. At DEBUG level (someone debugging on
purpose, where Rasa logs every message anyway) everything stays as Rasa has it.

Rasa also wraps every tracker store in a fail-safe one that logs a failed read or write with the
database error's text (standard logging, at ERROR level), and SQLAlchemy puts the statement's
parameters in that text: the sender id and, for an INSERT, the event with the message.
`hide_sql_parameters()` makes every SQLTrackerStore, Rasa's own as well as ours, leave them out.

Installed by `python -m bot.rasa_server run` (bot/rasa_server/extensions.py) right after Rasa's CLI
has configured structlog.
"""

from __future__ import annotations

import functools
import logging
import sys
import traceback
from typing import Any, Callable, MutableMapping

import structlog
from rasa.core.tracker_store import SQLTrackerStore

WRITTEN_FOR_RASA = "3.6.21"  # Rasa's structlog chain, the names of its log fields, SQLTrackerStore.engine
REDACTED = "[redacted]"
# The fields Rasa's own anonymizer treats as personal (rasa.utils.log_utils._anonymizer).
CONTENT_KEYS = frozenset(
    {
        "text",
        "response_text",
        "user_text",
        "slot_values",
        "parse_data_text",
        "parse_data_entities",
        "prediction_events",
        "tracker_latest_message",
        "prefilled_slots",
        "message",
        "response",
        "slot_candidates",
        "rasa_event",
        "rasa_events",
        "tracker_states",
        "current_states",
        "old_states",
        "successes",
        "current_entity",
        "next_entity",
        "states",
        "entity",
        "token_text",
        "user_message",
        "json_message",
    }
)


def redact_content(_: Any, method_name: str, event_dict: MutableMapping[str, Any]) -> MutableMapping[str, Any]:
    """structlog processor: blank the personal fields and drop traceback locals unless at DEBUG."""
    if logging.getLogger("rasa").isEnabledFor(logging.DEBUG):
        return event_dict
    for key in CONTENT_KEYS.intersection(event_dict):
        event_dict[key] = REDACTED
    exc_info = event_dict.get("exc_info", method_name == "exception")
    if exc_info:
        if isinstance(exc_info, BaseException):
            exc_info = (type(exc_info), exc_info, exc_info.__traceback__)
        elif not isinstance(exc_info, tuple):
            exc_info = sys.exc_info()
        if exc_info[0] is not None:
            event_dict["exception"] = "".join(traceback.format_exception(*exc_info))
        event_dict["exc_info"] = False  # rendered: the later processors leave it alone
    return event_dict


def install() -> None:
    """Put `redact_content` first in structlog's processors (idempotent).

    The list is changed in place: Rasa's loggers that were already used share it (structlog
    23, pinned in requirements/runtime.lock), so they are covered too; tests/test_log_privacy.py checks it.
    """
    processors = structlog.get_config()["processors"]
    if redact_content not in processors:
        processors.insert(0, redact_content)


def without_sql_parameters(init: Callable[..., None]) -> Callable[..., None]:
    @functools.wraps(init)
    def wrapped(self: SQLTrackerStore, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        self.engine.hide_parameters = True

    wrapped.drogowskaz_hide_parameters = True  # type: ignore[attr-defined]
    return wrapped


def sql_parameters_hidden() -> bool:
    return getattr(SQLTrackerStore.__init__, "drogowskaz_hide_parameters", False)


def hide_sql_parameters() -> None:
    """Wrap SQLTrackerStore.__init__ once per process (idempotent): its engine hides SQL parameters."""
    if not sql_parameters_hidden():
        SQLTrackerStore.__init__ = without_sql_parameters(SQLTrackerStore.__init__)  # type: ignore[method-assign]
