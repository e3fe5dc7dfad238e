"""Write a generated folder (docs/ or site/) so that it is either the old one or the new one.

The new tree is assembled in a staging folder beside the target - unchanged files hard-linked
from the current tree, changed ones written - and then swapped in with two renames. A build
killed before the swap leaves the target untouched; one killed between the two renames is
repaired by `recover` at the start of the next build. Files of the old tree that the new one
lacks (pages of deleted articles) are gone after the swap.

A `Draft` begins the new tree before the files are known (the build makes one while articles are
being extracted): it links every current file, and `Draft.finish` then replaces only what
changed. The tree a swap replaces stays in the staging folder until the next draft clears it.
"""
from __future__ import annotations

import os
import shutil
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
    leaves the replaced tree in `staging` for the next `Draft` to remove."""
    _, old = staging_paths(target, staging)
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        os.rename(target, old)
    os.rename(built, target)
    if old.exists() and not keep_old:
        shutil.rmtree(old)


class Draft:
    """The next tree of `target`, begun in `staging`: what earlier builds left there is removed,
    and every current file of `target` is hard-linked into it (or copied where links fail)."""

    def __init__(self, target: Path, staging: Path) -> None:
        self.target, self.staging = Path(target), Path(staging)
        self.new, old = staging_paths(self.target, self.staging)
        for leftover in (self.new, old):
            if leftover.exists():
                shutil.rmtree(leftover)
        self.old = existing_files(self.target)
        self.new.mkdir(parents=True)
        for folder in sorted({os.path.dirname(rel) for rel in self.old} - {""}):
            os.makedirs(os.path.join(self.new, folder), exist_ok=True)
        for rel, path in self.old.items():
            _link_or_copy(path, os.path.join(self.new, rel))

    def finish(self, files: dict[str, bytes], known: dict[str, str] | None = None) -> Changes:
        """Make `target` hold exactly `files`; returns what changed. `known` and `SAME` as in `compare`."""
        for rel, data in files.items():
            if data is not SAME:  # a kept file is one of the tree's own (compare checks that)
                check_relative(rel)
        changes = compare(files, self.target, self.old, known)
        if not changes.stale and self.target.is_dir():
            return changes  # the draft stays behind for the next one to clear
        for rel in changes.removed:
            os.unlink(os.path.join(self.new, rel))
            _remove_empty_parents(self.new, rel)
        for rel in sorted(changes.added + changes.changed):
            dest = os.path.join(self.new, rel)
            if rel in self.old:
                os.unlink(dest)  # a link to the current file: never write through it
            else:
                os.makedirs(os.path.dirname(dest), exist_ok=True)
            write_file(dest, files[rel])
        swap_in(self.new, self.target, self.staging, keep_old=True)
        return changes


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


def _link_or_copy(src: str, dest: str) -> None:
    try:
        os.link(src, dest)
    except OSError:
        shutil.copy2(src, dest)
