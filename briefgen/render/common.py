"""Small pieces every page uses: front matter, dates as <time>, one-line summaries."""
from __future__ import annotations

import datetime as dt
import html
import re
from functools import lru_cache

from ..model import ISO_VALUE
from .labels import format_date
from .text import inline, yaml_value

DESCRIPTION_CHARS = 300
NO_SEARCH = {"exclude": True}  # front matter `search:` of pages that only list others (Material)
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"“”»«’']?\s")


def front_matter(title: str, description: str, **extra: object) -> list[str]:
    """Front matter lines; `description` becomes the page's <meta name="description">."""
    out = ["---", f"title: {yaml_value(title)}", f"description: {yaml_value(shorten(description, DESCRIPTION_CHARS))}"]
    for key, value in extra.items():
        if value not in (None, (), []):
            out.append(f"{key}: {yaml_value(value)}")
    return out + ["---", ""]


def iso(value: str | dt.date | None) -> str | None:
    """The value if it is a real calendar value in one of the model's forms (day, month, year,
    ISO week), else None: "2026-13-45" is not shown as a date."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if not (isinstance(value, str) and ISO_VALUE.match(value)):
        return None
    try:
        if "-W" in value:
            year, week = value.split("-W")
            dt.date.fromisocalendar(int(year), int(week), 1)
        elif len(value) == 10:
            dt.date.fromisoformat(value)
        elif len(value) == 7:
            dt.date(int(value[:4]), int(value[5:]), 1)
    except ValueError:
        return None
    return value


@lru_cache(maxsize=1 << 14)  # the same dates on every list
def time_html(value: str | dt.date | None, lang: str) -> str:
    """A date as <time>: never starts a line with "13." (which Markdown would make a list)."""
    value = iso(value)
    if value is None:
        return f"<time>{format_date(None, lang)}</time>"
    return f'<time datetime="{value}">{format_date(value, lang)}</time>'


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary with an ellipsis."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(",;:–- ") + "…"


def one_line(summary: str, limit: int = 180) -> str:
    """The first sentence of a summary, at most `limit` characters (untrusted: escape it after)."""
    text = " ".join((summary or "").split())
    match = _SENTENCE_END.search(text)
    first = text[: match.end()].rstrip() if match else text
    return shorten(first, limit)


def md_link(label_text: str, target: str) -> str:
    """A Markdown link with an escaped (untrusted) label; `target` is a path we generated."""
    return f"[{inline(label_text)}]({target})"


# Long generated lists are written as raw HTML blocks: Python-Markdown stashes them without running
# its inline patterns (the most expensive part of a site build). Text in them goes through `inline`
# like everywhere else (numeric character references: inert in HTML as in Markdown). MkDocs neither
# rewrites nor checks links in raw HTML, so they are the URLs of the built site (SiteUrls.href) or
# anchors of the same page.

def html_link(label_text: str, href: str) -> str:
    """<a> with an escaped (untrusted) label; `href` is a URL we generated."""
    return f'<a href="{html.escape(href, quote=True)}">{inline(label_text)}</a>'


def evidence_html(index: int) -> str:
    """The link from a list item to its sentence on the same briefing page."""
    return f'<a href="#s-{index}">↗</a>'


def html_list(items: list[str], *, ordered: bool = False, search: bool = True) -> list[str]:
    """A raw HTML list block (items are HTML) with the blank lines Markdown needs around it.
    `search=False` keeps a list out of the search index (Material's `data-search-exclude`, which
    its search plugin removes from the page): for lists that repeat text indexed elsewhere."""
    tag = "ol" if ordered else "ul"
    start = f'<{tag} data-search-exclude="true">' if not search else f"<{tag}>"
    return [start, *(f"<li>{item}</li>" for item in items), f"</{tag}>", ""]


def framed(head: bytes, parts: list[bytes], tail: bytes, sep: bytes = b", ") -> bytes:
    """`head + sep.join(parts) + tail` in one copy of the parts: the archive-wide exports are
    megabytes, and each `+` would copy them again."""
    if len(parts) < 2:
        return head + b"".join(parts) + tail
    return sep.join([head + parts[0], *parts[1:-1], parts[-1] + tail])
