"""Direct-speech scanner: pairs quotation marks over the tokens of a Doc.

Handles „…“ „…” “…” »…« «…» "…" ``…'' and ''…'' with any spacing around the marks, a quote
running over sentences and paragraphs, and a paragraph that ends without a closing mark while
the next one opens again (the newspaper convention for a quote that continues). Single marks
(‚…‘ '…') are left inside the quote they are nested in.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from .sentences import doc_text

MAX_TOKENS = 400  # an opening mark left open longer than this was a stray one
MARKS = {"``", "`", "''", "„", "“", "”", "»", "«", '"'}  # every token _mark_roles looks at


@dataclass
class MarkedQuote:
    open: int  # token index of the opening mark
    close: int  # token index of the closing mark (exclusive end of the inner text)
    inner: list[int]  # token indices of the words inside, marks removed
    text: str


def _mark_roles(doc: Doc) -> list[tuple[int, str, str]]:
    """(token index, role open|close|ambig, family) for every double quotation mark."""
    has_low9 = "„" in doc_text(doc)
    first_guil = None
    out: list[tuple[int, str, str]] = []
    texts = [t.text for t in doc]
    n = len(texts)
    i = 0
    while i < n:
        t = texts[i]
        if t not in MARKS:
            i += 1
            continue
        if t in ("``", "`") and (t == "``" or (i + 1 < n and texts[i + 1] == "`")):
            out.append((i, "open", "tex"))
            if t == "`":
                out.append((i + 1, "skip", "tex"))
            i += 1 if t == "``" else 2
            continue
        if t == "''":
            out.append((i, "ambig", "tex"))
        elif t == "„":
            out.append((i, "open", "de"))
        elif t == "“":
            out.append((i, "close", "de") if has_low9 else (i, "open", "en"))
        elif t == "”":
            out.append((i, "close", "de" if has_low9 else "en"))
        elif t in ("»", "«"):
            if first_guil is None:
                first_guil = t
            out.append((i, "open" if t == first_guil else "close", "guil"))
        elif t == '"':
            out.append((i, "ambig", "straight"))
        i += 1
    return out


def scan_quotes(doc: Doc) -> list[MarkedQuote]:
    marks = _mark_roles(doc)
    quotes: list[MarkedQuote] = []
    is_mark = {m[0] for m in marks}
    open_at: tuple[int, str] | None = None
    for idx, role, fam in marks:
        if role == "skip":
            continue
        if open_at is not None and idx - open_at[0] > MAX_TOKENS:
            open_at = None
        if open_at is None:
            if role in ("open", "ambig"):
                open_at = (idx, fam)
            continue
        o_idx, o_fam = open_at
        same = fam == o_fam or {fam, o_fam} <= {"de", "en"}
        if role in ("close", "ambig") and (same or role == "close"):
            quotes.append(_make(doc, o_idx, idx, is_mark))
            open_at = None
        elif role == "open":
            if _crosses_paragraph(doc, o_idx, idx):
                continue  # the quote continues in a new paragraph: keep the first opening mark
            open_at = (idx, fam)  # the earlier mark was stray
    return quotes


def _crosses_paragraph(doc: Doc, start: int, end: int) -> bool:
    for t in doc[start:end]:
        if "\n" in t.text or "\n" in t.whitespace_:
            return True
    return False


def _make(doc: Doc, o: int, c: int, is_mark: set[int]) -> MarkedQuote:
    inner = [i for i in range(o + 1, c) if i not in is_mark and not doc[i].is_space]
    parts = []
    for k, i in enumerate(inner):
        parts.append(doc[i].text)
        if k + 1 < len(inner):
            gap = "".join(doc[j].text_with_ws for j in range(i + 1, inner[k + 1]))
            ws = doc[i].whitespace_ + gap
            parts.append("\n" if "\n" in ws else (" " if ws or inner[k + 1] != i + 1 else ""))
    return MarkedQuote(o, c, inner, "".join(parts).strip())
