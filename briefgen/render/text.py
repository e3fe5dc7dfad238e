"""Make untrusted text (article bodies, titles, front matter) safe to put into generated Markdown.

Article text reaches the site as text, never as markup: every character that could open HTML,
Markdown syntax or an extension's syntax (attribute lists, admonitions, snippets, macros) is
written as a numeric character reference, which Markdown leaves alone and the browser shows as
the character itself. Line breaks become spaces, so untrusted text never starts a line.
"""
from __future__ import annotations

import html
import json
import re
from functools import lru_cache

# HTML, emphasis, code, links and images, attribute lists/macros, headings, tables, admonitions,
# strike/sub/sup, math, footnotes: the ASCII characters any of them needs
_ACTIVE = "&<>\\`*_[]{}#|!~^$"
_TABLE = {ord(c): f"&#{ord(c)};" for c in _ACTIVE}
_ATTR_TABLE = {**_TABLE, ord('"'): "&#34;", ord("'"): "&#39;"}
_SPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029]")


@lru_cache(maxsize=1 << 16)  # titles and names come back on every page that lists them
def inline(text: str | None) -> str:
    """Untrusted text -> one line of Markdown that renders as exactly that text."""
    text = _CONTROL.sub("", text or "")
    return _SPACE.sub(" ", text).strip().translate(_TABLE)


def attr(text: str) -> str:
    """Text for an HTML attribute value inside double quotes."""
    text = _CONTROL.sub("", text or "")
    return _SPACE.sub(" ", text).strip().translate(_ATTR_TABLE)


def meta_text(text: str) -> str:
    """Text for page metadata (title, description, tags), which themes print without escaping
    and sometimes after `striptags`, which decodes entities again: angle brackets become look-alike
    quotation marks, so no decoding can produce a tag, and & and quotes become entities."""
    text = _SPACE.sub(" ", _CONTROL.sub("", text)).strip()
    return html.escape(text.replace("<", "‹").replace(">", "›"), quote=True)


def yaml_value(value) -> str:
    """A front matter value made safe with `meta_text`; JSON is valid YAML and quotes what needs it."""
    if isinstance(value, str):
        value = meta_text(value)
    elif isinstance(value, (list, tuple)):
        value = [meta_text(v) if isinstance(v, str) else v for v in value]
    return json.dumps(value, ensure_ascii=False)


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links; anything else is shown as text or dropped."""
    if url and re.match(r"https?://[^\s<>\"'`]+$", url, flags=re.IGNORECASE):
        return url.replace("(", "%28").replace(")", "%29").replace(" ", "%20")
    return None


def link(label: str, target: str, title: str | None = None) -> str:
    """A Markdown link with an escaped label; `target` is ours (a page path or an anchor)."""
    return f"[{inline(label)}]({target})"
