"""build(settings): read -> extract (cached) -> render -> write docs/ -> mkdocs build -> site/.

One straight line that reads every article before it writes anything: a broken article stops
the build with every problem listed, and docs/ and site/ stay as they were.

Incremental: the previous build's state (briefgen.state) lets this one skip reading article
files whose signature is unchanged, take briefings from the cache, skip rendering pages whose
inputs are unchanged (render.memo) and compare docs/ without reading it back.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import gcpause
from . import state as build_state
from .articles import ArticleError, expand_paths, find_articles, load_articles
from .cache import article_key
from .config import Settings
from .model import Article, Briefing
from .render import Card, DuplicatePath, Site
from .render.memo import SAME, PageMemo
from .render.scope import Change
from .filing import Filing
from .parallel import Worker
from .state import BuildState, signature
from .write import Changes, Draft, compare, recover, swap_in

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
    reread: int = 0  # article files read and parsed (the rest were unchanged since the last build)
    rendered: int = 0  # generated files rendered (the rest were unchanged since the last build)
    changes: Changes = field(default_factory=Changes)
    seconds: dict[str, float] = field(default_factory=dict)


def check_articles(paths: Iterable[Path]) -> tuple[int, list[ArticleError]]:
    """Validate article files and folders; every problem of every file."""
    files, errors = expand_paths(paths)
    return len(files), errors + load_articles(files)[1]


def read_articles(folder: Path, known: BuildState | None = None, record: BuildState | None = None) -> list[Article]:
    """All articles under `folder`, or BuildError with every problem (including duplicate slugs).

    Files that `known` (the previous build's state) holds with an unchanged signature are not
    read again; `record` gets every article's signature, Article and briefing key (if known)."""
    paths, errors = find_articles(folder)
    named = [(path, path.relative_to(folder).as_posix()) for path in paths]
    signatures = {name: signature(path) for path, name in named}  # before reading: a later edit is seen
    reused = {name: hit for path, name in named if known and (hit := known.article(path, name))}
    fresh, problems = load_articles((path, name) for path, name in named if name not in reused)
    errors += problems
    by_name = {a.path: a for a in fresh} | {name: a for name, (a, _) in reused.items()}
    articles = [by_name[name] for _, name in named if name in by_name]
    if record is not None:
        record.articles = {a.path: (signatures[a.path], a, reused[a.path][1] if a.path in reused else "")
                           for a in articles if signatures[a.path] is not None}
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


def generated_files(site: Site, settings: Settings, memo: PageMemo, full: Callable[[str], Briefing],
                    change: Change | None = None) -> dict[str, bytes]:
    try:
        files = site.files(lang=settings.site_language, memo=memo, full=full, change=change)
    except DuplicatePath as err:
        raise BuildError([str(err)]) from None
    # encode file by file, dropping each text as it goes, so the site is never held twice
    return {path: text if text is SAME or isinstance(text, bytes) else text.encode("utf-8")
            for path, text in ((p, files.pop(p)) for p in sorted(files))}


def build(settings: Settings, *, site: bool = True, check: bool = False, strict: bool = True,
          progress: Callable[[Iterable], Iterable] | None = None, jobs: int | None = None,
          worker: Worker | None = None) -> BuildResult:
    """Run everything. With `check`, nothing is written: `result.changes` says what is stale.
    `worker`: a `parallel.Worker` the caller started earlier (the build stops it); else the build
    starts one unless `jobs` is 1."""
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
    with gcpause.frozen_while():  # the state and the filed briefings are kept out of collections meanwhile
        build_date = write_docs(settings, staging, result, lap, check=check, progress=progress, jobs=jobs,
                                worker=worker)
    if site and not check:  # what write_docs held is freed by now: MkDocs needs the memory
        build_site(settings, staging, strict=strict, build_date=build_date)
        lap("mkdocs")
    return result


def write_docs(settings: Settings, staging: Path, result: BuildResult, lap: Callable[[str], None], *,
               check: bool = False, progress: Callable[[Iterable], Iterable] | None = None,
               jobs: int | None = None, worker: Worker | None = None) -> int:
    """Read, extract, render and write docs/ (with `check`, only compare), filling `result`;
    -> the newest article's date (source_date_epoch) for the site build."""
    # a worker starts importing spaCy now, in case an article needs it (stopped at once if none does)
    with worker or (Worker() if jobs != 1 else contextlib.nullcontext()) as worker:
        store = build_state.StateStore(settings.cache_dir)
        with gcpause.paused(freeze=True):
            known = store.load(settings.fingerprint())
        state = BuildState(version=known.version)
        articles = read_articles(settings.articles_dir, known, state)
        result.articles = len(articles)
        result.reread = sum(1 for _, _, key in state.articles.values() if not key)
        lap("read")
        keys = article_keys(articles, state, settings.fingerprint())
        pages = Site()
        filing = Filing(pages, articles, keys, settings, known.briefings, jobs=jobs, worker=worker)
        filing.file_cached()
        # meanwhile: which files of docs/ are as the last build left them, and the next docs/ begun
        unchanged = known.unchanged_docs(settings.docs_dir)
        draft = None if check else Draft(settings.docs_dir, staging, unchanged=unchanged, recorded=known.written)
        filing.file_fresh(progress)
        lap("extract")
    memo = PageMemo({p: d for p, d in known.pages.items() if p in unchanged}, known.values)
    with gcpause.paused(freeze=True):  # the NLP is done (`filing.briefing` seldom runs it): no cycles from here on
        files = generated_files(pages, settings, memo, filing.briefing, filing.change())
        result.extracted = filing.extracted
        result.rendered = len(files) - memo.reused
        lap("render")
        if check:
            result.changes = compare(files, settings.docs_dir, known=unchanged)
        else:
            result.changes = draft.finish(files, known=unchanged)
            state.pages, state.values, state.briefings = memo.current, memo.values, filing.slim
            state.written = written_files(files, settings.docs_dir, known, unchanged, result.changes)
            store.save(state)
            lap("write")
    return source_date_epoch(pages.cards.values())


def article_keys(articles: list[Article], state: BuildState, settings_fingerprint: str) -> list[str]:
    """Each article's cache key: recorded for a file unchanged since the last build, else
    computed (and recorded in `state` for the next one)."""
    keys = []
    for a in articles:
        sig, _, key = state.articles.get(a.path, (None, a, ""))
        key = key or article_key(a, settings_fingerprint)
        if sig is not None:
            state.articles[a.path] = (sig, a, key)
        keys.append(key)
    return keys


def written_files(files: dict[str, bytes], docs: Path, known: BuildState, unchanged: dict[str, str],
                  changes: Changes):
    """What docs/ holds now, for the next build: path -> (signature, digest). A file that is as
    the previous build recorded it (`unchanged`) and was not written keeps that record."""
    fresh = set(changes.added) | set(changes.changed)
    out = {}
    for rel, data in files.items():
        if rel not in fresh and rel in unchanged:
            out[rel] = known.written[rel]
        elif data is not SAME and (sig := signature(docs / rel)) is not None:
            out[rel] = (sig, changes.digests.get(rel) or build_state.digest(data))
    return out


def source_date_epoch(briefings: Iterable[Briefing | Card]) -> int:
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
