"""build(settings): read -> extract (cached) -> render -> write -> mkdocs build."""
from __future__ import annotations

from pathlib import Path

from .articles import ArticleError, ArticleErrors, expand_paths, load_article


def check_articles(paths) -> tuple[int, list[ArticleError]]:
    files, errors = expand_paths(paths)
    for path, name in files:
        try:
            load_article(path, name)
        except ArticleErrors as err:
            errors += err.errors
    return len(files), errors
