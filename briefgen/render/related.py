"""Related briefings: others that share key actors, most shared first, then nearest in time.

An actor found in a large part of the archive (a head of government, a city council) would make
every briefing a candidate of every other; so per shared actor only the `CANDIDATES` briefings
next to it in time are considered (its *windows*), which keeps the cost linear in the archive
size, and a briefing's related list changes only when one of its windows does.
"""
from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from ..model import Briefing

KEY_ACTORS = 6
RELATED = 5
CANDIDATES = 20  # per shared actor, the briefings next in time (half before, half after) considered

Group = list[tuple[tuple[int, str], str]]  # [(order, briefing key)] of one key actor, in order


def key_actor_slugs(b: Briefing) -> list[str]:
    return list(dict.fromkeys(a.slug for a in b.actors[:KEY_ACTORS]))


def order(b: Briefing) -> tuple[int, str]:
    return (b.date.toordinal() if b.date else 10**7, b.slug)  # undated ones after every date


def key_actor_groups(briefings: Iterable[tuple[str, Briefing]]) -> dict[str, Group]:
    """Key actor slug -> the (order, key) of the briefings it is a key actor of, in time order."""
    groups: dict[str, Group] = defaultdict(list)
    for key, b in briefings:
        where = order(b)
        for slug in key_actor_slugs(b):
            groups[slug].append((where, key))
    for group in groups.values():
        group.sort()
    return groups


def window(group: list, i: int, n: int) -> list:
    """Up to `n` entries of `group` next to its entry `i` (left out): half before, half after,
    more on one side at either end."""
    lo = max(0, min(i - n // 2, len(group) - n - 1))
    return group[lo:i] + group[i + 1:lo + n + 1]


def windows(groups: dict[str, Group], b: Briefing, n: int | None = None) -> list[list[str]]:
    """The keys of the briefings next to `b` in time, per key actor of `b` (in `groups`)."""
    where, n = (order(b),), CANDIDATES if n is None else n
    out = []
    for slug in key_actor_slugs(b):
        group = groups[slug]
        out.append([key for _, key in window(group, bisect.bisect_left(group, where), n)])
    return out


class Candidate(NamedTuple):
    """What `related_to` compares of another briefing (render.site.Card has the same fields)."""

    slug: str
    date: dt.date | None
    key_actors: tuple[str, ...]


def candidate(b: Briefing) -> Candidate:
    return Candidate(b.slug, b.date, tuple(key_actor_slugs(b)))


def related_to(b: Briefing, candidates: dict[str, Candidate], limit: int = RELATED) -> list[tuple[str, list[str]]]:
    """[(key of another briefing, names of the key actors it shares with `b`)], best first."""
    names = {a.slug: a.name for a in b.actors[:KEY_ACTORS]}
    # every key actor a candidate shares (in b's order), also those it was not found through
    shared = {}
    for key, other in candidates.items():
        theirs = set(other.key_actors)
        shared[key] = [name for slug, name in names.items() if slug in theirs]

    def rank(key: str) -> tuple:
        other = candidates[key]
        gap = abs((other.date - b.date).days) if other.date and b.date else 10**6
        return (-len(shared[key]), gap, other.slug)

    return [(key, shared[key]) for key in sorted(shared, key=rank)[:limit]]


def related_briefings(briefings: list[Briefing], limit: int = RELATED) -> dict[str, list[tuple[Briefing, list[str]]]]:
    """briefing slug -> [(other briefing, names of the shared key actors)], best first."""
    by_slug = {b.slug: b for b in briefings}
    groups = key_actor_groups(by_slug.items())
    out = {}
    for b in briefings:
        candidates = {slug: candidate(by_slug[slug]) for keys in windows(groups, b) for slug in keys}
        out[b.slug] = [(by_slug[slug], names) for slug, names in related_to(b, candidates, limit)]
    return out
