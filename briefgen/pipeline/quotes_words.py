"""Closed-class words the quote rules need (articles, pronouns, prepositions, adverbs)."""
from __future__ import annotations

DE = {
    "det": set("""der die das des dem den ein eine einer eines einem einen sein seine seiner seines
        seinem seinen ihr ihre ihrer ihres ihrem ihren dieser diese dieses diesem diesen jener jene
        jenes mehrere einige viele zahlreiche alle beide andere weitere kein keine unser unsere
        zwei drei vier fünf""".split()),
    "subj_det": set("der die das ein eine sein seine ihr ihre dieser diese dieses mehrere einige viele "
                    "zahlreiche alle beide andere weitere kein keine unser unsere".split()),
    "pron": {"er": "m", "sie": "f", "es": "n", "man": None, "wir": None, "ich": None},
    "prep": set("""am im in an auf bei beim nach vor seit mit von vom zum zur zu für gegen über unter
        durch während wegen trotz aus um ab bis neben hinter zwischen innerhalb außerhalb gegenüber
        angesichts laut""".split()),
    "gen_link": set("der des von vom aus bei beim".split()),
    "sub": set("als nachdem weil obwohl wenn da während bevor seit seitdem sobald falls damit indem ehe "
               "dass daß ob".split()),
    "conj": set("und aber doch denn sondern oder also jedoch".split()),
    "adv": set("""zudem außerdem gestern heute morgen dazu jetzt nun dann später damals bereits auch
        ferner weiter weiterhin zugleich gleichzeitig allerdings jedoch trotzdem deshalb daher darin
        darauf dabei hierzu demnach anschließend kürzlich bisher inzwischen schließlich erst so
        sodann insgesamt offiziell wörtlich ebenfalls zuvor vorher noch immer wieder erneut nochmals
        abschließend gegenüber dort hier vorerst zunächst daraufhin darüber deswegen dennoch
        sinngemäß ausdrücklich öffentlich mittlerweile unterdessen indes ebenso insbesondere besonders
        sogar lediglich jüngst neulich seinerzeit tatsächlich offenbar angeblich""".split()),
    "clause_intro": set("dass daß ob wie warum weshalb weswegen wann wo wer was welche welcher welches "
                        "womit wofür wodurch inwiefern".split()),
    "that": {"dass", "daß"},
    "rel": set("der die das dem den denen dessen deren welcher welche welches".split()),
    "role_head": set("""sprecher sprecherin sprecherinnen anwalt anwältin anwälte mitarbeiter mitarbeiterin
        vertreter vertreterin sprachrohr chef chefin leiter leiterin""".split()),
    "title_nouns": set("""film filme filmes buch buches roman romans lied liedes song songs album albums
        titel motto operation mission schiff schiffes zeitung zeitschrift magazin sendung serie
        programm projekt kampagne aktion slogan stück theaterstück oper werk werkes gedicht
        bericht berichts studie initiative ausstellung festival preis spiel spiels
        website webseite internetseite seite blog artikel kolumne überschrift schlagzeile
        sogenannte sogenannten sogenannter so-genannte genannt genannte namens""".split()),
}

EN = {
    "det": set("the a an his her their its this that these those some many several two three".split()),
    "subj_det": set("the a an his her their its this these those some many several".split()),
    "pron": {"he": "m", "she": "f", "they": None, "it": "n", "we": None, "i": None},
    "prep": set("""in on at by for from with of to during after before since about under over into
        through against among between within without""".split()),
    "gen_link": set("of for at from".split()),
    "sub": set("as after because although if when while before since once unless".split()),
    "conj": set("and but or so yet".split()),
    "adv": set("""also later then previously earlier again further reportedly recently yesterday today
        once already still now however meanwhile additionally moreover""".split()),
    "aux": set("""has have had will would did does do was were is are been be can could may might shall
        should must not never also""".split()),
    "that": {"that"},
    "clause_intro": set("that whether if why how when where who what which".split()),
    "rel": set("who which that whom whose".split()),
    "role_head": set("spokesman spokeswoman spokesperson lawyer attorney aide representative "
                     "official officials".split()),
    "title_nouns": set("""film movie book novel song album titled entitled called dubbed named
        operation mission ship vessel newspaper magazine show series programme program project
        campaign slogan play opera poem report study headline so-called website site page blog
        article column essay editorial""".split()),
}

WORDS = {"de": DE, "en": EN}
