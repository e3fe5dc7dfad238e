"""The global timeline: every dated event of every briefing, by year and month.

The same event reported by two articles - same date, same actors, similar text, the same
figures - is shown once with both sources. Pages: timeline/index.md (years and months with
counts), one page per month (timeline/YYYY-MM.md) and one per year for events dated only to the
year (timeline/YYYY.md).
Also exported as TimelineJS JSON: `events_json` of each page, joined into timeline.json by
render.site.

`Merge` makes a page's items briefing by briefing; the site keeps each page's Merge between
builds, with every item's line rendered, so that a page which gains only newer briefings merges
and renders just theirs.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from ..model import Briefing, Event
from .actors import name_index, resolve
from .common import NO_SEARCH, front_matter, html_link, html_list, iso, time_html
from .labels import MONTHS, format_date, label
from .links import SiteUrls, briefing_path, relative
from .text import inline

INDEX = "timeline/index.md"
SIMILAR = 0.5  # word-set overlap (Jaccard) from which two event texts on the same date and actors are one event
_WORD = re.compile(r"\w+")


class Source(NamedTuple):
    """A report of a timeline item: its briefing and the sentence that tells it."""

    slug: str
    title: str
    sentence: int


@dataclass
class TimelineItem:
    date: str
    text: str
    actors: frozenset[str]  # actor slugs
    sources: list[Source] = field(default_factory=list)
    # as its page lists it (Merge.render); None when not yet, or since it gained a source
    line: str | None = field(default=None, compare=False, repr=False)
    # where the last Merge.render put its TimelineJS event in the page's part of timeline.json:
    # (start, end, the number of its unique_id on the page); None as `line`
    event: tuple[int, int, int] | None = field(default=None, compare=False, repr=False)

    @property
    def words(self) -> frozenset[str]:
        return words(self.text)

    @property
    def start(self) -> dt.date:
        return period_start(self.date)

    @property
    def page(self) -> str:
        return f"timeline/{page_key(self.date)}.md"


@lru_cache(maxsize=1 << 14)  # sorting asks for the same few thousand dates again and again
def period_start(value: str) -> dt.date:
    if "-W" in value:
        year, week = value.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1)
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def precision(value: str) -> int:
    """Finer first at equal start: day 0, week 1, month 2, year 3."""
    if "-W" in value:
        return 1
    return {3: 0, 2: 2, 1: 3}[len(value.split("-"))]


def page_key(value: str) -> str:
    """The page an event belongs on: its month (a week goes to the month of its Monday), or its year."""
    if len(value) == 4:
        return value
    return period_start(value).strftime("%Y-%m")


def order(item: TimelineItem) -> tuple:
    first = item.sources[0]
    return (item.start, precision(item.date), item.date, first.slug, first.sentence)


@lru_cache(maxsize=1 << 15)  # reports repeat each other's sentences
def words(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _WORD.findall(text or "") if len(w) > 2 or w.isdigit())


def similar(a: frozenset[str], b: frozenset[str]) -> bool:
    """Two event texts (as `words`) tell the same event: most words shared, and the same
    figures. A figure names the fact ("£21m set aside this year" and "£44m set aside this year"
    are two budgets); a report that corrects an earlier one's figure is then shown beside it."""
    if not a or not b:
        return a == b
    if figures(a) != figures(b):
        return False
    return len(a & b) / len(a | b) >= SIMILAR


@lru_cache(maxsize=1 << 15)
def figures(text_words: frozenset[str]) -> frozenset[str]:
    """The words of `text_words` with a digit in them: amounts, counts, years, dates."""
    return frozenset(w for w in text_words if any(c.isdigit() for c in w))


Row = tuple[str, frozenset, Event]  # (ISO date, slugs of the event's actors, the event)


def timeline_rows(b: Briefing, index: dict | None = None) -> dict[str, list[Row]]:
    """The dated events of one briefing, by the timeline page each belongs on; `index`: its
    `actors.name_index` when the caller has it."""
    pages: dict[str, list[Row]] = defaultdict(list)
    index = name_index(b) if index is None else index
    for e in b.events:
        date = iso(e.date)
        if date is None:
            continue
        slugs = frozenset(a.slug for a in (resolve(index, n) for n in e.actors) if a is not None)
        pages[f"timeline/{page_key(date)}.md"].append((date, slugs, e))
    return pages


class Merge:
    """Timeline items from the rows of briefings added in slug order (`add`; a briefing's rows in
    the order of its events): the same event from two briefings is one item with two sources.
    Small enough to keep: the items name their sources by slug, title and sentence."""

    def __init__(self) -> None:
        self.groups: dict[tuple[str, frozenset], list[TimelineItem]] = {}

    def add(self, slug: str, title: str, rows: Iterable[Row]) -> None:
        """The rows of the briefing `slug`, which comes after every briefing added before."""
        for date, slugs, e in rows:
            group = self.groups.setdefault((date, slugs), [])
            w = words(e.text) if group else None  # most events have no other on their date and actors
            for item in group:
                if similar(item.words, w):
                    if item.sources[-1].slug != slug:  # briefing by briefing: the last is enough
                        item.sources.append(Source(slug, title, e.sentence))
                        item.line = item.event = None
                    break
            else:
                group.append(TimelineItem(date, e.text, slugs, [Source(slug, title, e.sentence)]))

    def items(self) -> list[TimelineItem]:
        """In date order."""
        return sorted((item for items in self.groups.values() for item in items), key=order)

    def render(self, page: str, lang: str, urls: SiteUrls, before: bytes | None = None) -> tuple[str, int, bytes]:
        """Page `page` of these items, their number and their part of timeline.json (events_json).
        An item's line is rendered once, and kept with it until it gains a source: the caller
        keeps a Merge only for one page, language and URL style. Its event is not kept (a Merge
        holding it would double its size), only where it is in the part this Merge's last render
        made: given that part (`before`), an unchanged item's event is copied from it."""
        items = self.items()
        for item in items:
            if item.line is None:
                item.line = item_line(item, page, lang, urls)
        return (timeline_page(page, items, lang, urls, [item.line for item in items]), len(items),
                events_json(items, lang, urls, before))


def merge_events(rows: Iterable[tuple[Briefing, Row]]) -> list[TimelineItem]:
    """Timeline items from the rows of briefings given in slug order (Merge)."""
    merge = Merge()
    for b, row in rows:
        merge.add(b.slug, b.title, (row,))
    return merge.items()


def collect_events(briefings: list[Briefing]) -> list[TimelineItem]:
    """Dated events of all briefings, merged across articles, in date order."""
    return merge_events((b, row) for b in sorted(briefings, key=lambda b: b.slug)
                        for rows in timeline_rows(b).values() for row in rows)


def _source_links(item: TimelineItem, page: str, lang: str, urls: SiteUrls) -> str:
    links = [html_link(s.title, urls.href(page, briefing_path(s.slug), f"s-{s.sentence}")) for s in item.sources]
    if len(links) == 1:
        return links[0]
    return f"{label(lang, 'sources')}: " + " · ".join(links)


def month_title(key: str, lang: str) -> str:
    if len(key) == 4:
        return label(lang, "timeline_year_only", year=key)
    year, month = key.split("-")
    return f"{MONTHS[lang][int(month) - 1]} {year}"


def by_page(items: list[TimelineItem]) -> dict[str, list[TimelineItem]]:
    """The items of each timeline page (a month, or a year for events dated only to it), in order."""
    pages: dict[str, list[TimelineItem]] = defaultdict(list)
    for item in items:
        pages[item.page].append(item)
    return pages


def page_order(page: str) -> tuple:
    """Timeline pages in time order: a year's months, then the page of events dated only to it."""
    key = page[len("timeline/"):-3]
    return (key[:4], len(key) == 4, key)


def item_line(item: TimelineItem, page: str, lang: str, urls: SiteUrls) -> str:
    """An item as its page lists it (HTML)."""
    return f"{time_html(item.date, lang)} — {inline(item.text)} · {_source_links(item, page, lang, urls)}"


def timeline_page(page: str, items: list[TimelineItem], lang: str, urls: SiteUrls = SiteUrls(),
                  lines: list[str] | None = None) -> str:
    """One month (or year) of the timeline. `urls`: the site's URL style, for raw HTML links;
    `lines`: the items' `item_line`s, when the caller has them."""
    key = page[len("timeline/"):-3]
    title = f"{label(lang, 'timeline')}: {month_title(key, lang)}"
    out = front_matter(title, label(lang, "timeline_month_description", month=month_title(key, lang)))
    out += [f"# {title}", "", f"[← {label(lang, 'timeline')}]({relative(page, INDEX)})", ""]
    out += html_list(lines if lines is not None else [item_line(item, page, lang, urls) for item in items])
    return "\n".join(out).rstrip() + "\n"


def timeline_pages(items: list[TimelineItem], lang: str, urls: SiteUrls = SiteUrls()) -> dict[str, str]:
    """The index and every month's (and year's) page."""
    pages = by_page(items)
    return {INDEX: timeline_index({page: len(page_items) for page, page_items in pages.items()}, lang),
            **{page: timeline_page(page, page_items, lang, urls) for page, page_items in pages.items()}}


def timeline_index(counts: dict[str, int], lang: str) -> str:
    """Years and their pages with the number of items of each (`counts`: page -> items)."""
    out = front_matter(label(lang, "timeline"), label(lang, "timeline_description"), search=NO_SEARCH)
    out += [f"# {label(lang, 'timeline')}", "", label(lang, "timeline_intro"), ""]
    if not counts:
        out.append(label(lang, "no_events"))
    years: dict[str, list[str]] = defaultdict(list)
    for page in counts:
        key = page[len("timeline/"):-3]
        years[key[:4]].append(key)
    for year in sorted(years):
        out += [f"## {year}", ""]
        for key in sorted(years[year], key=lambda k: page_order(f"timeline/{k}.md")):
            out.append(f"- [{month_title(key, lang)}]({relative(INDEX, f'timeline/{key}.md')}) "
                       f"({counts[f'timeline/{key}.md']} {label(lang, 'event_count')})")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _tl_date(value: str, lang: str) -> dict:
    start = period_start(value)
    out: dict = {"year": start.year}
    if precision(value) <= 2:
        out["month"] = start.month
    if precision(value) <= 1:
        out["day"] = start.day
    out["display_date"] = format_date(value, lang)
    return out


def _uid(item: TimelineItem) -> str:
    first = item.sources[0]
    return f"{first.slug}-s{first.sentence}-{item.date}"  # two items with one uid are on one page


def timeline_event(item: TimelineItem, uid: str, lang: str, urls: SiteUrls) -> dict:
    """The TimelineJS event of `item` (text fields are HTML)."""
    links = "".join(f'<p><a href="{html.escape(urls.page(briefing_path(s.slug), f"s-{s.sentence}"))}">'
                    f"{html.escape(s.title)}</a></p>" for s in item.sources)
    return {
        "unique_id": uid,
        "start_date": _tl_date(item.date, lang),
        "text": {"headline": html.escape(item.text if len(item.text) <= 120 else item.text[:119] + "…"),
                 "text": f"<p>{html.escape(item.text)}</p>{links}"},
    }


def events_json(items: list[TimelineItem], lang: str, urls: SiteUrls, before: bytes | None = None) -> bytes:
    """The TimelineJS events of `items`, comma-separated UTF-8 JSON: a page's part of
    timeline.json. An item whose uid an earlier one has gets "-2", "-3". Each item notes where
    its event is (`TimelineItem.event`); an item that has that note and the same uid number is
    copied from `before`, the part its notes were made for, and the others are encoded."""
    out: list[bytes] = []
    seen: dict[str, int] = {}
    at = 0
    for item in items:
        uid = _uid(item)
        seen[uid] = n = seen.get(uid, 0) + 1
        if before is not None and item.event is not None and item.event[2] == n:
            data = before[item.event[0]:item.event[1]]
        else:
            event = timeline_event(item, uid if n == 1 else f"{uid}-{n}", lang, urls)
            data = json.dumps(event, ensure_ascii=False).encode("utf-8")
        item.event = (at, at + len(data), n)
        out.append(data)
        at += len(data) + 2  # and ", "
    return b", ".join(out)


def timeline_title(lang: str) -> dict:
    return {"text": {"headline": html.escape(label(lang, "timeline")),
                     "text": html.escape(label(lang, "timeline_intro"))}}
