"""Machine-readable files beside the pages: feed.xml (RSS 2.0) and briefings.json (an index).

Both are deterministic: no build time stamps, the same briefings give the same bytes. Without a
site_url the links are relative to the site root (where both files live).
"""
from __future__ import annotations

import heapq
import json
import re
from email.utils import format_datetime
import datetime as dt

from ..model import Briefing
from .actors import ActorPlaces, actor_target, briefing_order
from .common import framed
from .links import SiteUrls, briefing_path

FEED_ITEMS = 30
# characters XML 1.0 does not allow, and the Unicode line/paragraph separators
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\u2028\u2029\ud800-\udfff]")


def xml_text(text: str | None) -> str:
    text = _NOT_XML.sub("", text or "")
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def rfc822(day: dt.date) -> str:
    return format_datetime(dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone.utc))


def feed_xml(briefings: list[Briefing], lang: str, urls: SiteUrls, *, site_name: str, description: str) -> str:
    items = heapq.nsmallest(FEED_ITEMS, briefings, key=briefing_order)  # sorted, the first FEED_ITEMS
    out = ['<?xml version="1.0" encoding="UTF-8"?>', '<rss version="2.0">', "<channel>",
           f"<title>{xml_text(site_name)}</title>",
           f"<link>{xml_text(urls.page('index.md') or './')}</link>",
           f"<description>{xml_text(description)}</description>",
           f"<language>{lang}</language>", "<generator>briefgen</generator>"]
    if items and items[0].date:
        out.append(f"<pubDate>{rfc822(items[0].date)}</pubDate>")
    for b in items:
        out.append("<item>")
        out.append(f"<title>{xml_text(b.title)}</title>")
        out.append(f"<link>{xml_text(urls.page(briefing_path(b.slug)))}</link>")
        out.append(f'<guid isPermaLink="false">briefgen:{xml_text(b.slug)}</guid>')
        if b.date:
            out.append(f"<pubDate>{rfc822(b.date)}</pubDate>")
        out.append(f"<description>{xml_text(b.summary)}</description>")
        for tag in b.tags:
            out.append(f"<category>{xml_text(tag)}</category>")
        out.append("</item>")
    out += ["</channel>", "</rss>"]
    return "\n".join(out) + "\n"


def index_json(entries: list[bytes]) -> bytes:
    """briefings.json (UTF-8) from the entries of its briefings (`index_entry`), newest first."""
    # one line: json's C encoder only runs without indent, and this file grows with the archive;
    # joined as bytes, a copy: a str join (and encoding it) would widen every entry to the widest
    return framed(b'{"schema": "briefgen.site-index/1", "briefings": [', entries, b"]}\n")


def index_entry(b: Briefing, urls: SiteUrls, paged: ActorPlaces | None) -> bytes:
    """One briefing's entry of briefings.json, as JSON text in UTF-8."""
    return json.dumps({
        "slug": b.slug,
        "title": b.title,
        "date": b.date.isoformat() if b.date else None,
        "language": b.language,
        "summary": b.summary,
        "tags": list(b.tags),
        "url": urls.page(briefing_path(b.slug)),
        "json": urls.file(f"briefings/{b.slug}.json"),
        "actors": [{"name": a.name, "kind": a.kind, "slug": a.slug, "roles": list(a.roles),
                    "url": urls.page(*actor_target(a.slug, a.kind, paged))} for a in b.actors],
        "events": len(b.events),
        "quotes": len(b.quotes),
        "questions": len(b.questions),
    }, ensure_ascii=False).encode("utf-8")
