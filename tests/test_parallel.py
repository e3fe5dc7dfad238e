"""--jobs N: worker processes give the same briefings, in input order, as extraction in this process."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.generate import generate_article, write_project  # noqa: E402
from briefgen.articles import parse_article  # noqa: E402
from briefgen.build import build  # noqa: E402
from briefgen.config import load_settings  # noqa: E402
from briefgen.parallel import Worker, batches, extract_many, workers_for  # noqa: E402


def test_batches_keep_order_and_cover_everything():
    items = list(range(103))
    out = batches(items, jobs=2, max_batch=16)
    assert [x for b in out for x in b] == items
    assert max(len(b) for b in out) <= 16 and len(out) >= 8  # at least four batches per worker
    assert batches([], jobs=2) == []
    assert batches([1], jobs=4) == [[1]]


def test_workers_by_default_one_per_core_as_far_as_there_is_work(monkeypatch):
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr("os.cpu_count", lambda: 2)
    assert workers_for(0, None) == 0  # nothing to extract: no process is started
    assert workers_for(1, None) == 1  # one new article: one worker, while the cache is read
    assert workers_for(16, None) == 1 and workers_for(17, None) == 2 and workers_for(1000, None) == 2
    assert workers_for(1000, 1) == 0  # --jobs 1: in this process
    assert workers_for(5, 3) == 3


def test_a_worker_started_before_the_work_does_it_when_one_worker_is_right():
    articles = [parse_article(generate_article(i, seed=12)[1], f"2024/w{i}.md") for i in range(2)]
    alone = [b.to_json() for b in extract_many(articles, jobs=1)]
    worker = Worker()
    processes = worker._pool._pool
    assert [b.to_json() for b in extract_many(articles, jobs=None, worker=worker)] == alone
    for p in processes:
        p.join(timeout=5)
        assert not p.is_alive()  # stopped after the last briefing

    unused = Worker()
    processes = unused._pool._pool
    assert list(extract_many([], jobs=None, worker=unused)) == []  # nothing to do: stopped at once
    for p in processes:
        p.join(timeout=5)
        assert not p.is_alive()


@pytest.mark.slow
def test_pool_matches_in_process_extraction_in_order():
    articles = [parse_article(generate_article(i, seed=11)[1], f"2024/a{i}.md") for i in range(6)]
    alone = [b.to_json() for b in extract_many(articles, jobs=1)]
    pooled = [b.to_json() for b in extract_many(articles, jobs=2)]
    assert [b["slug"] for b in pooled] == [a.slug for a in articles]
    assert pooled == alone


@pytest.mark.slow
def test_build_with_jobs_writes_the_same_docs(tmp_path):
    one = write_project(tmp_path / "one", 5)
    two = write_project(tmp_path / "two", 5)
    r1 = build(load_settings(one), site=False, jobs=1)
    r2 = build(load_settings(two), site=False, jobs=2)
    assert r1.extracted == r2.extracted == 5
    files1 = {p.relative_to(one / "docs"): p.read_bytes() for p in (one / "docs").rglob("*") if p.is_file()}
    files2 = {p.relative_to(two / "docs"): p.read_bytes() for p in (two / "docs").rglob("*") if p.is_file()}
    assert files1 == files2
    assert build(load_settings(two), site=False, jobs=2).extracted == 0
