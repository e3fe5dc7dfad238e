"""Section index pages: the home page (latest briefings as cards) and briefings by month.

No page lists every briefing: the navigation holds only the sections, the home page the latest
few, and each month has its own page.
"""
from __future__ import annotations

import heapq
from collections import defaultdict

from ..model import Briefing
from .common import NO_SEARCH, front_matter, html_link, md_link, one_line, time_html
from .labels import MONTHS, label
from .actors import ActorPlaces, actor_target, paged_actors
from .links import SiteUrls, briefing_path, relative
from .text import inline

LATEST = 12
CARD_ACTORS = 3
UNDATED = "undated"
HOME = "index.md"
INDEX = "briefings/index.md"


def month_key(b: Briefing) -> str:
    return f"{b.date.year}-{b.date.month:02d}" if b.date else UNDATED  # as strftime("%Y-%m")


def newest_key(b: Briefing) -> tuple:
    return (b.date is not None, b.date, b.slug)


def newest_first(briefings) -> list[Briefing]:
    return sorted(briefings, key=newest_key, reverse=True)


def briefing_line(b: Briefing, lang: str, page: str) -> str:
    when = time_html(b.date, lang) if b.date else label(lang, "undated")
    return f"- {md_link(b.title, relative(page, briefing_path(b.slug)))} · {when}"


def card(b: Briefing, lang: str, paged: ActorPlaces | None = None, urls: SiteUrls = SiteUrls()) -> list[str]:
    """One Material grid card, as the HTML Markdown would make of a card list item: title, date,
    one-line summary, key actors (linked to their pages)."""
    when = time_html(b.date, lang) if b.date else label(lang, "undated")
    lines = ["<li>", f"<p><strong>{html_link(b.title, urls.href(HOME, briefing_path(b.slug)))}</strong></p>",
             "<hr />", f"<p>{when} · {inline(one_line(b.summary))}</p>"]
    actors = [html_link(a.name, urls.href(HOME, *actor_target(a.slug, a.kind, paged))) for a in b.actors[:CARD_ACTORS]]
    if actors:
        lines.append(f"<p>{label(lang, 'key_actors')}: {', '.join(actors)}</p>")
    return lines + ["</li>"]


def home_page(briefings: list[Briefing], lang: str, paged: ActorPlaces | None = None,
              urls: SiteUrls = SiteUrls()) -> str:
    """The latest briefings as Material's grid cards, in raw HTML (no `md_in_html`, which would
    make Python-Markdown parse the raw HTML of every page more slowly); `paged`: where actors are
    shown (computed when not given)."""
    out = front_matter(label(lang, "home"), label(lang, "intro"), search=NO_SEARCH)
    out += [f"# {label(lang, 'latest')}", "", label(lang, "intro"), ""]
    latest = heapq.nlargest(LATEST, briefings, key=newest_key)  # newest_first(briefings)[:LATEST]
    if not latest:
        out += [label(lang, "no_briefings"), ""]
    else:
        out += ['<div class="grid cards">', "<ul>"]
        paged = paged or paged_actors(briefings)
        for b in latest:
            out += card(b, lang, paged, urls)
        out += ["</ul>", "</div>", ""]
    out += [f"## {label(lang, 'sections')}", "",
            f"- [{label(lang, 'all_briefings')}](briefings/index.md)",
            f"- [{label(lang, 'actors')}](actors/index.md)",
            f"- [{label(lang, 'timeline')}](timeline/index.md)",
            f"- [{label(lang, 'tags')}](tags/index.md)",
            f"- [{label(lang, 'feed')}](feed.xml)", ""]
    return "\n".join(out)


def month_title(key: str, lang: str) -> str:
    if key == UNDATED:
        return label(lang, "undated")
    year, month = key.split("-")
    return f"{MONTHS[lang][int(month) - 1]} {year}"


def briefings_index(briefings: list[Briefing], lang: str) -> str:
    by_month = defaultdict(list)
    for b in briefings:
        by_month[month_key(b)].append(b)
    out = front_matter(label(lang, "briefings"), label(lang, "briefings_description"), search=NO_SEARCH)
    out += [f"# {label(lang, 'by_month')}", ""]
    if not briefings:
        out += [label(lang, "no_briefings"), ""]
    years = defaultdict(list)
    for key in by_month:
        years[key[:4] if key != UNDATED else UNDATED].append(key)
    for year in sorted(years, key=lambda y: (y != UNDATED, y), reverse=True):
        out += [f"## {label(lang, 'undated') if year == UNDATED else year}", ""]
        for key in sorted(years[year], reverse=True):
            out.append(f"- [{month_title(key, lang)}]({key}.md) ({len(by_month[key])})")
        out.append("")
    return "\n".join(out)


def month_path(key: str) -> str:
    return f"briefings/{key}.md"


def month_page(key: str, briefings: list[Briefing], lang: str) -> str:
    """The briefings of one month (`key` YYYY-MM, or UNDATED), newest first."""
    title = month_title(key, lang)
    path = month_path(key)
    out = front_matter(title, label(lang, "month_description", month=title), search=NO_SEARCH)
    out += [f"# {title}", "", f"[← {label(lang, 'by_month')}]({relative(path, INDEX)})", ""]
    for b in newest_first(briefings):
        out.append(briefing_line(b, lang, path))
    return "\n".join(out) + "\n"
