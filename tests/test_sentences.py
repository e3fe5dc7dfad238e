"""Sentence boundaries on blank pipelines."""
import pytest
import spacy

import briefgen.pipeline  # noqa: F401  registers the factories


@pytest.fixture(scope="module")
def nlp_de():
    nlp = spacy.blank("de")
    nlp.add_pipe("briefgen_sentences")
    return nlp


def sents(nlp, text):
    return [s.text.strip() for s in nlp(text).sents]


def test_abbreviations_ordinals_and_quotes(nlp_de):
    text = ("Am 3. Mai sagte Dr. Brandt, dass z. B. Busse fehlten. Sie rief: „Wir schaffen das.“ "
            "Dann ging sie. „Wann?“, fragte er.")
    assert sents(nlp_de, text) == [
        "Am 3. Mai sagte Dr. Brandt, dass z. B. Busse fehlten.",
        "Sie rief: „Wir schaffen das.“",
        "Dann ging sie.",
        "„Wann?“, fragte er.",
    ]


def test_headings_paragraphs_and_hard_wraps(nlp_de):
    text = ("Überschrift ohne Punkt\nDer erste Absatz beginnt hier und ist ein recht langer Satz, der\n"
            "auf der nächsten Zeile weitergeht.\n\nZweiter Absatz ohne Schlusspunkt\n\nLetzter Satz.")
    assert sents(nlp_de, text) == [
        "Überschrift ohne Punkt",
        "Der erste Absatz beginnt hier und ist ein recht langer Satz, der\nauf der nächsten Zeile weitergeht.",
        "Zweiter Absatz ohne Schlusspunkt",
        "Letzter Satz.",
    ]


def test_english_abbreviations():
    nlp = spacy.blank("en")
    nlp.add_pipe("briefgen_sentences")
    assert sents(nlp, 'Mr. Hale said "we will see." The U.S. agreed at 5 p.m. on Friday. Was it late?') == [
        'Mr. Hale said "we will see."', "The U.S. agreed at 5 p.m. on Friday.", "Was it late?"]


def test_empty_doc(nlp_de):
    assert list(nlp_de("").sents) == []


def test_doc_text_is_built_once_and_equals_doc_text(nlp_de):
    from briefgen.pipeline.sentences import TEXT_KEY, doc_text

    doc = nlp_de("Erster Satz.\n\nZweiter Satz mit  zwei Leerzeichen. ")
    assert doc_text(doc) == doc.text  # the segmenter already stored it
    assert doc.user_data[TEXT_KEY] is doc_text(doc)
    bare = spacy.blank("de")("Ohne Segmentierer.")
    assert TEXT_KEY not in bare.user_data and doc_text(bare) == "Ohne Segmentierer."
