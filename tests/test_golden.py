"""Golden output: the generated page and JSON of each test article, byte for byte.

After an intended change to extraction or rendering, regenerate and review the diff:
    BRIEFGEN_UPDATE_GOLDEN=1 pytest tests/test_golden.py
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from briefgen.build import read_articles
from briefgen.extract import Extractor
from briefgen.render import render_site

DATA = Path(__file__).resolve().parent / "data"
GOLDEN = DATA / "golden"
UPDATE = os.environ.get("BRIEFGEN_UPDATE_GOLDEN") == "1"


def generated():
    articles = read_articles(DATA / "articles")
    extractor = Extractor()
    files = render_site([extractor(a) for a in articles], lang="de")
    return {f"{a.path.rsplit('.', 1)[0]}{suffix}": files[f"briefings/{a.slug}{suffix}"]
            for a in articles for suffix in (".md", ".json")}


@pytest.mark.parametrize("name", ["stadtbibliothek-de.md", "stadtbibliothek-de.json",
                                  "harbour-ferry-en.md", "harbour-ferry-en.json"])
def test_golden_page(name):
    text = generated()[name]
    path = GOLDEN / name
    if UPDATE:
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} missing: run BRIEFGEN_UPDATE_GOLDEN=1 pytest tests/test_golden.py"
    assert text == path.read_text(encoding="utf-8")
