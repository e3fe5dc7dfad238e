"""write.Draft: the next tree begun as hard links, finished by replacing only what changed."""
from __future__ import annotations

import os

from briefgen.render.memo import SAME
from briefgen.write import Draft


def tree(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_draft_replaces_changed_files_without_writing_through_its_links(tmp_path):
    docs, staging = tmp_path / "docs", tmp_path / "tmp"
    (docs / "a").mkdir(parents=True)
    (docs / "a" / "page.md").write_bytes(b"old page")
    (docs / "keep.md").write_bytes(b"kept")
    (docs / "gone" / "x.md").parent.mkdir()
    (docs / "gone" / "x.md").write_bytes(b"removed")
    kept_inode = os.stat(docs / "keep.md").st_ino
    old_page = os.stat(docs / "a" / "page.md").st_ino

    draft = Draft(docs, staging)
    (docs / "a" / "page.md").read_bytes()  # the live tree is untouched until the swap
    changes = draft.finish({"a/page.md": b"new page", "keep.md": SAME, "b/new.md": b"added"},
                           known={"keep.md": "digest of kept"})

    assert tree(docs) == {"a/page.md": b"new page", "b/new.md": b"added", "keep.md": b"kept"}
    assert not (docs / "gone").exists()  # a folder left empty goes too
    assert (changes.added, changes.changed, changes.removed) == (["b/new.md"], ["a/page.md"], ["gone/x.md"])
    assert os.stat(docs / "keep.md").st_ino == kept_inode  # an unchanged file is the same file
    # the replaced tree waits in the staging folder, its files as they were
    old = staging / "docs.old"
    assert (old / "a" / "page.md").read_bytes() == b"old page" and os.stat(old / "a" / "page.md").st_ino == old_page

    Draft(docs, staging).finish({"a/page.md": b"new page", "keep.md": b"kept", "b/new.md": b"added"})
    assert not old.exists() and tree(docs)["keep.md"] == b"kept"  # the next draft cleared it


def test_a_draft_of_a_missing_folder_makes_it(tmp_path):
    changes = Draft(tmp_path / "docs", tmp_path / "tmp").finish({"index.md": b"home"})
    assert changes.added == ["index.md"] and tree(tmp_path / "docs") == {"index.md": b"home"}


def test_a_draft_refuses_unsafe_paths_and_kept_files_it_does_not_hold(tmp_path):
    import pytest

    from briefgen.write import UnsafePath

    docs, staging = tmp_path / "docs", tmp_path / "tmp"
    docs.mkdir()
    (docs / "page.md").write_bytes(b"page")
    with pytest.raises(UnsafePath):
        Draft(docs, staging).finish({"../outside.md": b"x", "page.md": SAME})
    with pytest.raises(ValueError, match="missing"):  # "keep" is only for files the tree holds
        Draft(docs, staging).finish({"../outside.md": SAME, "page.md": SAME})
    assert tree(docs) == {"page.md": b"page"} and not (tmp_path / "outside.md").exists()
