"""Related briefings at archive scale: only the briefings nearest in time per shared actor."""
from __future__ import annotations

import datetime as dt

from briefgen.model import Actor, Briefing
from briefgen.render import related
from briefgen.render.related import related_briefings, window

COUNCIL = Actor("Stadtrat Lindenau", "organization")
MAYOR = Actor("Petra Holm", "person")


def daily(n: int, *actors_of) -> list[Briefing]:
    start = dt.date(2024, 1, 1)
    return [Briefing(slug=f"b{i:04d}", title=f"Sitzung {i}", date=start + dt.timedelta(days=i), language="de",
                     summary="", actors=tuple(actors_of[0](i))) for i in range(n)]


def test_a_window_is_the_entries_next_in_time_without_the_entry_itself():
    group = list(range(10))
    assert window(group, 5, 4) == [3, 4, 6, 7]
    assert window(group, 0, 3) == [1, 2, 3]
    assert window(group, 9, 2) == [7, 8]
    assert window(group, 8, 4) == [5, 6, 7, 9]
    assert window(group, 5, 100) == [0, 1, 2, 3, 4, 6, 7, 8, 9]


def test_an_actor_in_every_briefing_gives_each_its_nearest_neighbours(monkeypatch):
    monkeypatch.setattr(related, "CANDIDATES", 6)
    briefings = daily(200, lambda i: [COUNCIL] + ([MAYOR] if i in (20, 150) else []))
    rel = related_briefings(briefings)
    assert [b.slug for b, _ in rel["b0100"]] == ["b0099", "b0101", "b0098", "b0102", "b0097"]
    # b0150 is the mayor's only other briefing: found through the mayor, it shares two actors
    assert rel["b0020"][0][0].slug == "b0150" and rel["b0020"][0][1] == ["Stadtrat Lindenau", "Petra Holm"]


def test_with_enough_candidates_the_result_is_exact():
    briefings = daily(30, lambda i: [COUNCIL] + ([MAYOR] if i % 7 == 0 else []))
    rel = related_briefings(briefings)
    for b in briefings:
        def exact_rank(o):
            shared = len({a.slug for a in b.actors} & {a.slug for a in o.actors})
            return (-shared, abs((o.date - b.date).days), o.slug)
        expected = sorted((o for o in briefings if o is not b), key=exact_rank)[:related.RELATED]
        assert [o.slug for o, _ in rel[b.slug]] == [o.slug for o in expected]
