"""Hostile articles built into a real site: nothing from an article runs, links or leaks."""
from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from briefgen.build import build
from briefgen.config import load_settings

DATA = Path(__file__).resolve().parent / "data"
REPO = DATA.parent.parent


class Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.scripts, self.handlers, self.urls, self.frames = [], [], [], []

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs).get("src") or "inline")
        if tag in ("iframe", "object", "embed"):
            self.frames.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name, value))
            if name in ("href", "src", "action", "formaction", "xlink:href") and value:
                self.urls.append(value)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(DATA / "hostile", root / "articles")
    (root / "secret.txt").write_text("TOP-SECRET-CONTENT")
    build(load_settings(root))
    return root


def html_pages(root: Path):
    return sorted((root / "site").rglob("*.html"))


def test_no_script_handler_or_javascript_url_from_articles(hostile_site):
    # the theme's own scripts are the same on a site built from harmless articles
    clean_root = hostile_site.parent / "clean"
    if not clean_root.exists():
        clean_root.mkdir()
        shutil.copy(REPO / "mkdocs.yml", clean_root / "mkdocs.yml")
        shutil.copytree(DATA / "articles", clean_root / "articles")
        build(load_settings(clean_root))
    allowed_scripts = set()
    for page in html_pages(clean_root):
        c = Collect()
        c.feed(page.read_text(encoding="utf-8"))
        allowed_scripts |= {re.sub(r"^(\.\./)+", "", s) for s in c.scripts}
    for page in html_pages(hostile_site):
        c = Collect()
        c.feed(page.read_text(encoding="utf-8"))
        assert not c.handlers, f"{page}: event handler attributes {c.handlers}"
        assert not c.frames, f"{page}: {c.frames}"
        assert {re.sub(r"^(\.\./)+", "", s) for s in c.scripts} <= allowed_scripts, page
        for url in c.urls:
            assert not re.match(r"\s*(javascript|data|vbscript):", url, re.I), f"{page}: {url}"


def test_no_file_content_leaks_and_no_raw_markup(hostile_site):
    for path in (hostile_site / "site").rglob("*"):
        if path.is_file() and path.suffix in (".html", ".json", ".xml", ".txt"):
            text = path.read_text(encoding="utf-8", errors="replace")
            assert "TOP-SECRET-CONTENT" not in text
            assert "root:x:0:0" not in text
            if path.suffix in (".html", ".xml"):  # JSON holds the text as data, which no browser runs
                assert "alert('body')</script>" not in text
    page = next(p for p in html_pages(hostile_site) if "rathaus" in p.as_posix())
    html = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in html or "&#60;script&#62;alert" in html  # shown as text
    assert 'class="admonition' not in html


def test_only_http_links_from_front_matter(hostile_site):
    page = next(p for p in html_pages(hostile_site) if "rathaus" in p.as_posix())
    c = Collect()
    c.feed(page.read_text(encoding="utf-8"))
    assert not any("onclick" in u for u in c.urls)
