"""The NLP pipeline: one spaCy `Language` per article language, made by `make_nlp`.

Components run in a fixed order; each is a `Language.factory` registered beside its code and
writes its results to a Doc extension (see `extensions.py`). Downstream components read what
upstream ones wrote, never the other way round:

    briefgen_sentences  sentence boundaries (punctuation, paragraphs, headings)
    briefgen_tagger     German only: HanTa tags and lemmas on capitalised candidates
    briefgen_actors     doc._.actors (salience order) and doc.spans["actors"] (mentions)
    briefgen_timex      doc._.timexes, resolved against doc._.pub_date
    briefgen_events     doc._.events (dated happenings with their actors)
    briefgen_quotes     doc._.quotes (direct, indirect, reported speech with speakers)
    briefgen_questions  doc._.questions and doc._.stances (one stance per sentence)

The default needs no trained model and works offline. `model` names an installed trained
spaCy pipeline (for example "de_core_news_sm"); its tokenizer, parser and entities are then used
and our components are added after its own.
"""
from __future__ import annotations

from .spacy_import import spacy  # first: spaCy imported without its command line
from spacy.language import Language  # noqa: E402

from ..gcpause import paused as gc_paused
from ..model import LANGUAGES
from . import extensions  # noqa: F401  (registers the Doc extensions)
from . import actors, events, questions, quotes, sentences, tagger, timex  # noqa: F401  (factories)

COMPONENTS = (
    "briefgen_sentences",
    "briefgen_tagger",
    "briefgen_actors",
    "briefgen_timex",
    "briefgen_events",
    "briefgen_quotes",
    "briefgen_questions",
)


def make_nlp(lang: str, *, model: str | None = None) -> Language:
    """Build the pipeline for `lang` ("de" or "en"), blank unless `model` names a trained one.

    The garbage collector is paused while the components load their word lists and models:
    loading makes hundreds of thousands of objects and frees few, and each collection pass would
    walk all of them (a fifth of a fresh process's start)."""
    with gc_paused():
        return _make_nlp(lang, model)


def _make_nlp(lang: str, model: str | None) -> Language:
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}, expected one of {', '.join(LANGUAGES)}")
    if model:
        try:
            nlp = spacy.load(model)
        except OSError as err:
            raise ValueError(f"trained spaCy model {model!r} is not installed ({err})") from None
        if nlp.lang != lang:
            raise ValueError(f"model {model!r} is for language {nlp.lang!r}, not {lang!r}")
    else:
        nlp = spacy.blank(lang)
    for name in COMPONENTS:
        if name == "briefgen_tagger" and lang != "de":
            continue
        if name == "briefgen_sentences" and nlp.has_pipe("parser"):
            continue  # a trained parser sets better sentence boundaries
        nlp.add_pipe(name)
    return nlp
