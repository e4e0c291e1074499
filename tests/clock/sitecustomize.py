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
    # A ticking travel starts ticking at the first reading of the clock, not at start(): a server that
    # first reads it a second after starting would lag a second behind the test that started it (an
    # expired code still valid). Read it now, so every process keeps the same time.
    time.time()
