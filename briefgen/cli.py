"""The `briefgen` command: a thin layer over the library; each command's docstring is its help.

Exit codes: 0 success; 1 the articles, the configuration or the generated files have problems
(each printed as `file:line: message`); 2 the command line itself is wrong.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import sys
from pathlib import Path

import click

from . import __version__
from .articles import expand_paths, load_articles
from .config import ConfigError, load_settings
from .parallel import Worker


def _date(ctx, param, value):
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date YYYY-MM-DD") from None


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefgen")
def main() -> None:
    """Turn news articles into briefing pages and a searchable static site.

    \b
    Typical use, in the folder that holds mkdocs.yml and articles/:
      briefgen check            validate every article
      briefgen build            articles -> docs/ -> site/
      briefgen extract FILE     print one briefing as JSON
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--date", "date", callback=_date, metavar="YYYY-MM-DD",
              help="Publication date for articles whose front matter has none.")
@click.option("--lang", type=click.Choice(["de", "en"]), help="Language for articles whose front matter has none.")
def extract(paths: tuple[Path, ...], date: dt.date | None, lang: str | None) -> None:
    """Print one briefing per article as JSON Lines (the briefing contract).

    PATHS are article files or folders of them; the pipeline is loaded once for all. --date and
    --lang fill in what the front matter lacks; they never override it.

    \b
    Example:
      briefgen extract articles/2026/tram.md --date 2026-03-12 --lang de
    """
    from .extract import Extractor

    files, errors = expand_paths(paths)
    articles, problems = load_articles(files, default_date=date, default_lang=lang)
    errors += problems
    if errors:
        for e in errors:
            click.echo(f"error: {e}", err=True)
        sys.exit(1)
    # a trained model named in ./mkdocs.yml (extra.briefgen.models) is used here too
    models = _settings().model_map() if Path("mkdocs.yml").is_file() else {}
    extractor = Extractor(models=models)
    out = sys.stdout
    for article in articles:
        out.write(json.dumps(extractor(article).to_json(), ensure_ascii=False, separators=(",", ":")) + "\n")
    out.flush()


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-q", "--quiet", is_flag=True, help="Print problems only, no summary line.")
def check(paths: tuple[Path, ...], quiet: bool) -> None:
    """Validate articles: report every problem in every file, then exit 1 if there was one.

    Without PATHS, checks the articles folder named in mkdocs.yml (default articles/).

    \b
    Example:
      briefgen check
      briefgen check articles/2026/new-story.md
    """
    from .build import check_articles

    if not paths:
        settings = _settings()
        paths = (settings.articles_dir,)
    n, errors = check_articles(paths)
    for e in errors:
        click.echo(str(e), err=True)
    if not quiet:
        click.echo(f"{n} article(s) checked, {len(errors)} problem(s)", err=bool(errors))
    sys.exit(1 if errors else 0)


@main.command()
@click.option("--check", is_flag=True,
              help="Write nothing; exit 1 listing the files under docs/ that differ from what the articles produce.")
@click.option("--no-site", is_flag=True, help="Stop after writing docs/; do not run the MkDocs build.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary; errors only.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
              help="Extract new and changed articles in N worker processes, each loading the pipeline "
                   "once, while the cached briefings are read. Default: one per free core, no more "
                   "than there are batches of 16 articles (one starts at once and imports spaCy while "
                   "the archive is read). 1: in this process, with no workers.")
def build(check: bool, no_site: bool, quiet: bool, jobs: int | None) -> None:
    """Extract every article, write docs/ and build the site into site/.

    Reads all of articles/ first: if any article has a problem, every problem is listed and
    nothing is written. Unchanged articles come from the cache (.briefgen-cache/), and pages
    whose inputs did not change since the last build are not rendered again. docs/ and site/
    are replaced whole at the end, so an interrupted build leaves the previous ones.
    Exit codes: 0 built (or, with --check, docs/ current); 1 article, configuration or MkDocs
    errors, or stale docs/ with --check.

    \b
    Examples:
      briefgen build              articles -> docs/ -> site/
      briefgen build --no-site    only regenerate docs/
      briefgen build --check      in CI: are the committed docs/ current?
      briefgen build --jobs 1     extract in this process (no worker processes)
    """
    # the worker imports spaCy while the build's own modules load and the archive is read
    with Worker() if jobs != 1 else contextlib.nullcontext() as worker:
        _build(check, no_site, quiet, jobs, worker)


def _build(check: bool, no_site: bool, quiet: bool, jobs: int | None, worker: Worker | None) -> None:
    from .build import BuildError, build as run_build

    settings = _settings()
    _mkdocs_logging(quiet)
    show_bar = not quiet and sys.stderr.isatty()

    def progress(items):
        with click.progressbar(items, label="extracting", file=sys.stderr) as bar:
            yield from bar

    try:
        result = run_build(settings, site=not (no_site or check), check=check,
                           progress=progress if show_bar else None, jobs=jobs, worker=worker)
    except BuildError as err:
        for e in err.errors:
            click.echo(f"error: {e}", err=True)
        sys.exit(1)
    if check:
        stale = result.changes.stale
        for path in stale:
            click.echo(f"stale: {settings.docs}/{path}", err=True)
        if stale:
            click.echo(f"{len(stale)} generated file(s) out of date: run `briefgen build` and commit docs/",
                       err=True)
            sys.exit(1)
        if not quiet:
            click.echo(f"docs/ is current ({result.articles} articles)")
        return
    if not quiet:
        c = result.changes
        click.echo(f"{result.articles} articles ({result.extracted} extracted, "
                   f"{result.articles - result.extracted} from cache); docs/: {len(c.added)} added, "
                   f"{len(c.changed)} changed, {len(c.removed)} removed "
                   f"({result.rendered} of {len(c.added) + len(c.changed) + c.unchanged} files rendered)"
                   + ("" if no_site else f"; site built in {settings.site}/"))


def _mkdocs_logging(quiet: bool) -> None:
    import logging

    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.WARNING if quiet else logging.WARNING)


def _settings():
    try:
        return load_settings(Path("."))
    except ConfigError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(1)


@main.command()
@click.argument("base")
@click.argument("head", required=False)
@click.option("--docs", default="docs", show_default=True, metavar="FOLDER",
              help="The docs folder whose briefings/*.json are compared (relative to here).")
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown",
              show_default=True, help="Markdown for people (PR comments), JSON for machines.")
@click.option("--top", type=click.IntRange(min=1), default=10, show_default=True,
              help="Changed articles shown in detail, most affected first.")
@click.option("--limit", type=click.IntRange(min=1), default=8, show_default=True,
              help="Items listed per article and category before '… and N more'.")
def diff(base: str, head: str | None, docs: str, fmt: str, top: int, limit: int) -> None:
    """Compare the briefings of BASE and HEAD: articles added, removed, changed, item by item.

    BASE and HEAD are git revisions (the briefing JSON committed under DOCS/briefings/) or
    folders of briefing JSON. Without HEAD, compares with the working tree's DOCS folder. Needs no
    NLP: it reads what `briefgen build` committed. Actors are matched by name, kind and roles,
    events by date and text, quotes by speaker, kind and text, questions by their wording.

    Exit codes: 0 the report was printed (whether or not anything changed); 1 a side cannot be
    read (unknown revision, broken briefing JSON); 2 the command line is wrong.

    \b
    Example:
      briefgen diff origin/main HEAD
      briefgen diff main --format json > briefing-diff.json
    """
    from .diff import DiffError, compare, load_side, render_json, render_markdown

    try:
        result = compare(load_side(base, docs=docs), load_side(head, docs=docs))
    except DiffError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(1)
    click.echo(render_json(result) if fmt == "json" else render_markdown(result, top=top, limit=limit), nl=False)
