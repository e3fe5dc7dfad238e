"""build(settings): read -> extract (cached) -> render -> write docs/ -> mkdocs build -> site/.

One straight line that reads every article before it writes anything: a broken article stops
the build with every problem listed, and docs/ and site/ stay as they were.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .articles import ArticleError, expand_paths, find_articles, load_articles
from .cache import BriefingCache
from .config import Settings
from .model import Article, Briefing
from .render import DuplicatePath, render_site
from .write import Changes, compare, recover, swap_in, write_tree

STAGING = ".briefgen-tmp"


class BuildError(Exception):
    """The build stopped before writing; `errors` lists every reason."""

    def __init__(self, errors: list) -> None:
        super().__init__("\n".join(map(str, errors)))
        self.errors = errors


@dataclass
class BuildResult:
    articles: int = 0
    extracted: int = 0  # articles that ran through the NLP pipeline (the rest came from the cache)
    changes: Changes = field(default_factory=Changes)
    seconds: dict[str, float] = field(default_factory=dict)


def check_articles(paths: Iterable[Path]) -> tuple[int, list[ArticleError]]:
    """Validate article files and folders; every problem of every file."""
    files, errors = expand_paths(paths)
    return len(files), errors + load_articles(files)[1]


def read_articles(folder: Path) -> list[Article]:
    """All articles under `folder`, or BuildError with every problem (including duplicate slugs)."""
    paths, errors = find_articles(folder)
    articles, problems = load_articles((path, path.relative_to(folder).as_posix()) for path in paths)
    errors += problems
    by_slug: dict[str, Article] = {}
    for a in articles:
        if a.slug in by_slug:
            errors.append(ArticleError(a.path, None, f"writes the same page briefings/{a.slug}.md as "
                                                     f"{by_slug[a.slug].path}; change one title or date"))
        else:
            by_slug[a.slug] = a
    if errors:
        raise BuildError(errors)
    return articles


def extract_all(articles: list[Article], settings: Settings,
                progress: Callable[[Iterable], Iterable] | None = None, *,
                jobs: int = 1) -> tuple[list[Briefing], int]:
    """Briefings for `articles` in order; unchanged ones from the cache. -> (briefings, number extracted).

    Articles missing from the cache are extracted in this process, or with `jobs` > 1 in that
    many worker processes (briefgen.parallel); `progress` wraps the articles being extracted.
    """
    from .parallel import extract_many

    cache = BriefingCache(settings.cache_dir, settings.fingerprint())
    briefings: list[Briefing | None] = [cache.get(a) for a in articles]
    missing = [i for i, b in enumerate(briefings) if b is None]
    fresh = extract_many([articles[i] for i in missing], jobs=jobs, models=settings.model_map())
    for i in (progress(missing) if progress else missing):
        b = next(fresh)
        cache.put(articles[i], b)
        briefings[i] = b
    return briefings, len(missing)


def generated_files(briefings: list[Briefing], settings: Settings) -> dict[str, bytes]:
    try:
        files = render_site(briefings, lang=settings.site_language)
    except DuplicatePath as err:
        raise BuildError([str(err)]) from None
    # encode file by file, dropping each text as it goes, so the site is never held twice
    return {path: files.pop(path).encode("utf-8") for path in sorted(files)}


def build(settings: Settings, *, site: bool = True, check: bool = False, strict: bool = True,
          progress: Callable[[Iterable], Iterable] | None = None, jobs: int = 1) -> BuildResult:
    """Run everything. With `check`, nothing is written: `result.changes` says what is stale."""
    result = BuildResult()
    staging = settings.root / STAGING
    clock = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        result.seconds[name] = round(now - clock, 3)
        clock = now

    if not check:
        recover(settings.docs_dir, staging)
        recover(settings.site_dir, staging)
    articles = read_articles(settings.articles_dir)
    result.articles = len(articles)
    lap("read")
    briefings, result.extracted = extract_all(articles, settings, progress, jobs=jobs)
    lap("extract")
    files = generated_files(briefings, settings)
    lap("render")
    if check:
        result.changes = compare(files, settings.docs_dir)
        return result
    result.changes = write_tree(files, settings.docs_dir, staging)
    lap("write")
    if site:
        build_site(settings, staging, strict=strict, build_date=source_date_epoch(briefings))
        lap("mkdocs")
    return result


def source_date_epoch(briefings: list[Briefing]) -> int:
    """Seconds since 1970 (UTC) of the newest publication date; 0 when no briefing has one."""
    dates = [b.date for b in briefings if b.date]
    if not dates:
        return 0
    newest = max(dates)
    return int(dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.timezone.utc).timestamp())


def build_site(settings: Settings, staging: Path, *, strict: bool = True, build_date: int = 0) -> None:
    """MkDocs builds into a staging folder, which then replaces site/."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    new = staging / f"{settings.site_dir.name}.new"
    if new.exists():
        shutil.rmtree(new)
    # MkDocs dates the sitemap with the build time unless SOURCE_DATE_EPOCH is set: the newest
    # article's date keeps site/ a function of the inputs (a value set by the user wins)
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = previous or str(build_date)
    try:
        config = load_config(config_file=str(settings.config_file), site_dir=str(new.resolve()),
                             docs_dir=str(settings.docs_dir.resolve()), strict=strict)
        mkdocs_build(config)
    except (MkDocsException, SystemExit) as err:
        raise BuildError([f"{settings.config_file}: MkDocs build failed: {err}"]) from None
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
    swap_in(new, settings.site_dir, staging)
