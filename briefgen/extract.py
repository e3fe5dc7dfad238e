"""Article -> Briefing. The only module that reads spaCy annotations; spaCy stops here.

`Extractor` keeps one pipeline per language, built on first use and reused for every article,
so extraction is a pure function of (article, settings) that can run in any process.
"""
from __future__ import annotations

import dataclasses
import re

from .pipeline import make_nlp  # first: it imports spaCy without spaCy's command line

from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from .model import Article, Briefing, Sentence  # noqa: E402

SUMMARY_SENTENCES = 2
SUMMARY_MAX_CHARS = 400
_LEAD = re.compile(r"[.!?…][\"“”»«’']?$")


class Extractor:
    """Runs the NLP pipeline; `models` maps a language to an installed trained spaCy model name."""

    def __init__(self, *, models: dict[str, str | None] | None = None) -> None:
        self.models = dict(models or {})
        self._nlp: dict[str, Language] = {}

    def nlp(self, lang: str) -> Language:
        if lang not in self._nlp:
            self._nlp[lang] = make_nlp(lang, model=self.models.get(lang))
        return self._nlp[lang]

    def __call__(self, article: Article) -> Briefing:
        nlp = self.nlp(article.lang)
        doc = nlp.make_doc(article.body)
        doc._.pub_date = article.date
        doc._.title = article.title
        for _, proc in nlp.pipeline:
            doc = proc(doc)
        return briefing_from_doc(article, doc)


def briefing_from_doc(article: Article, doc: Doc) -> Briefing:
    sentences = sentence_offsets(doc)
    stances = doc._.stances or []

    def stance(index: int, default: str) -> str:
        return stances[index] if index < len(stances) else default

    # an event holds as its sentence does; a quote is attributed unless its sentence hedges it
    events = tuple(dataclasses.replace(e, stance=stance(e.sentence, e.stance)) for e in doc._.events or [])
    quotes = tuple(dataclasses.replace(q, stance="hedged" if stance(q.sentence_index, "") == "hedged" else q.stance)
                   for q in doc._.quotes or [])
    return Briefing(
        slug=article.slug,
        title=article.title,
        date=article.date,
        language=article.lang,
        summary=summarise(article.body, sentences),
        body=article.body,
        actors=tuple(doc._.actors or ()),
        time_expressions=tuple(doc._.timexes or ()),
        events=events,  # in calendar order, as briefgen_events sorts them (a week by its Monday)
        quotes=quotes,
        questions=tuple(doc._.questions or ())[:5],
        sentences=sentences,
        path=article.path,
        source=article.source,
        url=article.url,
        tags=article.tags,
    )


def sentence_offsets(doc: Doc) -> tuple[Sentence, ...]:
    """Every sentence of doc.sents, trimmed of surrounding white space (empty ones keep their place)."""
    out = []
    text = doc.text
    for i, sent in enumerate(doc.sents):
        start, end = sent.start_char, sent.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append(Sentence(i, start, end))
    return tuple(out)


def summarise(body: str, sentences: tuple[Sentence, ...]) -> str:
    """The lead: the first sentences that read as prose (end in punctuation, six words or more)."""
    picked: list[str] = []
    for s in sentences:
        text = " ".join(body[s.start:s.end].split())
        if len(text.split()) < 6 or not _LEAD.search(text):
            if picked:
                break
            continue  # headline, dateline or heading before the lead
        if picked and len(" ".join(picked)) + len(text) > SUMMARY_MAX_CHARS:
            break
        picked.append(text)
        if len(picked) == SUMMARY_SENTENCES:
            break
    if not picked and sentences:
        picked = [" ".join(body[sentences[0].start:sentences[0].end].split())]
    return " ".join(picked)
