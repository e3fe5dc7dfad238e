"""What the previous build knew, so that the next one redoes only what changed.

Kept in the cache folder (git-ignored; delete it and the next build reads, renders and
compares everything again, with the same result):

- `articles`: per article file, its stat signature, the parsed Article and its briefing key: a
  file whose signature is unchanged is neither read nor parsed again;
- `briefings`: per briefing key, what render.Site.add returned for the slim briefing
  (render.slim), pickled: its card, and its details pickled on their own. The site is filed
  from these without reading the cache or working them out again; the details are unpickled
  only for the pages it renders, and only those pages need full briefings;
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

On disk (`StateStore`) the state is a base pickle and a log of what each later build changed
(entries added, replaced or dropped): a build that adds one article appends the few hundred
entries it changed instead of writing the whole state again, which grows with the archive. When
the log has grown to a quarter of the base, the next build writes a new base.
"""
from __future__ import annotations

import contextlib
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
    # SHA-256 runs in the CPU's SHA extensions where it has them (every machine here does):
    # twice blake2b's speed, which the archive-wide exports feel (13 MB at 2,000 articles)
    return hashlib.sha256(data).hexdigest()[:32]


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


PARTS = ("articles", "briefings", "pages", "values", "written")  # the dicts a change is logged for
LOG = "state.log"
REWRITE = 0.25  # a new base once the log is this large against it
_GONE = object()


class StateStore:
    """The state of one cache folder: `load` it, then `save` the next one by difference."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.loaded: BuildState | None = None  # as loaded: what the log's next entry is relative to
        self.base = ""  # the token of the base the log belongs to ("" if none can be extended)
        self.base_bytes = self.log_bytes = 0

    def load(self, settings_fingerprint: str) -> BuildState:
        """The saved state, or an empty one when there is none, it is unreadable or from other code."""
        version = package_fingerprint() + settings_fingerprint
        try:
            with open(self.folder / FILE, "rb") as f:
                token, state = pickle.load(f)
                self.base_bytes = f.tell()
        except Exception:  # missing, truncated, from an older briefgen: start afresh
            return BuildState(version=version)
        if not isinstance(state, BuildState) or state.version != version:
            return BuildState(version=version)
        self._replay(state, token)
        self.loaded, self.base = state, token
        return state

    def _replay(self, state: BuildState, token: str) -> None:
        """Apply the log's entries for base `token`; a damaged entry ends the log (and the next
        save writes a new base)."""
        try:
            f = open(self.folder / LOG, "rb")
        except OSError:
            return
        with f:
            while True:
                try:
                    base, started_ns, changes = pickle.load(f)
                except EOFError:
                    # a log with other names (a hard-linked copy of the project) is never appended to
                    self.log_bytes = f.tell() if os.fstat(f.fileno()).st_nlink == 1 else -1
                    return
                except Exception:
                    self.log_bytes = -1  # never append after damage
                    return
                if base != token:
                    continue  # left by a base that was replaced before the log was cleared
                for name, (changed, dropped) in changes.items():
                    part = getattr(state, name)
                    part.update(changed)
                    for key in dropped:
                        part.pop(key, None)
                state.started_ns = started_ns

    def save(self, state: BuildState) -> None:
        """Append what differs from the loaded state to the log, or write a new base. Either is
        atomic for the state as a whole: a build killed meanwhile leaves the previous state."""
        self.folder.mkdir(parents=True, exist_ok=True)
        extend = (self.loaded is not None and self.base and self.log_bytes >= 0
                  and self.log_bytes < REWRITE * self.base_bytes and state.version == self.loaded.version)
        if extend:
            entry = pickle.dumps((self.base, state.started_ns, difference(self.loaded, state)),
                                 protocol=pickle.HIGHEST_PROTOCOL)
            with open(self.folder / LOG, "ab") as f:
                f.write(entry)
            self.log_bytes += len(entry)
        else:
            self.base = os.urandom(8).hex()
            fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                pickle.dump((self.base, state), f, protocol=pickle.HIGHEST_PROTOCOL)
                self.base_bytes = f.tell()
            os.replace(tmp, self.folder / FILE)  # the old log's entries name the old base: ignored
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.folder / LOG)
            self.log_bytes = 0
        self.loaded = state


def difference(old: BuildState, new: BuildState) -> dict[str, tuple[dict, list]]:
    """Per part: the entries of `new` that `old` lacks or holds otherwise, and the keys it dropped.
    Most entries are the very objects `old` holds (or equal tuples of them): cheap to compare."""
    out = {}
    for name in PARTS:
        before, after = getattr(old, name), getattr(new, name)
        changed = {k: v for k, v in after.items() if (was := before.get(k, _GONE)) is not v and was != v}
        dropped = [k for k in before if k not in after]
        if changed or dropped:
            out[name] = (changed, dropped)
    return out
