"""Extraction over many articles: in this process, in a process pool (`--jobs N`), or on Dask.

Extraction is a pure function Article -> Briefing (`Extractor.__call__`), so it can run
anywhere: each worker process has one `Extractor` and receives articles in batches, which
keeps the cost of pickling small against the cost of the NLP; results come back in input
order. Where processes are forked (Linux), the parent builds and warms the pipelines once and
the workers inherit them; elsewhere each worker builds its own in the pool's initializer.

`extract_to_cache` is the unit of work for an external engine such as Dask: it reads article
files, extracts them and writes the briefings into the project's cache, where the next
`briefgen build` finds them (see the README, "Extraction with Dask").
"""
from __future__ import annotations

import math
import multiprocessing
import os
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from .model import Article, Briefing

WARM_UP = {  # loads the lazily built parts (HanTa's model, word lists, regex caches)
    "de": "Die Stadt Kellbach plant einen Neubau. „Wir sind bereit“, sagte Bürgermeisterin Anna Roth am Montag.",
    "en": "The council in Kellbach plans a new depot. “We are ready,” mayor Anna Roth said on Monday.",
}
MAX_BATCH = 16  # articles per task: ~10,000 words, large enough that pickling is noise

_worker_extractor = None  # one Extractor per worker process, made by _init_worker


def _init_worker(models: dict[str, str]) -> None:
    global _worker_extractor
    if _worker_extractor is not None:
        return  # forked from a parent that prepared it (see `_prepare`)
    from .extract import Extractor

    _worker_extractor = Extractor(models=models)


def _prepare(extractor, langs: Iterable[str]) -> None:
    """In the parent, before forking: import spaCy, build and warm every needed pipeline once,
    so that the workers inherit them instead of each paying seconds of start-up."""
    global _worker_extractor
    import datetime as dt

    for lang in sorted(set(langs)):
        extractor(Article(path="warm-up.md", title="Warm-up", body=WARM_UP[lang], lang=lang,
                          date=dt.date(2024, 1, 15)))
    _worker_extractor = extractor


def _extract_batch(batch: list[Article]) -> list[Briefing]:
    return [_worker_extractor(a) for a in batch]


def batches(items: Sequence, jobs: int, max_batch: int = MAX_BATCH) -> list[list]:
    """Consecutive batches, at least four per worker so a slow batch does not leave a core idle."""
    if not items:
        return []
    size = max(1, min(max_batch, math.ceil(len(items) / (jobs * 4))))
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def _context():
    # fork is cheapest (no re-import of spaCy per worker) and safe here: the pool is made before
    # MkDocs or any thread starts. Elsewhere (macOS, Windows) the platform default is used.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def extract_many(articles: Sequence[Article], *, jobs: int = 1,
                 models: dict[str, str] | None = None, extractor=None) -> Iterator[Briefing]:
    """Briefings for `articles`, yielded in input order as they become ready.

    jobs <= 1 (or a single article) runs in this process with `extractor` (made if not given);
    otherwise a pool of `jobs` processes works through batches of articles.
    """
    global _worker_extractor
    models = dict(models or {})
    if jobs <= 1 or len(articles) < 2:
        if extractor is None:
            from .extract import Extractor

            extractor = Extractor(models=models)
        for article in articles:
            yield extractor(article)
        return
    work = batches(articles, jobs)
    context = _context()
    if context.get_start_method() == "fork":
        from .extract import Extractor

        _prepare(extractor or Extractor(models=models), (a.lang for a in articles))
    try:
        with ProcessPoolExecutor(max_workers=min(jobs, len(work)), mp_context=context,
                                 initializer=_init_worker, initargs=(models,)) as pool:
            for result in pool.map(_extract_batch, work):
                yield from result
    finally:
        _worker_extractor = None


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
