"""`paused()`: no garbage collection inside a block.

Loading a pickled state, filing a thousand briefings or unpickling a HanTa model makes hundreds
of thousands of container objects and frees almost none of them; the collector then runs again
and again over an ever larger heap without finding garbage. Pausing it there halves those
steps. Not for blocks that run the NLP pipeline, whose documents do leave cycles behind.

`paused(freeze=True)` also hands what exists at the end of the block to `gc.freeze`: the build's
state and filed briefings live until the build ends, and collections between its steps (while
the NLP runs, say) would otherwise walk all of them again; the build's `frozen_while()` block
gives them back to the collector (`gc.unfreeze`) when it ends.
"""
from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def paused(*, freeze: bool = False):
    """No collection inside the block; the collector's state is restored after it, also on
    error. `freeze`: what exists then is kept out of later collections (inside `frozen_while`)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if freeze:
            gc.freeze()
        if was_enabled:
            gc.enable()


@contextmanager
def frozen_while():
    """Objects frozen inside the block (`paused(freeze=True)`) are the collector's again after
    it; unless the process had frozen objects before, which stay frozen then, with these."""
    had_frozen = gc.get_freeze_count() > 0
    try:
        yield
    finally:
        if not had_frozen:
            gc.unfreeze()
