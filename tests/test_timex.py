"""briefgen_timex: table-driven cases of our own (expression, publication date, expected value)."""
from __future__ import annotations

import datetime as dt

import pytest
import spacy

from briefgen.pipeline import extensions, sentences, timex  # noqa: F401  (factories)
from briefgen.pipeline.timex_resolve import When, easter, pick_weekday, pick_year

PUB = dt.date(2019, 1, 3)  # a Thursday


def _nlp(lang: str, **config):
    nlp = spacy.blank(lang)
    nlp.add_pipe("briefgen_sentences")
    nlp.add_pipe("briefgen_timex", config=config)
    return nlp


NLP = {"de": _nlp("de"), "en": _nlp("en")}


def tag(lang: str, text: str, pub: dt.date | None = PUB, nlp=None):
    nlp = nlp or NLP[lang]
    doc = nlp.make_doc(text)
    doc._.pub_date = pub
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.timexes


def values(lang, text, pub=PUB):
    return [(t.text, t.value) for t in tag(lang, text, pub)]


ABSOLUTE = [
    ("de", "Er wurde am 5. August 1930 geboren.", "am 5. August 1930", "1930-08-05"),
    ("de", "Die Frist endet am 24.12.2018 um Mitternacht.", "am 24.12.2018", "2018-12-24"),
    ("de", "Der Vertrag lief im Dezember 2018 aus.", "im Dezember 2018", "2018-12"),
    ("de", "Die Brücke wurde 1969 eröffnet.", "1969", "1969"),
    ("de", "Ende 2008 verließ sie die Partei.", "Ende 2008", "2008"),
    ("de", "Anfang März 2008 begann der Bau.", "Anfang März 2008", "2008-03"),
    ("de", "Im Jahr 2005 zog die Firma um.", "Im Jahr 2005", "2005"),
    ("en", "The plant opened on 3 March 2008.", "on 3 March 2008", "2008-03-03"),
    ("en", "The plant opened on March 3, 2008.", "on March 3, 2008", "2008-03-03"),
    ("en", "Prices peaked in 2008.", "in 2008", "2008"),
    ("en", "Sales fell in the fourth quarter of 2005.", "in the fourth quarter of 2005", "2005"),
]

RELATIVE = [  # resolved against PUB = Thursday 2019-01-03
    ("de", "Die Polizei nahm ihn gestern fest.", "gestern", "2019-01-02"),
    ("de", "Heute beginnt die Sitzung.", "Heute", "2019-01-03"),
    ("de", "Vorgestern stürzte ein Kran um.", "Vorgestern", "2019-01-01"),
    ("de", "Die Wahl findet morgen statt.", "morgen", "2019-01-04"),
    ("de", "Der Minister sagte am Dienstag, er sei zufrieden.", "am Dienstag", "2019-01-01"),
    ("de", "Montagabend brannte eine Scheune.", "Montagabend", "2018-12-31"),
    ("de", "In der Nacht zum Mittwoch wurde eingebrochen.", "In der Nacht zum Mittwoch", "2019-01-02"),
    ("de", "Vor zwei Wochen trafen sie sich in Wien.", "Vor zwei Wochen", "2018-W51"),
    ("de", "Letzte Woche stieg der Kurs.", "Letzte Woche", "2018-W52"),
    ("de", "Das Gesetz trat im vergangenen Juni in Kraft.", "im vergangenen Juni", "2018-06"),
    ("de", "Der Umsatz wuchs im vergangenen Jahr kräftig.", "im vergangenen Jahr", "2018"),
    ("de", "Die Zahl stieg im Oktober letzten Jahres.", "im Oktober letzten Jahres", "2018-10"),
    ("de", "Im neuen Jahr sollen die Preise sinken.", "Im neuen Jahr", "2019"),
    ("de", "Der Bericht erscheint nächsten Monat.", "nächsten Monat", "2019-02"),
    ("en", "The mayor resigned yesterday.", "yesterday", "2019-01-02"),
    ("en", "The board met on Tuesday.", "on Tuesday", "2019-01-01"),
    ("en", "The law took effect last June.", "last June", "2018-06"),
    ("en", "The bridge collapsed two weeks ago.", "two weeks ago", "2018-W51"),
    ("en", "Shares rose earlier this month.", "earlier this month", "2019-01"),
    ("en", "The factory will close next year.", "next year", "2020"),
    ("en", "The mayor resigned this morning.", "this morning", "2019-01-03"),
]

TENSE = [  # underspecified dates: past tense -> the last such day, future -> the next one
    ("de", "Die Firma meldete am 24. Dezember Insolvenz an.", "am 24. Dezember", "2018-12-24"),
    ("de", "Das Konzert wird am 24. Dezember stattfinden.", "am 24. Dezember", "2019-12-24"),
    ("de", "Der Vorstand hat im Juni einen Plan vorgelegt.", "im Juni", "2018-06"),
    ("de", "Die Regierung will im Juni entscheiden.", "im Juni", "2019-06"),
    ("de", "Das Team gewann am Samstag das Finale.", "am Samstag", "2018-12-29"),
    ("de", "Das Team spielt am Samstag das Finale.", "am Samstag", "2019-01-05"),
    ("de", "Das Team soll am Samstag das Finale spielen.", "am Samstag", "2019-01-05"),
    ("de", "Seit dem 19. Januar regiert das Militär.", "Seit dem 19. Januar", "2018-01-19"),
    ("en", "The company announced the deal in June.", "in June", "2018-06"),
    ("en", "The company will announce the deal in June.", "in June", "2019-06"),
    ("en", "The team played on Saturday.", "on Saturday", "2018-12-29"),
    ("en", "The team will play on Saturday.", "on Saturday", "2019-01-05"),
]

ANAPHORIC = [  # relative to the date just mentioned
    ("de", "Am 3. Mai 2010 reiste sie ab. Einen Tag später landete sie in Lima.", "Einen Tag später", "2010-05-04"),
    ("de", "Am 3. Mai 2010 reiste sie ab. Zwei Wochen zuvor hatte sie gekündigt.", "Zwei Wochen zuvor", "2010-W16"),
    ("de", "Am 3. Mai 2010 reiste sie ab. Am Tag darauf landete sie.", "Am Tag darauf", "2010-05-04"),
    ("de", "Im Jahr 1972 heiratete er. Ein Jahr später zog er nach Bonn.", "Ein Jahr später", "1973"),
    ("de", "Am 3. Mai 2010 reiste sie ab. Am folgenden Tag landete sie.", "Am folgenden Tag", "2010-05-04"),
    ("en", "The vote was held on 4 May 2010. The next day the count began.", "The next day", "2010-05-05"),
    ("en", "The vote was held on 4 May 2010. A week earlier polls had closed.", "A week earlier", "2010-W17"),
]

NEGATIVE = [  # durations, sets, ages, quantities, names: no expression at all
    ("de", "Der Streik dauerte drei Jahre lang."),
    ("de", "Die Sprechstunde ist jeden Montag."),
    ("de", "Der Dirigent ist 75 Jahre alt."),
    ("de", "Bei dem Unglück starben 1969 Menschen."),
    ("de", "Die Preise stiegen um 5 Prozent."),
    ("de", "Er lebt seit zehn Jahren in Graz."),
    ("de", "Der 11. September veränderte die Welt."),
    ("de", "Das Spiel endete 3:1 für die Gäste."),
    ("de", "Der Berg ist 1881 m hoch."),
    ("de", "Er las einen Artikel in der „Welt am Sonntag“."),
    ("en", "About 1500 people attended the rally."),
    ("en", "The strike lasted three years."),
    ("en", "The office opens every Monday."),
    ("en", "She may decide to leave."),
    ("en", "The fund grew by 2000 percent."),
]


@pytest.mark.parametrize("lang,text,expr,value", ABSOLUTE + RELATIVE + TENSE + ANAPHORIC)
def test_expression_and_value(lang, text, expr, value):
    assert (expr, value) in values(lang, text)


@pytest.mark.parametrize("lang,text", NEGATIVE)
def test_negatives(lang, text):
    assert values(lang, text) == []


def test_offsets_and_sentence_index():
    text = "Der Rat tagte gestern. Am 5. März 2020 wird gewählt."
    found = tag("de", text)
    assert [(t.start, t.end, t.sentence) for t in found] == [(14, 21, 0), (23, 38, 1)]
    for t in found:
        assert text[t.start:t.end] == t.text


@pytest.mark.parametrize("lang,text,expr", [
    ("de", "Die Polizei nahm ihn gestern fest.", "gestern"),
    ("de", "Der Minister sagte am Dienstag, er sei zufrieden.", "am Dienstag"),
    ("de", "Der Vorstand hat im Juni einen Plan vorgelegt.", "im Juni"),
    ("en", "The bridge collapsed two weeks ago.", "two weeks ago"),
])
def test_without_publication_date_relative_values_stay_null(lang, text, expr):
    assert (expr, None) in values(lang, text, pub=None)


def test_absolute_dates_resolve_without_publication_date():
    assert values("de", "Am 5. August 1930 kam er zur Welt.", pub=None) == [("Am 5. August 1930", "1930-08-05")]


def test_narrative_mode_anchors_to_the_story():
    nlp = _nlp("de", narrative=True)
    found = tag("de", "Im Mai 1940 griff die Armee an. Am 14. Juni fiel die Stadt. Zwei Tage später "
                      "wurde verhandelt.", pub=None, nlp=nlp)
    assert [t.value for t in found] == ["1940-05", "1940-06-14", "1940-06-16"]


def test_month_stays_a_month_never_a_made_up_day():
    assert values("de", "Im März 2008 wurde gebaut.") == [("Im März 2008", "2008-03")]
    assert values("en", "Work began in late May 2005.")[0][1] == "2005-05"


def test_calendar_helpers():
    assert easter(2019) == dt.date(2019, 4, 21)
    assert pick_weekday(PUB, 1, -1) == dt.date(2019, 1, 1)
    assert pick_weekday(PUB, 3, 1, strict=True) == dt.date(2019, 1, 10)
    assert pick_year(PUB, 12, 24, -1) == dt.date(2018, 12, 24)
    assert pick_year(PUB, 12, 24, 1) == dt.date(2019, 12, 24)
    assert When(dt.date(2018, 12, 31), "week").iso() == "2019-W01"


# ----------------------------------------------------------------- the literal prefilter
def test_prefilter_requirements_are_sound_and_selective():
    import re

    from briefgen.pipeline.timex_prefilter import requirement

    req = lambda p: requirement(re.compile(p))  # noqa: E731
    assert req(r"(?<![\w.])(?:[Ii]m\s+)?(?:März|Mai)\s+\d{4}") == {"März", "Mai"}
    assert req(r"(?P<h>\d{1,2})\s+Uhr") == {"Uhr"}
    assert req(r"[Nn]acht") == {"Nacht", "nacht"}
    assert req(r"(?:am)?\d+") is None  # an optional part requires nothing
    assert req(r"(?:Jahr|\d+)") is None  # nor does an alternation with a branch that has no literal
    assert req(r"(?=Uhr)\d+") is None  # nor a lookahead
    assert req(r"(?i:uhr)\d") is None  # nor a case-insensitive group
    assert req(r"x(?:ab){2,3}") in ({"x"}, {"ab"})
    assert requirement(re.compile("Uhr", re.IGNORECASE)) is None
    # every match of every rule contains one of its rule's strings (our own sentences)
    from briefgen.pipeline.timex_rules import ruleset

    texts = {"de": "Am 3. März 2021 um 14 Uhr, in der Nacht zum Sonntag und im Frühjahr 2019 sowie "
                   "gestern Abend, zwei Wochen später, Anfang 2020 und am Heiligabend.",
             "en": "On March 3, 2021 at 2 p.m., last Sunday night, in spring 2019, two weeks later, "
                   "early 2020 and on Christmas Eve, yesterday morning."}
    for lang, text in texts.items():
        rs = ruleset(lang)
        hits = 0
        for (_, _, rx), need in zip(rs.rules, rs.needs):
            for m in rx.finditer(text):
                hits += 1
                assert need is None or any(s in m.group(0) for s in need), rx.pattern
        assert hits >= 8


def test_prefilter_changes_no_candidate():
    from briefgen.pipeline.timex_rules import ruleset

    rs = ruleset("de")
    text = "Am Montag, dem 4. Mai 2020, gegen 9 Uhr und in der Nacht von Freitag auf Samstag."
    kept = rs.find(text)
    needs, rs.needs = rs.needs, [None] * len(rs.needs)
    try:
        assert [(c.start, c.end, c.rule) for c in rs.find(text)] == [(c.start, c.end, c.rule) for c in kept]
    finally:
        rs.needs = needs
    assert kept
