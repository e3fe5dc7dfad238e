"""The analysis of one capitalised German word: HanTa's tag and lemma, with shortcuts that give
HanTa's own answer faster (see `tagger` for why and where it runs).

Hyphenated words are analysed by their last part, the head of a German compound
("US-Präsident" is a noun like "Präsident"); a part in lower case ("Jong-un") marks a name.

Unknown long compounds are HanTa's slowest words (its analysis is quadratic in the word's
length): a word HanTa's lexicon does not hold, whose end is a common noun HanTa knows
("Schlagstock|einsatz") and whose first part splits into morphemes of HanTa's own lexicon, is a
common noun with that head's lemma, without running the full analysis (`compound_head`). Heads
that often end place and family names ("-berg", "-heim", "-mann") and adjective endings are
left to HanTa.

`analyze_word` is a pure function of the word (and HanTa's model): the precomputed lexicon
(`data/tagger_lexicon_de.tsv`, built by scripts/build_tagger_lexicon.py) holds its results for
frequent words and records a digest of this file; editing this file makes the lexicon stale, and
the tagger then ignores it (with a warning) until it is rebuilt.
"""
from __future__ import annotations

from functools import lru_cache

from . import hanta

HANTA_MODEL = hanta.GERMAN
# derivational endings that only common nouns have: a word ending so is NN without asking HanTa
# (long compounds are HanTa's slowest words); plural ending -> singular ending for the lemma
NOUN_ENDINGS = {"ungen": "ung", "ung": "ung", "heiten": "heit", "heit": "heit", "keiten": "keit",
                "keit": "keit", "schaften": "schaft", "schaft": "schaft", "tionen": "tion", "tion": "tion",
                "itäten": "ität", "ität": "ität", "ismus": "ismus", "ismen": "ismus", "nisse": "nis",
                "nissen": "nis", "nis": "nis"}
NOUN_ENDING_ORDER = sorted(NOUN_ENDINGS, key=len, reverse=True)
NOUN_ENDING_MIN = 9  # shorter words ending so may be names ("Jung", "Wenning")
COMPOUND_MIN = 8  # shorter unknown words are cheap for HanTa and mostly names
HEAD_MIN = 4  # the known head noun of a compound shortcut
# heads that end place and family names as often as common nouns: leave those words to HanTa
NAME_HEADS = ("heim", "berg", "burg", "dorf", "stadt", "feld", "furt", "bach", "hausen", "land", "mann",
              "stein", "hagen", "ingen", "rode", "leben", "kirchen", "werder", "hof", "tal", "thal", "see",
              "wald", "haven", "hafen", "brück", "brücken", "au", "weiler", "ow", "itz", "roth", "rath",
              "bauer", "meier", "mayer", "maier", "müller", "schmidt", "schneider", "huber", "hofer",
              "berger", "mann", "hausen", "ski", "witz")
# adjective and participle endings: "Jemenitische", "Vorsitzenden" are no compound nouns
ADJ_ENDINGS = tuple(stem + end for stem in ("sch", "lich", "ig", "end", "ier", "bar", "los")
                    for end in ("e", "en", "er", "es", "em", ""))
# HanTa lexicon classes whose morphemes may open a German compound ("Straf|gericht", "Erd|öl")
PART_TAGS = ("NN", "NN_VAR", "ADJ", "VV", "VVnp", "VV_VAR", "APPR", "PTKVZ_SEP", "CARD", "NE", "ADV")



@lru_cache(maxsize=4)
def compound_tables(model: str):
    """From HanTa's own model: the morphemes that may open a compound, the linking elements
    ("s", "en"), and the known words whose likeliest capitalised tag is NN."""
    tagger = hanta.model(model)
    ints = {tagger.tag2int[t] for t in PART_TAGS if t in tagger.tag2int}
    parts = set()
    for t, morphemes in tagger.LP_m_t.items():
        if t in ints:
            parts.update(m for m in morphemes if len(m) >= 3 and m.isalpha())
    fuge = tagger.tag2int.get("FUGE")
    links = tuple(sorted((m for m in tagger.LP_m_t.get(fuge, {}) if m.isalpha()), key=len, reverse=True))
    nn = tagger.tag2int["NN"]
    case = tagger.LP_case_t
    nouns = set()
    for word, p_tags in tagger.cache.items():
        if len(word) >= HEAD_MIN and word.isalpha() and p_tags:
            best = max(p_tags, key=lambda tp: tp[1] + (case[tp[0]][True] if tp[0] in case else 0))
            if best[0] == nn:
                nouns.add(word)
    return frozenset(parts), links, frozenset(nouns), frozenset(tagger.cache)


@lru_cache(maxsize=4)
def lemma_tables(model: str):
    tagger = hanta.model(model)
    t2i = tagger.tag2int
    stems = {"NN": tagger.LP_m_t.get(t2i["NN"], {}), "NE": tagger.LP_m_t.get(t2i["NE"], {})}
    suffixes = tuple(sorted((m for m in tagger.LP_m_t.get(t2i["SUF_NN"], {}) if m.isalpha()),
                            key=len, reverse=True))
    return stems, suffixes


def known_word(model: str, word: str) -> tuple[str, str] | None:
    """(lemma, tag) of a word HanTa's lexicon holds, when it is one noun morpheme plus at most
    one ending ("Konzerns" = konzern + s): HanTa's own tag (a look-up) and the lemma its analysis
    gives such words, without the morpheme search. Umlauts and ss/ß are left to HanTa (plural
    umlaut, old spelling)."""
    if len(word) < 4 or not word.isalpha() or any(c in "äöüÄÖÜß" for c in word) or "ss" in word:
        return None
    tagger = hanta.model(model)
    low = word.lower()
    if low not in tagger.cache:
        return None
    tag = tagger.int2tag[tagger._tag_word(word, cutoff=0)[0][0]]
    stems, suffixes = lemma_tables(model)
    morphemes = stems.get(tag)
    if morphemes is None:
        return None
    cands = [low] if low in morphemes else []
    for suf in suffixes:
        if low.endswith(suf) and low[: -len(suf)] in morphemes:
            cands.append(low[: -len(suf)])
    if len(cands) != 1 or len(cands[0]) < 3:
        return None
    return tagger.makelemma([cands[0]], tag), tag


def _splits(low: str, parts: frozenset, links: tuple, depth: int = 0) -> bool:
    """`low` is one to three lexicon morphemes, each maybe followed by a linking element
    ("bund|es|verfassung|s")."""
    if low in parts:
        return True
    for link in links:
        if low.endswith(link) and low[: -len(link)] in parts:
            return True
    if depth >= 2:
        return False
    for i in range(3, len(low) - 2):
        first = low[:i]
        if first in parts:
            if _splits(low[i:], parts, links, depth + 1):
                return True
            for link in links:
                if low.startswith(link, i) and len(low) - i - len(link) >= 3 \
                        and _splits(low[i + len(link):], parts, links, depth + 1):
                    return True
    return False


def compound_head(model: str, word: str, analyze) -> tuple[str, str] | None:
    """(lemma, tag) of an unknown compound from its known head noun, or None (ask HanTa)."""
    low = word.lower()
    if len(word) < COMPOUND_MIN or not word.isalpha() or low.endswith(ADJ_ENDINGS):
        return None
    parts, links, nouns, known = compound_tables(model)
    if low in known:
        return None  # HanTa knows the word itself: cheap and exact
    stems, suffixes = lemma_tables(model)
    noun_stems = stems["NN"]
    for i in range(3, len(low) - HEAD_MIN + 1):
        head = low[i:]
        if head in nouns:
            if head.endswith(NAME_HEADS) or not _splits(low[:i], parts, links):
                return None
            lemma, tag = analyze(head.capitalize())
            if not tag.startswith("NN"):
                return None
            return word[:i] + lemma.lower(), tag
        stem = head if head in noun_stems else next(
            (head[: -len(s)] for s in suffixes if head.endswith(s) and head[: -len(s)] in noun_stems), None)
        if stem is not None and len(stem) >= HEAD_MIN:
            # a head noun with an ending ("gericht|es", "hubschrauber|s") whose form is no word
            # in HanTa's lexicon: the lemma is first part + stem, as HanTa builds it
            if stem.endswith(NAME_HEADS) or not _splits(low[:i], parts, links):
                return None
            lemma = hanta.model(model).makelemma([low[:i], stem], "NN")
            return word[:i] + lemma[i:], "NN"
    return None


def analyze_word(model: str, word: str, analyze=None) -> tuple[str, str]:
    """(lemma, STTS tag) of one capitalised word."""
    tagger = hanta.model(model)
    if "-" in word.strip("-"):
        parts = [p for p in word.split("-") if p]
        if any(p[:1].islower() for p in parts[1:]):
            return word, "NE"  # "Jong-un", "Abu-l-Abbas": a name, not a compound
        lemma, tag = (analyze or tagger.analyze)(parts[-1])
        if tag == "NE":
            return word, "NE"  # "Baden-Württemberg", "Wieczorek-Zeul"
        if tag.startswith("NN"):
            # keep the first parts as written: "US-Präsidenten" -> "US-Präsident"
            return "-".join(parts[:-1] + [lemma]), tag
        return word, tag
    if len(word) >= NOUN_ENDING_MIN:
        for end in NOUN_ENDING_ORDER:
            if word.endswith(end):
                return word[: -len(end)] + NOUN_ENDINGS[end], "NN"
    hit = known_word(model, word)
    if hit is not None:
        return hit
    if analyze is not None:
        hit = compound_head(model, word, analyze)
        if hit is not None:
            return hit
    lemma, tag = tagger.analyze(word)
    return lemma, tag
