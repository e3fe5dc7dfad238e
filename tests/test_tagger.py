"""briefgen_tagger: HanTa tags and lemmas on capitalised German words only."""
from __future__ import annotations

import pytest
import spacy

from briefgen.pipeline import tagger  # noqa: F401  (registers the factory)


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("de")
    nlp.add_pipe("briefgen_tagger")
    return nlp


def tags(doc):
    return {t.text: (t.tag_, t.lemma_) for t in doc}


def test_proper_nouns_are_ne_and_lemmas_undo_the_genitive(nlp):
    doc = nlp("Die Rede Merkels wurde in Frankreichs Hauptstadt gelobt.")
    t = tags(doc)
    assert t["Merkels"] == ("NE", "Merkel")
    assert t["Frankreichs"] == ("NE", "Frankreich")


def test_common_nouns_are_nn(nlp):
    doc = nlp("Die Demonstranten zogen mit Plakaten durch die Straßen.")
    t = tags(doc)
    assert t["Demonstranten"][0] == "NN"
    assert t["Demonstranten"][1] == "Demonstrant"
    assert t["Plakaten"][0] == "NN"


def test_lower_case_tokens_are_left_alone(nlp):
    doc = nlp("Die Kinder spielten gestern lange im Garten.")
    for tok in doc:
        if tok.text[:1].islower():
            assert tok.tag_ == "" and tok.lemma_ == "", tok.text


def test_acronyms_are_names(nlp):
    doc = nlp("Die Beschlüsse der UNO und der OSZE")
    t = tags(doc)
    assert t["UNO"] == ("NE", "UNO") and t["OSZE"] == ("NE", "OSZE")


def test_hyphenated_words_by_their_head(nlp):
    doc = nlp("Der Ex-Bürgermeister traf Jean-Luc auf der Oder-Brücke.")
    t = tags(doc)
    assert t["Ex-Bürgermeister"][0] == "NN"
    assert t["Oder-Brücke"][0] == "NN"
    assert t["Jean-Luc"][0] == "NE"
    assert t["Jean-Luc"][1] == "Jean-Luc"  # HanTa would lower-case the second part


def test_derivational_noun_endings_skip_hanta(nlp):
    comp = nlp.get_pipe("briefgen_tagger")
    assert comp.analyze("Wohnungsbaugenossenschaften") == ("Wohnungsbaugenossenschaft", "NN")
    assert comp.analyze("Verhandlungen") == ("Verhandlung", "NN")


def test_cache_is_shared_across_documents(nlp):
    comp = nlp.get_pipe("briefgen_tagger")
    nlp("Der Bericht aus Kopenhagen kam spät.")
    before = comp.analyze.cache_info().hits
    nlp("Ein Bericht aus Kopenhagen.")
    assert comp.analyze.cache_info().hits >= before + 2


def test_unknown_compound_takes_its_head_noun(nlp):
    from briefgen.pipeline.tagger import HANTA_MODEL, compound_head

    comp = nlp.get_pipe("briefgen_tagger")
    # an invented compound: known first parts, known head with a genitive ending
    assert compound_head(HANTA_MODEL, "Schulbusunternehmens", comp.analyze) == ("Schulbusunternehmen", "NN")
    assert comp.analyze("Schulbusunternehmens")[0] == "Schulbusunternehmen"
    # heads that end place and family names are left to HanTa; so are adjective forms
    assert compound_head(HANTA_MODEL, "Kleinostheim", comp.analyze) is None
    assert compound_head(HANTA_MODEL, "Nordwestdeutsche", comp.analyze) is None


def test_known_word_lemma_matches_hanta(nlp):
    from briefgen.pipeline import hanta as hanta_models
    from briefgen.pipeline.tagger import HANTA_MODEL, known_word

    hanta = hanta_models.model(HANTA_MODEL)
    for word in ("Konzerns", "Präsidenten", "Minister", "Regierung", "Berichts"):
        hit = known_word(HANTA_MODEL, word)
        if hit is not None:
            assert hit == hanta.analyze(word)
