"""The cycle collector paused over bursts of allocation that make no garbage cycles."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Collection off inside, back as it was after (a caller that paused it keeps it paused)."""
    # Every 700 net allocations start a collection; loading the catalog (some 11,000 objects),
    # importing the command tree or solving a plan would run hundreds of them for nothing.
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
