"""Extraction over many articles: in this process, in a process pool (`--jobs N`), or on Dask.

Extraction is a pure function Article -> Briefing (`Extractor.__call__`), so it can run
anywhere: each worker process has one `Extractor` and receives articles in batches, which
keeps the cost of pickling small against the cost of the NLP; results come back in input
order. Each worker builds its own pipelines while the parent goes on (the build reads the
cached briefings meanwhile); the parent never loads spaCy.

Starting spaCy takes a worker about a second, longer than the build needs to find out what to
extract; so the build starts one `Worker` before it reads the archive, which imports spaCy
meanwhile and takes the work if one worker is what `workers_for` asks for (and is stopped at
once otherwise, or when there is nothing to extract).

`extract_to_cache` is the unit of work for an external engine such as Dask: it reads article
files, extracts them and writes the briefings into the project's cache, where the next
`briefgen build` finds them (see the README, "Extraction with Dask").
"""
from __future__ import annotations

import functools
import gc
import math
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from .gcpause import paused
from .model import Article, Briefing

MAX_BATCH = 16  # articles per task: ~10,000 words, large enough that pickling is noise

_worker_extractor = None  # one Extractor per worker process, made by _init_worker


def _init_worker(models: dict[str, str]) -> None:
    global _worker_extractor
    with paused():  # importing spaCy makes a few hundred thousand objects that no collection frees
        from .extract import Extractor
    gc.freeze()  # and later collections need not look at them again
    _worker_extractor = Extractor(models=models)  # builds each language's pipeline on first use


def _extract_batch(batch: list[Article], models: dict[str, str] | None = None) -> list[Briefing]:
    global _worker_extractor
    if models is not None and models != _worker_extractor.models:  # a Worker started before the settings were read
        _worker_extractor = type(_worker_extractor)(models=models)
    return [_worker_extractor(a) for a in batch]


def batches(items: Sequence, jobs: int, max_batch: int = MAX_BATCH) -> list[list]:
    """Consecutive batches, at least four per worker so a slow batch does not leave a core idle."""
    if not items:
        return []
    size = max(1, min(max_batch, math.ceil(len(items) / (jobs * 4))))
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def _context():
    # fork is cheapest and safe here: the pool is made before MkDocs or any thread starts.
    # Elsewhere (macOS, Windows) the platform default is used.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def workers_for(missing: int, jobs: int | None) -> int:
    """Worker processes for `missing` articles: `jobs` if given (1: none, extract in this
    process); by default one per free core, at most one per batch of articles."""
    if jobs is not None:
        return 0 if jobs <= 1 else jobs
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, math.ceil(missing / MAX_BATCH))) if missing else 0


class Worker:
    """One worker process, started before the work is known: it imports spaCy at once."""

    def __init__(self) -> None:
        self._pool = _context().Pool(1, initializer=_init_worker, initargs=({},))

    def extract(self, articles: Sequence[Article], models: dict[str, str] | None = None) -> Iterator[Briefing]:
        """Briefings for `articles`, in input order; the worker stops after the last one."""
        try:
            for batch in self._pool.imap(functools.partial(_extract_batch, models=dict(models or {})),
                                         batches(articles, 1)):
                yield from batch
        finally:
            self.stop()

    def stop(self) -> None:
        """Stop the process now (whatever it is doing: importing spaCy, or done)."""
        self._pool.terminate()

    def __enter__(self) -> "Worker":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()


def extract_many(articles: Sequence[Article], *, jobs: int | None = 1, models: dict[str, str] | None = None,
                 extractor=None, worker: Worker | None = None) -> Iterator[Briefing]:
    """Briefings for `articles`, in input order, as they become ready.

    jobs 1 runs in this process with `extractor` (made if not given), when the first briefing is
    asked for. Otherwise worker processes (`workers_for`) start at once, each building its own
    pipeline, and work through batches of articles while the caller does other work - such as
    reading the cached briefings. A `worker` started earlier does the work when one worker is
    what `workers_for` gives (else it is stopped).
    """
    models = dict(models or {})
    workers = workers_for(len(articles), jobs)
    if worker is not None and workers == 1:
        return worker.extract(articles, models)  # `worker`: started earlier; used if one worker is right
    if worker is not None:
        worker.stop()
    if not articles:
        return iter(())
    if workers == 0:
        return _in_process(articles, models, extractor)
    from concurrent.futures import ProcessPoolExecutor

    work = batches(articles, workers)
    pool = ProcessPoolExecutor(max_workers=min(workers, len(work)), mp_context=_context(),
                               initializer=_init_worker, initargs=(models,))
    futures = [pool.submit(_extract_batch, batch) for batch in work]
    return _results(pool, futures)


def _in_process(articles: Sequence[Article], models: dict[str, str], extractor) -> Iterator[Briefing]:
    if extractor is None:
        from .extract import Extractor

        extractor = Extractor(models=models)
    for article in articles:
        yield extractor(article)


def _results(pool, futures) -> Iterator[Briefing]:
    try:
        for future in futures:
            yield from future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def extract_to_cache(paths: Iterable[str | Path], root: str | Path = ".") -> list[str]:
    """Extract article files of the project at `root` into its briefing cache; -> their slugs.

    `paths` are article files inside the project's articles folder. The cache key is the one
    `briefgen build` computes (article text and metadata, briefgen's code, the settings), so
    the build then takes these briefings from the cache instead of running the NLP again.
    Raises `ArticleErrors` for an invalid article, like `briefgen check` would report it.
    """
    from .articles import load_article
    from .cache import BriefingCache
    from .config import load_settings
    from .extract import Extractor

    settings = load_settings(Path(root))
    articles_dir = Path(os.path.abspath(settings.articles_dir))  # names as `read_articles` gives them
    cache = BriefingCache(settings.cache_dir, settings.fingerprint())
    extractor = Extractor(models=settings.model_map())
    slugs = []
    for path in map(Path, paths):
        name = Path(os.path.abspath(path)).relative_to(articles_dir).as_posix()
        article = load_article(path, name)
        if cache.get(article) is None:
            cache.put(article, extractor(article))
        slugs.append(article.slug)
    return slugs
