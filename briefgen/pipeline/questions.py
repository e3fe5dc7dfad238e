"""Placeholder until its issue lands: the component runs and finds nothing."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("briefgen_questions")
def questions_component(doc: Doc) -> Doc:
    doc._.questions = []
    doc._.stances = []
    return doc
