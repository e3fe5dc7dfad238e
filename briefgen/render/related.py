"""Related briefings: others that share key actors, most shared first, then nearest in time."""
from __future__ import annotations

from collections import defaultdict

from ..model import Briefing

KEY_ACTORS = 6
RELATED = 5


def key_actor_slugs(b: Briefing) -> list[str]:
    return list(dict.fromkeys(a.slug for a in b.actors[:KEY_ACTORS]))


def related_briefings(briefings: list[Briefing], limit: int = RELATED) -> dict[str, list[tuple[Briefing, list[str]]]]:
    """briefing slug -> [(other briefing, names of the shared key actors)], best first."""
    by_actor: dict[str, list[Briefing]] = defaultdict(list)
    for b in briefings:
        for slug in key_actor_slugs(b):
            by_actor[slug].append(b)
    out: dict[str, list[tuple[Briefing, list[str]]]] = {}
    for b in briefings:
        names = {a.slug: a.name for a in b.actors[:KEY_ACTORS]}
        shared: dict[str, list[str]] = defaultdict(list)
        others: dict[str, Briefing] = {}
        for slug in key_actor_slugs(b):
            for other in by_actor[slug]:
                if other.slug != b.slug:
                    shared[other.slug].append(names[slug])
                    others[other.slug] = other

        def rank(slug: str) -> tuple:
            other = others[slug]
            gap = abs((other.date - b.date).days) if other.date and b.date else 10**6
            return (-len(shared[slug]), gap, slug)

        out[b.slug] = [(others[s], shared[s]) for s in sorted(shared, key=rank)[:limit]]
    return out
