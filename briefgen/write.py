"""Write a generated folder (docs/ or site/) so that it is either the old one or the new one.

The new tree is assembled in a staging folder beside the target - unchanged files hard-linked
from the current tree, changed ones written - and then swapped in with two renames. A build
killed before the swap leaves the target untouched; one killed between the two renames is
repaired by `recover` at the start of the next build. Files of the old tree that the new one
lacks (pages of deleted articles) are gone after the swap.

A `Draft` begins the new tree before the files are known (the build makes one while articles are
being extracted), and `Draft.finish` then replaces only what changed. The tree a swap replaces
stays in the staging folder with a note of what the swap changed (`DELTA`): the next draft
takes that tree and brings it up to date by those paths only, so its cost is the number of
files the last build changed, not the number the tree holds. Without a usable note (the first
build, or one cut short) the draft links every current file.
"""
from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .render.memo import SAME
from .state import digest


class UnsafePath(ValueError):
    pass


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    digests: dict[str, str] = field(default_factory=dict)  # of the files compared by digest

    @property
    def stale(self) -> list[str]:
        return sorted(self.added + self.changed + self.removed)


def check_relative(path: str) -> PurePosixPath:
    """A generated path must stay inside its folder: relative, no '..', no NUL, no empty parts."""
    p = PurePosixPath(path)
    if not path or "\x00" in path or "\\" in path or p.is_absolute() or any(part in ("", ".", "..") for part in p.parts):
        raise UnsafePath(f"refusing to write {path!r}: generated paths must stay inside the output folder")
    return p


def existing_files(target: Path) -> dict[str, str]:
    """relative POSIX path -> path of every file under `target`."""
    out: dict[str, str] = {}
    for folder, _, names in os.walk(target):
        rel = os.path.relpath(folder, target).replace(os.sep, "/")
        for name in names:
            out[name if rel == "." else f"{rel}/{name}"] = os.path.join(folder, name)
    return dict(sorted(out.items()))


def compare(files: dict[str, bytes], target: Path, old: dict[str, str] | None = None,
            known: dict[str, str] | None = None) -> Changes:
    """What writing `files` would change in `target` (nothing is written).

    `old` is `existing_files(target)` when the caller already has it. `known` maps files of
    `target` that are as the previous build left them to their digests (state.BuildState): those
    are compared by digest, without reading them; a value `SAME` in `files` means "keep the
    file", which the caller only passes for files in `known`.
    """
    old = existing_files(target) if old is None else old
    known = known or {}
    changes = Changes()
    for rel, data in files.items():
        if rel not in old:
            if data is SAME:
                raise ValueError(f"{rel}: kept from the previous build but missing from {target}")
            changes.added.append(rel)
        elif data is SAME or same_content(rel, data, old[rel], known, changes.digests):
            changes.unchanged += 1
        else:
            changes.changed.append(rel)
    changes.removed = sorted(set(old) - set(files))
    return changes


def same_content(rel: str, data: bytes, path: str, known: dict[str, str], digests: dict[str, str]) -> bool:
    """Does the file at `path` hold `data`? By the recorded digest when `known` has it (and
    the digest of `data` goes into `digests`)."""
    if rel in known:
        digests[rel] = digest(data)
        return known[rel] == digests[rel]
    with open(path, "rb") as f:
        return f.read() == data


def staging_paths(target: Path, staging: Path) -> tuple[Path, Path]:
    return staging / f"{target.name}.new", staging / f"{target.name}.old"


def recover(target: Path, staging: Path) -> None:
    """Undo a swap cut short: the old tree is put back if the target is missing."""
    _, old = staging_paths(target, staging)
    if not target.exists() and old.is_dir():
        os.rename(old, target)


def swap_in(built: Path, target: Path, staging: Path, *, keep_old: bool = False) -> None:
    """Replace `target` by the finished tree `built` (which lives in `staging`); `keep_old`
    leaves the replaced tree in `staging` for the next `Draft` to take over."""
    _, old = staging_paths(target, staging)
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        os.rename(target, old)
    os.rename(built, target)
    if old.exists() and not keep_old:
        shutil.rmtree(old)


DELTA = "delta.json"  # beside the replaced tree: {"link": paths, "remove": paths} that make it the target
SPARE = "index.json"  # in the folder of spare files: path in the tree -> spare file


class Draft:
    """The next tree of `target`, begun in `staging` as a copy of the current one: the tree the
    last swap replaced, brought up to date by its note and then to the target where it may
    differ from what the last build wrote; else every current file of `target` hard-linked (or
    copied where links fail). `unchanged`: the target's files that are as the build state
    recorded them (state.BuildState.unchanged_docs); `recorded`: every file it recorded.
    Without them nothing in the target is trusted, and every file is linked."""

    def __init__(self, target: Path, staging: Path, *, unchanged: Collection[str] | None = None,
                 recorded: Collection[str] | None = None) -> None:
        self.target, self.staging = Path(target), Path(staging)
        self.new, self.replaced = staging_paths(self.target, self.staging)
        self.note = Path(f"{self.replaced}.{DELTA}")
        delta = self._take_note()
        # files of the replaced tree that no tree needs now: the last build rewrote them, and this
        # one most likely will again (timeline.json, briefings.json, the home page). Written over,
        # their pages in the page cache are reused: writing megabytes into new pages costs ten
        # times as much on the machines here
        self.spare_dir = self.staging / f"{self.target.name}.spare"
        self.spare: dict[str, str] = self._kept_spare() if delta is not None else {}
        if self.new.exists():
            shutil.rmtree(self.new)
        self.old = existing_files(self.target)
        if delta is not None and unchanged is not None and recorded and self.replaced.is_dir() \
                and self.target.is_dir():
            os.rename(self.replaced, self.new)
            self._update(delta["link"], delta["remove"], spare=True)  # now the tree the last build made
            # and the target's own where it may differ: edited, added or removed since (the
            # state may be a build older than the note, if that build stopped before saving it)
            self._update([rel for rel in self.old if rel not in unchanged],
                         [rel for rel in (*recorded, *delta["link"]) if rel not in self.old])
            return
        self._drop_spare()
        if self.replaced.exists():
            shutil.rmtree(self.replaced)
        self.new.mkdir(parents=True)
        for folder in sorted({os.path.dirname(rel) for rel in self.old} - {""}):
            os.makedirs(os.path.join(self.new, folder), exist_ok=True)
        for rel, path in self.old.items():
            _link_or_copy(path, os.path.join(self.new, rel))

    def _take_note(self) -> dict | None:
        """The note beside the replaced tree, removed (it holds only for the tree as it is)."""
        delta = _take_json(self.note)
        ok = isinstance(delta, dict) and all(
            isinstance(delta.get(k), list) and all(isinstance(p, str) for p in delta[k]) for k in ("link", "remove"))
        return delta if ok else None

    def _update(self, link: list[str], remove: list[str], *, spare: bool = False) -> None:
        """Make the tree taken over equal `target` at `link` (linked from it) and `remove`.
        `spare`: the files replaced are kept aside (`self.spare`), to be written over."""
        for rel in remove:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(os.path.join(self.new, check_relative(rel)))
                _remove_empty_parents(self.new, rel)
        for rel in link:
            dest = os.path.join(self.new, check_relative(rel))
            if spare and _own(dest):
                self.spare_dir.mkdir(exist_ok=True)
                self.spare[rel] = os.path.join(self.spare_dir, os.urandom(8).hex())
                os.rename(dest, self.spare[rel])
            with contextlib.suppress(FileNotFoundError):
                os.unlink(dest)
            if rel in self.old:  # else the target lost it since: the build sees it as missing
                os.makedirs(os.path.dirname(dest), exist_ok=True)
                _link_or_copy(self.old[rel], dest)

    def _keep_note(self, link: list[str], remove: list[str]) -> None:
        self.note.write_text(json.dumps({"link": link, "remove": remove}), encoding="utf-8")

    def finish(self, files: dict[str, bytes], known: dict[str, str] | None = None) -> Changes:
        """Make `target` hold exactly `files`; returns what changed. `known` and `SAME` as in `compare`."""
        for rel, data in files.items():
            if data is not SAME:  # a kept file is one of the tree's own (compare checks that)
                check_relative(rel)
        changes = compare(files, self.target, self.old, known)
        if not changes.stale and self.target.is_dir():
            os.rename(self.new, self.replaced)  # a copy of the target: the next draft takes it as it is
            self._keep_note([], [])
            self._keep_spare()  # and the spare files, for the build that next rewrites their paths
            return changes
        for rel in changes.removed:
            with contextlib.suppress(FileNotFoundError):  # a file the target gained since the last build
                os.unlink(os.path.join(self.new, rel))
                _remove_empty_parents(self.new, rel)
        written = sorted(changes.added + changes.changed)
        for rel in written:
            dest = os.path.join(self.new, rel)
            with contextlib.suppress(FileNotFoundError):
                os.unlink(dest)  # a link to the current file: never write through it
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            if rel in self.spare:
                os.rename(self.spare.pop(rel), dest)
                overwrite_file(dest, files[rel])
            else:
                write_file(dest, files[rel])
        swap_in(self.new, self.target, self.staging, keep_old=True)
        self._keep_note(written, changes.removed)
        self._drop_spare()
        return changes

    def _drop_spare(self) -> None:
        if self.spare_dir.exists():
            shutil.rmtree(self.spare_dir)
        self.spare.clear()

    def _keep_spare(self) -> None:
        if self.spare:
            (self.spare_dir / SPARE).write_text(json.dumps(
                {rel: os.path.basename(path) for rel, path in self.spare.items()}), encoding="utf-8")

    def _kept_spare(self) -> dict[str, str]:
        """The spare files a build without changes left, that are still no tree's (then removed
        from the folder's index: a draft cut short leaves none behind it)."""
        kept = _take_json(self.spare_dir / SPARE)
        if not isinstance(kept, dict):
            return {}
        paths = {rel: os.path.join(self.spare_dir, name) for rel, name in kept.items()
                 if isinstance(rel, str) and isinstance(name, str) and os.path.basename(name) == name}
        return {rel: path for rel, path in paths.items() if _own(path)}


def _take_json(path: Path) -> object | None:
    """What the JSON file `path` holds, and the file removed; None if it cannot be read, parsed
    or removed."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        path.unlink()
    except (OSError, ValueError):
        return None
    return data


def _remove_empty_parents(root: Path, rel: str) -> None:
    folder = os.path.dirname(rel)
    while folder and not os.listdir(os.path.join(root, folder)):
        os.rmdir(os.path.join(root, folder))
        folder = os.path.dirname(folder)


def write_tree(files: dict[str, bytes], target: Path, staging: Path, known: dict[str, str] | None = None) -> Changes:
    """Make `target` hold exactly `files`; returns what changed. `known` and `SAME` as in `compare`."""
    recover(target, staging)
    return Draft(target, staging).finish(files, known)


def write_file(dest: str, data: bytes) -> None:
    with open(dest, "wb") as f:
        f.write(data)


def overwrite_file(dest: str, data: bytes) -> None:
    """Write `data` over the file at `dest`, one of the draft's own (no other link to it)."""
    with open(dest, "r+b") as f:
        f.write(data)
        f.truncate()


def _own(path: str) -> bool:
    """A regular file with no other link to it: none of the live tree's files."""
    try:
        st = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(st.st_mode) and st.st_nlink == 1


def _link_or_copy(src: str, dest: str) -> None:
    try:
        os.link(src, dest)
    except OSError:
        shutil.copy2(src, dest)
