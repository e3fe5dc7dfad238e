"""Long actor pages: the newest briefings on the actor's page, the older ones on parts counted
from the oldest (render.actors.split_named), so a new article changes no part."""
from __future__ import annotations

import datetime as dt

import pytest

from briefgen.model import Actor, Briefing, Quote
from briefgen.render import Site, render_site
from briefgen.render import actors as actors_module
from briefgen.render.actors import split_named
from briefgen.render.memo import SAME, PageMemo

MAYOR = Actor("Jana Brandt", "person", roles=("Bürgermeisterin",), mentions=2, sentences=(0,))
COUNCIL = Actor("Stadtrat Lindenau", "organization", sentences=(1,))
PAGE = f"actors/{MAYOR.slug}.md"


def filed(make, n: int) -> Site:
    """A site of the briefings `make(0)` ... `make(n - 1)`, filed under the keys k0, k1, ..."""
    out = Site()
    for i in range(n):
        out.add(make(i), f"k{i}")
    return out


def part(n: int) -> str:
    return f"actors/{MAYOR.slug}/{n}.md"


def briefing(i: int) -> Briefing:
    day = dt.date(2025, 3, 1) + dt.timedelta(days=i)
    return Briefing(slug=f"{day.isoformat()}-m{i}", title=f"Meldung {i}", date=day, language="de",
                    summary="Kurz.", body="Ein Satz. Noch einer.", actors=(MAYOR, COUNCIL),
                    quotes=(Quote(speaker=MAYOR.name, kind="direct", text=f"Aussage {i}", sentence="",
                                  sentence_index=0),))


@pytest.mark.parametrize("size", [1, 2, 5])
def test_split_named_keeps_every_briefing_once_and_parts_stable(size, monkeypatch):
    monkeypatch.setattr(actors_module, "PART_SIZE", size)
    previous: list[list[int]] = []
    for n in range(0, 40):
        named = list(range(n))[::-1]  # newest first: n - 1 is the newest
        shown, older = split_named(named)
        assert shown + [k for p in reversed(older) for k in p] == named
        assert all(len(p) == size for p in older)
        assert len(shown) < 2 * size or n < size * 2 and not older
        if older:
            assert len(shown) >= size
        assert older[:len(previous)] == previous  # a newest briefing leaves every part as it was
        previous = older


def test_long_actor_page_lists_the_newest_and_links_its_parts(monkeypatch):
    monkeypatch.setattr(actors_module, "PART_SIZE", 2)
    files = render_site([briefing(i) for i in range(7)], lang="de")  # 7: page 3 newest, parts of 2
    assert PAGE in files and part(1) in files and part(2) in files and part(3) not in files
    page, first, second = files[PAGE], files[part(1)], files[part(2)]
    assert "Meldung 6" in page and "Meldung 4" in page and "Meldung 3" not in page
    assert "## Genannt in (7)" in page and "„Aussage 6“" in page and "„Aussage 3“" not in page
    assert "Meldung 0" in first and "Meldung 1" in first and "Meldung 2" not in first
    assert "„Aussage 1“" in first and "Meldung 3" in second
    # the page links its parts newest first, each named by its dates; a part links back
    links = [line for line in page.splitlines() if line.startswith("**Ältere Briefings:**")]
    assert links == [f"**Ältere Briefings:** [3. März 2025 – 4. März 2025]({MAYOR.slug}/2.md) · "
                     f"[1. März 2025 – 2. März 2025]({MAYOR.slug}/1.md)"]
    assert f"[← Jana Brandt](../{MAYOR.slug}.md)" in first
    assert 'title: "Jana Brandt: Briefings 1. März 2025 – 2. März 2025"' in first
    assert 'search: {"exclude": true}' in first  # the actor's page is what search finds
    # raw HTML links from a part reach the briefing pages (one folder deeper than the page)
    assert '<a href="../../../briefings/2025-03-02-m1/">Meldung 1</a>' in first


def test_a_newest_briefing_renders_the_actor_page_and_no_part(monkeypatch):
    monkeypatch.setattr(actors_module, "PART_SIZE", 2)
    memo = PageMemo()
    site = Site()
    for i in range(7):
        site.add(briefing(i), f"k{i}")
    site.files(lang="de", memo=memo)
    again = Site()
    for i in range(8):
        again.add(briefing(i), f"k{i}")
    memo = PageMemo(memo.current, memo.values)
    files = again.files(lang="de", memo=memo)
    assert files[part(1)] is SAME and files[part(2)] is SAME
    assert files[PAGE] is not SAME and "Meldung 7" in files[PAGE]


def test_the_batch_actor_pages_are_the_sites(monkeypatch):
    from briefgen.render.actors import actor_pages, collect_actors

    monkeypatch.setattr(actors_module, "PART_SIZE", 2)
    briefings = [briefing(i) for i in range(7)]
    site = render_site(briefings, lang="de")
    pages = actor_pages(collect_actors(briefings), "de")
    assert part(2) in pages
    assert pages == {path: text for path, text in site.items() if path.startswith("actors/")}


def test_an_entry_headed_by_its_older_runs_is_the_entry_over_all():
    """The heading of an actor over its newest briefings plus the kept headings of older runs
    is the heading over every briefing: the same name, roles, other names, kind and count."""
    from briefgen.render.actors import actor_entry, contributions

    def named(i: int, name: str, mentions: int, roles: tuple, aliases: tuple) -> tuple:
        a = Actor(name, "person", roles=roles, aliases=aliases, mentions=mentions, sentences=(0,))
        b = Briefing(slug=f"b{i}", title=f"B {i}", date=dt.date(2025, 1, 1) + dt.timedelta(days=i),
                     language="de", summary="", body="", actors=(a,))
        return b, contributions(b)[a.slug]

    # newest first; the name mentioned most is only in the oldest run, an alias there is the
    # newest run's name, and a role comes back in another spelling
    runs = [[named(5, "J. Brandt", 1, ("Bürgermeisterin",), ("Jana Brandt",)), named(4, "J. Brandt", 1, (), ())],
            [named(3, "Jana Brandt", 2, ("bürgermeisterin", "Ministerin"), ("J. Brandt",))],
            [named(2, "Jana Brandt", 3, ("Landrätin",), ("Frau Brandt",)), named(1, "Brandt", 1, (), ())]]
    whole = actor_entry(runs[0][0][0].actors[0].slug, [p for run in runs for p in run])
    headed = actor_entry(whole.slug, runs[0], [actor_entry(whole.slug, run).heading for run in runs[1:]])
    assert (headed.name, headed.roles, headed.aliases, headed.kind, headed.count) == (
        whole.name, whole.roles, whole.aliases, whole.kind, whole.count) == (
        "Jana Brandt", ["Bürgermeisterin", "Ministerin", "Landrätin"], ["J. Brandt", "Frau Brandt"], "person", 5)
    assert headed.heading == whole.heading
    assert [b.slug for b, _ in headed.appearances] == ["b5", "b4"]  # the page lists its own briefings


def test_an_actor_page_is_made_without_its_older_briefings(monkeypatch):
    """After one more briefing, the actor's page is made from the briefings it lists and the
    kept headings of its parts: what older briefings say about the actor is not looked at."""
    monkeypatch.setattr(actors_module, "PART_SIZE", 2)

    class Recent(dict):
        def __getitem__(self, key):
            assert int(key[1:]) >= 8, f"looked at {key}, a briefing of a part"
            return super().__getitem__(key)

    memo = PageMemo()
    filed(briefing, 10).files(lang="de", memo=memo)  # the page lists k9, k8; parts 1-4 hold two each
    grown = filed(briefing, 11)  # the page lists k10, k9, k8; the parts stay
    grown.said = Recent(grown.said)
    again = grown.files(lang="de", memo=PageMemo(memo.current, memo.values))
    expected = filed(briefing, 11).files(lang="de")
    assert again[PAGE] == expected[PAGE] and "k10" not in str(again[part(4)])
    assert [again[part(n)] for n in range(1, 5)] == [SAME] * 4


def test_a_list_page_gaining_an_actor_is_made_from_its_new_briefing_only():
    """Actors named in one briefing are listed with that briefing: a list page that gains one
    keeps the other actors' lines, so what their briefings say is not looked at again."""
    def guest(i: int) -> Briefing:  # each names an actor of its own, all on the list of initial "k"
        day = dt.date(2025, 3, 1) + dt.timedelta(days=i)
        return Briefing(slug=f"{day.isoformat()}-g{i}", title=f"Besuch {i}", date=day, language="de",
                        summary="Kurz.", actors=(Actor(f"Kai Gast{i}", "person", sentences=(0,)),))

    class New(dict):
        def __getitem__(self, key):
            assert key == "k20", f"looked at {key}, the briefing of an actor listed before"
            return super().__getitem__(key)

    memo = PageMemo()
    filed(guest, 20).files(lang="de", memo=memo)
    grown = filed(guest, 21)
    grown.said = New(grown.said)
    again = grown.files(lang="de", memo=PageMemo(memo.current, memo.values))
    expected = filed(guest, 21).files(lang="de")
    assert again["actors/person-k.md"] == expected["actors/person-k.md"]
    assert "Kai Gast20" in again["actors/person-k.md"] and "Kai Gast3" in again["actors/person-k.md"]
