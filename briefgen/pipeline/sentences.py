"""Sentence boundaries for news text without a trained parser.

Rules, in order of strength:
- a blank line (paragraph break) always ends a sentence;
- a single line break ends one when the line before ends in terminal punctuation or is short
  (a heading, dateline or one-sentence-per-line text), so hard-wrapped prose stays whole;
- terminal punctuation (. ! ? …) ends one, with a closing quotation mark or bracket kept in the
  sentence it closes. spaCy's tokenizer already keeps "Dr.", "z. B.", "1." and "U.S." together,
  so their dots never reach this rule. A colon does not end a sentence.
"""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

TERMINAL = {".", "!", "?", "…", "...", "?!", "!?"}
CLOSING = {"“", "”", "\"", "»", "«", "'", "’", "‘", ")", "]", "“.", "”."}
SHORT_LINE = 60  # characters; a line this short that ends a line is a heading or a one-liner
TEXT_KEY = ("briefgen", "text")


def doc_text(doc: Doc) -> str:
    """doc.text, built once per Doc: spaCy joins every token's text anew on each access, and
    the text of a Doc never changes (retokenizing merges and splits keep it)."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


@Language.factory("briefgen_sentences", default_config={"short_line": SHORT_LINE})
def make_sentences(nlp: Language, name: str, *, short_line: int = SHORT_LINE) -> "SentenceSegmenter":
    return SentenceSegmenter(short_line=short_line)


class SentenceSegmenter:
    def __init__(self, *, short_line: int = SHORT_LINE) -> None:
        self.short_line = short_line

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        text = doc_text(doc)
        starts = [False] * len(doc)
        starts[0] = True
        pending = False  # the next non-space token starts a sentence
        resume = 0  # tokens before this index continue the current sentence
        line_start = 0
        for i, tok in enumerate(doc):
            if tok.is_space:
                if "\n" in tok.text:
                    line = text[line_start:tok.idx].strip()
                    if tok.text.count("\n") >= 2 or _ends_line(line, self.short_line):
                        pending = True
                    line_start = tok.idx + len(tok.text)
                continue
            if pending and i >= resume:
                starts[i] = True
                pending = False
            if "\n" in tok.whitespace_:
                # spaCy keeps a single "\n" after a token as trailing whitespace
                line = text[line_start:tok.idx + len(tok.text)].strip()
                if _ends_line(line, self.short_line):
                    pending = True
                line_start = tok.idx + len(tok.text_with_ws)
            if tok.text in TERMINAL:
                nxt = i + 1  # closing marks glued to the punctuation stay in this sentence
                while nxt < len(doc) and doc[nxt].text in CLOSING and doc[nxt - 1].whitespace_ == "":
                    nxt += 1
                if nxt < len(doc) and _starts_sentence(doc[nxt]):
                    pending, resume = True, nxt
        # one array write: setting Token.is_sent_start token by token is quadratic in spaCy
        values = numpy.array([1 if s else -1 for s in starts], dtype="int32").astype("uint64")
        doc.from_array([SENT_START], values.reshape(-1, 1))
        return doc


def _ends_line(line: str, short_line: int) -> bool:
    if not line:
        return True
    return line[-1] in ".!?…:;\"“”»«'’)" or len(line) < short_line


def _starts_sentence(tok) -> bool:
    """A sentence may start at `tok`: not lower case, not a continuing punctuation mark."""
    if tok.is_space:
        return True
    first = tok.text[0]
    if first.islower() or first in ",;:)]":
        return False
    return True
