"""Which pages a change of briefings can reach, so that the others are not even looked at.

Between two builds some briefings were added and some removed (an edited article is both: its
key changes). A page's inputs are made of the keys of its group (render.site), so only groups
holding one of those keys can change, and from them:

- an actor's page and the timeline pages: the groups the changed briefings are in;
- a briefing's page, JSON and briefings.json entry: the changed briefings; those naming an actor
  whose place moved (a second briefing gives it a page of its own, a list is split anew); and
  those whose related briefings may differ: a briefing's candidates are the CANDIDATES next to
  it in time per key actor (related.windows), so only those within that distance of a changed
  briefing, in the group of a key actor it shares with it.

Everything else is the same as the memo remembers it. Pages that list every actor kind or
month are cheap and always rendered from their inputs.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..model import Briefing
from .actors import ActorPlaces, actor_target
from . import related
from .related import key_actor_slugs, order
from .timeline import timeline_rows


@dataclass
class Change:
    """What differs from the build the memo remembers: the keys added and the briefings removed."""

    added: set[str] = field(default_factory=set)
    removed: dict[str, Briefing] = field(default_factory=dict)


@dataclass
class Scope:
    actors: set[str]  # slugs whose page may change
    briefings: set[str]  # keys whose page, JSON and index entry may change
    timeline: set[str]  # timeline pages that may change


def reach(site, change: Change, places: ActorPlaces, before: ActorPlaces) -> Scope:
    """The pages of `site` (a render.site.Site, its groups sorted) that `change` can reach;
    `places` and `before`: where actors are shown now and at the previous build."""
    changed = [site.briefings[k] for k in change.added] + list(change.removed.values())
    actors = {a.slug for b in changed for a in b.actors}
    # an actor's place can move only if it gained or lost a page, or its list page changed
    maybe = (places.paged ^ before.paged) | {slug for slug in places.lists.keys() | before.lists.keys()
                                             if places.lists.get(slug) != before.lists.get(slug)}
    moved = {slug for slug in maybe & site.kinds.keys()
             if actor_target(slug, site.kinds[slug], places) != actor_target(slug, site.kinds[slug], before)}
    briefings = set(change.added) | {k for slug in moved for k in site.actors.get(slug, ())}
    for b in changed:
        where = (order(b),)
        for slug in key_actor_slugs(b):
            group = site.key_actors.get(slug, [])
            i = bisect.bisect_left(group, where)  # where b is, or was
            reach = related.CANDIDATES + 2  # a window of a briefing this near can hold b, or shift
            briefings.update(key for _, key in group[max(0, i - reach):i + reach + 1])
    timeline = {page for k in change.added for page in site.rows[k]}
    timeline |= {page for b in change.removed.values() for page in timeline_rows(b)}
    return Scope(actors, briefings & site.cards.keys(), timeline)
