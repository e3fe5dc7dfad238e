"""Briefings -> the files of docs/ as {relative path: text}. No I/O, no spaCy.

    index.md                      latest briefings as cards, links to the sections
    briefings/index.md            years and months; briefings/YYYY-MM.md one page per month
    briefings/<slug>.md|.json     one briefing page and its JSON
    actors/index.md               kinds and initials; actors/<kind>-<initial>.md; actors/<slug>.md
    timeline/index.md             years and months; timeline/YYYY-MM.md, timeline/YYYY.md
    tags/index.md                 every tag; tags/<slug>.md one page per tag (Material's tags listing)
    timeline.json                 TimelineJS 3 JSON of the global timeline
    briefings.json                index of all briefings (pages, JSON, actors, tags)
    feed.xml                      RSS 2.0 of the latest briefings
    assets/...                    briefgen.css, briefgen.js and the search worker wrapper
"""
from __future__ import annotations

import json
from importlib import resources

from ..model import Briefing
from .actors import INDEX as ACTORS_INDEX
from .actors import ActorPlaces, actor_page, actor_target, actors_index, collect_actors, initial_pages, paged_actors
from .briefing import briefing_page, site_actor_link
from .feeds import briefings_index_json, feed_xml
from .indexes import briefings_index, home_page, month_pages
from .labels import label
from .links import SiteUrls
from .memo import NoMemo, PageMemo
from .related import related_briefings
from .tags import tag_pages
from .timeline import INDEX as TIMELINE_INDEX
from .timeline import by_page, collect_events, timeline_index, timeline_json, timeline_page

# package asset -> its path under docs/; the search worker must sit beside Material's own worker,
# which loads the lunr language files relative to its own URL
ASSETS = {
    "briefgen.css": "assets/briefgen.css",
    "briefgen.js": "assets/briefgen.js",
    "briefgen-search.js": "assets/javascripts/workers/briefgen-search.js",
}


class DuplicatePath(ValueError):
    """Two things would be written to the same file of docs/."""


def briefing_json(b: Briefing) -> str:
    return json.dumps(b.to_json(), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def site_briefing_page(b: Briefing, lang: str, related: list, paged: ActorPlaces, urls: SiteUrls) -> str:
    return briefing_page(b, lang, actor_link=site_actor_link(b, paged), related=related, urls=urls)


def render_site(briefings: list[Briefing], *, lang: str, site_url: str | None = None,
                directory_urls: bool = True, site_name: str = "briefgen",
                memo: PageMemo | None = None) -> dict[str, str]:
    """Every generated file of docs/. Paths are POSIX, relative to docs/.

    `site_url` and `directory_urls` (mkdocs.yml's site_url and use_directory_urls) only shape the
    links inside feed.xml, timeline.json and briefings.json; pages link by their Markdown paths.
    With a `memo` of the previous build, a briefing page, its JSON, an actor page or a month of
    the timeline made from unchanged inputs is `render.memo.SAME` (keep the file in docs/)
    instead of its text.
    """
    memo = memo or NoMemo()
    briefings = sorted(briefings, key=lambda b: b.slug)
    urls = SiteUrls(site_url=site_url, directory_urls=directory_urls)
    related = related_briefings(briefings)
    events = collect_events(briefings)
    months = by_page(events)
    actors = collect_actors(briefings)
    paged = paged_actors(briefings)
    files: dict[str, str] = {
        "index.md": home_page(briefings, lang, paged),
        "briefings/index.md": briefings_index(briefings, lang),
        **month_pages(briefings, lang),
        ACTORS_INDEX: actors_index(actors, lang),
        **initial_pages(actors, lang, urls),
        # an actor's entry is made from the briefings it appears in, and from nothing else
        **{e.path: memo.render(e.path, ("actor", lang, urls, e.slug, [memo.key(b) for b, _ in e.appearances]),
                               actor_page, e, lang, urls) for e in actors.values() if e.has_page},
        TIMELINE_INDEX: timeline_index(months, lang),
        # a month's page shows each item's date and text and links its sources' sentences
        **{page: memo.render(page, ("timeline", lang, urls, page, [
            (item.date, item.text, [(memo.key(b), e.sentence) for b, e in item.sources]) for item in items]),
            timeline_page, page, items, lang, urls) for page, items in months.items()},
        **tag_pages(briefings, lang),
        # one line: json's C encoder only runs without indent, and this file grows with the archive
        "timeline.json": json.dumps(timeline_json(events, lang, urls), ensure_ascii=False) + "\n",
        "briefings.json": briefings_index_json(briefings, urls, paged),
        "feed.xml": feed_xml(briefings, lang, urls, site_name=site_name, description=label(lang, "intro")),
    }
    for b in briefings:
        md, data = f"briefings/{b.slug}.md", f"briefings/{b.slug}.json"
        for path in (md, data):
            if path in files:
                raise DuplicatePath(f"{b.path}: its page {path} would replace a page briefgen generates; "
                                    "change the title or give the article a date")
        rel = related.get(b.slug, [])
        # its actors link to their own pages or, named nowhere else, to their entry on a list page
        inputs = ("briefing", lang, urls, memo.key(b), [(memo.key(o), names) for o, names in rel],
                  [actor_target(a.slug, a.kind, paged) for a in b.actors])
        files[md] = memo.render(md, inputs, site_briefing_page, b, lang, rel, paged, urls)
        files[data] = memo.render(data, ("json", memo.key(b)), briefing_json, b)
    for name, path in ASSETS.items():
        files[path] = resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")
    return files
