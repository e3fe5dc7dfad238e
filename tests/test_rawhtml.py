"""briefgen.rawhtml: raw HTML blocks of briefgen's shape are stored unparsed, every page converts
exactly as without the extension, and MkDocs still checks links to anchors inside them."""
from __future__ import annotations

import logging
from pathlib import Path

import markdown
import pytest

from briefgen.rawhtml import anchors, block_at
from briefgen.render import render_site

from test_render_site import sample

LIST = ["", "<ul>", '<li id="a-1">one <a href="#s-1">↗</a></li>', "<li>two</li>", "</ul>", ""]

# Markdown that must be left to Python-Markdown's own raw HTML parsing
NOT_OURS = {
    "nested same tag": "<div>\n<div>\ninner\n</div>\n\n</div>\n\ntext",
    "blank line inside": "<ul>\n<li>one</li>\n\n<li>two</li>\n</ul>\n",
    "text right after": "<ul>\n<li>one</li>\n</ul>\n*more*\n",
    "text right before": "intro\n<ul>\n<li>one</li>\n</ul>\n",
    "unclosed": "<ul>\n<li>one</li>\n",
    "markdown inside": '<div class="grid cards" markdown>\n\n- *card*\n\n</div>\n',
    "indented": "    <ul>\n    <li>code</li>\n    </ul>\n",
    "inline tag": "<time datetime=\"2026\">2026</time> · *text*\n",
}


def convert(text: str, *extensions) -> str:
    return markdown.Markdown(extensions=["toc", "attr_list", *extensions]).convert(text)


def test_a_list_block_is_stored_as_one_placeholder():
    """Without MkDocs too: its anchor scan is optional."""
    md = markdown.Markdown(extensions=["briefgen.rawhtml"])
    blocks = md.preprocessors["briefgen_raw_html"]
    out = blocks.run(LIST)
    assert len(out) == 3 and out[0] == out[2] == "" and md.htmlStash.html_counter == 1
    assert md.htmlStash.rawHtmlBlocks[0] == "\n".join(LIST[1:5]) + "\n"
    assert blocks.ids == {"a-1"}


def test_one_line_block_and_its_end():
    assert block_at(["", "<p>Weitere: <a href=\"x/\">X</a></p>", ""], 1) == (1, '<p>Weitere: <a href="x/">X</a></p>')
    assert block_at(LIST, 1) == (4, "\n".join(LIST[1:5]))


@pytest.mark.parametrize("name", sorted(NOT_OURS))
def test_other_html_is_left_to_markdown(name):
    text = NOT_OURS[name]
    md = markdown.Markdown(extensions=["briefgen.rawhtml"])
    lines = text.split("\n")
    assert md.preprocessors["briefgen_raw_html"].run(lines) == lines
    assert convert(text, "briefgen.rawhtml") == convert(text)


def test_code_fences_stay_code():
    text = "```\n\n<ul>\n<li>x</li>\n</ul>\n\n```\n"
    assert convert(text, "fenced_code", "briefgen.rawhtml") == convert(text, "fenced_code")
    assert "&lt;ul&gt;" in convert(text, "fenced_code", "briefgen.rawhtml")


def test_with_md_in_html_nothing_is_stored():
    text = '<div class="grid cards" markdown>\n\n- *card*\n\n</div>\n\n' + "\n".join(LIST)
    md = markdown.Markdown(extensions=["md_in_html", "briefgen.rawhtml"])
    assert md.preprocessors["briefgen_raw_html"].run(LIST) == LIST
    assert convert(text, "md_in_html", "briefgen.rawhtml") == convert(text, "md_in_html")


@pytest.mark.parametrize("lang", ["de", "en"])
def test_generated_pages_convert_byte_for_byte_as_without(lang):
    files = render_site(sample(), lang=lang)
    pages = {path: text for path, text in files.items() if path.endswith(".md")}
    stored = lists = 0
    for path, text in pages.items():
        body = text.split("\n---\n", 1)[-1]
        assert convert(body, "briefgen.rawhtml") == convert(body), path
        md = markdown.Markdown(extensions=["briefgen.rawhtml"])
        md.preprocessors["briefgen_raw_html"].run(body.split("\n"))
        stored += md.htmlStash.html_counter
        lines = body.split("\n") + [""]
        lists += sum(line in ("</ul>", "</ol>", "</div>") and not after.strip()
                     for line, after in zip(lines, lines[1:]))
    assert lists > 10 and stored >= lists  # every generated list is stored, not parsed


def test_anchors_as_mkdocs_reads_them():
    block = ('<ul>\n<li id="karla-wendt">K</li>\n<li data-id="no">x</li>\n'
             "<a name='old'>o</a> <span name=\"not-an-anchor\">s</span> <p id=\"a&amp;b\">p</p>\n"
             '<A href="#x" NAME="both" id=bare>z</A>\n</ul>')
    assert anchors(block) == {"karla-wendt", "old", "a&b", "both", "bare"}


def test_mkdocs_checks_links_to_anchors_in_stored_blocks(tmp_path: Path, caplog):
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# A\n" + "\n".join(LIST) + "\n", encoding="utf-8")
    (docs / "b.md").write_text("# B\n\n[there](index.md#a-1) and [nowhere](index.md#missing)\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\ntheme: mkdocs\nmarkdown_extensions:\n  - briefgen.rawhtml\n"
        "validation:\n  anchors: warn\n", encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        mkdocs_build(config)
    warned = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING and "anchor" in r.getMessage()]
    assert len(warned) == 1 and "'#missing'" in warned[0]
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert '<li id="a-1">one <a href="#s-1">↗</a></li>' in page

