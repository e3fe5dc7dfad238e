"""The command line through click's CliRunner."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from briefgen.cli import main

CONTRACT_KEYS = ["schema", "slug", "title", "date", "language", "summary", "actors", "time_expressions",
                 "events", "quotes", "questions"]


@pytest.fixture
def runner():
    return CliRunner()


def test_extract_prints_one_contract_line_per_article(runner, project):
    result = runner.invoke(main, ["extract", str(project / "articles")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().split("\n")
    assert len(lines) == 2
    for line in lines:
        data = json.loads(line)
        assert list(data)[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
        for t in data["time_expressions"]:
            assert {"text", "start", "end", "value"} <= set(t)


def test_extract_date_and_lang_fill_in_only_what_is_missing(runner, tmp_path):
    (tmp_path / "a.txt").write_text("Kurzer Titel\n\nDer Bürgermeister eröffnete gestern die neue Brücke.")
    (tmp_path / "b.md").write_text("---\ndate: 2020-01-01\nlang: en\n---\nThe mayor opened the bridge yesterday.")
    result = runner.invoke(main, ["extract", str(tmp_path / "a.txt"), str(tmp_path / "b.md"),
                                  "--date", "2019-01-03", "--lang", "de"])
    assert result.exit_code == 0, result.output
    a, b = (json.loads(x) for x in result.stdout.strip().split("\n"))
    assert (a["date"], a["language"], a["title"]) == ("2019-01-03", "de", "Kurzer Titel")
    assert (b["date"], b["language"]) == ("2020-01-01", "en")


def test_extract_bad_input_names_file_and_line(runner, tmp_path):
    (tmp_path / "bad.md").write_text("---\ntitle: T\ndatum: 2020-01-01\n---\nText.")
    result = runner.invoke(main, ["extract", str(tmp_path / "bad.md")])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "bad.md:3: unknown front matter key 'datum', did you mean 'date'?" in result.stderr
    result = runner.invoke(main, ["extract", str(tmp_path / "missing.md")])
    assert result.exit_code == 1 and "missing.md: no such file or folder" in result.stderr
    assert runner.invoke(main, ["extract", "x.md", "--date", "2020-13-01"]).exit_code == 2


def test_check_exit_codes(runner, chdir_project):
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 0 and "2 article(s) checked, 0 problem(s)" in result.output
    (chdir_project / "articles" / "bad.md").write_text("---\ntags: Politik\n---\nText.")
    result = runner.invoke(main, ["check"])
    assert result.exit_code == 1
    assert "articles/bad.md:2: tags: got str 'Politik', expected a list of tags" in result.stderr


def test_build_then_check_then_stale(runner, chdir_project):
    result = runner.invoke(main, ["build", "--no-site"])
    assert result.exit_code == 0, result.output
    assert "2 articles (2 extracted, 0 from cache)" in result.output
    assert not (chdir_project / "site").exists()
    assert runner.invoke(main, ["build", "--check"]).exit_code == 0
    art = chdir_project / "articles" / "stadtbibliothek-de.md"
    art.write_text(art.read_text().replace("einstimmig", "mehrheitlich"))
    result = runner.invoke(main, ["build", "--check"])
    assert result.exit_code == 1
    assert "stale: docs/briefings/2025-09-04-stadtbibliothek-falkenried-oeffnet-kuenftig-auch-sonntags.md" \
        in result.stderr
    assert runner.invoke(main, ["build", "-q"]).exit_code == 0
    assert runner.invoke(main, ["build", "--check", "-q"]).exit_code == 0


def test_build_errors_exit_1(runner, chdir_project):
    (chdir_project / "articles" / "bad.md").write_text("---\ndate: 2025-02-30\n---\nText.")
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 1
    assert "error: bad.md:2: date: 2025-02-30 is not a calendar date" in result.stderr
    assert not (chdir_project / "docs").exists()


def test_every_command_has_help_with_an_example(runner):
    top = runner.invoke(main, ["--help"])
    assert top.exit_code == 0
    for name in main.commands:
        result = runner.invoke(main, [name, "--help"])
        assert result.exit_code == 0
        assert "Example" in result.output, f"briefgen {name} --help lacks an example"


def test_missing_config_is_a_clear_error(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["build"])
    assert result.exit_code == 1 and "mkdocs.yml: not found" in result.stderr
