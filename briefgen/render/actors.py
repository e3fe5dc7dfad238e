"""Actor pages: one per actor across all briefings (`Actor.slug` is the identity), and an index.

The index lists the kinds and, for each, the initials that occur; each (kind, initial) has its
own page, so no page lists every actor. An actor page shows the kind, the roles and other names
seen, every briefing naming the actor (date, title), their quotes and the events they are in,
each linked to its sentence.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..model import ACTOR_KINDS, Actor, Briefing, Event, Quote
from .common import NO_SEARCH, front_matter, html_link, html_list, md_link, time_html
from .labels import kind_plural, label, mentions
from .links import SiteUrls, actor_path, briefing_path, relative
from .text import inline

INDEX = "actors/index.md"
# An actor named in fewer briefings has no page: its entry on the page of its kind and initial
# shows the same (roles, the briefing, the sentence); the briefing page holds its quotes and events.
PAGE_FROM = 2
LIST_SIZE = 200  # actors on one list page: a kind and initial with more is split by letters


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

    @property
    def path(self) -> str:
        return actor_path(self.slug)

    @property
    def initial(self) -> str:
        return slug_initial(self.slug)

    @property
    def has_page(self) -> bool:
        return len(self.appearances) >= PAGE_FROM


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
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for slug in counts:
        groups[(kinds[slug], slug_initial(slug))].append(slug)
    lists = {slug: list_path(kind, prefix) for (kind, initial), slugs in groups.items() if len(slugs) > LIST_SIZE
             for prefix, part in list_pages(initial, slugs).items() for slug in part}
    return ActorPlaces(frozenset(slug for slug, n in counts.items() if n >= PAGE_FROM), lists)


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


def collect_actors(briefings: list[Briefing]) -> dict[str, ActorEntry]:
    """slug -> ActorEntry over all briefings, in a deterministic order."""
    entries: dict[str, ActorEntry] = {}
    names: dict[str, Counter] = defaultdict(Counter)
    for b in sorted(briefings, key=briefing_order):
        index = name_index(b)
        for a in b.actors:
            e = entries.setdefault(a.slug, ActorEntry(slug=a.slug, kind=a.kind))
            if not e.appearances or e.appearances[-1][0] is not b:  # briefing by briefing: the last is enough
                e.appearances.append((b, a))
            names[a.slug][a.name] += a.mentions
            seen = {_key(r) for r in e.roles}
            e.roles += [r for r in a.roles if _key(r) not in seen and not seen.add(_key(r))]
            seen = {_key(x) for x in e.aliases}
            e.aliases += [x for x in a.aliases if _key(x) not in seen and not seen.add(_key(x))]
        for q in b.quotes:
            a = resolve(index, q.speaker)
            if a is not None:
                entries[a.slug].quotes.append((b, q))
        for ev in b.events:
            done = set()
            for name in ev.actors:
                a = resolve(index, name)
                if a is not None and a.slug not in done:
                    done.add(a.slug)
                    entries[a.slug].events.append((b, ev))
    for slug, e in entries.items():
        # the name used most often (mentions summed over briefings); ties by the name itself
        e.name = min(names[slug].items(), key=lambda kv: (-kv[1], kv[0]))[0]
        e.aliases = [x for x in e.aliases if _key(x) != _key(e.name)]
    return dict(sorted(entries.items()))


def sort_key(e: ActorEntry) -> tuple:
    return (e.name.casefold(), e.slug)


def initial_path(kind: str, initial: str) -> str:
    return f"actors/{kind}-{initial}.md"


def initial_label(initial: str, lang: str) -> str:
    return label(lang, "digits") if initial == "0" else initial.upper()


def actors_index(entries: dict[str, ActorEntry], lang: str) -> str:
    out = front_matter(label(lang, "actors"), label(lang, "actors_description"), search=NO_SEARCH)
    out += [f"# {label(lang, 'actors')}", "", label(lang, "actors_intro"), ""]
    if not entries:
        out.append(label(lang, "no_actors"))
    by_kind = group_by_kind(entries)
    for kind in ACTOR_KINDS:
        if kind not in by_kind:
            continue
        initials = Counter(e.initial for e in by_kind[kind])
        out += [f"## {kind_plural(lang, kind)} ({sum(initials.values())})", ""]
        out.append(" · ".join(f"[{initial_label(i, lang)}]({relative(INDEX, initial_path(kind, i))}) ({n})"
                              for i, n in sorted(initials.items())))
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def group_by_kind(entries: dict[str, ActorEntry]) -> dict[str, list[ActorEntry]]:
    by_kind: dict[str, list[ActorEntry]] = defaultdict(list)
    for e in entries.values():
        by_kind[e.kind if e.kind in ACTOR_KINDS else "other"].append(e)
    return by_kind


def initial_pages(entries: dict[str, ActorEntry], lang: str, urls: SiteUrls = SiteUrls()) -> dict[str, str]:
    """One page per kind and initial: every actor with roles and count, each entry with the id
    `<slug>`; an actor without a page of its own (see PAGE_FROM) also shows its briefing. A
    longer list than LIST_SIZE is split by letters (`list_pages`); the initial's page then
    links to the parts."""
    groups: dict[tuple[str, str], list[ActorEntry]] = defaultdict(list)
    for kind, items in group_by_kind(entries).items():
        for e in items:
            groups[(kind, e.initial)].append(e)
    pages = {}
    for (kind, initial), items in sorted(groups.items()):
        path = initial_path(kind, initial)
        kinds, letter = kind_plural(lang, kind), initial_label(initial, lang)
        parts = list_pages(initial, [e.slug for e in items])
        if initial in parts:
            pages[path] = _list_page(path, items, kinds, letter, INDEX, lang, urls)
            continue
        out = _list_head(path, kinds, letter, INDEX, lang)
        out.append(" · ".join(f"[{prefix.capitalize()}]({relative(path, list_path(kind, prefix))}) ({len(slugs)})"
                              for prefix, slugs in parts.items()))
        pages[path] = "\n".join(out).rstrip() + "\n"
        for prefix, slugs in parts.items():
            members = set(slugs)
            pages[list_path(kind, prefix)] = _list_page(list_path(kind, prefix), [e for e in items if e.slug in members],
                                                        kinds, prefix.capitalize(), path, lang, urls)
    return pages


def _list_head(path: str, kinds: str, letter: str, up: str, lang: str) -> list[str]:
    title = label(lang, "initial_title", kinds=kinds, initial=letter)
    out = front_matter(title, label(lang, "initial_description", kinds=kinds, initial=letter), search=NO_SEARCH)
    return out + [f"# {title}", "", f"[← {label(lang, 'actors') if up == INDEX else kinds}]({relative(path, up)})", ""]


def _list_page(path: str, items: list[ActorEntry], kinds: str, letter: str, up: str, lang: str,
               urls: SiteUrls) -> str:
    out = _list_head(path, kinds, letter, up, lang)
    lines = ['<ul class="bg-actors">']
    for e in sorted(items, key=sort_key):
        roles = f" — {inline(', '.join(e.roles[:3]))}" if e.roles else ""
        if e.has_page:
            lines.append(f'<li id="{e.slug}">{html_link(e.name, urls.href(path, e.path))}{roles} · '
                         f"{len(e.appearances)} {label(lang, 'briefing_count')}</li>")
            continue
        aliases = f" ({label(lang, 'aliases')}: {inline(', '.join(e.aliases))})" if e.aliases else ""
        b, a = e.appearances[0]
        page = briefing_path(b.slug)
        where = f' <a href="{urls.href(path, page, f"s-{a.sentences[0]}")}">↗</a>' if a.sentences else ""
        lines.append(f'<li id="{e.slug}"><strong>{inline(e.name)}</strong>{aliases}{roles} · '
                     f"{html_link(b.title, urls.href(path, page))} · {time_html(b.date, lang)} · "
                     f"{mentions(lang, a.mentions)}{where}</li>")
    out += lines + ["</ul>", ""]
    return "\n".join(out).rstrip() + "\n"


def actor_page(e: ActorEntry, lang: str, urls: SiteUrls = SiteUrls()) -> str:
    """`urls`: the site's URL style (use_directory_urls), for the links of the raw HTML lists."""
    path = e.path
    kind = label(lang, e.kind if e.kind in ACTOR_KINDS else "other")
    description = label(lang, "actor_description", kind=kind, n=len(e.appearances))
    if e.roles:
        description += " · " + ", ".join(e.roles[:3])
    out = front_matter(e.name, description)
    out += [f"# {inline(e.name)}", "",
            f"**{kind}** · [{kind_plural(lang, e.kind)}]({relative(path, initial_path(e.kind, e.initial))})", ""]
    if e.roles:
        out += [f"**{label(lang, 'roles_seen')}:** {inline(', '.join(e.roles))}", ""]
    if e.aliases:
        out += [f"**{label(lang, 'aliases')}:** {inline(', '.join(e.aliases))}", ""]

    out += [f"## {label(lang, 'named_in')} ({len(e.appearances)})", ""]
    items = []
    for b, a in e.appearances:
        page = briefing_path(b.slug)
        where = f' <a href="{urls.href(path, page, f"s-{a.sentences[0]}")}">↗</a>' if a.sentences else ""
        items.append(f"{time_html(b.date, lang)} · {html_link(b.title, urls.href(path, page))} · "
                     f"{mentions(lang, a.mentions)}{where}")
    # the lists repeat titles and sentences that the briefing pages put into the search index;
    # an actor page is found by its name, roles and other names
    out += html_list(items, search=False)

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
    return "\n".join(out).rstrip() + "\n"


def actor_pages(entries: dict[str, ActorEntry], lang: str, urls: SiteUrls = SiteUrls()) -> dict[str, str]:
    pages = {INDEX: actors_index(entries, lang), **initial_pages(entries, lang, urls)}
    for e in entries.values():
        if e.has_page:
            pages[e.path] = actor_page(e, lang, urls)
    return pages
