"""Fixtures for the browser tests: the sample site (the repository's articles plus two of ours)
and a small site rendered from Briefing objects, each built into a temporary folder and served
on localhost, and a headless Debian Chromium driven by Playwright."""
from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import shutil
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DATA = Path(__file__).resolve().parent / "data"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]


def _missing() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "Playwright for Python is not installed (pip install playwright)"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} not found (apt-get install chromium)"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _missing()
    if reason:
        skip = pytest.mark.skip(reason=reason)
        for item in items:
            if "browser" in item.keywords:
                item.add_marker(skip)


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def serve():
    servers = []

    def start(folder: Path) -> str:
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    from briefgen.build import build
    from briefgen.config import load_settings

    root = tmp_path_factory.mktemp("sample-site")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(REPO / "articles", root / "articles")
    shutil.copytree(DATA, root / "articles" / "browser-tests")
    build(load_settings(root), strict=True)
    return root / "site"


@pytest.fixture(scope="session")
def sample_url(sample_site, serve) -> str:
    return serve(sample_site)


@pytest.fixture(scope="session")
def timeline_site(tmp_path_factory) -> Path:
    """A site from Briefing objects with dated events, two of them the same event (the sample
    articles' events depend on the extraction, these do not)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from briefgen.render import render_site

    root = tmp_path_factory.mktemp("timeline-site")
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    for path, text in render_site(timeline_briefings(), lang="de").items():
        (root / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / path).write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    mkdocs_build(load_config(config_file=str(root / "mkdocs.yml"), docs_dir=str(root / "docs"),
                             site_dir=str(root / "site"), strict=True))
    return root / "site"


def timeline_briefings():
    from briefgen.model import Actor, Briefing, Event, Sentence

    body = "Erster Satz über den Hafen. Zweiter Satz über die Fähre. Dritter Satz über den Streik."
    sentences = (Sentence(0, 0, 27), Sentence(1, 28, 56), Sentence(2, 57, len(body)))
    captain = Actor("Ole Hansen", "person", aliases=("Hansen",), mentions=2, sentences=(0,))
    port = Actor("Hafenamt Kleinsiel", "organization", mentions=1, sentences=(1,))

    def b(slug, title, date, events, actors):
        return Briefing(slug=slug, title=title, date=date, language="de", summary=f"{title}.", body=body,
                        sentences=sentences, actors=tuple(actors), events=tuple(events))

    return [
        b("2026-06-03-faehre", "Fähre fährt wieder", dt.date(2026, 6, 3), [
            Event("2026-06-01", "am Montag", "Hansen steuerte die Fähre erstmals wieder nach Kleinsiel", ("Hansen",), 1),
            Event("2026-05-20", "vor zwei Wochen", "Das Hafenamt gab den Anleger frei", ("Hafenamt Kleinsiel",), 0),
            Event("2026-W25", "übernächste Woche", "Der Sommerfahrplan beginnt", (), 2),
        ], [captain, port]),
        b("2026-06-04-hafen", "Hafen atmet auf", dt.date(2026, 6, 4), [
            Event("2026-06-01", "am Montag", "Ole Hansen steuerte die Fähre am Montag erstmals wieder nach Kleinsiel",
                  ("Ole Hansen",), 0),
            Event("2026-06", "im Juni", "Die Reederei prüft zusätzliche Fahrten", (), 2),
            Event("2025-11-30", "im vergangenen November", "Ein Sturm beschädigte den Anleger", (), 1),
        ], [captain]),
    ]


@pytest.fixture(scope="session")
def timeline_url(timeline_site, serve) -> str:
    return serve(timeline_site)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors, uncaught exceptions, failed and outside requests."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = context.new_page()
    pg.problems = []
    pg.on("console", lambda m: m.type in ("error", "warning") and pg.problems.append(f"console {m.type}: {m.text}"))
    pg.on("pageerror", lambda e: pg.problems.append(f"page error: {e}"))
    # a request cut off because the test moved on to the next page (ERR_ABORTED) is no fault of the site
    pg.on("requestfailed", lambda r: "ERR_ABORTED" not in (r.failure or "")
          and pg.problems.append(f"request failed: {r.url} ({r.failure})"))
    pg.on("response", lambda r: r.status >= 400 and pg.problems.append(f"HTTP {r.status}: {r.url}"))
    pg.on("request", lambda r: not r.url.startswith(("http://127.0.0.1:", "data:", "blob:"))
          and pg.problems.append(f"outside request: {r.url}"))
    yield pg
    context.close()
