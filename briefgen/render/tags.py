"""Tag pages: tags/index.md lists every tag with its count; tags/<slug>.md holds Material's tags
listing for that tag (so the tags shown on a briefing page link there) - one page per tag, so no
page lists every briefing."""
from __future__ import annotations

import json
from collections import defaultdict

from ..model import Briefing
from .common import NO_SEARCH, front_matter
from .labels import label
from .links import relative, tag_path
from .text import inline, meta_text

INDEX = "tags/index.md"


def collect_tags(briefings: list[Briefing]) -> dict[str, dict[str, list[Briefing]]]:
    """tag page path -> {tag spelling: briefings}; spellings with the same slug share one page."""
    pages: dict[str, dict[str, list[Briefing]]] = defaultdict(lambda: defaultdict(list))
    for b in sorted(briefings, key=lambda b: b.slug):
        for tag in dict.fromkeys(b.tags):
            if tag.strip():
                pages[tag_path(tag)][tag].append(b)
    return {p: dict(v) for p, v in sorted(pages.items())}


def directive_value(names: list[str]) -> str:
    """The YAML flow mapping inside <!-- material/tags ... -->: JSON strings with every character
    that could end the comment or break YAML written as a \\u escape (valid in YAML double quotes)."""
    def quote(name: str) -> str:
        # the name as the tags plugin reads it from the front matter (made inert by yaml_value)
        encoded = json.dumps(meta_text(name), ensure_ascii=True)
        for ch in "<>-!&{}[]#|*:,'`%@":
            encoded = encoded.replace(ch, f"\\u{ord(ch):04x}")
        return encoded
    return "{ include: [" + ", ".join(quote(n) for n in names) + "] }"


def tags_index(tags: dict[str, dict[str, list[Briefing]]], lang: str) -> str:
    """Every tag with the number of briefings it is on (`tags` as `collect_tags` gives them)."""
    out = front_matter(label(lang, "tags"), label(lang, "tags_intro"), search=NO_SEARCH)
    out += [f"# {label(lang, 'tags')}", "", label(lang, "tags_intro"), ""]
    if not tags:
        out.append(label(lang, "no_tags"))
    rows = sorted(tags.items(), key=lambda kv: (min(kv[1]).casefold(), kv[0]))
    for path, spellings in rows:
        count = len({b.slug for items in spellings.values() for b in items})
        out.append(f"- [{inline(min(spellings))}]({relative(INDEX, path)}) ({count})")
    return "\n".join(out).rstrip() + "\n"


def tag_page(path: str, spellings: list[str], lang: str) -> str:
    """The page of one tag (`spellings`: the tag's spellings, sorted): Material lists the pages."""
    name = spellings[0]
    title = label(lang, "tag_title", tag=name)
    page = front_matter(title, label(lang, "tag_description", tag=name), search=NO_SEARCH)
    page += [f"# {label(lang, 'tag_title', tag=inline(name))}", "",
             f"[← {label(lang, 'tags')}]({relative(path, INDEX)})", "",
             f"<!-- material/tags {directive_value(spellings)} -->", ""]
    return "\n".join(page)
