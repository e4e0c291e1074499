"""Moves the clock of every Python process started by the tests under `pytest --clock=DAY`.

`tests/conftest.py` puts this directory on PYTHONPATH and sets DROGOWSKAZ_TEST_CLOCK, so the
retention command, the servers and the loader a test starts live on the same day as the test.
"""

import os

_day = os.environ.get("DROGOWSKAZ_TEST_CLOCK")
if _day:
    from datetime import datetime, timezone

    import time_machine

    time_machine.travel(datetime.fromisoformat(_day).replace(hour=9, tzinfo=timezone.utc), tick=True).start()
