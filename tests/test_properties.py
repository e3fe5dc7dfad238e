"""Property tests: whatever the text, extraction gives a contract-valid briefing."""
from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.articles import ArticleErrors, parse_article
from briefgen.extract import Extractor
from briefgen.model import ISO_VALUE, Briefing
from briefgen.render import render_site

EXTRACTOR = Extractor()
WORDS = st.sampled_from(["Die", "Regierung", "sagte", "am", "Dienstag", ",", "dass", "„", "“", "\"", "The",
                         "minister", "said", "on", "Monday", "2019", "1.", "März", "yesterday", "ob", "whether",
                         "Kim", "Trump", "US-Präsident", ".", "?", "\n", "\n\n", "»", "«", "(EU)", "laut", "—"])
TEXT = st.one_of(st.text(min_size=1, max_size=400),
                 st.lists(WORDS, min_size=1, max_size=80).map(" ".join))


def check(b: Briefing) -> None:
    data = b.to_json()
    assert Briefing.from_json(data) == b
    for t in b.time_expressions:
        assert 0 <= t.start <= t.end <= len(b.body) and b.body[t.start:t.end] == t.text
        assert t.value is None or ISO_VALUE.match(t.value)
    for e in b.events:
        assert e.date is None or ISO_VALUE.match(e.date)
    for s in b.sentences:
        assert 0 <= s.start <= s.end <= len(b.body)
    n = len(b.sentences)
    for index in [a for actor in b.actors for a in actor.sentences] + [e.sentence for e in b.events] + \
            [q.sentence_index for q in b.quotes] + [q.sentence for q in b.questions]:
        assert 0 <= index < max(n, 1)
    assert all(a.kind in ("person", "organization", "place", "group", "other") for a in b.actors)
    assert all(q.kind in ("direct", "indirect", "reported") for q in b.quotes)
    assert len(b.questions) <= 5


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=TEXT, lang=st.sampled_from(["de", "en"]),
       date=st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))))
def test_any_text_gives_a_valid_briefing(body, lang, date):
    try:
        article = parse_article(body, "p.md", default_lang=lang, default_date=date)
    except ArticleErrors:
        return  # empty or front matter only: refused with a message, which test_articles checks
    b = EXTRACTOR(article)
    check(b)
    render_site([b], lang="de")  # rendering never fails either


@settings(max_examples=60, deadline=None)
@given(title=st.text(min_size=1, max_size=80), tags=st.lists(st.text(min_size=1, max_size=20), max_size=3))
def test_any_front_matter_is_accepted_or_refused_with_a_message(title, tags):
    import json

    text = f"---\ntitle: {json.dumps(title)}\ntags: {json.dumps(tags)}\n---\nDer Rat tagte am Montag."
    try:
        article = parse_article(text, "p.md")
    except ArticleErrors as err:
        assert all(e.path == "p.md" and e.line for e in err.errors)
        return
    check(EXTRACTOR(article))


FOLDERS = st.lists(st.sampled_from(["briefings", "actors", "timeline", "x", "b"]), max_size=3)
PAGES = st.sampled_from(["index.md", "a.md", "2025-01.md"])


@given(FOLDERS, PAGES, FOLDERS, PAGES)
def test_relative_links_agree_with_posixpath(here, page, there, target):
    import posixpath

    from briefgen.render.links import relative
    from_page, to_page = "/".join(here + [page]), "/".join(there + [target])
    assert relative(from_page, to_page) == posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    assert relative(from_page, to_page, "s-3").endswith("#s-3")
