"""The site: briefings filed one by one (`Site.add`), then every generated file (`Site.files`).

Pages that list many briefings are made from *groups* of briefing keys: the briefings naming an
actor, those with events on a timeline page, those of a month. `add` files a briefing into its
groups. `files` names each page's inputs by the keys of its group and renders only the pages
whose inputs changed since the previous build (render.memo); so after one new article it renders
the pages that article reaches, and its other work per briefing is sorting and hashing keys.
`add` takes the briefings in any order: the build files the cached ones while new articles are
being extracted.

A briefing may be filed `slim` (without the body and sentences that only its own page shows);
its page and JSON are rendered from the full briefing, which `files` asks for (`full(key)`)
only for the briefings whose page it renders.

What every build needs of each briefing is its `Card` (slug, title, date, tags, actors, place
in time, timeline pages). The rest - the slim briefing, its timeline rows and what it says about
each actor - may be filed pickled (`Site.file`, as the build state keeps it) and is unpickled
only when a page that shows it is rendered: a build after one new article opens the briefings
its pages show, not the archive.
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import heapq
import json
import pickle
from collections import defaultdict
from collections.abc import Callable
from importlib import resources
from typing import NamedTuple

from ..model import Briefing
from .actors import INDEX as ACTORS_INDEX
from .actors import (PAGE_FROM, ActorEntry, ActorPlaces, Contribution, Heading, ListPage, actor_entry,
                     actor_page, actor_part_page, actor_places, actor_target, actors_index, briefing_order,
                     contributions, list_item, list_layout, list_page, name_index, part_count, site_kind,
                     split_named)
from .briefing import briefing_page, site_actor_link
from .common import framed
from .feeds import FEED_ITEMS, feed_xml, index_entry, index_json
from .indexes import LATEST, briefings_index, home_page, month_key, month_page, month_path, newest_key
from .labels import label
from .links import SiteUrls, actor_part_path, actor_path, briefing_path
from .memo import SAME, PageMemo
from .related import Group, key_actor_slugs, order, related_to, windows
from .scope import Change, Scope, reach
from .tags import INDEX as TAGS_INDEX
from .tags import collect_tags, tag_page, tags_index
from .timeline import INDEX as TIMELINE_INDEX
from .timeline import Merge, Row, page_order, timeline_index, timeline_rows, timeline_title

# package asset -> its path under docs/; the search worker must sit beside Material's own worker,
# which loads the lunr language files relative to its own URL
ASSETS = {
    "briefgen.css": "assets/briefgen.css",
    "briefgen.js": "assets/briefgen.js",
    "briefgen-search.js": "assets/javascripts/workers/briefgen-search.js",
}


class DuplicatePath(ValueError):
    """Two things would be written to the same file of docs/."""


def slim(b: Briefing) -> Briefing:
    """`b` without what only its own page and JSON show: enough for every other page."""
    return dataclasses.replace(b, body="", sentences=(), time_expressions=())


def briefing_json(b: Briefing) -> str:
    return json.dumps(b.to_json(), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


class Card(NamedTuple):
    """What the site needs of every filed briefing, whichever pages it renders."""

    slug: str
    path: str  # the article's, for errors
    title: str
    date: dt.date | None
    tags: tuple[str, ...]
    actors: tuple[tuple[str, str], ...]  # (slug, kind) of each actor, in the briefing's order
    where: tuple  # related.order: its place in time
    key_actors: tuple[str, ...]  # related.key_actor_slugs
    pages: tuple[str, ...]  # the timeline pages it has events on


def card(b: Briefing, rows: dict[str, list[Row]]) -> Card:
    return Card(b.slug, b.path, b.title, b.date, tuple(b.tags), tuple((a.slug, a.kind) for a in b.actors),
                order(b), tuple(key_actor_slugs(b)), tuple(rows))


class Shelf:
    """Per filed key: its briefing, timeline rows and contributions (`parts`, three mappings),
    given as they are or pickled together, and then unpickled on first use."""

    def __init__(self) -> None:
        self.blobs: dict[str, bytes] = {}
        self.parts = (_Part(self, 0), _Part(self, 1), _Part(self, 2))

    def put(self, key: str, details: tuple | bytes) -> None:
        if isinstance(details, bytes):
            self.blobs[key] = details
        else:
            for part, value in zip(self.parts, details):
                part[key] = value

    def open(self, key: str) -> tuple:
        details = pickle.loads(self.blobs.pop(key))
        self.put(key, details)
        return details


class _Part(dict):
    """One of a Shelf's mappings: holds what was opened; a missing key is opened from its blob."""

    def __init__(self, shelf: Shelf, index: int) -> None:
        super().__init__()
        self.shelf, self.index = shelf, index

    def __missing__(self, key: str):
        if key not in self.shelf.blobs:
            raise KeyError(key)
        return self.shelf.open(key)[self.index]


class Targets(dict):
    """Briefing key -> where each of its actors is shown (actors.actor_target), made when asked."""

    def __init__(self, cards: dict[str, Card], places: ActorPlaces) -> None:
        super().__init__()
        self.cards, self.places = cards, places

    def __missing__(self, key: str) -> list:
        self[key] = [actor_target(slug, kind, self.places) for slug, kind in self.cards[key].actors]
        return self[key]


def _insert(keys: list[str], key: str, rank: dict[str, tuple]) -> None:
    """Put `key` into `keys`, which stay in the order of their `rank`, once."""
    if not keys or rank[keys[-1]] < rank[key]:  # briefings filed in that order: the common case
        keys.append(key)
        return
    i = bisect.bisect_left(keys, rank[key], key=rank.__getitem__)
    if i == len(keys) or keys[i] != key:
        keys.insert(i, key)


class Site:
    def __init__(self) -> None:
        self.cards: dict[str, Card] = {}  # key -> its card: every filed briefing
        shelf = self._shelf = Shelf()
        # key -> the briefing (perhaps slim), its dated events by timeline page, and what it says
        # about each actor: opened from the shelf when first looked at
        self.briefings: dict[str, Briefing] = shelf.parts[0]
        self.rows: dict[str, dict[str, list[Row]]] = shelf.parts[1]
        self.said: dict[str, dict[str, Contribution]] = shelf.parts[2]
        self.rank: dict[str, tuple] = {}  # key -> its place in the lists, newest first (briefing_order)
        self.newest: list[str] = []  # every key, newest first
        self.actors: dict[str, list[str]] = defaultdict(list)  # actor slug -> keys of the briefings naming it
        self.kinds: dict[str, str] = {}  # actor slug -> its site kind
        self.key_actors: dict[str, Group] = defaultdict(list)  # key actor slug -> [(order, key)], sorted
        self.slugs: dict[str, str] = {}  # key -> the briefing's slug
        self.timeline: dict[str, list[str]] = defaultdict(list)  # timeline page -> keys with events on it, by slug

    def add(self, b: Briefing, key: str) -> tuple[Card, tuple]:
        """File briefing `b` under `key` (its cache key, or any key unique to it); -> its card
        and its details (the briefing, its timeline rows and contributions), which `file` takes
        to file it again without working them out."""
        index = name_index(b)
        rows = timeline_rows(b, index)
        details = (b, rows, contributions(b, index))
        self.file(key, card(b, rows), details)
        return self.cards[key], details

    def file(self, key: str, c: Card, details: tuple | bytes) -> None:
        """File the briefing of card `c` under `key`; `details` as `add` returns them, or pickled
        (then unpickled when a page that shows the briefing is rendered)."""
        if key in self.cards:
            raise ValueError(f"briefing key {key!r} added twice")
        self.cards[key] = c
        self._shelf.put(key, details)
        self.rank[key] = briefing_order(c)
        self.slugs[key] = c.slug
        _insert(self.newest, key, self.rank)
        for slug, kind in c.actors:
            _insert(self.actors[slug], key, self.rank)
            self.kinds[slug] = site_kind(kind)
        for slug in c.key_actors:
            bisect.insort(self.key_actors[slug], (c.where, key))
        for page in c.pages:
            _insert(self.timeline[page], key, self.slugs)

    def files(self, *, lang: str, urls: SiteUrls = SiteUrls(), site_name: str = "briefgen",
              memo: PageMemo | None = None, full: Callable[[str], Briefing] | None = None,
              change: Change | None = None) -> dict[str, object]:
        """Every generated file of docs/ (path -> text, or memo.SAME: unchanged since the build
        `memo` remembers; the archive-wide timeline.json and briefings.json as UTF-8 bytes).
        `full(key)` gives the full briefing of a slim one (default: the briefing as filed).
        `change`: the briefings added and removed since that build; pages it cannot reach
        (render.scope) are then kept without looking at their inputs."""
        memo = memo or PageMemo()
        full = full or self.briefings.__getitem__
        by_slug = sorted(self.cards.items(), key=lambda kc: kc[1].slug)
        cards = [c for _, c in by_slug]
        layout = list_layout(self.kinds)
        places = actor_places({slug: len(keys) for slug, keys in self.actors.items()}, layout)
        # where actors were shown at the previous build, if it had the same settings
        before = memo.replace("places", ("places", lang, urls, site_name), places)
        scope = reach(self, change, places, before) if change is not None and before is not None else None
        targets = Targets(self.cards, places)
        latest = [self.briefings[k] for k in heapq.nlargest(LATEST, self.cards,
                                                            key=lambda k: newest_key(self.cards[k]))]
        files: dict[str, object] = {
            "index.md": home_page(latest, lang, places, urls),
            "briefings/index.md": briefings_index(cards, lang),
            **self._month_pages(memo, by_slug, lang),
            ACTORS_INDEX: actors_index(self.kinds, lang),
            **self._actor_pages(memo, lang, urls, scope, layout),
            **self._timeline(memo, lang, urls, scope),
            **self._tag_pages(memo, cards, lang),
            "briefings.json": self._index_json(memo, urls, places, targets, self.newest, scope),
            # the newest FEED_ITEMS, as the feed orders them (self.rank is briefing_order)
            "feed.xml": feed_xml([self.briefings[k] for k in self.newest[:FEED_ITEMS]], lang, urls,
                                 site_name=site_name, description=label(lang, "intro")),
        }
        own = {key: (briefing_path(c.slug), f"briefings/{c.slug}.json") for key, c in self.cards.items()}
        if clash := files.keys() & {path for pair in own.values() for path in pair}:
            key, path = next((k, p) for k, pair in own.items() for p in pair if p in clash)
            raise DuplicatePath(f"{self.cards[key].path}: its page {path} would replace a page briefgen "
                                "generates; change the title or give the article a date")
        kept = memo.keep_groups({key: (pair, (f"related:{key}",)) for key, pair in own.items()
                                 if key not in scope.briefings}) if scope else set()
        files.update(dict.fromkeys((path for key in kept for path in own[key]), SAME))
        for key, (md, data) in own.items():
            if key not in kept:
                files[md], files[data] = self._briefing_files(memo, md, data, key, lang, urls, places,
                                                              targets[key], full)
        for name, path in ASSETS.items():
            files[path] = resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")
        return files

    def _index_json(self, memo: PageMemo, urls: SiteUrls, places: ActorPlaces, targets: Targets, keys: list[str],
                    scope: Scope | None) -> bytes:
        """briefings.json from each briefing's entry (in `keys` order), kept where `scope` allows."""
        kept = memo.keep_groups({key: ((), (f"index:{key}",)) for key in keys
                                 if key not in scope.briefings}) if scope else set()
        previous = memo.previous_values
        return index_json([previous[f"index:{key}"][1] if key in kept else memo.value(
            f"index:{key}", ("index", key, urls, targets[key]), index_entry, self.briefings[key], urls, places)
            for key in keys])

    def _month_pages(self, memo: PageMemo, by_slug: list[tuple[str, Card]], lang: str) -> dict[str, object]:
        by_month: dict[str, list[str]] = defaultdict(list)
        for key, c in by_slug:
            by_month[month_key(c)].append(key)

        def page(month: str, keys: list[str]) -> str:  # the month's briefings only when it is rendered
            return month_page(month, [self.cards[k] for k in keys], lang)

        return {month_path(month): memo.render(month_path(month), ("month", lang, month, keys), page, month, keys)
                for month, keys in by_month.items()}

    @staticmethod
    def _tag_pages(memo: PageMemo, cards: list[Card], lang: str) -> dict[str, object]:
        tags = collect_tags(cards)
        return {TAGS_INDEX: tags_index(tags, lang),
                **{path: memo.render(path, ("tag", lang, path, sorted(spellings)), tag_page, path,
                                     sorted(spellings), lang)
                   for path, spellings in tags.items()}}

    def _actor_pages(self, memo: PageMemo, lang: str, urls: SiteUrls, scope: Scope | None,
                     layout: list[ListPage]) -> dict[str, object]:
        """The lists by kind and initial (`layout`), and the page (and older parts) of each actor
        named in PAGE_FROM briefings."""
        entries: dict[str, ActorEntry] = {}

        def over(slug: str, keys: list[str], older: list[Heading] = ()) -> ActorEntry:
            """The actor over the briefings `keys` (and the `older` runs' headings)."""
            return actor_entry(slug, [(self.briefings[k], self.said[k][slug]) for k in keys], older)

        def entry(slug: str) -> ActorEntry:
            """The actor over the briefings its page shows, headed over all of them (made once; not
            recursive: no cycle keeps the site). A part's briefings stay the same as newer ones
            come (split_named): its heading is kept, so this costs a page's briefings, not all."""
            if slug not in entries:
                shown, older = split_named(self.actors[slug])
                entries[slug] = over(slug, shown, [
                    memo.value(f"heading:{slug}:{n}", ("heading", part), lambda p=part: over(slug, p).heading)
                    for n, part in reversed(list(enumerate(older, 1)))])
            return entries[slug]

        def listed(page) -> str:
            # each actor's line (name, roles and count; or the one briefing naming it) is kept
            # while its briefings are: a list is remade from the briefings of its new actors only
            items = {slug: memo.value(f"item:{slug}", ("item", lang, urls, page.path, self.actors[slug]),
                                      lambda s=slug: list_item(page.path, entry(s), lang, urls))
                     for slug in page.slugs}
            return list_page(page, {}, lang, urls, items)

        def main_page(slug: str, older: list[list[str]]) -> str:
            dates = [(self.cards[part[-1]].date, self.cards[part[0]].date) for part in older]
            return actor_page(entry(slug), lang, urls, parts=dates)

        files: dict[str, object] = {}
        unchanged = {}
        for page in layout:
            # an entry is made from the briefings naming the actor, and from nothing else
            inputs = ("list", lang, urls, page, [self.actors[slug] for slug in page.slugs])
            files[page.path] = memo.render(page.path, inputs, listed, page)
            if files[page.path] is SAME:  # and its items stay known for when it changes
                unchanged[page.path] = ((), tuple(f"item:{slug}" for slug in page.slugs))
        memo.keep_groups(unchanged)
        # each actor's page and older parts, and their headings
        own = {slug: ((actor_path(slug), *(actor_part_path(slug, n) for n in range(1, parts + 1))),
                      tuple(f"heading:{slug}:{n}" for n in range(1, parts + 1)))
               for slug, keys in self.actors.items() if len(keys) >= PAGE_FROM
               for parts in (part_count(len(keys)),)}
        kept = memo.keep_groups({slug: group for slug, group in own.items()
                                 if slug not in scope.actors}) if scope else set()
        files.update(dict.fromkeys((path for slug in kept for path in own[slug][0]), SAME))
        for slug, (paths, _) in own.items():
            if slug in kept:
                continue
            keys = self.actors[slug]
            older = split_named(keys)[1]
            name = entry(slug).name  # and the headings of its parts are known for the next build
            files[paths[0]] = memo.render(paths[0], ("actor", lang, urls, slug, keys), main_page, slug, older)
            for n, part in enumerate(older, 1):
                # a part shows its own briefings under the name the actor's page shows
                files[paths[n]] = memo.render(paths[n], ("actor-part", lang, urls, slug, name, part),
                                              lambda s, p, n: actor_part_page(over(s, p), n, name, lang, urls),
                                              slug, part, n)
        return files

    def _timeline(self, memo: PageMemo, lang: str, urls: SiteUrls, scope: Scope | None) -> dict[str, object]:
        """The timeline's index and pages, and timeline.json made of each page's events. Each
        page's value is (number of items, part of timeline.json, its pickled Merge)."""
        files: dict[str, object] = {}
        counts, events = {}, []
        for page in sorted(self.timeline, key=page_order):
            name = f"timeline:{page}"
            if scope and page not in scope.timeline and memo.keep((page,), (name,)):
                files[page] = SAME
                counts[page], part, _ = memo.values[name][1]
                events.append(part)
                continue
            keys = self.timeline[page]
            # a page shows each item's date and text and links its sources' sentences
            inputs = ("timeline", lang, urls, page, keys)
            text = []  # the page, when its value is made anew

            def merged(page=page, name=name, keys=keys, inputs=inputs, text=text) -> tuple[int, bytes, bytes]:
                merge, before = self._merge(page, keys, inputs, memo.earlier(name))
                page_text, count, part = merge.render(page, lang, urls, before)
                text.append(page_text)
                return count, part, pickle.dumps(merge, protocol=pickle.HIGHEST_PROTOCOL)

            counts[page], part, blob = memo.value(name, inputs, merged)
            # the page as rendered with its value just now, or else from its kept Merge's lines
            files[page] = memo.render(page, inputs, lambda: text[0] if text else
                                      pickle.loads(blob).render(page, lang, urls)[0])
            events.append(part)
        files[TIMELINE_INDEX] = timeline_index(counts, lang)
        # one line: json's C encoder only runs without indent; this file grows with the archive, so
        # its parts are joined as UTF-8 (index_json)
        title = json.dumps(timeline_title(lang), ensure_ascii=False).encode("utf-8")
        files["timeline.json"] = framed(b'{"title": ' + title + b', "events": [', events, b"]}\n")
        return files

    def _merge(self, page: str, keys: list[str], inputs: tuple, earlier: tuple | None) -> tuple[Merge, bytes | None]:
        """The Merge of timeline page `page` over `keys` (in slug order), and the part of
        timeline.json it was last rendered to (None for a new Merge). If the previous build's
        (`earlier`: its inputs and value) merged the first of these keys and no others - the page
        only gained briefings newer than all it had, as new articles are - it is taken and given
        the rows of the rest; else the Merge is made over them all."""
        merge, done, part = Merge(), 0, None
        if earlier is not None:
            before, (_, kept_part, blob) = earlier
            if before[:-1] == inputs[:-1] and keys[:len(before[-1])] == before[-1]:
                merge, done, part = pickle.loads(blob), len(before[-1]), kept_part
        for k in keys[done:]:
            merge.add(self.slugs[k], self.cards[k].title, self.rows[k][page])
        return merge, part

    def _briefing_files(self, memo: PageMemo, md: str, data: str, key: str, lang: str,
                        urls: SiteUrls, places: ActorPlaces, targets: list,
                        full: Callable[[str], Briefing]) -> tuple[object, object]:
        """A briefing's page `md` and JSON `data` (text, or SAME)."""
        b = self.briefings[key]
        near = windows(self.key_actors, b)
        related = memo.value(f"related:{key}", ("related", key, near), lambda: related_to(
            b, {k: self.cards[k] for keys in near for k in keys if k != key}))
        # its actors link to their own pages or, named nowhere else, to their entry on a list page
        inputs = ("briefing", lang, urls, key, related, targets)
        page = memo.render(md, inputs, lambda: briefing_page(
            full(key), lang, actor_link=site_actor_link(b, places), urls=urls,
            related=[(self.briefings[k], names) for k, names in related]))
        return page, memo.render(data, ("json", key), lambda: briefing_json(full(key)))
