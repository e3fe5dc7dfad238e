"""briefgen_quotes on blank pipelines: our own sentences for every pattern, negatives, pronouns."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from briefgen.pipeline import quotes as _quotes  # noqa: F401  (registers the factory)
from briefgen.pipeline import sentences as _sentences  # noqa: F401


@pytest.fixture(scope="module")
def de(blank_pipeline):
    return blank_pipeline("de", "briefgen_quotes")


@pytest.fixture(scope="module")
def en(blank_pipeline):
    return blank_pipeline("en", "briefgen_quotes")


def run(nlp, text, actors=()):
    """Run the pipeline; `actors` = (surface, kind, canonical) spans set before the quote finder."""
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "briefgen_quotes":
            spans = []
            for surface, kind, canon in actors:
                start = 0
                while (i := doc.text.find(surface, start)) >= 0:
                    sp = doc.char_span(i, i + len(surface), label=kind, kb_id=canon)
                    if sp is not None:
                        spans.append(sp)
                    start = i + 1
            doc.spans["actors"] = spans
        doc = proc(doc)
    return doc._.quotes


def one(quotes, kind=None):
    qs = [q for q in quotes if kind is None or q.kind == kind]
    assert len(qs) == 1, quotes
    return qs[0]


# ---------------------------------------------------------------- German direct speech
@pytest.mark.parametrize("text", [
    "„Wir bauen die Brücke bis zum Herbst“, sagte Bürgermeisterin Anna Beispiel.",
    "Bürgermeisterin Anna Beispiel sagte: „Wir bauen die Brücke bis zum Herbst.“",
    "»Wir bauen die Brücke bis zum Herbst«, sagte Bürgermeisterin Anna Beispiel.",
    "«Wir bauen die Brücke bis zum Herbst», sagte Bürgermeisterin Anna Beispiel.",
    "\"Wir bauen die Brücke bis zum Herbst\", sagte Bürgermeisterin Anna Beispiel.",
    "„ Wir bauen die Brücke bis zum Herbst “ , sagte Bürgermeisterin Anna Beispiel .",
])
def test_de_direct_styles(de, text):
    q = one(run(de, text), "direct")
    assert q.text.rstrip(". ") == "Wir bauen die Brücke bis zum Herbst"
    assert "Anna Beispiel" in q.speaker
    assert q.sentence_index == 0 and "Brücke" in q.sentence and q.stance == "attributed"


def test_de_nested_single_marks_stay_inside(de):
    q = one(run(de, "„Das Wort ‚sofort‘ steht im Vertrag“, erklärte der Anwalt."), "direct")
    assert "‚sofort‘" in q.text and q.speaker == "der Anwalt"


def test_de_split_quote_one_speaker(de):
    qs = run(de, "„Die Kasse ist leer“, sagte Kämmerer Paul Probst, „und das seit Jahren.“",
             actors=[("Paul Probst", "person", "Paul Probst")])
    direct = [q for q in qs if q.kind == "direct"]
    assert [q.text.rstrip(".") for q in direct] == ["Die Kasse ist leer", "und das seit Jahren"]
    assert {q.speaker for q in direct} == {"Paul Probst"}


def test_de_quote_over_sentences_and_paragraphs(de):
    text = ("Die Trainerin Eva Muster erklärte: „Wir haben gut gespielt. Das Team war stark.\n\n"
            "„Im nächsten Spiel wollen wir gewinnen.“\n\nDanach ging sie.")
    q = one(run(de, text), "direct")
    assert q.text.startswith("Wir haben gut gespielt.") and q.text.endswith("wollen wir gewinnen.")
    assert "Eva Muster" in q.speaker


def test_de_quote_after_colon_sentence(de):
    text = "Der Sprecher der Feuerwehr wurde deutlich:\n„Niemand darf das Gebäude betreten, bis es geprüft ist.“"
    q = one(run(de, text), "direct")
    assert q.speaker == "Der Sprecher der Feuerwehr"


# ---------------------------------------------------------------- German indirect speech
def test_de_dass_clause_with_actor(de):
    qs = run(de, "Ministerin Clara Vogel sagte am Montag, dass die Schulen geöffnet blieben.",
             actors=[("Clara Vogel", "person", "Clara Vogel")])
    q = one(qs, "indirect")
    assert q.text == "dass die Schulen geöffnet blieben" and q.speaker == "Clara Vogel"


def test_de_konjunktiv_clause_and_pronoun(de):
    text = "Clara Vogel sprach vor der Presse. Sie sagte, die Lage sei unter Kontrolle."
    q = one(run(de, text, actors=[("Clara Vogel", "person", "Clara Vogel")]), "indirect")
    assert q.text == "die Lage sei unter Kontrolle" and q.speaker == "Clara Vogel" and q.sentence_index == 1


def test_de_pronoun_goes_to_last_person(de):
    text = ("Paul Probst traf Clara Vogel. Probst erklärte, man habe sich geeinigt. "
            "Er fügte hinzu, der Vertrag werde im Mai unterzeichnet.")
    qs = run(de, text, actors=[("Paul Probst", "person", "Paul Probst"), ("Probst", "person", "Paul Probst"),
                               ("Clara Vogel", "person", "Clara Vogel")])
    assert [q.speaker for q in qs if q.kind == "indirect"] == ["Paul Probst", "Paul Probst"]


def test_de_inverted_and_wie(de):
    qs = run(de, "Die Straße bleibt bis Freitag gesperrt, sagte ein Sprecher der Stadt. "
                 "Wie die Polizei mitteilte, wurde niemand verletzt. "
                 "Der Zug fiel aus, wie die Bahn mitteilte.")
    got = [(q.kind, q.text, q.speaker) for q in qs]
    assert got == [("indirect", "Die Straße bleibt bis Freitag gesperrt", "ein Sprecher der Stadt"),
                   ("indirect", "wurde niemand verletzt", "die Polizei"),
                   ("indirect", "Der Zug fiel aus", "die Bahn")]


@pytest.mark.parametrize("text,speaker", [
    ("Laut einem Sprecher der Feuerwehr brannte die Halle vollständig aus.", "einem Sprecher der Feuerwehr"),
    ("Der Feuerwehr zufolge brannte die Halle vollständig aus.", "Der Feuerwehr"),
    ("Nach Angaben der Feuerwehr brannte die Halle vollständig aus.", "Angaben der Feuerwehr"),
    ("Die Halle brannte vollständig aus, so die Feuerwehr.", "die Feuerwehr"),
])
def test_de_cue_phrases(de, text, speaker):
    q = one(run(de, text), "indirect")
    assert q.text.endswith("brannte die Halle vollständig aus") or q.text == "Die Halle brannte vollständig aus"
    assert q.speaker == speaker


def test_de_separable_verb_and_passive(de):
    qs = run(de, "Die Stadt teilte am Abend mit, dass der Markt ausfalle. "
                 "Es wurde gefordert, dass die Brücke saniert werde.")
    assert [(q.text, q.speaker) for q in qs] == [("dass der Markt ausfalle", "Die Stadt"),
                                                 ("dass die Brücke saniert werde", None)]


def test_de_konjunktiv_continues_reported_speech(de):
    qs = run(de, "Der Trainer sagte, das Team sei gut vorbereitet. Die Verletzten kämen bald zurück, "
                 "die Stimmung sei gut.")
    assert [q.speaker for q in qs] == ["Der Trainer", "Der Trainer"]
    assert qs[1].sentence_index == 1


def test_de_reported_speech_act(de):
    q = one(run(de, "Die Gewerkschaft kritisierte den neuen Tarifplan."))
    assert (q.kind, q.text, q.speaker) == ("reported", "den neuen Tarifplan", "Die Gewerkschaft")


# ---------------------------------------------------------------- German negatives
@pytest.mark.parametrize("text", [
    "Die Zeitung sprach von „Bürgerdiplomatie“ zwischen den Städten.",
    "Im Kino läuft der Film „Die lange Nacht am Fluss“ seit Mai.",
    "Die Fähre „Nordlicht“ lief am Morgen aus dem Hafen aus.",
    "Die Operation „Sturmvogel“ begann im Winter.",
    "Der Bürgermeister eröffnete das Fest.",
])
def test_de_not_quotes(de, text):
    assert run(de, text) == []


# ---------------------------------------------------------------- English
@pytest.mark.parametrize("text", [
    "\"We will rebuild the bridge by autumn,\" said Mayor Jane Example.",
    "Mayor Jane Example said: \"We will rebuild the bridge by autumn.\"",
    "“We will rebuild the bridge by autumn,” Mayor Jane Example said.",
    "`` We will rebuild the bridge by autumn '' Mayor Jane Example said.",
])
def test_en_direct_styles(en, text):
    q = one(run(en, text), "direct")
    assert q.text.rstrip(",. ") == "We will rebuild the bridge by autumn"
    assert "Jane Example" in q.speaker


def test_en_indirect_that_and_bare(en):
    qs = run(en, "The council said on Monday that the market would close. "
                 "Jane Example said the budget was balanced.")
    assert [(q.kind, q.text, q.speaker) for q in qs] == [
        ("indirect", "the market would close", "The council"),
        ("indirect", "the budget was balanced", "Jane Example")]


def test_en_according_to_and_inversion(en):
    qs = run(en, "According to the fire service, the hall burned down. "
                 "The road stays closed until Friday, a city spokesman said.")
    assert [(q.text, q.speaker) for q in qs] == [("the hall burned down", "the fire service"),
                                                 ("The road stays closed until Friday", "a city spokesman")]


def test_en_apposition_and_pronoun(en):
    text = ("Tom Sample, a lawyer for the union, said the strike would go on. "
            "He told reporters that talks had failed.")
    qs = run(en, text, actors=[("Tom Sample", "person", "Tom Sample")])
    assert [(q.text, q.speaker) for q in qs] == [("the strike would go on", "Tom Sample"),
                                                 ("talks had failed", "Tom Sample")]


@pytest.mark.parametrize("text", [
    "Critics called it \"checkbook diplomacy\" at the time.",
    "The ship \"Northern Star\" left the harbour.",
    "\"Storm Warning Issued For Coast\" — Example Times, May 3, 2020",
    "The company opened a new plant.",
])
def test_en_not_quotes(en, text):
    assert run(en, text) == []


# ---------------------------------------------------------------- gender, names, role words
def test_given_names_and_role_words():
    from briefgen.pipeline.quotes_gender import name_gender, word_gender

    assert name_gender("Angela") == "f" and name_gender("Thomas") == "m"
    assert name_gender("Hans-Jürgen") == "m"  # the first part of a hyphenated name decides
    assert name_gender("Qwzrtx") is None
    for word in ("Ministerin", "Bundesministerin", "Sprecherin", "Präsidentin", "Journalistin"):
        assert word_gender("de", word) == "f", word
    for word in ("Sprecher", "Innenminister", "Präsident"):
        assert word_gender("de", word) == "m", word
    for word in ("Berlin", "Termin", "Benjamin"):  # -in words that are no female role nouns
        assert word_gender("de", word) is None, word
    assert word_gender("en", "spokeswoman") == "f" and word_gender("en", "chairman") == "m"
    assert word_gender("en", "Newman") is None  # a surname, not a role noun


def test_build_names_script_reads_the_dictionary_format():
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "scripts" / "build_names.py"
    spec = importlib.util.spec_from_file_location("build_names", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    pad = " " * 27
    text = "\n".join([
        "# comment line",
        "M  Gerold" + pad + "   5 7                         $",
        "F  Wiebke" + pad + "   6 8                         $",
        "F  Sascha" + pad + "   4                           $",  # rare female use
        "M  Sascha" + pad + "   7 9                         $",  # common male use: male wins
        "?  Kai" + " " * 30 + "  9                         $",
        "M  Kai" + " " * 30 + "  3                          $",  # unisex dominates: no entry
        "F  Ann+Kathrin" + " " * 22 + "   5                 $",
        "=  Gerold Gerald                        5          $",
    ])
    names = mod.build(text)
    assert names == {"Gerold": "m", "Wiebke": "f", "Sascha": "m", "Ann-Kathrin": "f"}


def test_de_she_is_not_the_man_named_last(de):
    text = ("Die Ministerin Anna Beispiel traf am Montag den Bürgermeister Paul Probst. "
            "Sie sagte danach, die Gespräche seien gut gelaufen.")
    q = one(run(de, text, actors=[("Anna Beispiel", "person", "Anna Beispiel"),
                                  ("Paul Probst", "person", "Paul Probst")]), "indirect")
    assert q.speaker == "Anna Beispiel"


def test_de_female_role_noun_gives_gender(de):
    # no given name known: the role noun "Sprecherin" marks the woman
    text = ("Die Sprecherin Kim Xylo und der Anwalt Tim Yzer kamen. „Wir prüfen den Fall noch genau“, sagte sie.")
    q = one(run(de, text, actors=[("Kim Xylo", "person", "Kim Xylo"), ("Tim Yzer", "person", "Tim Yzer")]),
            "direct")
    assert q.speaker == "Kim Xylo"


def test_en_she_said_goes_to_the_woman(en):
    text = ("Minister John Roe visited the site with Mary Doe on Tuesday. "
            "\"We take the safety of workers seriously,\" she said.")
    q = one(run(en, text, actors=[("John Roe", "person", "John Roe"), ("Mary Doe", "person", "Mary Doe")]),
            "direct")
    assert q.speaker == "Mary Doe"


def test_de_plural_sie_goes_to_the_group(de):
    text = ("Die Gewerkschaft Metall erklärte, der Streik gehe weiter. Paul Probst kam später. "
            "Sie forderten, dass die Löhne steigen.")
    qs = run(de, text, actors=[("Gewerkschaft Metall", "organization", "Gewerkschaft Metall"),
                               ("Paul Probst", "person", "Paul Probst")])
    assert [q.speaker for q in qs if q.text.startswith("dass die Löhne")] == ["Gewerkschaft Metall"]


# ---------------------------------------------------------------- German word order and sources
def test_de_object_first_sentence(de):
    text = "Die Vorwürfe bezeichnete Hans Muster als „völlig haltlos und frei erfunden“."
    q = one(run(de, text, actors=[("Hans Muster", "person", "Hans Muster")]), "direct")
    assert q.speaker == "Hans Muster"


def test_de_colon_sentence_without_speech_verb(de):
    text = ("Jede Schuld an dem Unglück wies Hans Muster von sich: "
            "„Ich habe alle Vorschriften eingehalten und das kann ich belegen.“")
    q = one(run(de, text, actors=[("Hans Muster", "person", "Hans Muster")]), "direct")
    assert q.speaker == "Hans Muster"


def test_de_lone_quote_goes_to_the_person_just_introduced(de):
    text = ("„Das Projekt kommt gut voran und wir halten den Plan ein“, sagte Paul Probst. "
            "Danach sprach die Ärztin Clara Vogel über die Klinik. "
            "„Wir brauchen dringend mehr Personal auf den Stationen.“")
    qs = run(de, text, actors=[("Paul Probst", "person", "Paul Probst"), ("Clara Vogel", "person", "Clara Vogel")])
    assert [q.speaker for q in qs if q.kind == "direct"] == ["Paul Probst", "Clara Vogel"]


def test_de_inverted_verb_and_person_after_quote(de):
    text = "„Wir haben heute verdient gewonnen“, zeigte sich Trainer Hans Muster nach dem Spiel zufrieden."
    q = one(run(de, text, actors=[("Hans Muster", "person", "Hans Muster")]), "direct")
    assert q.speaker == "Hans Muster"


def test_de_zitieren_gives_the_quoted_person(de):
    text = "Ein Radiosender zitierte Hans Muster mit den Worten: „Ich trete nicht zurück.“"
    q = one(run(de, text, actors=[("Hans Muster", "person", "Hans Muster")]), "direct")
    assert q.speaker == "Hans Muster"


def test_de_konjunktiv_main_clause_without_speech_verb(de):
    text = ("Der Wetterdienst warnte am Morgen vor dem Sturm. "
            "Oberhalb von 800 Metern seien Böen von mehr als 100 Kilometern pro Stunde möglich.")
    q = one(run(de, text, actors=[("Wetterdienst", "organization", "Wetterdienst")]), "indirect")
    assert q.text.startswith("Oberhalb von 800 Metern seien") and q.speaker == "Wetterdienst"
    # a subject that names no actor and no person is no source: "Die Lage" said nothing
    q = one(run(de, "Die Lage blieb am Morgen ruhig. Die Straßen seien wieder frei."), "indirect")
    assert q.speaker is None


def test_de_konjunktiv_main_clause_with_own_pronoun(de):
    text = ("Der Bürgermeister Paul Probst besuchte die Schule. Die Eltern klagten über den Zustand. "
            "Außerdem wolle er die Turnhalle bald sanieren lassen.")
    qs = run(de, text, actors=[("Paul Probst", "person", "Paul Probst")])
    assert [(q.kind, q.speaker) for q in qs if "Turnhalle" in q.text] == [("indirect", "Paul Probst")]


def test_de_cue_noun_and_hervorgehen_and_lowercase_source(de):
    q = one(run(de, "Die Bahn begegnete der Kritik mit dem Argument, die Züge seien sicher.",
                actors=[("Bahn", "organization", "Deutsche Bahn")]), "indirect")
    assert (q.text, q.speaker) == ("die Züge seien sicher", "Deutsche Bahn")
    q = one(run(de, "Aus dem Bericht des Rechnungshofs geht hervor, dass die Kosten gestiegen sind."), "indirect")
    assert q.text == "dass die Kosten gestiegen sind" and "Bericht" in q.speaker
    q = one(run(de, "Laut dpa sei der Vertrag bereits unterschrieben."), "indirect")
    assert q.speaker == "dpa"


def test_de_subject_of_a_dass_clause_and_passive(de):
    text = "Es ist nicht das erste Mal, dass Hans Muster erklärte, er werde zurücktreten."
    q = one(run(de, text, actors=[("Hans Muster", "person", "Hans Muster")]), "indirect")
    assert q.speaker == "Hans Muster"
    q = one(run(de, "Zuvor war befürchtet worden, die Brücke könnte einstürzen."), "indirect")
    assert q.speaker is None  # a passive speech act with no agent names no speaker


def test_de_quoted_names_used_as_noun_phrases_are_no_quotes(de):
    assert run(de, "Er sprach am Montag mit der „Bürgerinitiative Neue Mitte“ über den Plan.") == []
    assert run(de, "Sie schrieb damals für die „Zeitung am Abend“ eine Kolumne.") == []


# ---------------------------------------------------------------- English subjects and descriptions
def test_en_coordinated_subject_takes_the_first(en):
    text = "Prime Minister Jane Roe and trade minister John Doe announced that the plant would stay open."
    q = one(run(en, text, actors=[("Jane Roe", "person", "Jane Roe"), ("John Doe", "person", "John Doe")]))
    assert q.speaker == "Jane Roe"


def test_en_the_company_and_role_descriptions(en):
    text = ("Example Motors cut its forecast. Recently the company reported a loss of $3 million. "
            "Jane Roe, the company's chief executive, met investors. "
            "The chief executive said the plan would work.")
    qs = run(en, text, actors=[("Example Motors", "organization", "Example Motors"),
                               ("Jane Roe", "person", "Jane Roe")])
    assert [q.speaker for q in qs] == ["Example Motors", "Jane Roe"]


def test_en_verbless_attribution_after_quote(en):
    text = "\"Buyers are waiting for lower prices this year,\" Jane Roe, an analyst at Example Research."
    q = one(run(en, text, actors=[("Jane Roe", "person", "Jane Roe")]), "direct")
    assert q.speaker == "Jane Roe"


def test_en_subordinate_subject_participles_and_adding(en):
    q = one(run(en, "Although Jane Roe said she hoped for a deal, the unions were displeased.",
                actors=[("Jane Roe", "person", "Jane Roe")]), "indirect")
    assert q.speaker == "Jane Roe"
    text = ("John Roe visited the plant. Speaking to workers he said that the plant would stay open.")
    q = one(run(en, text, actors=[("John Roe", "person", "John Roe")]), "indirect")
    assert q.speaker == "John Roe"
    text = "\"We will rebuild the plant,\" John Roe said, adding that the work would start in May."
    qs = run(en, text, actors=[("John Roe", "person", "John Roe")])
    assert [q.speaker for q in qs] == ["John Roe", "John Roe"]


def test_de_subject_apposition_demonstrative_and_particle_position(de):
    # the subject with its apposition is no reported clause
    qs = run(de, "Hans Muster, Sprecher der Partei, kritisierte den Plan.",
             actors=[("Hans Muster", "person", "Hans Muster")])
    assert [(q.kind, q.text, q.speaker) for q in qs] == [("reported", "den Plan", "Hans Muster")]
    # "Dies bestätigte X": X follows the verb; the demonstrative is no topic of its own
    qs = run(de, "Die Straße bleibt gesperrt. Dies bestätigte die Polizei am Abend.",
             actors=[("Polizei", "organization", "Polizei")])
    assert all(q.speaker == "Polizei" for q in qs)
    # a separable particle must close the clause: "warf … vor der Halle" is no "vorwerfen"
    assert run(de, "Die Athletin warf den Speer vor der Halle weit und siegte.") == []


def test_de_quoted_sources_and_passive_around_a_quote(de):
    # a quoted name after "laut" or as the subject is the source, not a quote
    qs = run(de, "Laut „Morgenblatt“ sei die Brücke gesperrt.")
    assert [(q.kind, q.speaker) for q in qs] == [("indirect", "Morgenblatt")]
    assert [q.kind for q in run(de, "„Quellcode77“ erklärte, der Schlüssel sei geknackt.")] == ["indirect"]
    # the passive agent is found across a quotation inside the clause
    qs = run(de, "Das Buch wird von vielen Kritikern als „Meilenstein der Erzählkunst“ bezeichnet.")
    assert [q.speaker for q in qs if q.kind == "direct"] == ["vielen Kritikern"]


def test_de_relative_pronoun_and_fuer_x_sei(de):
    text = "Das Beispiel des Abgeordneten Hans Muster, der erklärt hat, er werde dagegen stimmen, macht Schule."
    q = one(run(de, text, actors=[("Hans Muster", "person", "Hans Muster")]), "indirect")
    assert q.speaker == "Hans Muster"
    text = "Für den Historiker Paul Probst sei der Fund eine Sensation."
    q = one(run(de, text, actors=[("Paul Probst", "person", "Paul Probst")]), "indirect")
    assert q.speaker == "Paul Probst"


def test_de_short_verdict_after_als(de):
    text = "Der Minister Hans Muster bezeichnete die Äußerungen des Gegners, die er gelesen habe, als „inakzeptabel“."
    qs = run(de, text, actors=[("Hans Muster", "person", "Hans Muster")])
    assert [(q.text, q.speaker) for q in qs if q.kind == "direct"] == [("inakzeptabel", "Hans Muster")]
    qs = run(de, "Die Gefahr wird vom Wetterdienst als „sehr hoch“ eingestuft.",
             actors=[("Wetterdienst", "organization", "Wetterdienst")])
    assert [(q.text, q.speaker) for q in qs if q.kind == "direct"] == [("sehr hoch", "Wetterdienst")]


def test_de_passive_with_document_source(de):
    q = one(run(de, "In einer Erklärung des Vereins wurde gefordert, dass die Halle offen bleibe."), "indirect")
    assert q.speaker == "einer Erklärung des Vereins"
    q = one(run(de, "Im März wurde angekündigt, die Werke zu verkaufen."), "indirect")
    assert q.speaker is None  # a month is no source
