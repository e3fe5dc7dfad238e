"""Related briefings: others that share key actors, most shared first, then nearest in time.

An actor found in a large part of the archive (a head of government, a city council) would make
every briefing a candidate of every other; so per shared actor only the `CANDIDATES` briefings
next to it in time are considered, which keeps the cost linear in the archive size.
"""
from __future__ import annotations

import bisect
from collections import defaultdict

from ..model import Briefing

KEY_ACTORS = 6
RELATED = 5
CANDIDATES = 20  # per shared actor, the briefings next in time (half before, half after) considered


def key_actor_slugs(b: Briefing) -> list[str]:
    return list(dict.fromkeys(a.slug for a in b.actors[:KEY_ACTORS]))


def _order(b: Briefing) -> tuple[int, str]:
    return (b.date.toordinal() if b.date else 10**7, b.slug)  # undated ones after every date


def neighbours(group: list[tuple[tuple[int, str], Briefing]], b: Briefing, n: int,
               where: tuple[int, str] | None = None) -> list[Briefing]:
    """Up to `n` briefings of `group` (sorted by date, slug) next to `b` in time, `b` excluded;
    `where` is `b`'s place in that order when the caller has it."""
    i = bisect.bisect_left(group, where or _order(b), key=lambda entry: entry[0])
    half = n // 2
    lo = max(0, min(i - half, len(group) - n - 1))
    return [other for _, other in group[lo:lo + n + 1] if other is not b][:n]


def related_briefings(briefings: list[Briefing], limit: int = RELATED) -> dict[str, list[tuple[Briefing, list[str]]]]:
    """briefing slug -> [(other briefing, names of the shared key actors)], best first."""
    keys = {b.slug: key_actor_slugs(b) for b in briefings}
    where = {b.slug: _order(b) for b in briefings}
    by_actor: dict[str, list[tuple[tuple[int, str], Briefing]]] = defaultdict(list)
    for b in briefings:
        for slug in keys[b.slug]:
            by_actor[slug].append((where[b.slug], b))
    for group in by_actor.values():
        group.sort(key=lambda entry: entry[0])
    sets = {slug: set(k) for slug, k in keys.items()}
    out: dict[str, list[tuple[Briefing, list[str]]]] = {}
    for b in briefings:
        names = {a.slug: a.name for a in b.actors[:KEY_ACTORS]}
        others = {other.slug: other for slug in keys[b.slug]
                  for other in neighbours(by_actor[slug], b, CANDIDATES, where[b.slug])}
        # every key actor a candidate shares (in b's order), also those it was not found through
        shared = {s: [name for slug, name in names.items() if slug in sets[s]] for s in others}

        def rank(slug: str) -> tuple:
            other = others[slug]
            gap = abs((other.date - b.date).days) if other.date and b.date else 10**6
            return (-len(shared[slug]), gap, slug)

        out[b.slug] = [(others[s], shared[s]) for s in sorted(shared, key=rank)[:limit]]
    return out
