"""Moves the clock of every Python process started by the tests under `pytest --clock=DAY`.

`tests/conftest.py` puts this directory on PYTHONPATH and sets DROGOWSKAZ_TEST_CLOCK_SHIFT (seconds
from the real clock to 09:00 UTC that day), so the retention command, the servers and the loader a
test starts live on the same day, and the same minute, as the test.
"""

import os
import time
from typing import Callable


def move_clock(shift: float, read_clock: Callable[[], float] = time.time) -> None:
    """From now on this process's clock reads the real time plus `shift`, ticking.

    `read_clock` is the reading the destination is computed from (a test makes it late)."""
    import time_machine

    traveller = time_machine.travel(read_clock() + shift, tick=True).start()
    # A ticking travel starts ticking at the first reading of the clock, not at start(): a server that
    # first reads it a second after starting would lag a second behind the test that started it (an
    # expired code still valid). Read it now, then take out the moment between computing the destination
    # and that first reading (a process descheduled there, on a busy machine, lagged milliseconds behind
    # the test: again an expired code still valid), so every process keeps real time plus the shift.
    time.time()
    traveller.shift(time_machine.escape_hatch.time.time() + shift - time.time())


_shift = os.environ.get("DROGOWSKAZ_TEST_CLOCK_SHIFT")
if _shift:
    move_clock(float(_shift))
