"""The benchmark's article generator makes valid, varied, deterministic articles."""
from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate_article, write_articles, write_project  # noqa: E402
from briefgen.articles import parse_article  # noqa: E402
from briefgen.build import BuildError, read_articles  # noqa: E402


def test_project_is_accepted_by_the_build_reader(tmp_path):
    root = write_project(tmp_path / "p", 12)
    assert (root / "mkdocs.yml").is_file()
    articles = read_articles(root / "articles")
    assert len(articles) == 12
    assert {a.lang for a in articles} == {"de", "en"}
    assert len({a.slug for a in articles}) == 12
    for a in articles:
        assert a.date is not None and a.title
        assert 500 <= len(a.body.split()) <= 720, (a.path, len(a.body.split()))


@pytest.mark.parametrize("lang,marks,month_words", [
    ("de", ("„", "»"), r"\b(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b"),
    ("en", ("“",), r"\b(January|February|March|April|May|June|July|August|September|October|November|December)\b"),
])
def test_articles_carry_quotes_dates_and_open_questions(lang, marks, month_words):
    for i in range(5):
        article = parse_article(generate_article(i, seed=3, lang=lang)[1], f"a{i}.md")
        assert article.lang == lang
        body = article.body
        assert any(m in body for m in marks), "a direct quote"
        assert re.search(month_words, body), "an absolute date"
        assert re.search(r"\b\d{1,2}\.? ?\w", body)
        cues = ("Offen ist", "Unklar bleibt", "ist weiterhin offen", "ließ sie bislang offen", "Ungeklärt ist",
                "Noch nicht entschieden", "soll ein Gutachten klären") if lang == "de" else (
                "unclear", "remains to be seen", "not yet been decided", "Questions remain", "not been explained",
                "expected to be set out", "No date has yet")
        assert sum(c in body for c in cues) >= 3, "three open questions"


def test_deterministic_and_independent_of_archive_size(tmp_path):
    assert generate_article(41, seed=5) == generate_article(41, seed=5)
    assert generate_article(41, seed=5) != generate_article(41, seed=6)
    small = write_project(tmp_path / "small", 3)
    large = write_project(tmp_path / "large", 6)
    for path in sorted((small / "articles").rglob("*.md")):
        twin = large / "articles" / path.relative_to(small / "articles")
        assert twin.read_bytes() == path.read_bytes()


def test_adding_articles_extends_the_archive(tmp_path):
    root = write_project(tmp_path / "p", 5)
    before = {a.slug for a in read_articles(root / "articles")}
    write_articles(root / "articles", 5, 2)
    after = {a.slug for a in read_articles(root / "articles")}
    assert before < after and len(after) == 7


def test_duplicate_slug_would_be_refused(tmp_path):
    # the reader's duplicate check is what keeps generated archives honest: copy one article
    root = write_project(tmp_path / "p", 2)
    one = sorted((root / "articles").rglob("*.md"))[0]
    (one.parent / ("copy-" + one.name)).write_bytes(one.read_bytes())
    with pytest.raises(BuildError):
        read_articles(root / "articles")
