"""briefgen_quotes: direct, indirect and reported speech with their speakers (doc._.quotes).

- Direct speech (`quotes_direct`): every pair of quotation marks (`quotes_marks`) that a speech
  act frames: a speech verb right after the closing mark („…“, sagte X) or before the opening one
  (X sagte: „…“), a cue anywhere in its sentence, a person named right after it, a colon before
  it, an indirect clause it sits in, or the quote before it (split quotes, paragraph
  continuations). A quoted term with no speech act, a title or a name („Briefdiplomatie“, the
  ship „Eagle“, der „Rat für …“) is no quote.
- Indirect speech (`quotes_indirect`): a speech verb with a dass-/that-clause or a Konjunktiv
  clause after it, inverted "…, sagte X", "wie X mitteilte", "laut X", "X zufolge",
  "nach Angaben von X", "…, so X", "according to X", a speech-act noun before a clause
  ("mit dem Hinweis, dass …"), and a German main clause in Konjunktiv I even without a verb.
- Reported speech: a speech verb with a topic object and no clause ("X kritisierte den Plan").
- Speakers (`quotes_speaker`) are linked to actors (doc.spans["actors"], kb_id_ = canonical
  name); a pronoun goes to the last person of fitting gender (`quotes_gender`: given names from
  data/given_names.tsv, role nouns); unnamed speakers keep their description ("ein Sprecher der
  Polizei").
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Quote
from . import extensions
from .quotes_direct import find_direct
from .quotes_indirect import find_indirect
from .quotes_gender import given_names
from .quotes_lexicon import load_lexicon
from .quotes_marks import scan_quotes
from .quotes_rules import Ctx
from .quotes_speaker import SpeakerResolver

REPORTED = True  # emit reported speech acts (a topic, not the words)
MIN_DIRECT_WORDS = 5  # a quote this long needs no speech verb in its own sentence


@Language.factory("briefgen_quotes",
                  default_config={"reported": REPORTED, "min_direct_words": MIN_DIRECT_WORDS})
def make_quotes(nlp: Language, name: str, *, reported: bool = REPORTED,
                min_direct_words: int = MIN_DIRECT_WORDS) -> "QuoteFinder":
    return QuoteFinder(nlp.lang, reported=reported, min_direct_words=min_direct_words)


class QuoteFinder:
    def __init__(self, lang: str, *, reported: bool = REPORTED,
                 min_direct_words: int = MIN_DIRECT_WORDS) -> None:
        self.lang = lang if lang in ("de", "en") else "en"
        self.lex = load_lexicon(self.lang)
        given_names()  # the name list is read here, once, not on the first article
        self.reported = reported
        self.min_direct_words = min_direct_words

    def __call__(self, doc: Doc) -> Doc:
        doc._.quotes = self.find(doc)
        return doc

    def find(self, doc: Doc) -> list[Quote]:
        if not len(doc):
            return []
        sents = [(s.start, s.end) for s in doc.sents]
        sent_of = extensions.sentence_index(doc)
        marked = scan_quotes(doc)
        quote_of = [-1] * len(doc)
        for qi, mq in enumerate(marked):
            for t in range(mq.open, mq.close + 1):
                quote_of[t] = qi
        ctx = Ctx(doc, self.lang, self.lex, sents, quote_of)
        found = find_indirect(ctx, reported=self.reported)
        found += find_direct(ctx, marked, found, sent_of, min_words=self.min_direct_words)
        found.sort(key=lambda f: (f.anchor, 0 if f.kind == "direct" else 1))
        resolver = SpeakerResolver(ctx)
        out: list[Quote] = []
        for f in found:
            speaker = resolver.resolve(f)
            first = sent_of[f.sent_start]
            last = sent_of[f.sent_end - 1] if f.sent_end > f.sent_start else first
            s0, e0 = sents[first][0], sents[last][1]
            out.append(Quote(speaker=speaker, kind=f.kind, text=f.text,
                             sentence=doc[s0:e0].text.strip(), sentence_index=first,
                             stance="attributed"))
        return out
