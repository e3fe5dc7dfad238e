"""Actor pages: one per actor across all briefings (`Actor.slug` is the identity), and an index.

The index lists the kinds and, for each, the initials that occur; each (kind, initial) has its
own page, so no page lists every actor. An actor page shows the kind, the roles and other names
seen, every briefing naming the actor (date, title), their quotes and the events they are in,
each linked to its sentence.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from ..model import ACTOR_KINDS, Actor, Briefing, Event, Quote
from .common import NO_SEARCH, front_matter, html_link, html_list, time_html
from .labels import format_date, kind_plural, label, mentions
from .links import SiteUrls, actor_part_path, actor_path, briefing_path, relative
from .text import inline

INDEX = "actors/index.md"
# An actor named in fewer briefings has no page: its entry on the page of its kind and initial
# shows the same (roles, the briefing, the sentence); the briefing page holds its quotes and events.
PAGE_FROM = 2
LIST_SIZE = 200  # actors on one list page: a kind and initial with more is split by letters
PART_SIZE = 50  # briefings on one part of a long actor page (split_named)


class Heading(NamedTuple):
    """What the head of an actor's page shows, over a run of its briefings: the kind given in
    the newest, the mentions per name, the roles and other names in the order first seen (newest
    briefing first) and the number of briefings. Small: the build keeps those of an actor's older
    parts, so that its page is not made from every briefing naming it (`actor_entry(older=)`)."""

    kind: str
    names: tuple[tuple[str, int], ...]
    roles: tuple[str, ...]
    aliases: tuple[str, ...]  # the name too, perhaps: an entry leaves out the one it shows
    count: int


@dataclass
class ActorEntry:
    slug: str
    kind: str
    name: str = ""
    roles: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    appearances: list[tuple[Briefing, Actor]] = field(default_factory=list)  # newest briefing first
    quotes: list[tuple[Briefing, Quote]] = field(default_factory=list)
    events: list[tuple[Briefing, Event]] = field(default_factory=list)
    heading: Heading | None = None  # over its appearances and the older runs (actor_entry)

    @property
    def path(self) -> str:
        return actor_path(self.slug)

    @property
    def initial(self) -> str:
        return slug_initial(self.slug)

    @property
    def count(self) -> int:
        """The briefings naming it: its appearances and those of the older runs."""
        return self.heading.count

    @property
    def has_page(self) -> bool:
        return self.count >= PAGE_FROM


def slug_initial(slug: str) -> str:
    first = slug[:1]
    return first if first.isalpha() else "0"


def site_kind(kind: str) -> str:
    return kind if kind in ACTOR_KINDS else "other"


@dataclass(frozen=True, eq=False)
class ActorPlaces:
    """Where the site shows each actor: `paged` holds the slugs with a page of their own (named
    in PAGE_FROM briefings or more); `lists` the list page of each actor whose kind-and-initial
    list is split by letters (see `list_pages`); every other actor is on its initial's page."""

    paged: frozenset[str]
    lists: dict[str, str] = field(default_factory=dict)

    def __contains__(self, slug: str) -> bool:
        return slug in self.paged

    def list_page(self, slug: str, kind: str) -> str:
        return self.lists.get(slug) or initial_path(site_kind(kind), slug_initial(slug))


def paged_actors(briefings) -> ActorPlaces:
    """Which actors have a page of their own, and on which list page each actor is."""
    counts: Counter = Counter()
    kinds: dict[str, str] = {}
    for b in briefings:
        for a in {a.slug: a for a in b.actors}.values():
            counts[a.slug] += 1
            kinds[a.slug] = site_kind(a.kind)
    return actor_places(counts, list_layout(kinds))


def actor_places(counts: dict[str, int], layout: list[ListPage]) -> ActorPlaces:
    """`counts`: actor slug -> number of briefings naming it; `layout`: the list pages (list_layout)."""
    lists = {slug: page.path for page in layout if page.prefix is not None for slug in page.slugs}
    return ActorPlaces(frozenset(slug for slug, n in counts.items() if n >= PAGE_FROM), lists)


@dataclass(frozen=True)
class ListPage:
    """A page of actors of one kind and initial: the initial's list (`prefix` None), or - when
    that list is split - the initial's hub (`parts`: the letters and size of each part) and its
    parts (`prefix`: their letters)."""

    path: str
    kind: str
    initial: str
    slugs: tuple[str, ...] = ()
    prefix: str | None = None
    parts: tuple[tuple[str, int], ...] = ()


def list_layout(kinds: dict[str, str]) -> list[ListPage]:
    """Every list page, from each actor's slug and site kind."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for slug, kind in kinds.items():
        groups[(kind, slug_initial(slug))].append(slug)
    out = []
    for (kind, initial), slugs in sorted(groups.items()):
        path = initial_path(kind, initial)
        parts = list_pages(initial, slugs)
        if initial in parts:
            out.append(ListPage(path, kind, initial, tuple(parts[initial])))
            continue
        out.append(ListPage(path, kind, initial, parts=tuple((prefix, len(part)) for prefix, part in parts.items())))
        out += [ListPage(list_path(kind, prefix), kind, initial, tuple(part), prefix) for prefix, part in parts.items()]
    return out


def list_pages(initial: str, slugs: list[str]) -> dict[str, list[str]]:
    """The list pages of one kind and initial, by the slug prefix each lists -> their slugs.
    Up to LIST_SIZE actors are one page, the initial's (actors/person-s.md); a longer list is
    split by the slugs' first two letters (actors/person-sa.md, ...), a part still too long by
    three, then four (`list_path`)."""
    if len(slugs) <= LIST_SIZE or initial == "0":
        return {initial: sorted(slugs)}
    pages: dict[str, list[str]] = {}

    def split(group: list[str], letters: int) -> None:
        parts: dict[str, list[str]] = defaultdict(list)
        for slug in group:
            parts[slug[:letters]].append(slug)
        for prefix, part in sorted(parts.items()):
            if len(part) > LIST_SIZE and letters < 4:
                split(part, letters + 1)
            else:
                pages[prefix] = sorted(part)

    split(sorted(slugs), 2)
    return pages


def list_path(kind: str, prefix: str) -> str:
    """The list page of the actors of a kind whose slugs start with `prefix` (an initial, or
    the letters of a split list; a hyphen in them is written "_")."""
    return initial_path(kind, prefix.replace("-", "_"))


def actor_target(slug: str, kind: str, paged: ActorPlaces | None) -> tuple[str, str | None]:
    """(docs/ path, anchor) where an actor is shown: its own page, or - named in one briefing
    only - its entry on its list page. `paged=None`: every actor has a page."""
    if paged is None or slug in paged:
        return actor_path(slug), None
    return paged.list_page(slug, kind), slug


@lru_cache(maxsize=1 << 16)  # the same names come back in every briefing
def _key(name: str | None) -> str:
    return " ".join((name or "").split()).casefold()


def name_index(b: Briefing) -> dict[str, Actor]:
    """Within one briefing: every name and alias (case-folded) -> its actor; the most salient wins."""
    index: dict[str, Actor] = {}
    for a in b.actors:
        for name in (a.name, *a.aliases):
            index.setdefault(_key(name), a)
    return index


def resolve(index: dict[str, Actor], name: str | None) -> Actor | None:
    return index.get(_key(name)) if name else None


def briefing_order(b: Briefing) -> tuple:
    """Newest first, undated last, then by slug."""
    return (b.date is None, -(b.date.toordinal()) if b.date else 0, b.slug)


@dataclass
class Contribution:
    """What one briefing says about one actor: its records of the actor (normally one), the
    quotes whose speaker is the actor and the events naming it."""

    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


def contributions(b: Briefing, index: dict[str, Actor] | None = None) -> dict[str, Contribution]:
    """Actor slug -> what `b` says about that actor, for every actor of `b`; `index`: its
    `name_index` when the caller has it."""
    out: dict[str, Contribution] = {}
    for a in b.actors:
        out.setdefault(a.slug, Contribution()).actors.append(a)
    index = name_index(b) if index is None else index
    for q in b.quotes:
        a = resolve(index, q.speaker)
        if a is not None:
            out[a.slug].quotes.append(q)
    for ev in b.events:
        done = set()
        for name in ev.actors:
            a = resolve(index, name)
            if a is not None and a.slug not in done:
                done.add(a.slug)
                out[a.slug].events.append(ev)
    return out


def actor_entry(slug: str, named_in: list[tuple[Briefing, Contribution]],
                older: Iterable[Heading] = ()) -> ActorEntry:
    """One actor over the briefings naming it, given newest first (`briefing_order`); `older`:
    the headings of runs of older briefings, newest first, whose names, roles and count it adds
    (their appearances, quotes and events are not in the entry)."""
    e = ActorEntry(slug=slug, kind=named_in[0][1].actors[0].kind)
    names: Counter = Counter()
    roles, aliases = set(), set()
    for b, c in named_in:
        e.appearances.append((b, c.actors[0]))
        for a in c.actors:
            names[a.name] += a.mentions
            e.roles += [r for r in a.roles if _key(r) not in roles and not roles.add(_key(r))]
            e.aliases += [x for x in a.aliases if _key(x) not in aliases and not aliases.add(_key(x))]
        e.quotes += [(b, q) for q in c.quotes]
        e.events += [(b, ev) for ev in c.events]
    count = len(named_in)
    for h in older:
        names.update(dict(h.names))
        e.roles += [r for r in h.roles if _key(r) not in roles and not roles.add(_key(r))]
        e.aliases += [x for x in h.aliases if _key(x) not in aliases and not aliases.add(_key(x))]
        count += h.count
    e.heading = Heading(e.kind, tuple(names.items()), tuple(e.roles), tuple(e.aliases), count)
    # the name used most often (mentions summed over briefings); ties by the name itself
    e.name = min(names.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    e.aliases = [x for x in e.aliases if _key(x) != _key(e.name)]
    return e


def collect_actors(briefings: list[Briefing]) -> dict[str, ActorEntry]:
    """slug -> ActorEntry over all briefings, in a deterministic order."""
    named: dict[str, list[tuple[Briefing, Contribution]]] = defaultdict(list)
    for b in sorted(briefings, key=briefing_order):
        for slug, c in contributions(b).items():
            named[slug].append((b, c))
    return {slug: actor_entry(slug, named[slug]) for slug in sorted(named)}


def sort_key(e: ActorEntry) -> tuple:
    return (e.name.casefold(), e.slug)


def initial_path(kind: str, initial: str) -> str:
    return f"actors/{kind}-{initial}.md"


def initial_label(initial: str, lang: str) -> str:
    return label(lang, "digits") if initial == "0" else initial.upper()


def actors_index(kinds: dict[str, str], lang: str) -> str:
    """The kinds and, for each, its initials with counts; `kinds`: actor slug -> site kind."""
    out = front_matter(label(lang, "actors"), label(lang, "actors_description"), search=NO_SEARCH)
    out += [f"# {label(lang, 'actors')}", "", label(lang, "actors_intro"), ""]
    if not kinds:
        out.append(label(lang, "no_actors"))
    by_kind: dict[str, Counter] = defaultdict(Counter)
    for slug, kind in kinds.items():
        by_kind[kind][slug_initial(slug)] += 1
    for kind in ACTOR_KINDS:
        if kind not in by_kind:
            continue
        initials = by_kind[kind]
        out += [f"## {kind_plural(lang, kind)} ({sum(initials.values())})", ""]
        out.append(" · ".join(f"[{initial_label(i, lang)}]({relative(INDEX, initial_path(kind, i))}) ({n})"
                              for i, n in sorted(initials.items())))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def site_kinds(entries: dict[str, ActorEntry]) -> dict[str, str]:
    return {slug: site_kind(e.kind) for slug, e in entries.items()}


def initial_pages(entries: dict[str, ActorEntry], lang: str, urls: SiteUrls = SiteUrls()) -> dict[str, str]:
    """One page per kind and initial: every actor with roles and count, each entry with the id
    `<slug>`; an actor without a page of its own (see PAGE_FROM) also shows its briefing. A
    longer list than LIST_SIZE is split by letters (`list_pages`); the initial's page then
    links to the parts."""
    return {page.path: list_page(page, entries, lang, urls) for page in list_layout(site_kinds(entries))}


def list_page(page: ListPage, entries: dict[str, ActorEntry], lang: str, urls: SiteUrls = SiteUrls(),
              items: dict[str, tuple[tuple, str]] | None = None) -> str:
    """One list page; `entries` holds (at least) the actors it lists, or `items` their
    `list_item`s (made from `entries` where missing)."""
    kinds, letter = kind_plural(lang, page.kind), initial_label(page.initial, lang)
    if page.parts:
        out = _list_head(page.path, kinds, letter, INDEX, lang)
        out.append(" · ".join(f"[{prefix.capitalize()}]({relative(page.path, list_path(page.kind, prefix))}) ({n})"
                              for prefix, n in page.parts))
        return "\n".join(out).rstrip() + "\n"
    items = items or {}
    lines = [items[slug] if slug in items else list_item(page.path, entries[slug], lang, urls)
             for slug in page.slugs]
    if page.prefix is None:
        out = _list_head(page.path, kinds, letter, INDEX, lang)
    else:
        out = _list_head(page.path, kinds, page.prefix.capitalize(), initial_path(page.kind, page.initial), lang)
    out += ['<ul class="bg-actors">', *(line for _, line in sorted(lines)), "</ul>", ""]
    return "\n".join(out).rstrip() + "\n"


def _list_head(path: str, kinds: str, letter: str, up: str, lang: str) -> list[str]:
    title = label(lang, "initial_title", kinds=kinds, initial=letter)
    out = front_matter(title, label(lang, "initial_description", kinds=kinds, initial=letter), search=NO_SEARCH)
    return out + [f"# {title}", "", f"[← {label(lang, 'actors') if up == INDEX else kinds}]({relative(path, up)})", ""]


def list_item(path: str, e: ActorEntry, lang: str, urls: SiteUrls) -> tuple[tuple, str]:
    """(sort key, HTML line) of an actor on list page `path`: with a page of its own, its name,
    roles and count; else also its briefing and sentence."""
    roles = f" — {inline(', '.join(e.roles[:3]))}" if e.roles else ""
    if e.has_page:
        return sort_key(e), (f'<li id="{e.slug}">{html_link(e.name, urls.href(path, e.path))}{roles} · '
                             f"{e.count} {label(lang, 'briefing_count')}</li>")
    aliases = f" ({label(lang, 'aliases')}: {inline(', '.join(e.aliases))})" if e.aliases else ""
    b, a = e.appearances[0]
    page = briefing_path(b.slug)
    where = f' <a href="{urls.href(path, page, f"s-{a.sentences[0]}")}">↗</a>' if a.sentences else ""
    return sort_key(e), (f'<li id="{e.slug}"><strong>{inline(e.name)}</strong>{aliases}{roles} · '
                         f"{html_link(b.title, urls.href(path, page))} · {time_html(b.date, lang)} · "
                         f"{mentions(lang, a.mentions)}{where}</li>")


def part_count(n: int) -> int:
    """The number of older parts of an actor named in `n` briefings (split_named)."""
    return max(0, n // PART_SIZE - 1)


def split_named(named: list) -> tuple[list, list[list]]:
    """An actor's briefings, newest first -> (those its page lists, [those of part 1, 2, ...]).

    A page lists at most 2 * PART_SIZE - 1 briefings, the newest. The older ones are on parts
    of PART_SIZE each, numbered from the oldest: a briefing newer than all others changes the
    actor's page and no part, so the cost of a new article does not grow with the archive."""
    n = len(named)
    parts = part_count(n)
    return named[:n - parts * PART_SIZE], [named[n - i * PART_SIZE:n - (i - 1) * PART_SIZE]
                                           for i in range(1, parts + 1)]


def actor_page(e: ActorEntry, lang: str, urls: SiteUrls = SiteUrls(), *,
               parts: list[tuple[dt.date | None, dt.date | None]] = ()) -> str:
    """`e`: the actor over the briefings this page lists, with the heading over all of them
    (`actor_entry(older=)`); `parts`: the oldest and newest date of each older part, from
    part 1 (split_named). `urls`: the site's URL style (use_directory_urls), for the links of
    the raw HTML lists."""
    path = e.path
    kind = label(lang, e.kind if e.kind in ACTOR_KINDS else "other")
    description = label(lang, "actor_description", kind=kind, n=e.count)
    if e.roles:
        description += " · " + ", ".join(e.roles[:3])
    out = front_matter(e.name, description)
    out += [f"# {inline(e.name)}", "",
            f"**{kind}** · [{kind_plural(lang, e.kind)}]({relative(path, initial_path(e.kind, e.initial))})", ""]
    if e.roles:
        out += [f"**{label(lang, 'roles_seen')}:** {inline(', '.join(e.roles))}", ""]
    if e.aliases:
        out += [f"**{label(lang, 'aliases')}:** {inline(', '.join(e.aliases))}", ""]
    out += [f"## {label(lang, 'named_in')} ({e.count})", ""]
    out += _appearances(path, e, lang, urls)
    if parts:
        links = [f"[{_span(*dates, lang)}]({relative(path, actor_part_path(e.slug, number))})"
                 for number, dates in reversed(list(enumerate(parts, 1)))]
        out += [f"**{label(lang, 'earlier')}:** " + " · ".join(links), ""]
    out += _quotes_and_events(path, e, lang, urls)
    return "\n".join(out).rstrip() + "\n"


def actor_part_page(e: ActorEntry, number: int, name: str, lang: str, urls: SiteUrls = SiteUrls()) -> str:
    """Part `number` of an actor's older briefings (split_named); `e`: the actor over them,
    `name`: the name its page shows. Out of the search index: the actor's page is found."""
    path = actor_part_path(e.slug, number)
    title = label(lang, "actor_part_title", name=name, span=_span(*date_span(e), lang))
    out = front_matter(title, title, search=NO_SEARCH)
    out += [f"# {inline(title)}", "", f"[← {inline(name)}]({relative(path, e.path)})", ""]
    out += [f"## {label(lang, 'named_in')} ({len(e.appearances)})", ""]
    out += _appearances(path, e, lang, urls) + _quotes_and_events(path, e, lang, urls)
    return "\n".join(out).rstrip() + "\n"


def date_span(e: ActorEntry) -> tuple[dt.date | None, dt.date | None]:
    """The dates of the oldest and the newest briefing of `e`."""
    return e.appearances[-1][0].date, e.appearances[0][0].date


def _span(oldest: dt.date | None, newest: dt.date | None, lang: str) -> str:
    return f"{format_date(oldest, lang)} – {format_date(newest, lang)}"


def _appearances(path: str, e: ActorEntry, lang: str, urls: SiteUrls) -> list[str]:
    items = []
    for b, a in e.appearances:
        page = briefing_path(b.slug)
        where = f' <a href="{urls.href(path, page, f"s-{a.sentences[0]}")}">↗</a>' if a.sentences else ""
        items.append(f"{time_html(b.date, lang)} · {html_link(b.title, urls.href(path, page))} · "
                     f"{mentions(lang, a.mentions)}{where}")
    # the lists repeat titles and sentences that the briefing pages put into the search index;
    # an actor page is found by its name, roles and other names
    return html_list(items, search=False)


def _quotes_and_events(path: str, e: ActorEntry, lang: str, urls: SiteUrls) -> list[str]:
    out = []
    if e.quotes:
        out += [f"## {label(lang, 'quotes_by')} ({len(e.quotes)})", ""]
        items = []
        for b, q in e.quotes:
            text = f"„{inline(q.text)}“" if q.kind == "direct" else inline(q.text)
            kind = label(lang, q.kind) if q.kind in ("direct", "indirect", "reported") else ""
            target = urls.href(path, briefing_path(b.slug), f"s-{q.sentence_index}")
            items.append(f"{text} <small>{kind}</small> — {html_link(b.title, target)}")
        out += html_list(items, search=False)
    if e.events:
        out += [f"## {label(lang, 'events_with')} ({len(e.events)})", ""]
        items = []
        for b, ev in sorted(e.events, key=lambda be: (be[1].date is None, be[1].date or "", be[0].slug)):
            target = urls.href(path, briefing_path(b.slug), f"s-{ev.sentence}")
            items.append(f"{time_html(ev.date, lang)} — {inline(ev.text)} — {html_link(b.title, target)}")
        out += html_list(items, search=False)
    return out


def actor_pages(entries: dict[str, ActorEntry], lang: str, urls: SiteUrls = SiteUrls()) -> dict[str, str]:
    """The actor index, the lists and every actor's page with its parts, from `collect_actors`."""
    pages = {INDEX: actors_index(site_kinds(entries), lang), **initial_pages(entries, lang, urls)}
    for e in entries.values():
        if not e.has_page:
            continue
        listed, older = split_named(e.appearances)
        if not older:
            pages[e.path] = actor_page(e, lang, urls)
            continue

        def over(named: list[tuple[Briefing, Actor]], slug: str = e.slug,
                 older: list[Heading] = ()) -> ActorEntry:
            return actor_entry(slug, [(b, contributions(b)[slug]) for b, _ in named], older)

        parts = [over(named) for named in older]
        pages[e.path] = actor_page(over(listed, older=[p.heading for p in reversed(parts)]), lang, urls,
                                   parts=[date_span(p) for p in parts])
        pages.update({actor_part_path(e.slug, n): actor_part_page(p, n, e.name, lang, urls)
                      for n, p in enumerate(parts, 1)})
    return pages
