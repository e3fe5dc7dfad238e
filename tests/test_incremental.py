"""Incremental builds: the previous build's state lets the next one skip unchanged articles and
pages, and an incremental build writes exactly what a build from scratch writes."""
from __future__ import annotations

import os

import shutil
from pathlib import Path

import pytest

import briefgen.state as state
from briefgen.build import build
from briefgen.config import load_settings

NEW_ARTICLE = """---
title: "Fährhafen Lindenau bekommt neuen Anleger"
date: 2025-09-10
lang: de
tags: [Verkehr]
---
Der Fährhafen Lindenau bekommt bis zum 1. Mai einen neuen Anleger. Das teilte Hafenmeisterin Ilka Brandt
am Montag mit. „Der alte Steg ist nach dreißig Jahren am Ende“, sagte Brandt.
"""


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def no_racy(monkeypatch):
    """Files written a moment ago count as settled (tests run faster than the racy window)."""
    monkeypatch.setattr(state, "RACY", 0.0)


def fresh_build(project: Path, tmp_path: Path) -> dict[str, bytes]:
    """docs/ as a build from scratch (no cache, no state) makes it from the same articles."""
    other = tmp_path / "fresh"
    other.mkdir()
    shutil.copy(project / "mkdocs.yml", other / "mkdocs.yml")
    shutil.copytree(project / "articles", other / "articles")
    build(load_settings(other), site=False)
    return tree(other / "docs")


def test_unchanged_rebuild_reads_extracts_and_renders_almost_nothing(project, no_racy):
    settings = load_settings(project)
    first = build(settings, site=False)
    assert first.reread == 2 and first.extracted == 2
    # files the last build wrote are racy (younger than its start): read back and compared once
    build(settings, site=False)
    again = build(settings, site=False)
    assert again.reread == 0 and again.extracted == 0 and again.changes.stale == []
    # the two briefing pages and their JSON (and actor pages, here none) come back unrendered;
    # aggregate pages are redone
    assert 0 < again.rendered <= first.rendered - 4


def test_adding_and_editing_articles_gives_what_a_fresh_build_gives(project, tmp_path, no_racy):
    settings = load_settings(project)
    build(settings, site=False)
    (project / "articles" / "faehrhafen-de.md").write_text(NEW_ARTICLE, encoding="utf-8")
    edited = project / "articles" / "harbour-ferry-en.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("ferry", "ferry service", 1), encoding="utf-8")
    result = build(settings, site=False)
    assert result.reread == 2 and result.extracted == 2
    assert "briefings/2025-09-10-faehrhafen-lindenau-bekommt-neuen-anleger.md" in result.changes.added
    assert tree(project / "docs") == fresh_build(project, tmp_path)


def test_a_removed_article_leaves_no_page_behind(project, tmp_path, no_racy):
    settings = load_settings(project)
    build(settings, site=False)
    (project / "articles" / "harbour-ferry-en.md").unlink()
    result = build(settings, site=False)
    assert any(p.startswith("briefings/2026-03-05-island-ferry") for p in result.changes.removed)
    assert tree(project / "docs") == fresh_build(project, tmp_path)


def test_hand_edited_or_deleted_generated_files_are_restored(project, no_racy):
    settings = load_settings(project)
    build(settings, site=False)
    build(settings, site=False)  # now every page is settled and would be reused
    before = tree(project / "docs")
    page = project / "docs" / "briefings" / "2025-09-04-stadtbibliothek-falkenried-oeffnet-kuenftig-auch-sonntags.md"
    page.write_text("edited by hand\n", encoding="utf-8")
    month = sorted((project / "docs" / "timeline").glob("2*.md"))[0]
    month.unlink()
    result = build(settings, site=False)
    assert result.changes.changed == [page.relative_to(project / "docs").as_posix()]
    assert result.changes.added == [month.relative_to(project / "docs").as_posix()]
    assert tree(project / "docs") == before


def test_check_sees_an_edited_article(project, no_racy):
    settings = load_settings(project)
    build(settings, site=False)
    edited = project / "articles" / "stadtbibliothek-de.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("sechs Monate", "acht Monate"), encoding="utf-8")
    stale = build(settings, check=True).changes.stale
    assert "briefings/2025-09-04-stadtbibliothek-falkenried-oeffnet-kuenftig-auch-sonntags.md" in stale


@pytest.mark.parametrize("content", [b"", b"not a pickle", b"\x80\x05N."])
def test_a_broken_or_foreign_state_means_a_full_build(project, tmp_path, no_racy, content):
    settings = load_settings(project)
    build(settings, site=False)
    (settings.cache_dir / state.FILE).write_bytes(content)
    result = build(settings, site=False)
    assert result.reread == 2 and result.extracted == 0  # the briefing cache still answers
    assert tree(project / "docs") == fresh_build(project, tmp_path)


def test_state_of_other_settings_is_not_used(project):
    settings = load_settings(project)
    build(settings, site=False)
    assert state.StateStore(settings.cache_dir).load(settings.fingerprint()).articles
    assert not state.StateStore(settings.cache_dir).load(settings.fingerprint() + "other").articles


def test_a_file_changed_just_before_the_build_that_recorded_it_is_not_trusted(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("x")
    sig = state.signature(path)
    recorded = state.BuildState(started_ns=sig[1] + int(state.RACY * 1e9) // 2)  # within the racy window
    assert not recorded.trusted(sig, sig)
    settled = state.BuildState(started_ns=sig[1] + int(state.RACY * 1e9) + 1)
    assert settled.trusted(sig, sig)
    assert not settled.trusted(state.signature(path), (sig[0] + 1, sig[1], sig[2]))
    assert not settled.trusted(None, sig)


def test_a_recent_docs_file_is_trusted_only_if_its_content_is_what_was_recorded(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_bytes(b"written by the build")
    sig = state.signature(docs / "page.md")
    recorded = state.BuildState(written={"page.md": (sig, state.digest(b"written by the build"))},
                                started_ns=sig[1] - 1)  # the build that recorded it wrote it: racy
    assert recorded.unchanged_docs(docs) == {"page.md": state.digest(b"written by the build")}
    # the same size and modification time, other bytes (changed within one clock tick)
    (docs / "page.md").write_bytes(b"WRITTEN BY THE BUILD")
    os.utime(docs / "page.md", ns=(sig[1], sig[1]))
    assert state.signature(docs / "page.md") == sig and recorded.unchanged_docs(docs) == {}


# ---------------------------------------------------------------- the page memo, on briefings made here
def briefings_for_memo():
    import datetime as dt

    from briefgen.model import Actor, Briefing, Event
    mayor = Actor("Petra Holm", "person", mentions=2, sentences=(0,))
    council = Actor("Stadtrat Lindenau", "organization", sentences=(0,))
    harbour = Actor("Hafen Lindenau", "place", sentences=(0,))
    return [Briefing(slug=f"2025-01-0{i}-b{i}", title=f"Meldung {i}", date=dt.date(2025, 1, i), language="de",
                     summary="Kurz.", body="Ein Satz.", actors=actors,
                     events=(Event(date=f"2025-0{i}-15", expression="am 15.", text=f"Ereignis {i}"),))
            for i, actors in ((1, (mayor, council)), (2, (mayor,)), (3, (harbour,)))]


def render_with(briefings, previous, add=lambda b: b, full=None):
    """The site's files with a memo of the `previous` (pages, values), each briefing filed as
    `add(briefing)` under a key that its slug and title make."""
    from briefgen.render import Site
    from briefgen.render.memo import PageMemo
    memo = PageMemo(*previous)
    site = Site()
    for b in briefings:
        site.add(add(b), f"key-of-{b.slug}-{b.title}")
    return site.files(lang="de", memo=memo, full=full), memo


def test_memo_keeps_pages_of_unchanged_inputs_and_redoes_those_a_change_reaches():
    import dataclasses

    from briefgen.render import render_site
    from briefgen.render.memo import SAME
    briefings = briefings_for_memo()
    first, memo = render_with(briefings, ({}, {}))
    assert SAME not in first.values() and first == render_site(briefings, lang="de")
    again, memo2 = render_with(briefings, (memo.current, memo.values))
    kept = {p for p, text in again.items() if text is SAME}
    assert kept == set(memo.current) and memo2.reused == len(kept)
    assert {"briefings/2025-01-01-b1.md", "briefings/2025-01-01-b1.json", "actors/petra-holm-person.md",
            "timeline/2025-01.md"} <= kept
    assert "index.md" not in kept  # aggregate pages are always rendered

    # a new title for briefing 2: its page and JSON, the mayor's page and her entry's list page
    # (they are made from the briefings naming her), briefing 1's page (it lists briefing 2 as
    # related), the month of briefing 2's event and its own month's list change; briefing 3 and
    # the other months do not
    changed = [briefings[0], dataclasses.replace(briefings[1], title="Meldung zwei"), briefings[2]]
    third, _ = render_with(changed, (memo.current, memo.values))
    redone = {p for p in memo.current if third[p] is not SAME}
    assert redone == {"briefings/2025-01-02-b2.md", "briefings/2025-01-02-b2.json", "actors/petra-holm-person.md",
                      "actors/person-p.md", "briefings/2025-01-01-b1.md", "timeline/2025-02.md",
                      "briefings/2025-01.md"}
    assert {p: t for p, t in third.items() if p in redone} == {p: t for p, t in render_site(changed, lang="de").items()
                                                              if p in redone}


def test_a_site_filed_with_slim_briefings_renders_what_the_full_ones_give():
    from briefgen.render import render_site, slim
    briefings = briefings_for_memo()
    by_key = {f"key-of-{b.slug}-{b.title}": b for b in briefings}
    asked = []

    def full(key):
        asked.append(key)
        return by_key[key]
    files, _ = render_with(briefings, ({}, {}), add=slim, full=full)
    assert files == render_site(briefings, lang="de")
    assert sorted(asked) == sorted(list(by_key) * 2)  # each briefing's page and JSON, nothing else

    # with every page kept, no full briefing is needed at all
    files, memo = render_with(briefings, ({}, {}))
    asked.clear()
    render_with(briefings, (memo.current, memo.values), add=slim, full=full)
    assert asked == []


def test_the_values_a_memo_keeps_are_reused_only_for_the_same_inputs():
    from briefgen.render.memo import PageMemo
    calls = []

    def compute(x):
        calls.append(x)
        return x * 2
    first = PageMemo()
    assert first.value("a", ("in", 1), compute, 1) == 2
    again = PageMemo({}, first.values)
    assert again.value("a", ("in", 1), compute, 5) == 2 and calls == [1]  # kept: not computed again
    assert again.value("a", ("in", 2), compute, 5) == 10 and calls == [1, 5]
    assert again.values["a"][1] == 10
