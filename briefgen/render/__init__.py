"""Briefings -> the files of docs/ as {relative path: text}. No I/O, no spaCy."""
from __future__ import annotations

import json
from importlib import resources

from ..model import Briefing
from .briefing import briefing_page
from .indexes import briefings_index, home_page, month_pages

ASSETS = ("briefgen.css", "briefgen.js")


def briefing_json(b: Briefing) -> str:
    return json.dumps(b.to_json(), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def render_site(briefings: list[Briefing], *, lang: str) -> dict[str, str]:
    """Every generated file of docs/. Paths are POSIX, relative to docs/."""
    briefings = sorted(briefings, key=lambda b: b.slug)
    files: dict[str, str] = {
        "index.md": home_page(briefings, lang),
        "briefings/index.md": briefings_index(briefings, lang),
        **month_pages(briefings, lang),
    }
    for b in briefings:
        files[f"briefings/{b.slug}.md"] = briefing_page(b, lang)
        files[f"briefings/{b.slug}.json"] = briefing_json(b)
    for name in ASSETS:
        files[f"assets/{name}"] = resources.files(__package__).joinpath("assets", name).read_text(encoding="utf-8")
    return files
