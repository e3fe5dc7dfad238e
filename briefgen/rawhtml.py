"""A Markdown extension for the site build: stores briefgen's raw HTML blocks without parsing them.

briefgen writes its long lists as raw HTML blocks (render.common.html_list): an opening tag on a
line of its own, one line per item, the closing tag alone on the last line, blank lines around.
Python-Markdown hands every raw HTML block to a Python HTMLParser, one callback per tag, only to
store its text unchanged, and MkDocs parses the page's raw HTML once more to find the anchors
links may point to. For a site of briefings that was a quarter of the MkDocs build.

`RawHtmlBlocks` stores such a block as it stands, as Python-Markdown's own `html_block` would
(the converted page is the same, byte for byte), and leaves everything else to it. A block that
does not have exactly that shape, contains a blank line, asks for Markdown inside (a `markdown`
attribute) or nests a block of the same tag is not touched; with an extension that replaces
Python-Markdown's raw HTML parsing (md_in_html), nothing is. It runs after fenced code blocks
have been taken out and only looks at lines that start at the margin, so code stays code.
The `id`s in the blocks it stored are handed to MkDocs' anchor check (`AnchorIds`), so links to
them are still checked; where that check cannot be found as expected, no block is stored.

Enabled in mkdocs.yml:

    markdown_extensions:
      - briefgen.rawhtml
"""
from __future__ import annotations

import html
import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

BLOCK_TAGS = ("div", "ol", "p", "table", "ul")
_OPEN = re.compile(r"<(%s)(?:\s[^<>]*)?>" % "|".join(BLOCK_TAGS))
_NESTED = {tag: re.compile(rf"<{tag}[\s>]") for tag in BLOCK_TAGS}  # the tag opened again inside
_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)>")
_ATTRIBUTE = re.compile(r"""([^\s"'<>/=]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""")
MKDOCS_SCAN = "mkdocs_raw_html"  # MkDocs' preprocessor (priority 21) that collects a page's anchors
PRIORITY = 22  # after fenced_code_block (25), before MkDocs' scan (21) and html_block (20)
IDS_PRIORITY = 20.5  # after MkDocs' scan: it sets its anchors when it runs


def block_at(lines: list[str], start: int) -> tuple[int, str] | None:
    """The raw HTML block that begins at `lines[start]`: the index of its last line and its text;
    None when no block of briefgen's shape begins there."""
    line = lines[start]
    if start and lines[start - 1].strip():
        return None  # a raw HTML block begins after a blank line
    opened = _OPEN.match(line)
    if not opened or "markdown" in line[:opened.end()]:
        return None
    tag = opened.group(1)
    close = f"</{tag}>"
    end = start
    if not line.endswith(close):  # else a block of one line
        end += 1
        while end < len(lines) and lines[end] != close:
            if not lines[end].strip():
                return None
            end += 1
    if end == len(lines) or (end + 1 < len(lines) and lines[end + 1].strip()):
        return None  # unclosed, or followed by more text: Markdown's own parser decides
    text = "\n".join(lines[start:end + 1])
    if len(_NESTED[tag].findall(text)) != text.count(close):
        return None  # a nested block of the same tag: where it ends is for Markdown's parser
    return end, text


def anchors(block: str) -> set[str]:
    """The anchors a block of HTML defines, as MkDocs' raw HTML scan reads them: every tag's
    `id`, and the `name` of an <a>."""
    found = set()
    for tag in _TAG.finditer(block):
        for name, *values in _ATTRIBUTE.findall(tag.group(2)):
            name = name.lower()
            if name == "id" or (name == "name" and tag.group(1).lower() == "a"):
                found.add(html.unescape(next(filter(None, values), "")))
    return found


class RawHtmlBlocks(Preprocessor):
    """Stores each raw HTML block of briefgen's shape (`block_at`) as Markdown's html_block would;
    `ids`: the anchors in the blocks stored from the page converted last."""

    def __init__(self, md: Markdown) -> None:
        super().__init__(md)
        self.ids: set[str] = set()

    def run(self, lines: list[str]) -> list[str]:
        self.ids = set()
        if not self._safe():
            return lines
        out: list[str] = []
        index = 0
        while index < len(lines):
            found = block_at(lines, index) if lines[index][:1] == "<" else None
            if found is None:
                out.append(lines[index])
                index += 1
            else:
                end, block = found
                self.ids |= anchors(block)
                out.append(self.md.htmlStash.store(block + "\n"))
                index = end + 1
        return out

    def _safe(self) -> bool:
        """Python-Markdown's own raw HTML parsing follows, and MkDocs' anchor scan (if any) is
        the one `AnchorIds` knows."""
        stock = self.md.preprocessors["html_block"] if "html_block" in self.md.preprocessors else None
        if type(stock).__module__ != "markdown.preprocessors":
            return False  # none, or another extension's (md_in_html) that parses raw HTML its own way
        scan = self.md.preprocessors[MKDOCS_SCAN] if MKDOCS_SCAN in self.md.preprocessors else None
        return scan is None or isinstance(getattr(scan, "present_anchor_ids", None), set)


class AnchorIds(Preprocessor):
    """Adds the anchors of the blocks `RawHtmlBlocks` stored to those MkDocs' scan found."""

    def __init__(self, md: Markdown, blocks: RawHtmlBlocks) -> None:
        super().__init__(md)
        self.blocks = blocks

    def run(self, lines: list[str]) -> list[str]:
        if self.blocks.ids and MKDOCS_SCAN in self.md.preprocessors:
            self.md.preprocessors[MKDOCS_SCAN].present_anchor_ids |= self.blocks.ids
        return lines


class RawHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        blocks = RawHtmlBlocks(md)
        md.preprocessors.register(blocks, "briefgen_raw_html", PRIORITY)
        md.preprocessors.register(AnchorIds(md, blocks), "briefgen_raw_html_ids", IDS_PRIORITY)


def makeExtension(**kwargs) -> RawHtmlExtension:  # the name Python-Markdown looks for
    return RawHtmlExtension(**kwargs)
