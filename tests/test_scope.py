"""render.scope: after random additions, removals and edits, a site that keeps the pages the
change cannot reach gives exactly the files of a fresh render."""
from __future__ import annotations

import datetime as dt
import pickle
import random

import pytest

from briefgen.model import Actor, Briefing, Event, Quote
from briefgen.render import Site, render_site, related
from briefgen.render import actors as actors_module
from briefgen.render.memo import SAME, PageMemo
from briefgen.render.scope import Change

PEOPLE = [Actor(f"Person {c}", "person", roles=(f"Rolle {c}",), sentences=(0,)) for c in "ABCDEFGH"]
ORGS = [Actor(f"Amt {c}", "organization", sentences=(1,)) for c in "ABCD"]
# guests are named in one or two briefings: their place moves between a list entry and a page
# (and with LIST_SIZE 3 their initial's list is split by letters, and joined again)
GUESTS = [Actor(f"{first} Sommer", "person", sentences=(2,)) for first in ("Karl", "Katrin", "Kemal", "Kira", "Klaus")]
GUESTS += [Actor(f"Mara {last}", "person", sentences=(2,)) for last in "Abt Berg Falk Gross Hahn Lang Mohr Roth".split()]


def briefing(rng: random.Random, i: int, version: int) -> Briefing:
    day = dt.date(2025, 1, 1) + dt.timedelta(days=rng.randrange(90))
    # a guest may come after the key actors (related.KEY_ACTORS), where only its place links it
    actors = tuple(rng.sample(PEOPLE, rng.randint(1, 5)) + rng.sample(ORGS, rng.randint(0, 2))
                   + rng.sample(GUESTS, rng.choice([0, 0, 0, 1])))
    events = tuple(Event(date=(day - dt.timedelta(days=rng.randrange(60))).isoformat(), expression="damals",
                         text=f"Ereignis {rng.randrange(6)} mit {actors[0].name}", actors=(actors[0].name,))
                   for _ in range(rng.randint(0, 3)))
    quotes = tuple(Quote(speaker=a.name, kind="direct", text=f"Satz {version}", sentence="", sentence_index=0)
                   for a in actors[:1])
    return Briefing(slug=f"{day.isoformat()}-b{i}", title=f"Meldung {i} v{version}", date=day, language="de",
                    summary="Kurz gesagt.", body="Ein Satz. Noch einer.", actors=actors, events=events,
                    quotes=quotes, tags=(f"tag{rng.randrange(4)}",))


def key(b: Briefing) -> str:
    return f"{b.slug}|{b.title}|{b.actors}|{b.events}"


@pytest.mark.parametrize("seed", range(10))
def test_kept_pages_are_what_a_fresh_render_gives(seed, monkeypatch):
    monkeypatch.setattr(related, "CANDIDATES", 2)  # windows matter with few briefings
    monkeypatch.setattr(actors_module, "LIST_SIZE", 3)  # and lists are split and joined again
    monkeypatch.setattr(actors_module, "PART_SIZE", 4)  # and actor pages have parts, made and dropped
    rng = random.Random(seed)
    current = {i: briefing(rng, i, 0) for i in range(40)}
    pages, values, docs, keys = {}, {}, {}, {}
    for step in range(12):
        site = Site()
        for b in current.values():
            site.file(key(b), *kept(b)) if step % 2 else site.add(b, key(b))
        now = {key(b): b for b in current.values()}
        change = Change(added=set(now) - set(keys), removed={k: b for k, b in keys.items() if k not in now})
        memo = PageMemo(pages, values)
        files = site.files(lang="de", memo=memo, change=change if step else None)
        got = {path: docs[path] if text is SAME else text for path, text in files.items()}
        assert got == render_site(list(current.values()), lang="de"), f"step {step}"
        if step:
            assert any(text is SAME for text in files.values())
        pages, values, docs, keys = memo.current, memo.values, got, now
        # the next change: one to three additions, removals or edits
        for _ in range(rng.randint(1, 3)):
            what = rng.choice(["add", "remove", "edit"])
            if what == "add" or len(current) < 5:
                i = max(current) + 1
                current[i] = briefing(rng, i, 0)
            elif what == "remove":
                del current[rng.choice(sorted(current))]
            else:
                i = rng.choice(sorted(current))
                current[i] = briefing(rng, i, step + 1)


def kept(b: Briefing) -> tuple:
    """(card, pickled details) of `b`, as the build state keeps what `Site.add` returned."""
    card, details = Site().add(b, key(b))
    return pickle.loads(pickle.dumps(card)), pickle.dumps(details)


def test_a_site_filed_from_kept_cards_renders_the_same_files():
    """The build files cached briefings from what `Site.add` returned at an earlier build."""
    rng = random.Random(7)
    briefings = [briefing(rng, i, 0) for i in range(30)]
    again = Site()
    for b in briefings:
        again.file(key(b), *kept(b))
    assert again.files(lang="de") == render_site(briefings, lang="de")


def test_one_new_briefing_opens_the_briefings_its_pages_show_not_the_archive():
    """A site filed from kept cards unpickles a briefing's details only for a page that shows
    it: after one new briefing, the feed's and home page's newest and what the new one reaches."""
    from briefgen.render.feeds import FEED_ITEMS

    rng = random.Random(3)
    old = [briefing(rng, i, 0) for i in range(200)]
    newest = max(b.date for b in old)
    new = Briefing(slug=f"{newest.isoformat()}-neu", title="Neu", date=newest, language="de", summary="Neu.",
                   actors=(Actor("Nora Neu", "person", sentences=(0,)),), tags=("tag9",), events=(
                       Event(date=newest.isoformat(), expression="heute", text="Neu", actors=("Nora Neu",)),))
    briefings = old + [new]
    first = Site()
    for b in old:
        first.file(key(b), *kept(b))
    memo = PageMemo()
    docs = first.files(lang="de", memo=memo)
    site = Site()
    for b in old:
        site.file(key(b), *kept(b))
    site.add(new, key(new))
    memo = PageMemo(memo.current, memo.values)
    files = site.files(lang="de", memo=memo, change=Change(added={key(new)}))
    opened = len(old) - len(site._shelf.blobs)
    assert 0 < opened < FEED_ITEMS + 20, opened
    got = {path: docs[path] if text is SAME else text for path, text in files.items()}
    assert got == render_site(briefings, lang="de")


@pytest.mark.parametrize("seed", range(3))
def test_the_filing_order_does_not_matter(seed):
    """Site.add keeps every group in order as briefings come, in any order (the build files
    the cached ones first, then the new ones as they are extracted)."""
    rng = random.Random(seed)
    briefings = [briefing(rng, i, 0) for i in range(30)]
    sites = []
    for order in (sorted(briefings, key=lambda b: b.slug, reverse=True), rng.sample(briefings, len(briefings))):
        site = Site()
        for b in order:
            site.add(b, key(b))
        sites.append(site)
    first, shuffled = sites
    assert first.actors == shuffled.actors and first.key_actors == shuffled.key_actors
    assert first.newest == shuffled.newest == [key(b) for b in sorted(briefings, key=actors_module.briefing_order)]
    assert all(keys == sorted(keys, key=first.rank.__getitem__) for keys in first.actors.values())
    assert shuffled.files(lang="de") == render_site(briefings, lang="de")


def test_a_timeline_page_that_gains_the_newest_briefing_merges_only_its_rows(monkeypatch):
    """A timeline page keeps its Merge: after a briefing newer than all others, the next build
    merges that briefing's rows into it and gives the files of a fresh render."""
    from briefgen.render.timeline import Merge

    rng = random.Random(5)
    briefings = sorted((briefing(rng, i, 0) for i in range(32)), key=lambda b: b.slug)
    merged: list[str] = []
    add = Merge.add
    monkeypatch.setattr(Merge, "add", lambda self, slug, title, rows: (merged.append(slug), add(self, slug, title, rows)))
    pages, values, docs, keys = {}, {}, {}, set()
    for n in range(24, len(briefings) + 1):
        current = briefings[:n]
        site = Site()
        for b in current:
            site.add(b, key(b))
        merged.clear()
        memo = PageMemo(pages, values)
        files = site.files(lang="de", memo=memo, change=Change(added={key(b) for b in current} - keys) if keys else None)
        if keys:
            assert set(merged) == ({current[-1].slug} if current[-1].events else set()), n
        got = {path: docs[path] if text is SAME else text for path, text in files.items()}
        assert got == render_site(current, lang="de"), n
        pages, values, docs, keys = memo.current, memo.values, got, {key(b) for b in current}


def test_a_timeline_page_missing_from_docs_is_rendered_again_from_its_kept_merge():
    """docs/ lost a timeline page (or it was edited) while its inputs stayed the same: the page
    comes from the Merge kept with its value, and is the page a fresh render gives."""
    rng = random.Random(11)
    briefings = [briefing(rng, i, 0) for i in range(20)]
    site = Site()
    for b in briefings:
        site.add(b, key(b))
    first = PageMemo()
    fresh = site.files(lang="de", memo=first)
    lost = {path for path in first.current if path.startswith("timeline/") and path != "timeline/index.md"}
    assert lost
    memo = PageMemo({p: i for p, i in first.current.items() if p not in lost}, first.values)
    again = site.files(lang="de", memo=memo, change=Change())
    assert {p: again[p] for p in lost} == {p: fresh[p] for p in lost}
