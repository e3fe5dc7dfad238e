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


# --- the precomputed lexicon (data/tagger_lexicon_de.tsv) -------------------------------------

def _live():
    """The tagger's analysis without the lexicon: HanTa and the rule shortcuts only."""
    from briefgen.pipeline.tagger import CACHE_SIZE, HANTA_MODEL, _cached_analyzer

    return _cached_analyzer(HANTA_MODEL, CACHE_SIZE, False)


def _lexicon():
    from briefgen.pipeline.tagger import HANTA_MODEL, load_lexicon

    return load_lexicon(HANTA_MODEL)


def test_lexicon_is_current_sorted_and_loaded():
    from briefgen.pipeline.tagger import HANTA_MODEL, LEXICON, expected_header, read_lexicon

    lex = read_lexicon(LEXICON)
    # built with the installed HanTa and the current tagger_rules.py: else the tagger ignores it
    for key, value in expected_header(HANTA_MODEL).items():
        assert lex.header.get(key) == value, f"stale lexicon ({key}): run scripts/build_tagger_lexicon.py"
    assert int(lex.header["entries"]) == len(lex) > 50_000
    assert lex.lines == sorted(lex.lines), "lines must be sorted: the tagger bisects them"
    forms = [line.split("\t", 1)[0] for line in lex.lines]
    assert len(set(forms)) == len(forms)
    assert len(_lexicon()) == len(lex)


def test_lexicon_agrees_with_live_analysis_on_a_sample():
    lex = _lexicon()
    live = _live()
    step = max(1, len(lex) // 400)
    for line in lex.lines[::step]:
        form = line.split("\t", 1)[0]
        assert lex.get(form) == live(form), form


@pytest.mark.slow
def test_lexicon_agrees_with_live_analysis_on_every_entry():
    lex = _lexicon()
    live = _live()
    wrong = []
    for line in lex.lines:
        form = line.split("\t", 1)[0]
        if lex.get(form) != live(form):
            wrong.append(form)
    assert not wrong, wrong[:20]


def test_the_tagger_answers_lexicon_words_without_analysing_them(monkeypatch):
    from briefgen.pipeline import tagger

    lex = _lexicon()
    form = lex.lines[len(lex) // 2].split("\t", 1)[0]

    def no_live_analysis(model, word, analyze=None):
        raise AssertionError(f"live analysis of {word!r}")

    monkeypatch.setattr(tagger, "analyze_word", no_live_analysis)
    analyze = tagger._cached_analyzer.__wrapped__(tagger.HANTA_MODEL, 100, True)
    assert analyze(form) == lex.get(form)
    # a word outside the lexicon goes to the live analysis
    with pytest.raises(AssertionError, match="live analysis"):
        analyze("Quorbelsteinhausenerin")


def test_pipeline_tags_are_the_same_with_and_without_the_lexicon():
    with_lex = spacy.blank("de")
    with_lex.add_pipe("briefgen_tagger")
    without = spacy.blank("de")
    without.add_pipe("briefgen_tagger", config={"lexicon": False})
    text = ("Die Bürgermeisterin von Quellbrunn eröffnete am Montag das neue Hallenbad. "
            "Nach Angaben der Stadtwerke kostete der Umbau des Altbaus rund vier Millionen Euro; "
            "Kritiker im Gemeinderat sprachen von Verschwendung. Ob der Zeitplan hält, ist offen.")
    assert tags(with_lex(text)) == tags(without(text))
    assert any(_lexicon().get(t.text) for t in with_lex.make_doc(text))


def test_lemma_codes_round_trip():
    from briefgen.pipeline.tagger import decode_lemma, encode_lemma

    cases = [("Präsidenten", "Präsident"), ("Haus", "Haus"), ("Verboten", "verbieten"),
             ("Eigener", "eigen"), ("Die", "der"), ("Ging", "gehen"), ("Stattdessen", "stattdessen"),
             ("Häuser", "Haus"), ("Äpfel", "apfel")]
    for form, lemma in cases:
        code = encode_lemma(form, lemma)
        assert decode_lemma(form, code) == lemma, (form, code)
    assert encode_lemma("Präsidenten", "Präsident") == "2"
    assert encode_lemma("Haus", "Haus") == ""
    assert encode_lemma("Stattdessen", "stattdessen") == "_"


def test_a_stale_lexicon_is_ignored(tmp_path):
    from briefgen.pipeline.tagger import HANTA_MODEL, expected_header, load_lexicon

    header = dict(expected_header(HANTA_MODEL), rules="0" * 64)
    path = tmp_path / "lexicon.tsv"
    path.write_text("".join(f"# {k}: {v}\n" for k, v in header.items()) + "Quellbrunn\tNE\t\n",
                    encoding="utf-8")
    with pytest.warns(UserWarning, match="rules"):
        assert len(load_lexicon(HANTA_MODEL, str(path))) == 0
    current = tmp_path / "current.tsv"
    current.write_text("".join(f"# {k}: {v}\n" for k, v in expected_header(HANTA_MODEL).items())
                       + "Quellbrunn\tNE\t\nQuellbrunns\tNE\t1\n", encoding="utf-8")
    lex = load_lexicon(HANTA_MODEL, str(current))
    assert lex.get("Quellbrunns") == ("Quellbrunn", "NE")
    assert lex.get("Quellbrunn") == ("Quellbrunn", "NE")
    assert lex.get("Quell") is None and lex.get("Quellbrunnen") is None
