"""An optional per-user cache of tables derived from our data files, so that a fresh process
(a build's worker) reads them in one `marshal` load instead of parsing every file again.

Nothing here is committed or edited by hand: an entry is written on first use, under
$BRIEFGEN_CACHE_DIR or the user's cache folder (~/.cache/briefgen/derived), and its file name is
a digest of everything the table is made from - the bytes of its source files, the source of the
module that builds it, and any versions the caller names - so a changed word list or rule makes a
new entry (and the stale one is never read again). Any failure to read or write the cache (no
home, read-only disk, a damaged file) just means building the table as without it; set
BRIEFGEN_CACHE_DIR to an empty string to switch the cache off.

Only plain data goes through it (str, int, float, bool, None, tuple, list, dict, set, frozenset),
which `marshal` writes and reads back equal; the caller builds its own objects from that.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path
from typing import Callable, Iterable

FORMAT = 1  # bump when the entry layout changes


def cache_dir() -> Path | None:
    env = os.environ.get("BRIEFGEN_CACHE_DIR")
    if env is not None:
        return Path(env) if env else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if base.startswith("~"):
        return None  # no home folder to expand
    return Path(base) / "briefgen" / "derived"


def digest(name: str, sources: Iterable[Path], extra: Iterable[str] = ()) -> str:
    """sha256 over the entry's name, the format, the Python version (marshal's format follows it),
    the bytes of every source file (a missing one counts as missing) and the extra strings."""
    h = hashlib.sha256(f"{name}\0{FORMAT}\0{sys.version_info[:2]}\0".encode())
    for path in sources:
        path = Path(path)
        h.update(str(path.name).encode() + b"\0")
        try:
            h.update(path.read_bytes())
        except OSError:
            h.update(b"\0missing\0")
        h.update(b"\0")
    for text in extra:
        h.update(text.encode() + b"\0")
    return h.hexdigest()


def cached(name: str, sources: Iterable[Path], build: Callable[[], object], extra: Iterable[str] = ()):
    """build(), or the value an earlier process stored for exactly these inputs."""
    folder = cache_dir()
    if folder is None:
        return build()
    path = folder / f"{name}-{digest(name, sources, extra)[:32]}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    value = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(marshal.dumps(value))
        os.replace(tmp, path)  # atomic: a concurrent reader sees the whole entry or none
    except (OSError, ValueError):
        pass
    return value
