"""briefgen_events: one timeline entry per dated clause, in calendar order, with its actors."""
from __future__ import annotations

import datetime as dt

import spacy

from briefgen.pipeline import events, extensions, sentences, timex  # noqa: F401  (factories)

PUB = dt.date(2019, 1, 3)


def run(lang: str, text: str, pub=PUB, actors=()):
    nlp = spacy.blank(lang)
    for name in ("briefgen_sentences", "briefgen_timex", "briefgen_events"):
        nlp.add_pipe(name)
    doc = nlp.make_doc(text)
    doc._.pub_date = pub
    for name, proc in nlp.pipeline:
        if name == "briefgen_events" and actors:
            spans = []
            for surface, canonical in actors:
                start = text.index(surface)
                span = doc.char_span(start, start + len(surface), label="person", kb_id=canonical)
                spans.append(span)
            doc.spans["actors"] = spans
        doc = proc(doc)
    return doc._.events


def test_calendar_order_and_fields():
    text = ("Die Regierung will im Juni entscheiden. Der Minister trat gestern zurück. "
            "Am 1. Dezember letzten Jahres begann die Krise.")
    evs = run("de", text)
    assert [e.date for e in evs] == ["2018-12-01", "2019-01-02", "2019-06"]
    assert evs[0].expression == "Am 1. Dezember letzten Jahres"
    assert evs[0].text == "Am 1. Dezember letzten Jahres begann die Krise."
    assert evs[1].sentence == 1


def test_weeks_sort_by_their_monday():
    evs = run("en", "The board met two weeks ago. The deal closed on 20 December 2018.")
    assert [e.date for e in evs] == ["2018-W51", "2018-12-20"]


def test_one_entry_per_clause_with_the_most_specific_date():
    evs = run("de", "Am Dienstag um 15 Uhr schloss die Börse.")
    assert len(evs) == 1 and evs[0].date == "2019-01-01"


def test_actors_inside_the_clause():
    text = "Anna Berg sagte am Dienstag, sie trete an. Karl Moor schwieg."
    evs = run("de", text, actors=[("Anna Berg", "Anna Berg"), ("Karl Moor", "Karl Moor")])
    assert evs[0].actors == ("Anna Berg",)


def test_no_actor_spans_means_no_actors():
    evs = run("en", "The mayor resigned yesterday.")
    assert evs[0].actors == ()


def test_undated_without_publication_date_come_last():
    evs = run("de", "Gestern fiel die Entscheidung. Am 5. Mai 2010 begann alles.", pub=None)
    assert [e.date for e in evs] == ["2010-05-05", None]


def test_long_sentences_are_trimmed_to_the_clause():
    text = ("Die Kommission legte nach langen Beratungen in Brüssel und Straßburg einen umfangreichen "
            "Bericht über die Lage der Fischerei in der Nordsee vor, und am 5. Mai 2010 stimmte das "
            "Parlament über die neuen Fangquoten für Hering und Kabeljau in allen Mitgliedstaaten ab.")
    ev = run("de", text)[0]
    assert ev.text.startswith("Am 5. Mai 2010 stimmte")
    assert "Kommission" not in ev.text
