"""Extraction is a pure function: Dask (local scheduler) can fill the cache that the build reads."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import write_project  # noqa: E402
from briefgen.build import build, read_articles  # noqa: E402
from briefgen.cache import BriefingCache  # noqa: E402
from briefgen.config import load_settings  # noqa: E402
from briefgen.extract import Extractor  # noqa: E402
from briefgen.parallel import extract_to_cache  # noqa: E402

pytestmark = pytest.mark.slow


def test_dask_bag_fills_the_cache_and_build_extracts_nothing(tmp_path):
    db = pytest.importorskip("dask.bag", reason='dask is not installed: pip install "dask[bag]"')
    root = write_project(tmp_path / "archive", 5)
    paths = sorted(str(p) for p in (root / "articles").rglob("*.md"))
    bag = db.from_sequence(paths, npartitions=2)
    slugs = bag.map_partitions(extract_to_cache, root=str(root)).compute(scheduler="processes", num_workers=2)

    settings = load_settings(root)
    articles = read_articles(settings.articles_dir)
    assert sorted(slugs) == sorted(a.slug for a in articles)

    result = build(settings, site=False)
    assert result.articles == 5
    assert result.extracted == 0  # every briefing came from the cache Dask wrote
    for a in articles:
        assert (settings.docs_dir / "briefings" / f"{a.slug}.md").is_file()

    # the briefing Dask computed in another process is the one this process computes
    cache = BriefingCache(settings.cache_dir, settings.fingerprint())
    assert cache.get(articles[0]).to_json() == Extractor()(articles[0]).to_json()


def test_extract_to_cache_names_articles_like_the_build(tmp_path, monkeypatch):
    root = write_project(tmp_path / "archive", 2)
    monkeypatch.chdir(tmp_path)
    path = sorted(Path("archive/articles").rglob("*.md"))[0]  # relative to the working directory
    assert extract_to_cache([path], root="archive") == [read_articles(root / "articles")[0].slug]
    result = build(load_settings(root), site=False)
    assert result.articles == 2
    assert result.extracted == 1  # the other one came from the cache under the same key
