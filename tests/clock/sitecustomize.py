"""Moves the clock of every Python process started by the tests under `pytest --clock=DAY`.

`tests/conftest.py` puts this directory on PYTHONPATH and sets DROGOWSKAZ_TEST_CLOCK_SHIFT (seconds
from the real clock to 09:00 UTC that day), so the retention command, the servers and the loader a
test starts live on the same day, and the same minute, as the test.
"""

import os

_shift = os.environ.get("DROGOWSKAZ_TEST_CLOCK_SHIFT")
if _shift:
    import time

    import time_machine

    time_machine.travel(time.time() + float(_shift), tick=True).start()
