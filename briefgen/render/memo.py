"""Skip work whose inputs are what they were at the previous build.

`PageMemo.render(path, inputs, fn, *args)` renders `fn(*args)` unless the previous build
rendered `path` from the same `inputs`; then it returns `SAME`: the file docs/ already holds is
that page (the build only passes the inputs of files it found unchanged in docs/).
`PageMemo.value(name, inputs, fn, *args)` does the same for a value the build keeps in its
state (a page's list of related briefings, a month's part of timeline.json): the previous value
when the inputs are the same, else `fn(*args)`.

`inputs` is a tuple of strings (and other values that compare by value) naming everything the
result is made from; a briefing is named by its key (a digest of its article, the extraction
code and the settings), so naming an actor page's inputs costs a key per briefing, not a copy of
them. The memo keeps the inputs themselves and compares them with `==`: the keys of this build
and of the previous one are mostly the same string objects (one pickled state), so comparing is
cheaper than hashing. briefgen's own code is not in the inputs: the build keeps them in a state
that any change of briefgen discards (briefgen.state). An empty memo (`PageMemo()`) renders and
computes everything.
"""
from __future__ import annotations

from collections.abc import Callable


class _Same:
    def __repr__(self) -> str:
        return "SAME"


SAME = _Same()  # "unchanged: keep the file docs/ holds"


class PageMemo:
    def __init__(self, pages: dict[str, tuple] | None = None,
                 values: dict[str, tuple[tuple, object]] | None = None) -> None:
        """`pages`: path -> inputs of the pages the previous build rendered that docs/ still holds
        unchanged; `values`: name -> (inputs, value) as the previous build left them."""
        self.previous = pages or {}
        self.previous_values = values or {}
        self.current: dict[str, tuple] = {}  # path -> inputs, for the next build
        self.values: dict[str, tuple[tuple, object]] = {}  # name -> (inputs, value), for the next build
        self.reused = 0  # pages not rendered again

    def render(self, path: str, inputs: tuple, fn: Callable[..., str], *args):
        self.current[path] = inputs
        if self.previous.get(path) == inputs:
            self.reused += 1
            return SAME
        return fn(*args)

    def keep(self, pages: tuple[str, ...] = (), values: tuple[str, ...] = ()) -> bool:
        """Keep `pages` (paths) and `values` (names) as the previous build left them, without
        looking at their inputs: for what the caller knows is unchanged (render.scope). False,
        and nothing kept, unless every page is in docs/ as recorded and every value is known."""
        if not (all(p in self.previous for p in pages) and all(v in self.previous_values for v in values)):
            return False
        for path in pages:
            self.current[path] = self.previous[path]
        for name in values:
            self.values[name] = self.previous_values[name]
        self.reused += len(pages)
        return True

    def keep_groups(self, groups: dict) -> set:
        """`keep(pages, values)` for each group (key -> (pages, values)); -> the keys of the groups
        kept. All at once, in C loops, when every page and value is known (as after most
        builds: this is what a build does for each page a change cannot reach); else group by group."""
        pages = [p for ps, _ in groups.values() for p in ps]
        values = [v for _, vs in groups.values() for v in vs]
        if all(map(self.previous.__contains__, pages)) and all(map(self.previous_values.__contains__, values)):
            self.current.update(zip(pages, map(self.previous.__getitem__, pages)))
            self.values.update(zip(values, map(self.previous_values.__getitem__, values)))
            self.reused += len(pages)
            return set(groups)
        return {key for key, (ps, vs) in groups.items() if self.keep(ps, vs)}

    def replace(self, name: str, inputs: tuple, value: object):
        """Record `value` for the next build; -> the value the previous build recorded with the
        same inputs, or None."""
        old = self.previous_values.get(name)
        self.values[name] = (inputs, value)
        return old[1] if old is not None and old[0] == inputs else None

    def earlier(self, name: str) -> tuple[tuple, object] | None:
        """What the previous build recorded for `name`, (inputs, value), whatever its inputs:
        for a value that can be made from an older one (a timeline page's Merge)."""
        return self.previous_values.get(name)

    def value(self, name: str, inputs: tuple, fn: Callable[..., object], *args):
        old = self.previous_values.get(name)
        value = old[1] if old is not None and old[0] == inputs else fn(*args)
        self.values[name] = (inputs, value)
        return value
