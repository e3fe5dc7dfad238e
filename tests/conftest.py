"""Shared fixtures: a throw-away briefgen project and blank pipelines (no model downloads)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with the repository's mkdocs.yml and the two small test articles."""
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copytree(DATA / "articles", tmp_path / "articles")
    return tmp_path


@pytest.fixture
def chdir_project(project: Path, monkeypatch) -> Path:
    monkeypatch.chdir(project)
    return project
