"""Content-addressed cache of briefings in a git-ignored folder.

The key hashes the article's text and metadata, briefgen's own code and data files, and the
settings that change extraction; so an edit to an article, a rule file or a model setting makes
new briefings, and anything else is read back. An unreadable or invalid entry is rebuilt.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import tempfile
from pathlib import Path

from .model import Article, Briefing

PACKAGE_DIR = Path(__file__).resolve().parent


# what a briefing is computed from, besides the article: rendering and the CLI are not in it, so
# a change there re-renders pages without extracting again
EXTRACTION_CODE = ("pipeline", "extract.py", "model.py")


SOURCE_SUFFIXES = (".py", ".json", ".jsonl", ".tsv", ".txt")


def files_fingerprint(parts: tuple[str, ...], suffixes: tuple[str, ...] = SOURCE_SUFFIXES) -> str:
    """Hash of the files (with these suffixes) of the parts of the package named, with their paths."""
    h = hashlib.sha256()
    paths = [p for part in parts for p in ([PACKAGE_DIR / part] + sorted((PACKAGE_DIR / part).rglob("*")))]
    for path in sorted(paths):
        if path.is_file() and path.suffix in suffixes:
            h.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of the extraction's Python and data files: any change there invalidates the cache."""
    return files_fingerprint(EXTRACTION_CODE)


def article_key(article: Article, settings_fingerprint: str) -> str:
    h = hashlib.sha256()
    fields = dataclasses.asdict(article)
    fields["date"] = article.date.isoformat() if article.date else None
    h.update(json.dumps(fields, sort_keys=True, ensure_ascii=False).encode())
    h.update(code_fingerprint().encode())
    h.update(settings_fingerprint.encode())
    return h.hexdigest()


class BriefingCache:
    def __init__(self, folder: Path, settings_fingerprint: str = "") -> None:
        self.folder = Path(folder)
        self.settings_fingerprint = settings_fingerprint

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def key(self, article: Article) -> str:
        return article_key(article, self.settings_fingerprint)

    def get(self, article: Article) -> Briefing | None:
        return self.load(self.key(article))

    def put(self, article: Article, briefing: Briefing) -> None:
        self.store(self.key(article), briefing)

    def has(self, key: str) -> bool:
        return self._path(key).is_file()

    def load(self, key: str) -> Briefing | None:
        """The briefing stored under `key`, or None (never stored, or unreadable: then removed)."""
        path = self._path(key)
        try:
            return Briefing.from_json(json.loads(path.read_text(encoding="utf-8")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError):
            path.unlink(missing_ok=True)  # corrupt: never trusted, rebuilt by the caller
            return None

    def store(self, key: str, briefing: Briefing) -> None:
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(briefing.to_json(), f, ensure_ascii=False)
        os.replace(tmp, path)
