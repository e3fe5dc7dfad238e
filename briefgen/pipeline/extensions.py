"""Doc extensions: where each component leaves its results for the ones after it.

All hold plain model objects (`briefgen.model`), so `briefgen.extract` turns a Doc into a
Briefing without knowing how any component works.
"""
from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS = {
    "pub_date": None,  # datetime.date | None, set by extract before the pipeline runs
    "title": None,  # str | None, the article's title (not part of doc.text), set by extract
    "actors": None,  # list[Actor], most salient first
    "timexes": None,  # list[TimeExpression], text order
    "events": None,  # list[Event]
    "quotes": None,  # list[Quote], text order
    "questions": None,  # list[Question], best first, at most five
    "stances": None,  # list[str], one of model.STANCES per sentence of doc.sents
}

for _name, _default in DOC_EXTENSIONS.items():
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)


def sentence_index(doc: Doc) -> list[int]:
    """Sentence number of every token (cached on the Doc's user_data)."""
    key = ("briefgen", "sent_of_token")
    cached = doc.user_data.get(key)
    if cached is None or len(cached) != len(doc):
        cached = [0] * len(doc)
        for i, sent in enumerate(doc.sents):
            for t in range(sent.start, sent.end):
                cached[t] = i
        doc.user_data[key] = cached
    return cached
