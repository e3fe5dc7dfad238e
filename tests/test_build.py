"""The build end to end on a throw-away project: pages, determinism, cache, atomic writes."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

import briefgen.write as write
from briefgen.build import BuildError, build
from briefgen.config import load_settings


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_build_writes_a_page_and_json_per_article_and_the_site(project):
    settings = load_settings(project)
    result = build(settings)
    assert result.articles == 2 and result.extracted == 2
    docs = tree(project / "docs")
    slugs = ["2025-09-04-stadtbibliothek-falkenried-oeffnet-kuenftig-auch-sonntags",
             "2026-03-05-island-ferry-to-resume-after-storm-repairs"]
    for slug in slugs:
        assert f"briefings/{slug}.md" in docs
        data = json.loads(docs[f"briefings/{slug}.json"])
        assert data["schema"] == "briefgen.briefing/1" and data["slug"] == slug
        assert (project / "site" / "briefings" / slug / "index.html").is_file()
    assert (project / "site" / "index.html").is_file()
    assert set(result.seconds) == {"read", "extract", "render", "write", "mkdocs"}


def test_same_inputs_give_identical_files_and_cache_is_used(project):
    settings = load_settings(project)
    build(settings, site=False)
    first = tree(project / "docs")
    result = build(settings, site=False)
    assert result.extracted == 0 and result.changes.stale == []
    assert tree(project / "docs") == first
    # a fresh cache gives the same bytes too: nothing depends on time or order of runs
    shutil.rmtree(project / ".briefgen-cache")
    assert build(settings, site=False).extracted == 2
    assert tree(project / "docs") == first


def test_corrupt_cache_entry_is_rebuilt(project):
    settings = load_settings(project)
    build(settings, site=False)
    entries = sorted((project / ".briefgen-cache").rglob("*.json"))
    entries[0].write_text("{not json")
    entries[1].write_text(json.dumps({"schema": "other"}))
    docs = tree(project / "docs")
    (project / ".briefgen-cache" / "state.pickle").unlink()  # else the state has what the pages need
    assert build(settings, site=False).extracted == 2 and tree(project / "docs") == docs


def test_check_reports_stale_files_and_writes_nothing(project):
    settings = load_settings(project)
    build(settings, site=False)
    assert build(settings, check=True).changes.stale == []
    art = project / "articles" / "harbour-ferry-en.md"
    art.write_text(art.read_text().replace("two weeks", "three weeks"))
    before = tree(project / "docs")
    stale = build(settings, check=True).changes.stale
    assert "briefings/2026-03-05-island-ferry-to-resume-after-storm-repairs.json" in stale
    assert tree(project / "docs") == before


def test_deleted_article_pages_are_removed(project):
    settings = load_settings(project)
    build(settings, site=False)
    (project / "articles" / "harbour-ferry-en.md").unlink()
    result = build(settings, site=False)
    assert "briefings/2026-03-05-island-ferry-to-resume-after-storm-repairs.md" in result.changes.removed
    assert not any("island-ferry" in p for p in tree(project / "docs"))


def test_duplicate_output_paths_fail_naming_both_files(project):
    src = project / "articles" / "harbour-ferry-en.md"
    (project / "articles" / "copy.md").write_text(src.read_text())
    with pytest.raises(BuildError) as info:
        build(load_settings(project), site=False)
    message = str(info.value)
    assert "harbour-ferry-en.md" in message and "copy.md" in message and "same page" in message


@pytest.mark.parametrize("title", ["Index", "Undated", "2026 03"])
def test_undated_article_cannot_replace_a_generated_page(project, title):
    (project / "articles" / "clash.md").write_text(f"---\ntitle: \"{title}\"\n---\nDer Rat tagte am Montag.")
    with pytest.raises(BuildError, match=r"clash.md: its page briefings/.* would replace a page briefgen generates"):
        build(load_settings(project), site=False)


def test_broken_article_stops_the_build_before_writing(project):
    settings = load_settings(project)
    build(settings, site=False)
    before = tree(project / "docs")
    (project / "articles" / "bad.md").write_text("---\ntitle: [unclosed\n---\nText.\n")
    with pytest.raises(BuildError, match="bad.md:2: front matter is not valid YAML"):
        build(settings, site=False)
    assert tree(project / "docs") == before


def test_interrupted_write_leaves_previous_docs(project, monkeypatch):
    settings = load_settings(project)
    build(settings, site=False)
    before = tree(project / "docs")
    art = project / "articles" / "stadtbibliothek-de.md"
    art.write_text(art.read_text().replace("sechs Monate", "acht Monate"))
    calls = {"n": 0}
    real = write.write_file

    def dying_write(dest, data):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt("killed")
        real(dest, data)

    monkeypatch.setattr(write, "write_file", dying_write)
    with pytest.raises(KeyboardInterrupt):
        build(settings, site=False)
    assert tree(project / "docs") == before
    monkeypatch.setattr(write, "write_file", real)
    result = build(settings, site=False)  # the next build cleans up the staging folder and succeeds
    assert result.changes.changed and tree(project / "docs") != before


def test_swap_cut_between_renames_is_recovered(project):
    settings = load_settings(project)
    build(settings, site=False)
    before = tree(project / "docs")
    staging = project / ".briefgen-tmp"
    staging.mkdir(exist_ok=True)
    (project / "docs").rename(staging / "docs.old")  # as if killed after the first rename
    write.recover(project / "docs", staging)
    assert tree(project / "docs") == before


def test_unsafe_generated_paths_are_refused(tmp_path):
    for bad in ["../x.md", "/etc/passwd", "a/../../b", "a\x00b", ""]:
        with pytest.raises(write.UnsafePath):
            write.write_tree({bad: b"x"}, tmp_path / "docs", tmp_path / "stage")


def test_split_actor_lists_build_strictly(project, monkeypatch):
    """Lists of one initial split by letters: every link MkDocs checks still resolves."""
    import shutil

    import briefgen.render.actors as actors_module
    monkeypatch.setattr(actors_module, "LIST_SIZE", 1)
    shutil.rmtree(project / "articles")
    shutil.copytree(Path(__file__).resolve().parent.parent / "articles", project / "articles")  # our samples
    result = build(load_settings(project))
    split = [p for p in result.changes.added
             if re.fullmatch(r"actors/(person|organization|place|group|other)-[a-z0-9_]{2,4}\.md", p)]
    assert split, "no list was split"
    assert (project / "site" / Path(split[0]).with_suffix("").as_posix() / "index.html").is_file()


def test_actor_pages_with_parts_build_strictly(project, monkeypatch):
    """Long actor pages split into parts (render.actors.split_named): every link MkDocs checks
    resolves, and the parts are pages of the site."""
    import briefgen.render.actors as actors_module
    monkeypatch.setattr(actors_module, "PART_SIZE", 1)
    shutil.rmtree(project / "articles")
    shutil.copytree(Path(__file__).resolve().parent.parent / "articles", project / "articles")  # our samples
    result = build(load_settings(project))
    parts = [p for p in result.changes.added if re.fullmatch(r"actors/[a-z0-9-]+/\d+\.md", p)]
    assert parts, "no actor page has parts"
    assert (project / "site" / Path(parts[0]).with_suffix("").as_posix() / "index.html").is_file()
