"""`briefgen diff`: briefings compared between commits of throw-away git repositories and folders."""
from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.diff import (MARKER, DiffError, compare, compare_items, load_folder, load_revision, load_side,
                           render_json, render_markdown)
from briefgen.model import Actor, Briefing, Event, Question, Quote

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


# ------------------------------------------------------------------------------------ fixtures
def briefing(slug: str, *, title: str | None = None, actors=(), events=(), quotes=(), questions=(),
             path: str | None = None, summary: str = "Eine kurze Zusammenfassung.") -> Briefing:
    return Briefing(
        slug=slug, title=title or f"Titel {slug}", date=dt.date(2025, 4, 2), language="de", summary=summary,
        actors=tuple(Actor(name=n, kind=k, roles=tuple(r), mentions=2) for n, k, r in actors),
        events=tuple(Event(date=d, expression="am Dienstag", text=t) for d, t in events),
        quotes=tuple(Quote(speaker=s, kind=k, text=t, sentence=t) for s, k, t in quotes),
        questions=tuple(Question(question=q, evidence="Das ist noch offen.") for q in questions),
        path=path or f"articles/{slug}.md",
    )


def write_docs(root: Path, briefings, docs: str = "docs") -> None:
    """What `briefgen build` writes: docs/briefings/<slug>.json, replacing the previous set."""
    folder = root / docs / "briefings"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for b in briefings:
        text = json.dumps(b.to_json(), indent=1, ensure_ascii=False)
        (folder / f"{b.slug}.json").write_text(text + "\n", encoding="utf-8")
        (folder / f"{b.slug}.md").write_text(f"# {b.title}\n", encoding="utf-8")


def git(root: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=root, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "test@example.invalid")
    git(tmp_path, "config", "user.name", "Test")
    git(tmp_path, "config", "commit.gpgsign", "false")
    return tmp_path


def commit(root: Path, briefings, message: str, docs: str = "docs") -> None:
    write_docs(root, briefings, docs)
    git(root, "add", "-A")
    git(root, "commit", "-q", "--allow-empty", "-m", message)


BERG = ("Anna Berg", "person", ["Bürgermeisterin"])
RAT = ("Stadtrat", "organization", [])
EV1 = ("2025-04-01", "Der Stadtrat beschloss am Dienstag den Haushalt.")
Q1 = ("Anna Berg", "direct", "Wir sparen nicht an den Schulen")
OPEN = "Wird das Land die Zuschüsse bewilligen?"


def base_set():
    return [
        briefing("2025-04-02-haushalt", actors=[BERG, RAT], events=[EV1], quotes=[Q1], questions=[OPEN]),
        briefing("2025-04-02-faehre", actors=[("Hafenamt", "organization", [])]),
    ]


# ------------------------------------------------------------------------- articles and items
def test_added_removed_changed_articles_between_commits(repo: Path):
    commit(repo, base_set(), "base")
    new_event = ("2025-04-08", "Die Kämmerei legt einen Nachtragshaushalt vor.")
    head = [
        briefing("2025-04-02-haushalt", actors=[("Anna Berg", "person", ["Oberbürgermeisterin"]), RAT,
                                                ("Landesregierung", "organization", [])],
                 events=[EV1, new_event], quotes=[], questions=[OPEN, "Wann beginnt der Bau?"]),
        briefing("2025-04-03-brand", actors=[("Feuerwehr", "organization", [])], events=[("2025-04-03", "Ein Lager brannte.")]),
    ]
    commit(repo, head, "head")

    d = compare(load_side("HEAD~1", cwd=repo), load_side("HEAD", cwd=repo))
    assert (d.before, d.after) == (2, 2)
    assert [a.slug for a in d.added] == ["2025-04-03-brand"]
    assert [a.slug for a in d.removed] == ["2025-04-02-faehre"]
    assert [a.slug for a in d.changed] == ["2025-04-02-haushalt"]
    ch = d.changed[0].categories
    assert ch["actors"].added == [{"name": "Landesregierung", "kind": "organization", "roles": []}]
    assert ch["actors"].removed == []
    assert ch["actors"].changed == [{"before": {"name": "Anna Berg", "kind": "person", "roles": ["Bürgermeisterin"]},
                                     "after": {"name": "Anna Berg", "kind": "person", "roles": ["Oberbürgermeisterin"]}}]
    assert ch["events"].added == [{"date": "2025-04-08", "text": new_event[1]}] and ch["events"].removed == []
    assert ch["quotes"].removed == [{"speaker": "Anna Berg", "kind": "direct", "text": Q1[2]}]
    assert ch["questions"].added == [{"question": "Wann beginnt der Bau?"}]
    totals = d.totals()
    # the added article's items count as added, the removed article's as removed
    assert totals["actors"] == {"added": 2, "removed": 1, "changed": 1}
    assert totals["events"]["added"] == 2

    md = render_markdown(d)
    assert md.startswith(MARKER + "\n")
    assert "1 added, 1 removed, 1 changed, 0 unchanged" in md
    assert "roles Bürgermeisterin → Oberbürgermeisterin" in md
    assert "- + `2025-04-08` Die Kämmerei legt einen Nachtragshaushalt vor." in md
    assert "- − **Anna Berg** (direct): “Wir sparen nicht an den Schulen”" in md
    assert md.index("### Totals") < md.index("### Removed") < md.index("### Added") < md.index("### Changed")


def test_unchanged_revisions_report_nothing(repo: Path):
    commit(repo, base_set(), "base")
    git(repo, "commit", "-q", "--allow-empty", "-m", "touch nothing")
    d = compare(load_side("HEAD~1", cwd=repo), load_side("HEAD", cwd=repo))
    assert d.empty and d.unchanged == 2
    assert "No briefing changed." in render_markdown(d)


def test_event_with_another_date_is_changed():
    before = [{"date": "2025-04-01", "text": "Die Brücke wurde gesperrt."},
              {"date": "2025-04-01", "text": "Der Verkehr staute sich."}]
    after = [{"date": "2025-04-02", "text": "Die Brücke wurde gesperrt."},
             {"date": "2025-04-03", "text": "Die Umleitung wurde ausgeschildert."}]
    cd = compare_items("events", before, after)
    assert cd.changed == [{"before": before[0], "after": after[0]}]
    assert cd.added == [after[1]] and cd.removed == [before[1]]
    md = render_markdown(compare(load_side_from({"x": {**briefing("x").to_json(), "events": before}}),
                                 load_side_from({"x": {**briefing("x").to_json(), "events": after}})))
    assert "- ~ `2025-04-01` → `2025-04-02` Die Brücke wurde gesperrt." in md


def test_quote_with_another_speaker_is_changed():
    before = [{"speaker": "Rat", "kind": "direct", "text": "Wir bauen"}, {"speaker": None, "kind": "indirect", "text": "es sei teuer"}]
    after = [{"speaker": "Jonas Weber", "kind": "direct", "text": "Wir bauen"}, {"speaker": None, "kind": "indirect", "text": "es sei billig"}]
    cd = compare_items("quotes", before, after)
    assert cd.changed == [{"before": before[0], "after": after[0]}]
    assert cd.removed == [before[1]] and cd.added == [after[1]]
    b = briefing("x").to_json()
    md = render_markdown(compare(load_side_from({"x": {**b, "quotes": before}}), load_side_from({"x": {**b, "quotes": after}})))
    assert "- ~ “Wir bauen”: **Rat** (direct) → **Jonas Weber** (direct)" in md
    assert "- − **unknown speaker** (indirect): “es sei teuer”" in md


def test_items_are_compared_as_multisets_and_ignore_other_fields():
    q = {"speaker": "Polizei", "kind": "reported", "text": "Niemand wurde verletzt", "sentence": "x", "stance": "attributed"}
    moved = dict(q, sentence="y", sentence_index=4)
    assert compare_items("quotes", [q], [moved]).size == 0  # same (speaker, kind, text)
    cd = compare_items("quotes", [q], [q, moved])
    assert cd.added == [{"speaker": "Polizei", "kind": "reported", "text": "Niemand wurde verletzt"}]


def test_detail_only_change_is_reported_as_changed_without_items(repo: Path):
    b = base_set()
    commit(repo, b, "base")
    changed = Briefing.from_json({**b[0].to_json(), "summary": "Eine andere Zusammenfassung."})
    commit(repo, [changed, b[1]], "summary only")
    d = compare(load_side("HEAD~1", cwd=repo), load_side("HEAD", cwd=repo))
    assert [a.slug for a in d.changed] == ["2025-04-02-haushalt"]
    assert d.changed[0].size == 0 and d.changed[0].fields == ["summary"]
    assert "Also changed: summary." in render_markdown(d)


def test_retitled_article_is_changed_not_removed_and_added(repo: Path):
    commit(repo, [briefing("2025-04-02-alt", path="articles/stadt.md", actors=[RAT])], "base")
    commit(repo, [briefing("2025-04-02-neu", title="Neuer Titel", path="articles/stadt.md", actors=[RAT, BERG])], "retitle")
    d = compare(load_side("HEAD~1", cwd=repo), load_side("HEAD", cwd=repo))
    assert not d.added and not d.removed
    (art,) = d.changed
    assert (art.slug, art.old_slug) == ("2025-04-02-neu", "2025-04-02-alt")
    assert art.categories["actors"].added == [{"name": "Anna Berg", "kind": "person", "roles": ["Bürgermeisterin"]}]
    assert "title" in art.fields


def test_pipeline_change_many_briefings_totals_first_then_most_affected(repo: Path):
    n = 30
    def article(i: int, extra_events: int, role: str) -> Briefing:
        events = [EV1] + [(f"2025-05-{k + 1:02d}", f"Artikel {i}: Termin Nummer {k}.") for k in range(extra_events)]
        return briefing(f"2025-04-02-artikel-{i:02d}", actors=[("Anna Berg", "person", [role]), RAT],
                        events=events, questions=[OPEN])
    commit(repo, [article(i, 0, "Bürgermeisterin") for i in range(n)], "base")
    # a change to the extraction: every briefing's role changes, article i gains i % 12 events
    commit(repo, [article(i, i % 12, "Oberbürgermeisterin") for i in range(n)], "pipeline")
    d = compare(load_side("HEAD~1", cwd=repo), load_side("HEAD", cwd=repo))
    assert len(d.changed) == n and not d.added and not d.removed
    expected_events = sum(i % 12 for i in range(n))
    assert d.totals()["events"] == {"added": expected_events, "removed": 0, "changed": 0}
    assert d.totals()["actors"]["changed"] == n
    # most affected first: 11 extra events for i = 11 and 23
    assert [a.slug for a in d.changed[:2]] == ["2025-04-02-artikel-11", "2025-04-02-artikel-23"]

    md = render_markdown(d, top=5, limit=4)
    assert md.index("### Totals across all briefings") < md.index("### Most affected articles") < md.index("### Changed")
    affected = md.split("### Most affected articles")[1].split("###")[0]
    assert affected.count("| `2025-04-02-artikel-") == 5
    assert f"… and {n - 5} more changed article(s) with fewer changes." in affected
    details = md.split("### Changed")[1]
    assert details.count("#### ") == 5
    assert f"{n - 5} more not shown in detail:" in details
    # 1 role change + 11 events for the top article, capped at 4 items per category
    top_block = details.split("#### ")[1]
    assert top_block.count("- + `2025-05-") == 4 and "- … and 7 more events not listed" in top_block

    data = json.loads(render_json(d))  # uncapped
    assert sum(len(c["events"]["added"]) for c in data["changed"]) == expected_events


def test_report_stays_under_the_character_budget(repo: Path):
    long_text = "Ein sehr langer Satz über den Haushalt der Stadt " * 3
    arts = [briefing(f"2025-04-02-lang-{i:02d}", events=[(f"2025-04-{k + 1:02d}", f"{long_text} {k}") for k in range(8)])
            for i in range(10)]
    d = compare(load_side(str(write_and_return(repo / "a", [])), cwd=repo),
                load_side(str(write_and_return(repo / "b", arts)), cwd=repo))
    md = render_markdown(d, top=10, limit=8, max_chars=6000)
    assert len(md) < 6000
    assert "Left out to keep this report under 6000 characters" in md
    assert "`briefgen diff --format json` lists everything" in md


def write_and_return(folder: Path, briefings) -> Path:
    write_docs(folder, briefings, docs=".")
    return folder


def test_markdown_escapes_article_text():
    b = briefing("2025-04-02-x", quotes=[("Kai <b>Roth</b>", "direct", "Das ist *kein* [Link](x) | Tabelle")])
    d = compare(load_side_from({}), load_side_from({b.slug: b.to_json()}))
    md = render_markdown(d)
    assert "<b>" not in md and r"\*kein\*" in md and r"\[Link\]" in md and r"\| Tabelle" in md


def load_side_from(briefings):
    from briefgen.diff import Side
    return Side("x", briefings)


# -------------------------------------------------------------------------------- loading sides
def test_revision_without_docs_folder_has_no_briefings(repo: Path):
    (repo / "README.md").write_text("x\n")
    git(repo, "add", "README.md")
    git(repo, "commit", "-q", "-m", "before any briefing")
    commit(repo, base_set(), "first build")
    assert load_revision("HEAD~1", cwd=repo) == {}
    d = compare(load_side("HEAD~1", cwd=repo), load_side("HEAD", cwd=repo))
    assert len(d.added) == 2


def test_working_tree_and_folders(repo: Path):
    commit(repo, base_set(), "base")
    write_docs(repo, base_set()[:1])  # uncommitted: one briefing deleted
    d = compare(load_side("HEAD", cwd=repo), load_side(None, cwd=repo))
    assert d.head == "working tree" and [a.slug for a in d.removed] == ["2025-04-02-faehre"]
    # a folder is the docs folder or the briefings folder itself; .md files are ignored
    assert load_folder(repo / "docs").keys() == load_folder(repo / "docs" / "briefings").keys()


def test_docs_option_and_subdirectory(repo: Path):
    commit(repo, base_set(), "base", docs="site-src")
    assert len(load_revision("HEAD", docs="site-src", cwd=repo)) == 2
    assert load_revision("HEAD", cwd=repo) == {}
    (repo / "sub").mkdir()
    assert len(load_revision("HEAD", docs="../site-src", cwd=repo / "sub")) == 2  # relative to where we are


def test_errors(repo: Path):
    commit(repo, base_set(), "base")
    with pytest.raises(DiffError, match="not a git revision"):
        load_side("no-such-branch", cwd=repo)
    with pytest.raises(DiffError, match="neither a folder nor a git revision"):
        load_side("old/docs", cwd=repo)
    (repo / "docs" / "briefings" / "kaputt.json").write_text('{"schema": "briefgen.briefing/1", ')
    with pytest.raises(DiffError, match=r"kaputt.json:1: not valid JSON"):
        load_side(None, cwd=repo)
    (repo / "docs" / "briefings" / "kaputt.json").write_text('{"schema": "briefgen.briefing/1", "slug": "k"}')
    with pytest.raises(DiffError, match="not a valid briefing"):
        load_side(None, cwd=repo)
    (repo / "docs" / "briefings" / "kaputt.json").write_text('{"other": "json"}')  # not a briefing: skipped
    assert len(load_side(None, cwd=repo).briefings) == 2


# ------------------------------------------------------------------------------------- the CLI
def test_cli_markdown_json_and_exit_codes(repo: Path, monkeypatch):
    commit(repo, base_set(), "base")
    commit(repo, base_set()[:1] + [briefing("2025-04-03-brand", actors=[("Feuerwehr", "organization", [])])], "head")
    monkeypatch.chdir(repo)
    runner = CliRunner()

    r = runner.invoke(main, ["diff", "HEAD~1", "HEAD"])
    assert r.exit_code == 0, r.output
    assert r.output.startswith(MARKER) and "1 added, 1 removed, 0 changed, 1 unchanged" in r.output
    assert "+ Feuerwehr (organization)" in r.output

    r = runner.invoke(main, ["diff", "HEAD~1", "HEAD", "--format", "json"])
    assert r.exit_code == 0
    data = json.loads(r.output)
    assert data["schema"] == "briefgen.diff/1"
    assert data["articles"] == {"before": 2, "after": 2, "added": 1, "removed": 1, "changed": 0, "unchanged": 1}
    assert [a["slug"] for a in data["removed"]] == ["2025-04-02-faehre"]

    r = runner.invoke(main, ["diff", "HEAD"])  # working tree = HEAD
    assert r.exit_code == 0 and "No briefing changed." in r.output

    r = runner.invoke(main, ["diff", "does-not-exist"])
    assert r.exit_code == 1 and "not a git revision" in r.output

    assert runner.invoke(main, ["diff"]).exit_code == 2
    assert runner.invoke(main, ["diff", "HEAD", "--format", "html"]).exit_code == 2


def test_cli_folders_and_docs_option(tmp_path: Path, monkeypatch):
    write_docs(tmp_path / "old", base_set())
    write_docs(tmp_path / "new", base_set()[1:])
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(main, ["diff", "old/docs", "new/docs"])
    assert r.exit_code == 0 and "0 added, 1 removed" in r.output
    r = CliRunner().invoke(main, ["diff", "old/docs", "--docs", "new/docs"])  # head: the working tree's docs
    assert r.exit_code == 0 and "0 added, 1 removed" in r.output


def test_git_cli_agrees_with_git_show(repo: Path):
    """load_revision reads exactly the blobs `git show REV:path` prints."""
    commit(repo, base_set(), "base")
    names = git(repo, "ls-tree", "--name-only", "HEAD", "docs/briefings/").split()
    expected = {json.loads(git(repo, "show", f"HEAD:{n}"))["slug"]: json.loads(git(repo, "show", f"HEAD:{n}"))
                for n in names if n.endswith(".json")}
    assert load_revision("HEAD", cwd=repo) == expected
