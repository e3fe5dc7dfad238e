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

`render_site` renders them all from a list of briefings; `site.Site` is the same, filed briefing
by briefing and rendering only what changed since the previous build (what `build` uses).
"""
from __future__ import annotations

from ..model import Briefing
from .site import ASSETS, Card, DuplicatePath, Site, briefing_json, slim  # noqa: F401
from .links import SiteUrls

__all__ = ["ASSETS", "Card", "DuplicatePath", "Site", "briefing_json", "render_site", "slim"]


def render_site(briefings: list[Briefing], *, lang: str, site_url: str | None = None,
                directory_urls: bool = True, site_name: str = "briefgen") -> dict[str, str | bytes]:
    """Every generated file of docs/ (text; timeline.json and briefings.json as UTF-8 bytes).
    Paths are POSIX, relative to docs/.

    `site_url` and `directory_urls` (mkdocs.yml's site_url and use_directory_urls) only shape the
    links inside feed.xml, timeline.json and briefings.json; pages link by their Markdown paths.
    """
    site = Site()
    for i, b in enumerate(briefings):
        site.add(b, f"{i}")
    return site.files(lang=lang, urls=SiteUrls(site_url=site_url, directory_urls=directory_urls), site_name=site_name)
