"""Pausing Python's cyclic garbage collector while a stage builds many long-lived objects.

Loading, checking and graphing a large inventory allocates millions of objects that all stay alive.
Each allocation burst triggers a collection that scans every live object again, so with the collector
running, time grew faster than the inventory: at 100,000 fields about half of ``validate`` went to it.
These stages make no reference cycles worth collecting, so the collector is paused while they run and
resumed (if it was running) when they return. Reference counting still frees everything as usual.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused_gc():
    """Context manager and decorator: no cyclic collection inside; nesting is fine."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
