"""What the previous build knew, so that the next one redoes only what changed.

One pickle in the cache folder (git-ignored; delete it and the next build reads, renders and
compares everything again, with the same result):

- `articles`: per article file, its stat signature, the parsed Article and its briefing key: a
  file whose signature is unchanged is neither read nor parsed again;
- `briefings`: per briefing key, the slim briefing (render.slim, pickled): the site is filed
  from these without reading the cache, and only the pages it renders need full briefings;
- `pages`: per generated file, the inputs it was rendered from, and `values`: the values the
  memo keeps with their inputs (render.memo.PageMemo);
- `written`: per file of docs/, its signature and digest as the build left it, so docs/ is
  compared with the new files without being read back.

A signature is (size, mtime in nanoseconds, inode); not ctime, which the hard links of the
docs/ swap change. A file changed within the same clock tick as the build that recorded it
could keep its signature, so a file modified less than `RACY` seconds before that build started
is not trusted on its signature alone (git's "racy clean" rule): an article is read again, a
docs/ file (most often one that build wrote) is compared with its recorded digest. The state
is only used by the code that wrote it: any change to briefgen or to the settings starts afresh.
"""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .cache import SOURCE_SUFFIXES, files_fingerprint
from .model import Article

FILE = "state.pickle"
RACY = 2.0  # seconds
Signature = tuple[int, int, int]


def signature(path: Path | str) -> Signature | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_size, st.st_mtime_ns, st.st_ino)


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


@functools.lru_cache(maxsize=1)
def package_fingerprint() -> str:
    """All of briefgen's code, data and page assets: the state of another version is never reused."""
    return files_fingerprint((".",), SOURCE_SUFFIXES + (".css", ".js"))


@dataclass
class BuildState:
    version: str = ""
    articles: dict[str, tuple[Signature, Article, str]] = field(default_factory=dict)
    briefings: dict[str, bytes] = field(default_factory=dict)
    pages: dict[str, tuple] = field(default_factory=dict)
    values: dict[str, tuple[tuple, object]] = field(default_factory=dict)
    written: dict[str, tuple[Signature, str]] = field(default_factory=dict)
    started_ns: int = field(default_factory=time.time_ns)  # the build that recorded it started then

    def trusted(self, sig: Signature | None, recorded: Signature | None) -> bool:
        """`sig` (now) matches `recorded` and was not racy when recorded."""
        return sig is not None and sig == recorded and sig[1] < self.started_ns - int(RACY * 1_000_000_000)

    def article(self, path: Path, name: str) -> tuple[Article, str] | None:
        """The Article and key of an unchanged file, or None (read it)."""
        entry = self.articles.get(name)
        if entry is None or not self.trusted(signature(path), entry[0]):
            return None
        return entry[1], entry[2]

    def unchanged_docs(self, docs: Path) -> dict[str, str]:
        """docs/ files that are as this state recorded them: path -> digest. A file whose
        signature matches but is too recent to trust (racy: the build that recorded it wrote
        it) is read and compared by digest, so the next build need not render its page again."""
        folder = os.fspath(docs)
        out = {}
        for rel, (sig, d) in self.written.items():
            path = os.path.join(folder, rel)
            now = signature(path)
            if now is not None and now == sig and (self.trusted(now, sig) or _file_digest(path) == d):
                out[rel] = d
        return out


def _file_digest(path: str) -> str | None:
    try:
        with open(path, "rb") as f:
            return digest(f.read())
    except OSError:
        return None


def load(folder: Path, settings_fingerprint: str) -> BuildState:
    """The saved state, or an empty one when there is none, it is unreadable or from other code."""
    version = package_fingerprint() + settings_fingerprint
    try:
        with open(Path(folder) / FILE, "rb") as f:
            state = pickle.load(f)
    except Exception:  # missing, truncated, from an older briefgen: start afresh
        return BuildState(version=version)
    if not isinstance(state, BuildState) or state.version != version:
        return BuildState(version=version)
    return state


def save(state: BuildState, folder: Path) -> None:
    """Written atomically: a build killed while saving leaves the previous state."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    with os.fdopen(fd, "wb") as f:
        pickle.dump(state, f, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, folder / FILE)
