"""briefgen_questions: open questions (cue families, question transformations) and stances."""
from __future__ import annotations

import pytest

from briefgen.model import STANCES, Question
from briefgen.pipeline import extensions, questions as questions_module  # noqa: F401  (factories)
from briefgen.pipeline import sentences  # noqa: F401
from briefgen.pipeline.questions import compile_cue
from briefgen.pipeline.questions_generate import Word, finish


@pytest.fixture(scope="module")
def nlp_de(blank_pipeline):
    return blank_pipeline("de", "briefgen_questions", config={"briefgen_questions": {"max_questions": 5}})


@pytest.fixture(scope="module")
def nlp_en(blank_pipeline):
    return blank_pipeline("en", "briefgen_questions", config={"briefgen_questions": {"max_questions": 5}})


def asked(nlp, text: str) -> list[str]:
    return [q.question for q in nlp(text)._.questions]


# ----------------------------------------------------------------- German, per cue family
@pytest.mark.parametrize("text, question", [
    # explicit uncertainty + ob-clause with a separable verb: "zurücktritt" -> "Tritt … zurück?"
    ("Ob der Minister zurücktritt, ist noch unklar.", "Tritt der Minister zurück?"),
    # pending investigation governing an ob-clause: the finite verb moves to the front
    ("Die Partei will bis Freitag prüfen, ob sie den Vertrag unterzeichnen wird.", "Wird sie den Vertrag unterzeichnen?"),
    # condition
    ("Der Bau hängt davon ab, ob der Stadtrat die Mittel bewilligt.", "Bewilligt der Stadtrat die Mittel?"),
    ("Alles hängt davon ab, ob beide Seiten einen Kompromiss finden könnten.", "Könnten beide Seiten einen Kompromiss finden?"),
    # w-clauses become w-questions, the w-phrase keeps its preposition and noun
    ("Wann die Brücke wieder geöffnet wird, ist nicht bekannt.", "Wann wird die Brücke wieder geöffnet?"),
    ("Die Behörden konnten noch nicht sagen, in welchem Stadtteil das Feuer ausgebrochen war.",
     "In welchem Stadtteil war das Feuer ausgebrochen?"),
    ("Es ist unklar, wie viele der Wohnungen bewohnt waren.", "Wie viele der Wohnungen waren bewohnt?"),
    # pending decision: the planning "will" becomes "wird", the adverbial goes behind the subject
    ("Das Gericht will im Mai über die Klage entscheiden.", "Wird das Gericht im Mai über die Klage entscheiden?"),
    ("Am Freitag will der Vorstand über den Vorschlag entscheiden.",
     "Wird der Vorstand am Freitag über den Vorschlag entscheiden?"),
    # doubt: the disputed dass-clause is asked about
    ("Kritiker bezweifeln, dass das neue Gesetz die Mieten senken wird.", "Wird das neue Gesetz die Mieten senken?"),
    # hedge: "soll … gestanden haben" -> "Hat … gestanden?", "soll … verlegt werden" -> "Wird … verlegt?"
    ("Der Verdächtige soll die Tat bereits gestanden haben.", "Hat der Verdächtige die Tat bereits gestanden?"),
    ("Die Patientin soll noch in dieser Woche in ein anderes Krankenhaus verlegt werden.",
     "Wird die Patientin noch in dieser Woche in ein anderes Krankenhaus verlegt?"),
    # reported speech subjunctive becomes indicative
    ("Eine Einigung sei nach Angaben der Vermittler eventuell schon morgen möglich.",
     "Ist eine Einigung nach Angaben der Vermittler schon morgen möglich?"),
    # assumptions ("von etwas ausgehen") and suspicions are unconfirmed: ask about what is assumed
    ("Die Feuerwehr geht allerdings davon aus, dass das Dach bis Montag repariert werden kann.",
     "Kann das Dach bis Montag repariert werden?"),
    ("Experten gehen von einem weiteren Anstieg der Preise aus.", "Gehen Experten von einem weiteren Anstieg der Preise aus?"),
    # a fronted condition goes behind the question, another fronted clause is left out
    ("Falls die Gemeinde zustimmt, wäre es das erste Projekt dieser Art.",
     "Wäre es das erste Projekt dieser Art, falls die Gemeinde zustimmt?"),
    ("Während der Minister schwieg, stellt sich die Partei vermutlich hinter den Vorschlag.",
     "Stellt sich die Partei hinter den Vorschlag?"),
    # expletive "es" goes, a fronted participle returns to the end, the reflexive stays with its subject
    ("Es sollen zwei neue Hallen gebaut werden.", "Werden zwei neue Hallen gebaut?"),
    ("Es soll die Kosten senken.", "Wird es die Kosten senken?"),
    ("Befürchtet wird laut Experten eine weitere Verzögerung.", "Wird laut Experten eine weitere Verzögerung befürchtet?"),
    ("Am Montag soll er sich im Keller versteckt haben.", "Hat er sich am Montag im Keller versteckt?"),
    # "soll … werden" as "become", and an expletive "es" after the verb
    ("Die Fahrt soll im nächsten Jahr deutlich teurer werden.", "Wird die Fahrt im nächsten Jahr deutlich teurer?"),
    ("Im Sommer sollen es bis zu 40 Grad werden.", "Werden im Sommer bis zu 40 Grad?"),
    # an infinitive clause inside the main clause does not end it
    ("Die Firmen könnten sich wegen der Unfähigkeit, ihre Filme zu schützen, in einer schwierigen Lage wiederfinden.",
     "Könnten die Firmen sich wegen der Unfähigkeit, ihre Filme zu schützen, in einer schwierigen Lage wiederfinden?"),
    # an inserted source ", so betont X," / ", wie X mitteilte," is no part of the question
    ("Vermutlich, so betonte die Feuerwehr, ist die Ursache ein defektes Kabel gewesen.",
     "Ist die Ursache ein defektes Kabel gewesen?"),
    ("Der Streik werde, wie ein Sprecher der Gewerkschaft mitteilte, voraussichtlich bis Freitag dauern.",
     "Wird der Streik voraussichtlich bis Freitag dauern?"),
    # an object or dative in the prefield goes behind the subject; with no clear subject it stays
    ("Den Zusammenhang mit dem Unfall konnte die Polizei zunächst nicht bestätigen.",
     "Konnte die Polizei den Zusammenhang mit dem Unfall zunächst nicht bestätigen?"),
    ("Dem Antrag müssen die Aktionäre noch zustimmen.", "Müssen die Aktionäre dem Antrag noch zustimmen?"),
    ("Dem jungen Mann wird ein Verstoß gegen das Waffengesetz vorgeworfen.",
     "Wird dem jungen Mann ein Verstoß gegen das Waffengesetz vorgeworfen?"),
])
def test_german_cue_families_and_transformations(nlp_de, text, question):
    assert asked(nlp_de, text) == [question]


# ----------------------------------------------------------------- English
@pytest.mark.parametrize("text, question", [
    ("It remains unclear whether the company will appeal the ruling.", "Will the company appeal the ruling?"),
    ("The council is expected to vote on the budget next week.", "Will the council vote on the budget next week?"),
    ("Critics say the new rules could raise prices for families.", "Could the new rules raise prices for families?"),
    ("If the talks fail, the strike could last for weeks.", "Could the strike last for weeks if the talks fail?"),
    ("The mayor has promised to reopen the library before the end of the year.",
     "Will the mayor reopen the library before the end of the year?"),
    ("Officials have not said when the road will be reopened, and it is unclear how much the repairs will cost.",
     None),  # checked below: some question is built, never the sentence itself
])
def test_english_questions(nlp_en, text, question):
    got = asked(nlp_en, text)
    if question is None:
        assert got and all(q.endswith("?") and q.rstrip("?") != text.rstrip(".") for q in got)
    else:
        assert got == [question]


@pytest.mark.parametrize("text, question", [
    # no auxiliary: do-support with the verb's base form (irregular ones too)
    ("The former employee claimed that the firm destroyed the records.", "Did the firm destroy the records?"),
    ("Critics say the new rules harm small shops.", "Do the new rules harm small shops?"),
    ("Critics fear the mayor knew about the leak.", "Did the mayor know about the leak?"),
    ("The union claims that the plan saves money.", "Does the plan save money?"),
    # a plural noun before the verb is no verb
    ("Critics say the repeated delays raise doubts about the project.",
     "Do the repeated delays raise doubts about the project?"),
    # coordinated verbs, a leading time adverb, contractions, w-clauses after a speech verb
    ("Critics fear the guards arrested and questioned the wrong man.", "Did the guards arrest and question the wrong man?"),
    ("Yesterday the mayor possibly received a warning about the dam.",
     "Did the mayor possibly receive a warning about the dam yesterday?"),
    ("It's possible that the ferry will resume service in May, he added.", None),
    ("The police declined to say why the road was possibly closed.", "Why was the road possibly closed?"),
    # a clause opened by a subordinator or preposition has no subject to invert with
    ("In the end, the council could reject the plan.", "Could the council reject the plan in the end?"),
    ("The station is due to reopen in March.", "Will the station reopen in March?"),
    ("Sales rose sharply, while analysts expected a possible decline.", None),
    # a noun "plans" after a verb is no promise
    ("The banks have received loans, but regulators required them to draw up plans to cut risks, possibly by May.", None),
    # the clause holding the cue is asked about, an inserted source dropped
    ("The bridge reopened on Monday, but, officials said, the tunnel is expected to stay closed until May.",
     "Will the tunnel stay closed until May?"),
])
def test_english_do_support_and_cue_clause(nlp_en, text, question):
    got = asked(nlp_en, text)
    if question is None:  # no do-support on a subordinator, no "Will … plans to" on a noun
        assert not any(q.startswith(("Did while", "Do while", "Will regulators required", "Will the banks"))
                       for q in got)
    else:
        assert got == [question]


def test_quoted_question_is_no_evidence(nlp_de, nlp_en):
    assert asked(nlp_de, 'Der Sprecher fragte: „Was spricht dagegen, die Prüfung bald abzuschließen?“') == []
    assert asked(nlp_en, 'The mayor asked: "Could the council possibly reject the plan?"') == []


def test_english_sentence_initial_word_case(nlp_en):
    # a common noun loses its sentence capital; a name seen capitalised inside a sentence keeps it
    assert asked(nlp_en, "Engineers are expected to inspect the dam next week.") == [
        "Will engineers inspect the dam next week?"]
    assert asked(nlp_en, "Apple is expected to cut prices. Analysts said Apple would.") == [
        "Will Apple cut prices?"]
    assert asked(nlp_en, "The plant is also expected to close in May.") == ["Will the plant close in May?"]


def test_english_claim_with_no_verb_found_is_asked_as_is_it_true(nlp_en):
    got = asked(nlp_en, "Critics claimed that the firm, in breach of the rules, possibly illegal.")
    assert all(q.startswith("Is it true that") for q in got)


# ----------------------------------------------------------------- what must not become a question
@pytest.mark.parametrize("text", [
    "Der Bürgermeister eröffnete am Montag die neue Schule.",
    # an authority is no investigation; an action under "ohne … zu" did not happen
    "Die Ermittlungsbehörden verfolgen seit Jahren das Ziel, Banden zu zerschlagen.",
    "Die Zeitung druckte den Bericht, ohne die Angaben zu prüfen.",
    # certainty outweighs a weak cue
    "Inzwischen gilt als sicher, dass das Feuer durch einen defekten Herd entstanden war.",
    # a cue beyond the sentence end does not count for it ("soll. Die …" is no "soll … werden")
    "Die Stadt baut eine Brücke, die zwei Ufer verbinden soll. Die Kosten werden geteilt.",
    "Die Brücke wurde im Jahr 1990 gebaut und ist seither für den Verkehr freigegeben.",
    "Wie geht es weiter?",  # already a question: not evidence for one
    "Die Mannschaft gewann das Spiel mit drei zu eins.",
])
def test_german_settled_facts_yield_no_question(nlp_de, text):
    assert asked(nlp_de, text) == []


@pytest.mark.parametrize("text", [
    "The museum opened a new wing on Monday.",
    "The team won the final by three goals to one.",
    "Open questions",  # a heading
    # "due to" as a cause, a scheduled time that passed, a critic as a role are no open matters
    "The game was cancelled due to heavy rain in the afternoon.",
    "The ferry left an hour after its scheduled departure, carrying 90 passengers.",
    "The senator has long been the most vocal critic of the deal.",
])
def test_english_settled_facts_yield_no_question(nlp_en, text):
    assert asked(nlp_en, text) == []


# ----------------------------------------------------------------- the contract
def test_questions_follow_the_contract(nlp_de):
    text = ("Der Stadtrat tagte am Montag. Ob der Haushalt beschlossen wird, ist noch offen. "
            "Die Entscheidung soll im März fallen. Der Kämmerer sagte, das Defizit sei hoch. "
            "Ob der Haushalt beschlossen wird, ist noch offen.")
    doc = nlp_de(text)
    sents = list(doc.sents)
    qs = doc._.questions
    assert qs and len(qs) <= 5
    assert all(isinstance(q, Question) for q in qs)
    for q in qs:
        assert q.evidence == sents[q.sentence].text.strip()
        assert q.question.endswith("?") and q.question.rstrip("?") != q.evidence.rstrip(".")
    assert len({q.question for q in qs}) == len(qs)  # de-duplicated
    assert len({q.evidence for q in qs}) == len(qs)
    assert qs[0].question == "Wird der Haushalt beschlossen?"  # the strongest cue ranks first


def test_cap_on_questions(blank_pipeline):
    nlp = blank_pipeline("de", "briefgen_questions", config={"briefgen_questions": {"max_questions": 2}})
    text = " ".join(f"Ob die Gemeinde {n} die Straße saniert, ist unklar." for n in range(2, 8))
    assert len(nlp(text)._.questions) == 2


# ----------------------------------------------------------------- stances
def test_german_stances(nlp_de):
    doc = nlp_de("Der Täter soll geflohen sein. Der Minister sagte, die Lage sei ernst. "
                 "Laut Polizei gab es zwei Verletzte. Die Brücke wurde 1990 gebaut.")
    assert doc._.stances == ["hedged", "attributed", "attributed", "asserted"]


def test_english_stances(nlp_en):
    doc = nlp_en('The suspect reportedly fled the country. "We will win," she said. '
                 "According to the police, two people were injured. The bridge opened in 1990.")
    assert doc._.stances == ["hedged", "attributed", "attributed", "asserted"]
    assert set(doc._.stances) <= set(STANCES)


def test_stances_one_per_sentence(nlp_en):
    doc = nlp_en("One. Two sentences here. And a third one may follow.")
    assert len(doc._.stances) == len(list(doc.sents))


# ----------------------------------------------------------------- pieces
def test_cue_patterns():
    assert compile_cue("hängt ... ab").search("Das hängt nach Ansicht vieler davon ab")
    assert not compile_cue("hängt ... ab").search("Das hängt an der Wand")
    assert compile_cue("Ermittlung*").search("die Ermittlungen dauern an")
    assert compile_cue("=may").search("it may rain") and not compile_cue("=may").search("in May")
    assert not compile_cue("ob").search("Oberbürgermeister")


def test_finish_closes_what_the_cut_left_open():
    ws = [Word(t, " ", n) for n, t in enumerate("Lebt die Art wie die Anakonda ( Eunectes".split())]
    assert finish(ws) == "Lebt die Art wie die Anakonda?"
    ws = [Word(t, " ", n) for n, t in enumerate("Beginnt der Verkauf im Jahr 2011.".split())]
    assert finish(ws) == "Beginnt der Verkauf im Jahr 2011?"


def test_finish_never_glues_a_mark_on_a_fragment():
    assert finish([Word("ist", " ", -1), Word(",", " ", 3)]) is None
    assert finish([Word("Ist", " ", 0), Word("es", " ", 1), Word("wahr", "", 2), Word(".", "", 3)]) == "Ist es wahr?"


# ----------------------------------------------------------------- cheap German tags
def test_sentence_tagger_matches_hanta_and_finds_separable_prefixes():
    from briefgen.pipeline.questions_tags import TAG_FIX, _base_model, sentence_tagger

    words = "Unklar ist , ob die Ministerin morgen zurücktritt oder im Amt bleibt .".split()
    full = _base_model().tag_sent(words, taglevel=3)
    got = sentence_tagger().tag(words)
    assert [t for t, _ in got] == [TAG_FIX.get(t[3], t[3]) for t in full]
    assert dict(zip(words, got))["zurücktritt"] == ("VV(FIN)", "zurück")
    assert dict(zip(words, got))["bleibt"][1] == ""
    # a second call reuses the memo and gives the same answer
    assert sentence_tagger().tag(words) == got


def test_sentence_tagger_takes_known_tags_of_capitalised_words():
    from briefgen.pipeline.questions_tags import sentence_tagger

    words = "Gestern besuchte Müller den Markt .".split()
    assert [t for t, _ in sentence_tagger().tag(words)][4] == "NN"
    known = ["", "", "NE", "", "NE", ""]  # what briefgen_tagger set is taken as given
    tags = [t for t, _ in sentence_tagger().tag(words, known)]
    assert tags[2] == "NE" and tags[4] == "NE" and tags[1].endswith("(FIN)")
    # the sentence-initial word is not forced (its capital says nothing), nor does forcing leak
    assert [t for t, _ in sentence_tagger().tag(words)][4] == "NN"


def test_viterbi_is_hantas_step_for_step():
    """questions_tags.viterbi visits only a word's own tags; it must pick HanTa's tags exactly,
    on known words, unknown ones, numbers, marks and words with a forced tag."""
    from briefgen.pipeline.questions_tags import _base_model, sentence_tagger, viterbi

    tagger = sentence_tagger()
    sentences = [
        "Ob die Stadtwerke den Tarif nach der Prüfung noch einmal anheben , blieb am Mittwoch offen .",
        "„ Wir haben das nicht gewollt “ , sagte die 43-jährige Sprecherin am 12.03.2021 um 11:30 Uhr .",
        "Unklar ist , wie viele der 2.400 Beschäftigten im Werk bleiben dürfen .",
        "Dass die Gemeinde den Radweg bezuschusst , gilt als unwahrscheinlich .",
        "Die Fahrradmechanikerinnenvereinigung verschraubelt klöbige Wurzelpfannen .",  # made-up words
        "x",
    ]
    model = _base_model()
    for sent in sentences:
        words = sent.split()
        assert viterbi(tagger._tagger, list(words), tagger._ranks) == model.tag_sent_viterbi(list(words), True)
    # with a forced tag (what briefgen_tagger set on a capitalised word) the memo tagger agrees too
    words = "Gestern besuchte Müller den Markt .".split()
    tagger._forced["Müller"] = model.tag2int["NE"]
    try:
        assert viterbi(tagger._tagger, list(words), tagger._ranks) == tagger._tagger.tag_sent_viterbi(list(words), True)
    finally:
        tagger._forced.clear()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_fast_cue_regexes_find_the_same_spans(lang):
    """compile_fast: the first-word search on the lower-cased text gives compile_cue's matches."""
    from briefgen.pipeline.questions import _finditer, load_lexicon, lower_safe

    lex = load_lexicon(lang)
    cues = [c for _, cs in lex["families"] for c in cs] + [(c[0], 0.0, c[1], c[2]) for v in lex["stance"].values() for c in v]
    texts = [
        "Ob der Rat zustimmt, ist UNKLAR. Es wird geprüft, ob und wann die Sanierung beginnt. OB es klappt?",
        "Die Ermittlungen dauern an; ERMITTLUNGEN wurden eingeleitet. Das hängt nach Ansicht vieler davon ab.",
        "It may rain in May. Officials said it was unclear whether the plan would pass. „Noch offen“, hieß es.",
        "Straße, STRAẞE, Kelvin \u212a, café, İstanbul, ſoll, ırgendwie: unklar bleibt, ob es wırd.",  # exotic letters
        "Xunklar unklarx unklar_ _unklar wirdwird wird.wird 'll we'll",
    ]
    for text in texts:
        lower = text.lower()
        safe = lower_safe(text, lower, lex["chars"])
        for cue in cues:
            assert [m.span() for m in _finditer(cue, text, lower, safe)] == [m.span() for m in cue[0].finditer(text)], cue[0].pattern
    assert not lower_safe(texts[3], texts[3].lower(), lex["chars"])  # 'İ' changes length, 'ı' and 'ſ' fold specially
    assert lower_safe(texts[0], texts[0].lower(), lex["chars"])


def test_separable_prefix_shortcut_agrees_with_the_full_analysis():
    """Words no particle of HanTa's lexicon opens skip the morphological analysis; the answer is the same."""
    from briefgen.pipeline.questions_tags import sentence_tagger

    tagger = sentence_tagger()
    fin = [i for t, i in tagger._tag2int.items() if t.endswith("(FIN)")]
    for word in ["zurücktritt", "kündigte", "stellt", "vorstellt", "legt", "festlegt", "bleibt", "annahm",
                 "nimmt", "überzeugt", "umfährt", "wiederholt", "fährt", "abfährt", "Gestern", "ist"]:
        for tag in fin:
            morphs = tagger._tagger._analyze(word, tag, taglevel=3)[1]
            full = morphs[0][0] if morphs and morphs[0][1] == "PTKVZ_SEP" and len(morphs) > 1 else ""
            assert tagger._separable(word, tag) == full, (word, tag)
    assert tagger._separable("stellt", fin[0]) == "" and not "stellt".startswith(tagger._sep_prefixes)
