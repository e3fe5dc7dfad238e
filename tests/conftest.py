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


def make_blank(lang: str, *components: str, config: dict[str, dict] | None = None):
    """spacy.blank(lang) with our sentence segmenter and then `components`, in that order."""
    import spacy

    import briefgen.pipeline  # noqa: F401  registers the factories

    nlp = spacy.blank(lang)
    for name in ("briefgen_sentences", *components):
        nlp.add_pipe(name, config=(config or {}).get(name, {}))
    return nlp


@pytest.fixture(scope="session")
def blank_pipeline():
    """Factory of blank pipelines with just the components a test needs (no model download)."""
    return make_blank
