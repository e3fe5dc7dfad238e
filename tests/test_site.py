"""The sample site built with MkDocs in strict mode: short navigation on every page, nothing
loaded from the internet, a description on every page, the feed and JSON exports, UI language."""
from __future__ import annotations

import json
import re
import shutil
import time
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from briefgen.build import build
from briefgen.config import load_settings

REPO = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


def make_project(root: Path, *, language: str = "de") -> Path:
    """A copy of the sample project (mkdocs.yml, articles/) so the repository's docs/ stays untouched."""
    root.mkdir(parents=True, exist_ok=True)
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    if language != "de":
        config = re.sub(r"(?m)^(\s+)language: de\b", rf"\1language: {language}", config)
        config = re.sub(r"(?m)^(\s+)site_language: de\b", rf"\1site_language: {language}", config)
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    shutil.copytree(REPO / "articles", root / "articles")
    return root


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = make_project(tmp_path_factory.mktemp("sample"))
    started = time.perf_counter()
    build(load_settings(root), strict=True)  # raises BuildError on any MkDocs warning
    print(f"sample site built in {time.perf_counter() - started:.1f} s")
    return root / "site"


class Links(HTMLParser):
    """hrefs inside <nav> elements, and every external script/stylesheet/font/image reference."""

    def __init__(self) -> None:
        super().__init__()
        self.nav_depth = 0
        self.nav_links: list[str] = []
        self.external: list[str] = []
        self.description: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "nav":
            self.nav_depth += 1
        if tag == "a" and self.nav_depth and a.get("href"):
            self.nav_links.append(a["href"])
        if tag == "meta" and a.get("name") == "description":
            self.description = a.get("content")
        ref = a.get("src") if tag in ("script", "img", "iframe", "source") else None
        if tag == "link" and a.get("rel") not in ("canonical", "alternate"):
            ref = a.get("href")
        if ref and re.match(r"(?i)^(https?:)?//", ref):
            self.external.append(f"<{tag}> {ref}")

    def handle_endtag(self, tag):
        if tag == "nav":
            self.nav_depth -= 1


def pages(site: Path) -> dict[str, Links]:
    out = {}
    for path in sorted(site.rglob("*.html")):
        parser = Links()
        parser.feed(path.read_text(encoding="utf-8"))
        out[path.relative_to(site).as_posix()] = parser
    return out


def briefing_slugs(site: Path) -> list[str]:
    return [p.name for p in (site / "briefings").iterdir() if (p / "index.html").is_file() and not re.match(r"^\d{4}-\d{2}$|^undated$", p.name)]


def test_strict_build_makes_every_section(site):
    for page in ("index.html", "briefings/index.html", "actors/index.html", "timeline/index.html", "tags/index.html"):
        assert (site / page).is_file(), page
    assert len(briefing_slugs(site)) >= 10
    # people are listed by initial; an actor named in two briefings or more also has a page
    assert len(list((site / "actors").glob("person-*/index.html"))) >= 1


def test_no_page_carries_the_briefing_list_in_its_navigation(site):
    slugs = briefing_slugs(site)
    all_pages = pages(site)
    assert len(all_pages) > len(slugs) * 2
    sizes = set()
    for name, parser in all_pages.items():
        in_nav = [h for h in parser.nav_links if any(f"briefings/{s}/" in h for s in slugs)]
        assert in_nav == [], f"{name} lists briefings in its navigation: {in_nav[:3]}"
        sizes.add(len(parser.nav_links))
    # the navigation is the same short list everywhere (sections only, plus a page's own tags)
    assert max(sizes) < 40


def test_nothing_is_loaded_from_the_internet(site):
    for name, parser in pages(site).items():
        assert parser.external == [], f"{name}: {parser.external}"
    css = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.css"))
    assert not re.search(r"@import\s+url\(\s*['\"]?https?:|fonts\.googleapis|fonts\.gstatic", css)


def test_every_page_has_a_meta_description(site):
    for name, parser in pages(site).items():
        if name == "404.html":
            continue
        assert parser.description, name
    slug = briefing_slugs(site)[0]
    page = pages(site)[f"briefings/{slug}/index.html"]
    summary = json.loads((site / "briefings" / f"{slug}.json").read_text(encoding="utf-8"))["summary"]
    assert page.description.split()[:3] == summary.split()[:3]


def test_feed_and_json_exports(site):
    channel = ET.parse(site / "feed.xml").getroot().find("channel")
    items = channel.findall("item")
    assert 1 <= len(items) <= len(briefing_slugs(site))
    for item in items:
        link = item.findtext("link")
        assert (site / link / "index.html").is_file(), link
    index = json.loads((site / "briefings.json").read_text(encoding="utf-8"))
    assert {b["slug"] for b in index["briefings"]} == set(briefing_slugs(site))
    for b in index["briefings"]:
        assert (site / b["url"] / "index.html").is_file() and (site / b["json"]).is_file()
        for a in b["actors"]:
            page, _, anchor = a["url"].partition("#")  # its own page, or its entry on an initial page
            html = (site / page / "index.html").read_text(encoding="utf-8")
            assert not anchor or f'id="{anchor}"' in html, a["url"]
    timeline = json.loads((site / "timeline.json").read_text(encoding="utf-8"))
    assert set(timeline) == {"title", "events"}


def test_search_config_stems_german_and_english(site):
    config = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["config"]
    assert config["lang"] == ["de", "en"] and "stemmer" in config["pipeline"]
    assert (site / "assets" / "javascripts" / "workers" / "briefgen-search.js").is_file()
    assert list((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))


def test_site_language_english(tmp_path):
    root = make_project(tmp_path / "en", language="en")
    build(load_settings(root), strict=True)
    html = (root / "site" / "actors" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in html and "<h1 id=\"actors\">Actors</h1>" in html
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "Latest briefings" in home and "Neueste Briefings" not in home
