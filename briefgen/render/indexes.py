"""Section index pages: the home page and briefings by month. No page lists every briefing on
every page: the navigation holds only the sections, and each month has its own page."""
from __future__ import annotations

from collections import defaultdict

from ..model import Briefing
from .labels import MONTHS, format_date, label
from .text import inline, yaml_value

LATEST = 12
UNDATED = "undated"


def month_key(b: Briefing) -> str:
    return b.date.strftime("%Y-%m") if b.date else UNDATED


def newest_first(briefings) -> list[Briefing]:
    return sorted(briefings, key=lambda b: (b.date is not None, b.date, b.slug), reverse=True)


def briefing_line(b: Briefing, lang: str, prefix: str) -> str:
    when = format_date(b.date, lang) if b.date else label(lang, "undated")
    return f"- [{inline(b.title)}]({prefix}{b.slug}.md) · {when}"


def home_page(briefings: list[Briefing], lang: str) -> str:
    out = ["---", f"title: {yaml_value(label(lang, 'home'))}", "---", "", f"# {label(lang, 'latest')}", "",
           label(lang, "intro"), ""]
    latest = newest_first(briefings)[:LATEST]
    if not latest:
        out.append(label(lang, "no_briefings"))
    for b in latest:
        out.append(briefing_line(b, lang, "briefings/"))
        out.append(f"    {inline(b.summary[:220])}")
    out += ["", f"[{label(lang, 'by_month')} →](briefings/index.md)", ""]
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
    out = ["---", f"title: {yaml_value(label(lang, 'briefings'))}", "---", "", f"# {label(lang, 'by_month')}", ""]
    years = defaultdict(list)
    for key in by_month:
        years[key[:4] if key != UNDATED else UNDATED].append(key)
    for year in sorted(years, key=lambda y: (y != UNDATED, y), reverse=True):
        out += [f"## {label(lang, 'undated') if year == UNDATED else year}", ""]
        for key in sorted(years[year], reverse=True):
            out.append(f"- [{month_title(key, lang)}]({key}.md) ({len(by_month[key])})")
        out.append("")
    return "\n".join(out)


def month_pages(briefings: list[Briefing], lang: str) -> dict[str, str]:
    by_month = defaultdict(list)
    for b in briefings:
        by_month[month_key(b)].append(b)
    pages = {}
    for key, items in by_month.items():
        title = month_title(key, lang)
        out = ["---", f"title: {yaml_value(title)}", "---", "", f"# {title}", ""]
        for b in newest_first(items):
            out.append(briefing_line(b, lang, ""))
        pages[f"briefings/{key}.md"] = "\n".join(out) + "\n"
    return pages
