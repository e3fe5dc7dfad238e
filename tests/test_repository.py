"""The repository itself: its committed docs/ are what its articles produce."""
from __future__ import annotations

from pathlib import Path

from briefgen.build import build
from briefgen.config import load_settings

REPO = Path(__file__).resolve().parent.parent


def test_committed_docs_are_current():
    result = build(load_settings(REPO), check=True)
    assert result.articles >= 8
    assert result.changes.stale == [], "docs/ is stale: run `briefgen build` and commit docs/"
