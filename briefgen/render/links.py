"""Where each generated page lives, and links between them.

Pages link to each other by their Markdown source paths (MkDocs turns them into URLs and
checks them in strict mode); files outside MkDocs (feed.xml, timeline.json, briefings.json)
need the URL a page will have on the site, which depends on `use_directory_urls`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..model import slugify


def briefing_path(slug: str) -> str:
    return f"briefings/{slug}.md"


def actor_path(slug: str) -> str:
    return f"actors/{slug}.md"


def actor_part_path(slug: str, number: int) -> str:
    """Part `number` of the older briefings of a long actor page (render.actors.split_named)."""
    return f"actors/{slug}/{number}.md"


@lru_cache(maxsize=1 << 12)  # a site has a few hundred tags, each on many briefings
def tag_slug(tag: str) -> str:
    return slugify(tag, max_length=60)


def tag_path(tag: str) -> str:
    return f"tags/{tag_slug(tag)}.md"


def relative(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A Markdown link target from one docs/ path to another (both POSIX, relative to docs/,
    without "." or ".." parts: the paths briefgen generates)."""
    here = from_page.split("/")[:-1]
    there = to_page.split("/")
    common = 0
    while common < len(here) and common < len(there) - 1 and here[common] == there[common]:
        common += 1
    rel = "/".join([".."] * (len(here) - common) + there[common:])
    return f"{rel}#{anchor}" if anchor else rel


def target_path(from_page: str, target: str) -> tuple[str, str | None]:
    """A Markdown link target written on `from_page` (as `relative` makes them) -> (docs/ path, anchor)."""
    target, _, anchor = target.partition("#")
    parts = from_page.split("/")[:-1]
    for part in target.split("/"):
        if part == "..":
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts), anchor or None


@dataclass(frozen=True)
class SiteUrls:
    """URLs of pages on the built site: absolute when `site_url` is known, else root-relative paths."""

    site_url: str | None = None
    directory_urls: bool = True

    def page(self, md_path: str, anchor: str | None = None) -> str:
        url = _page_url(self.site_url, self.directory_urls, md_path)
        return f"{url}#{anchor}" if anchor else url

    def href(self, from_page: str, to_page: str, anchor: str | None = None) -> str:
        """A link from one page to another as the built site needs it, for raw HTML (which MkDocs
        neither rewrites nor checks): relative from the URL of `from_page` to that of `to_page`."""
        rel = _href(self.directory_urls, from_page, to_page)
        return f"{rel}#{anchor}" if anchor else rel

    def file(self, path: str) -> str:
        base = (self.site_url or "").rstrip("/")
        return f"{base}/{path}" if base else path


@lru_cache(maxsize=1 << 16)  # a long list links the same few pages many times
def _href(directory_urls: bool, from_page: str, to_page: str) -> str:
    local = SiteUrls(directory_urls=directory_urls)
    return relative(local.page(from_page), local.page(to_page)) or "./"


@lru_cache(maxsize=1 << 16)  # every list links the same briefing pages
def _page_url(site_url: str | None, directory_urls: bool, md_path: str) -> str:
    stem = md_path[:-3] if md_path.endswith(".md") else md_path
    if directory_urls:
        url = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
    else:
        url = stem + ".html"
    return SiteUrls(site_url=site_url).file(url)
