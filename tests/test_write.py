"""write.Draft: the next tree, begun from the replaced one or as hard links, finished by replacing only what changed."""
from __future__ import annotations

import os

import pytest

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
    # nothing changed: the next draft, a copy of the target, waits as the replaced tree would
    assert tree(old) == tree(docs) and os.stat(old / "a" / "page.md").st_ino != old_page


def test_a_draft_of_a_missing_folder_makes_it(tmp_path):
    changes = Draft(tmp_path / "docs", tmp_path / "tmp").finish({"index.md": b"home"})
    assert changes.added == ["index.md"] and tree(tmp_path / "docs") == {"index.md": b"home"}


def test_a_draft_refuses_unsafe_paths_and_kept_files_it_does_not_hold(tmp_path):
    from briefgen.write import UnsafePath

    docs, staging = tmp_path / "docs", tmp_path / "tmp"
    docs.mkdir()
    (docs / "page.md").write_bytes(b"page")
    with pytest.raises(UnsafePath):
        Draft(docs, staging).finish({"../outside.md": b"x", "page.md": SAME})
    with pytest.raises(ValueError, match="missing"):  # "keep" is only for files the tree holds
        Draft(docs, staging).finish({"../outside.md": SAME, "page.md": SAME})
    assert tree(docs) == {"page.md": b"page"} and not (tmp_path / "outside.md").exists()


def trusted(docs):
    """Every file of `docs` as unchanged since the last build (as build state would say)."""
    return {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}


def test_a_draft_takes_over_the_replaced_tree_and_updates_only_what_changed(tmp_path, monkeypatch):
    """With the note the last swap left, the next draft is the replaced tree brought up to date
    by the paths that swap changed, and by the target's files that are not as recorded."""
    import briefgen.write as write

    docs, staging = tmp_path / "docs", tmp_path / "tmp"
    pages = {f"p/{i}.md": f"page {i}".encode() for i in range(50)}
    Draft(docs, staging).finish(pages)
    Draft(docs, staging, unchanged=trusted(docs), recorded=trusted(docs)).finish(
        {**pages, "p/1.md": b"one", "new.md": b"new"} | {"p/2.md": SAME})
    del pages["p/2.md"]  # p/2.md was kept; now the build drops it, changes p/3.md, keeps the rest
    expected = {**pages, "p/1.md": b"one", "new.md": b"new", "p/3.md": b"three"}
    # since that build, someone edited, added and deleted files of docs/ by hand
    (docs / "p" / "4.md").unlink()
    (docs / "p" / "4.md").write_bytes(b"edited")  # not as recorded: not trusted
    (docs / "extra.md").write_bytes(b"by hand")
    (docs / "p" / "5.md").unlink()
    recorded = (trusted(docs) | {"p/5.md"}) - {"extra.md"}
    unchanged = recorded - {"p/4.md", "p/5.md"}
    links = []
    link = write._link_or_copy
    monkeypatch.setattr(write, "_link_or_copy", lambda src, dest: (links.append(dest), link(src, dest)))
    changes = Draft(docs, staging, unchanged=unchanged, recorded=recorded).finish(
        {**{rel: SAME for rel in unchanged if rel in expected}, "p/3.md": b"three", "p/4.md": pages["p/4.md"],
         "p/5.md": pages["p/5.md"]})
    assert tree(docs) == expected
    assert sorted(changes.changed) == ["p/3.md", "p/4.md"] and changes.added == ["p/5.md"]
    assert sorted(changes.removed) == ["extra.md", "p/2.md"]
    # linked: what the last swap wrote (p/1.md, new.md) and the files not as recorded
    assert sorted(os.path.relpath(d, staging / "docs.new") for d in links) == [
        "extra.md", "new.md", "p/1.md", "p/4.md"]


@pytest.mark.parametrize("note", ["{broken", '{"link": [1], "remove": []}'])
def test_a_draft_without_a_usable_note_links_every_file(tmp_path, note):
    docs, staging = tmp_path / "docs", tmp_path / "tmp"
    Draft(docs, staging).finish({"a.md": b"a", "b.md": b"b"})
    Draft(docs, staging, unchanged=trusted(docs), recorded=trusted(docs)).finish({"a.md": b"A", "b.md": SAME})
    (staging / "docs.old.delta.json").write_text(note, encoding="utf-8")  # damaged, or cut short
    (staging / "docs.old" / "b.md").unlink()
    (staging / "docs.old" / "b.md").write_bytes(b"stale")  # and the replaced tree is not what it says
    Draft(docs, staging, unchanged=trusted(docs), recorded=trusted(docs)).finish(
        {"a.md": b"A", "b.md": SAME, "c.md": b"c"})
    assert tree(docs) == {"a.md": b"A", "b.md": b"b", "c.md": b"c"}


def test_a_file_rewritten_again_is_written_over_the_copy_no_tree_needs(tmp_path, monkeypatch):
    """The replaced tree's own version of a file the last build rewrote is written over (its
    cached pages reused) when this build rewrites it again; no live file is written through."""
    import briefgen.write as write

    over = []
    overwrite = write.overwrite_file
    monkeypatch.setattr(write, "overwrite_file", lambda dest, data: (over.append(data), overwrite(dest, data)))
    docs, staging = tmp_path / "docs", tmp_path / "tmp"
    Draft(docs, staging).finish({"a.md": b"v1", "b.md": b"b"})
    first = os.stat(docs / "a.md").st_ino
    Draft(docs, staging, unchanged=trusted(docs), recorded=trusted(docs)).finish({"a.md": b"v2", "b.md": SAME})
    second = os.stat(docs / "a.md").st_ino
    for _ in range(2):  # builds that change nothing keep the spare copy for the next that does
        Draft(docs, staging, unchanged=trusted(docs), recorded=trusted(docs)).finish({"a.md": SAME, "b.md": SAME})
    Draft(docs, staging, unchanged=trusted(docs), recorded=trusted(docs)).finish({"a.md": b"three", "b.md": SAME})
    assert tree(docs) == {"a.md": b"three", "b.md": b"b"}
    assert over == [b"three"] and os.stat(docs / "a.md").st_ino == first  # v1's, which only the replaced tree held
    replaced = staging / "docs.old" / "a.md"
    assert replaced.read_bytes() == b"v2" and os.stat(replaced).st_ino == second
    assert not (staging / "docs.spare").exists()
