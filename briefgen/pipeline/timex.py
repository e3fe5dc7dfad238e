"""briefgen_timex: calendar-anchored time expressions, normalised to ISO values.

Writes doc._.timexes (list[model.TimeExpression], text order). The rules and word lists are data
(`data/timex_<lang>.json`, applied by `timex_rules`), the date arithmetic is `timex_resolve`, the
clause tense for underspecified dates is `timex_tense`. Expressions are resolved against
doc._.pub_date; without it relative ones keep value None. `narrative=True` anchors them to the
text's last date instead (history texts such as WikiWarsDE, whose creation date is no anchor).
"""
from __future__ import annotations

import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc

from ..model import TimeExpression
from .extensions import sentence_index
from .sentences import doc_text
from .timex_resolve import Resolver
from .timex_rules import ruleset
from .timex_tense import detector

NARRATIVE = False
CLAUSE_BREAKS = {",", ";", ":", "–", "—", "(", ")", "„", "“", "”", "\"", "»", "«"}
NEEDS_TENSE = {"date", "period", "holiday"}


@Language.factory("briefgen_timex", default_config={"narrative": NARRATIVE})
def make_timex(nlp: Language, name: str, *, narrative: bool = NARRATIVE) -> "TimexTagger":
    return TimexTagger(nlp.lang, narrative=narrative)


class TimexTagger:
    def __init__(self, lang: str, *, narrative: bool = NARRATIVE) -> None:
        self.lang = lang
        self.narrative = narrative
        self.rules = ruleset(lang)
        self.tenser = detector(lang)
        self.clause_words = frozenset(self.rules.lex.data.get("clause_words", ()))

    def __call__(self, doc: Doc) -> Doc:
        pub = doc._.pub_date
        if isinstance(pub, str):
            pub = dt.date.fromisoformat(pub[:10])
        text = doc_text(doc)  # built anew on every access: read it once
        cands = self.rules.find(text)
        if not cands or not len(doc):
            doc._.timexes = []
            return doc
        has_sents = doc.has_annotation("SENT_START")
        sent_of = sentence_index(doc) if has_sents else [0] * len(doc)
        sents = list(doc.sents) if has_sents else [doc[:]]
        resolver = Resolver(self.rules.lex, pub, narrative=self.narrative)
        cache: dict[tuple[int, int], int | None] = {}
        out = []
        for c in cands:
            span = doc.char_span(c.start, c.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            si = sent_of[span.start]
            tense = None
            if c.kind in NEEDS_TENSE:
                tense = self._tense(doc, sents[si] if si < len(sents) else doc[:], span, cache)
            when = resolver.resolve(c.kind, c.groups, tense, si)
            out.append(TimeExpression(text=text[c.start:c.end], start=c.start, end=c.end,
                                      value=when.iso() if when else None, sentence=si))
        doc._.timexes = out
        return doc

    def _tense(self, doc: Doc, sent, span, cache) -> int | None:
        """The tense of the clause around `span`, else of its sentence, else None."""
        lo, hi = span.start, span.end
        words = self.clause_words
        while lo > sent.start and doc[lo - 1].text not in CLAUSE_BREAKS and doc[lo].lower_ not in words:
            lo -= 1
        while hi < sent.end and doc[hi].text not in CLAUSE_BREAKS and doc[hi].lower_ not in words:
            hi += 1
        key = (lo, hi)
        if key not in cache:
            words = [t.text for t in doc[lo:hi] if not (span.start <= t.i < span.end)]
            tense = self.tenser.tense(words)
            if tense is None and (lo, hi) != (sent.start, sent.end):
                tense = self.tenser.tense([t.text for t in sent if not (span.start <= t.i < span.end)])
            cache[key] = tense
        return cache[key]
