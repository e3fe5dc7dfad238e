"""Related briefings: others that share key actors, most shared first, then nearest in time.

An actor found in a large part of the archive (a head of government, a city council) would make
every briefing a candidate of every other; so per shared actor only the `CANDIDATES` briefings
nearest in time are considered, which keeps the cost linear in the archive size.
"""
from __future__ import annotations

import bisect
from collections import defaultdict

from ..model import Briefing

KEY_ACTORS = 6
RELATED = 5
CANDIDATES = 50  # per shared actor, the briefings nearest in time that are considered


def key_actor_slugs(b: Briefing) -> list[str]:
    return list(dict.fromkeys(a.slug for a in b.actors[:KEY_ACTORS]))


def _day(b: Briefing) -> int:
    return b.date.toordinal() if b.date else 10**7  # undated ones sort after every date


def nearest(group: list[tuple[int, str, Briefing]], b: Briefing, n: int) -> list[Briefing]:
    """The `n` briefings of `group` (sorted by day, slug) nearest in time to `b`, `b` excluded."""
    i = bisect.bisect_left(group, (_day(b), b.slug))
    lo, hi, out = i - 1, i, []
    while len(out) < n and (lo >= 0 or hi < len(group)):
        if hi < len(group) and (lo < 0 or group[hi][0] - _day(b) <= _day(b) - group[lo][0]):
            candidate, hi = group[hi][2], hi + 1
        else:
            candidate, lo = group[lo][2], lo - 1
        if candidate.slug != b.slug:
            out.append(candidate)
    return out


def related_briefings(briefings: list[Briefing], limit: int = RELATED) -> dict[str, list[tuple[Briefing, list[str]]]]:
    """briefing slug -> [(other briefing, names of the shared key actors)], best first."""
    by_actor: dict[str, list[tuple[int, str, Briefing]]] = defaultdict(list)
    for b in briefings:
        for slug in key_actor_slugs(b):
            by_actor[slug].append((_day(b), b.slug, b))
    for group in by_actor.values():
        group.sort(key=lambda entry: entry[:2])
    out: dict[str, list[tuple[Briefing, list[str]]]] = {}
    for b in briefings:
        names = {a.slug: a.name for a in b.actors[:KEY_ACTORS]}
        others = {other.slug: other for slug in key_actor_slugs(b)
                  for other in nearest(by_actor[slug], b, CANDIDATES)}
        # every key actor a candidate shares (in b's order), also those it was not found through
        shared = {}
        for s, other in others.items():
            theirs = set(key_actor_slugs(other))
            shared[s] = [name for slug, name in names.items() if slug in theirs]

        def rank(slug: str) -> tuple:
            other = others[slug]
            gap = abs((other.date - b.date).days) if other.date and b.date else 10**6
            return (-len(shared[slug]), gap, slug)

        out[b.slug] = [(others[s], shared[s]) for s in sorted(shared, key=rank)[:limit]]
    return out
