"""Skip rendering a page whose inputs are what they were at the previous build.

`PageMemo.render(path, inputs, fn, *args)` renders `fn(*args)` unless the previous build
rendered `path` from the same `inputs`; then it returns `SAME`: the file docs/ already holds is
that page (the build only passes digests of files it found unchanged in docs/). `inputs` is a
small tuple of strings naming everything the page is made from; a briefing is named by
`memo.key(briefing)`, its cache key (a digest of its article, the extraction code and the
settings), so naming an actor page's inputs costs a key per briefing, not a copy of them.
briefgen's own code is not in the digest: the build keeps the digests in a state that any change
of briefgen discards (briefgen.state).
"""
from __future__ import annotations

import hashlib
from collections.abc import Callable

from ..model import Briefing


class _Same:
    def __repr__(self) -> str:
        return "SAME"


SAME = _Same()  # "unchanged: keep the file docs/ holds"


class PageMemo:
    def __init__(self, previous: dict[str, str], briefing_keys: dict[int, str]) -> None:
        """`previous`: path -> digest of the pages the previous build rendered that docs/ still
        holds unchanged; `briefing_keys`: id(briefing) -> its cache key, for every briefing."""
        self.previous = previous
        self.briefing_keys = briefing_keys
        self.current: dict[str, str] = {}  # path -> digest, for the next build
        self.reused = 0

    def key(self, b: Briefing) -> str:
        return self.briefing_keys[id(b)]

    def render(self, path: str, inputs: tuple, fn: Callable[..., str], *args):
        digest = hashlib.blake2b(repr(inputs).encode("utf-8"), digest_size=16).hexdigest()
        self.current[path] = digest
        if self.previous.get(path) == digest:
            self.reused += 1
            return SAME
        return fn(*args)


class NoMemo:
    """Renders every page (`render_site` without a previous build)."""

    reused = 0

    @staticmethod
    def key(b: Briefing) -> str:
        return ""

    @staticmethod
    def render(path: str, inputs: tuple, fn: Callable[..., str], *args) -> str:
        return fn(*args)
