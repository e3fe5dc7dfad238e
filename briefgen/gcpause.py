"""`paused()`: no garbage collection inside a block.

Loading a pickled state, filing a thousand briefings or unpickling a HanTa model makes hundreds
of thousands of container objects and frees almost none of them; the collector then runs again
and again over an ever larger heap without finding garbage. Pausing it there halves those
steps. Not for blocks that run the NLP pipeline, whose documents do leave cycles behind.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused():
    """No collection inside the block; the collector's state is restored after it, also on error."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
