"""HanTa's tagger models, loaded once per process and shared by every component that needs one.

Loading is most of a fresh worker's start, so it is done faster than HanTa does it, with the same
model object as a result:
- the garbage collector is paused while the pickle is read: the model is a million small
  containers, and each collection pass during the load walks all those already made;
- HanTa's `reachable` (for each final state, the states that can lead to it) is computed by
  a backward walk over a predecessor table instead of HanTa's scan of every connection for
  every state (quadratic); the sets are the same (`reachable_states`).
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from ..gcpause import paused as gc_paused

GERMAN = "morphmodel_ger.pgz"
ENGLISH = "morphmodel_en.pgz"


def reachable_states(lp_trans: dict, tags) -> dict[int, frozenset]:
    """For each final state (a negative tag number) the set of states from which a chain of
    transitions leads to it: what HanTa's `HanoverTagger.reachable` computes."""
    preds: dict[int, set] = defaultdict(set)
    for (_, c), followers in lp_trans.items():
        for f in followers:
            preds[f].add(c)
    out = {}
    for c in tags:
        if c >= 0:
            continue
        seen = set(preds.get(c, ()))
        todo = list(seen)
        while todo:
            for a in preds.get(todo.pop(), ()):
                if a not in seen:
                    seen.add(a)
                    todo.append(a)
        out[c] = frozenset(seen)
    return out


@lru_cache(maxsize=None)
def model(name: str = GERMAN):
    """The HanoverTagger for a model file shipped with HanTa (GERMAN or ENGLISH)."""
    with gc_paused():
        return _tagger_class()(name)


@lru_cache(maxsize=None)
def _tagger_class():
    from HanTa import HanoverTagger as ht

    class Tagger(ht.HanoverTagger):
        """HanTa's tagger with its reachability table computed by `reachable_states`."""

        def reachable(self):
            self.reachability = reachable_states(self.LP_trans, self.int2tag.keys())

    return Tagger
