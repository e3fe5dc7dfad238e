"""The built site in a real browser (headless Debian Chromium through Playwright): German-aware
search, actor links, timeline order, provenance highlighting, no console errors.

Run with the plain test command; skipped with a reason when Playwright or /usr/bin/chromium is
missing (.ci/run installs both)."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def search(page, base: str, query: str) -> list[str]:
    """Type a query into Material's search box; the result links (page URLs, best first)."""
    page.goto(base)
    box = page.locator("input.md-search__input")
    box.click()
    meta = page.locator(".md-search-result__meta")
    # Material shows "Initialisiere Suche" until the worker has built the index, then the placeholder
    page.wait_for_function("() => /eingeben|Type to start/i.test("
                           "document.querySelector('.md-search-result__meta').textContent)", timeout=15_000)
    box.type(query, delay=20)
    page.wait_for_function(
        "q => { const m = document.querySelector('.md-search-result__meta');"
        " return document.querySelector('input.md-search__input').value === q &&"
        " /\\d|Keine|No matching/.test(m.textContent); }", arg=query, timeout=10_000)
    page.wait_for_timeout(400)  # the answer to the last keystroke replaces those to earlier ones
    assert meta.is_visible()
    return page.locator("a.md-search-result__link").evaluate_all("els => els.map(e => e.href)")


def click(locator) -> None:
    """Click like a reader: scrolled to the middle first, so the sticky header is not on top of it."""
    locator.evaluate("e => e.scrollIntoView({block: 'center'})")
    locator.click()


def page_of(url: str) -> str:
    return re.sub(r"[?#].*$", "", url)


def index(site) -> list[dict]:
    return json.loads((site / "briefings.json").read_text(encoding="utf-8"))["briefings"]


def slug_of(site, title_start: str) -> str:
    return next(b["slug"] for b in index(site) if b["title"].startswith(title_start))


def test_german_inflected_word_finds_the_briefing(page, sample_site, sample_url):
    slug = slug_of(sample_site, "Bergdorf Oberwinkl")
    text = (sample_site / "briefings" / slug / "index.html").read_text(encoding="utf-8")
    assert "Gipfel" in text and not re.search(r"(?i)gipfels", text)  # only the uninflected form is there
    results = search(page, sample_url, "Gipfels")
    assert results and page_of(results[0]) == f"{sample_url}briefings/{slug}/"
    assert page.problems == []


def test_english_plural_finds_the_singular(page, sample_site, sample_url):
    slug = slug_of(sample_site, "Volunteers restore")
    assert "lighthouses" not in (sample_site / "briefings" / slug / "index.html").read_text(encoding="utf-8")
    results = search(page, sample_url, "lighthouses")
    assert f"{sample_url}briefings/{slug}/" in [page_of(r) for r in results[:3]]


def test_umlaut_word_finds_its_briefing(page, sample_site, sample_url):
    slug = slug_of(sample_site, "Bergdorf Oberwinkl")
    results = search(page, sample_url, "Bürgermeisterin Aufhauser")
    assert f"{sample_url}briefings/{slug}/" in [page_of(r) for r in results[:3]]


def test_actor_link_leads_to_the_actor_page_listing_its_briefings(page, sample_site, sample_url):
    briefings = index(sample_site)
    # an actor named by more than one briefing, if the extraction found one; else any actor
    counts: dict[str, list[str]] = {}
    for b in briefings:
        for a in b["actors"]:
            counts.setdefault(a["slug"], []).append(b["slug"])
    # the page links its first six actors prominently: pick the most shared actor among those
    key_slugs = {a["slug"] for b in briefings for a in b["actors"][:6]}
    shared = sorted(key_slugs, key=lambda s: (-len(counts[s]), s))[0]
    source = next(b for b in briefings if shared in [a["slug"] for a in b["actors"]][:6])
    page.goto(f"{sample_url}briefings/{source['slug']}/")
    click(page.locator(f'article a[href$="actors/{shared}/"]').first)
    page.wait_for_url(f"{sample_url}actors/{shared}/")
    listed = page.locator("article h2:has-text('Genannt in') + ul > li > a:not([href*='#'])").evaluate_all(
        "els => els.map(e => e.href)")
    assert sorted(page_of(h) for h in listed) == sorted(f"{sample_url}briefings/{s}/" for s in counts[shared])
    assert page.problems == []


def test_timeline_is_in_date_order_and_merges_one_event_reported_twice(page, timeline_url):
    page.goto(f"{timeline_url}timeline/")
    months = page.locator("article li > a").evaluate_all("els => els.map(e => e.href)")
    assert months == [f"{timeline_url}timeline/2025-11/", f"{timeline_url}timeline/2026-05/",
                      f"{timeline_url}timeline/2026-06/"]
    seen = []
    for month in months:
        page.goto(month)
        stamps = page.locator("article li time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
        assert stamps, month
        seen += stamps
    # by the start of each period; at the same start the finer date first (1 June before June)
    assert seen == ["2025-11-30", "2026-05-20", "2026-06-01", "2026-06", "2026-W25"]
    starts = [dt.date.fromisocalendar(2026, 25, 1) if "W" in s else dt.date.fromisoformat((s + "-01")[:10])
              for s in seen]
    assert starts == sorted(starts)
    ferry = page.locator("article li", has_text="steuerte")
    page.goto(f"{timeline_url}timeline/2026-06/")
    assert ferry.count() == 1  # two articles, one event
    assert ferry.locator("a").evaluate_all("els => els.map(e => e.href)") == [
        f"{timeline_url}briefings/2026-06-03-faehre/#s-1", f"{timeline_url}briefings/2026-06-04-hafen/#s-0"]
    assert page.problems == []


def test_sample_timeline_pages_are_in_date_order(page, sample_site, sample_url):
    months = sorted(p.parent.name for p in (sample_site / "timeline").glob("*/index.html"))
    for month in months:
        page.goto(f"{sample_url}timeline/{month}/")
        stamps = page.locator("article li time").evaluate_all("els => els.map(e => e.getAttribute('datetime'))")
        starts = [dt.date.fromisocalendar(int(s[:4]), int(s[6:]), 1) if "W" in s
                  else dt.date.fromisoformat((s + "-01-01")[:10] if len(s) == 4 else (s + "-01")[:10]) for s in stamps]
        assert starts == sorted(starts), month
    assert page.problems == []


def _highlighted(page, anchor: str) -> dict:
    page.wait_for_function(
        "id => { const el = document.getElementById(id); return el && el.classList.contains('bg-highlight'); }",
        arg=anchor, timeout=5_000)
    page.wait_for_timeout(300)  # let the smooth scroll settle
    return page.evaluate(
        "id => { const r = document.getElementById(id).getBoundingClientRect();"
        " return {top: r.top, bottom: r.bottom, height: innerHeight,"
        " others: document.querySelectorAll('.bg-s.bg-highlight').length,"
        " bg: getComputedStyle(document.getElementById(id)).backgroundColor}; }", anchor)


def test_provenance_link_scrolls_to_and_highlights_its_sentence(page, timeline_url):
    page.goto(f"{timeline_url}briefings/2026-06-03-faehre/")
    click(page.locator('article a[href$="#s-2"]').first)
    box = _highlighted(page, "s-2")
    assert 0 <= box["top"] and box["bottom"] <= box["height"] and box["others"] == 1
    assert box["bg"] not in ("rgba(0, 0, 0, 0)", "transparent")
    # another link moves the highlight
    click(page.locator('article a[href$="faehre/#s-0"], article a[href="#s-0"]').first)
    assert _highlighted(page, "s-0")["others"] == 1
    assert page.problems == []


def test_provenance_link_from_another_page_highlights_after_instant_navigation(page, timeline_url):
    page.goto(f"{timeline_url}timeline/2026-06/")
    click(page.locator('article a[href$="2026-06-04-hafen/#s-0"]').first)
    page.wait_for_url(f"{timeline_url}briefings/2026-06-04-hafen/#s-0")
    box = _highlighted(page, "s-0")
    assert 0 <= box["top"] and box["bottom"] <= box["height"]
    assert page.problems == []


def test_no_console_errors_on_any_kind_of_page(page, sample_site, sample_url):
    briefing = index(sample_site)[0]
    actor = next((a for b in index(sample_site) for a in b["actors"]), None)
    paths = ["", "briefings/", f"briefings/{briefing['slug']}/", "actors/", "timeline/", "tags/"]
    if actor:
        paths.append(actor["url"])
    paths += [p.parent.relative_to(sample_site).as_posix() + "/" for p in sorted((sample_site / "tags").glob("*/index.html"))[:1]]
    for path in paths:
        page.goto(sample_url + path)
        page.wait_for_load_state("networkidle")
        assert page.title(), path
    search(page, sample_url, "Warnstreiks")
    # palette toggle works and is remembered without errors
    page.keyboard.press("Escape")
    click(page.locator("form[data-md-component=palette] label").first)
    assert page.problems == []
