"""German part-of-speech tags and lemmas from HanTa, on capitalised words only.

German capitalises every noun, so capitalisation alone cannot tell a proper noun ("Trump",
"Nordkoreas") from a common one ("Brief", "Skeptiker"). HanTa's morphological model can: it tags
proper nouns NE and common nouns NN and undoes inflection in the lemma ("Kims" -> "Kim",
"Nordkoreas" -> "Nordkorea", "Demonstranten" -> "Demonstrant").

The component only looks at tokens that start with a capital letter (the candidates the actor
rules need) and caches each word's analysis for the life of the process, so a word is analysed
once however many articles use it. Lower-case tokens keep spaCy's empty tag and lemma.

Hyphenated words are analysed by their last part, the head of a German compound
("US-Präsident" is a noun like "Präsident"); a part in lower case ("Jong-un") marks a name.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

HANTA_MODEL = "morphmodel_ger.pgz"
# derivational endings that only common nouns have: a word ending so is NN without asking HanTa
# (long compounds are HanTa's slowest words); plural ending -> singular ending for the lemma
NOUN_ENDINGS = {"ungen": "ung", "ung": "ung", "heiten": "heit", "heit": "heit", "keiten": "keit",
                "keit": "keit", "schaften": "schaft", "schaft": "schaft", "tionen": "tion", "tion": "tion",
                "itäten": "ität", "ität": "ität", "ismus": "ismus", "ismen": "ismus", "nisse": "nis",
                "nissen": "nis", "nis": "nis"}
NOUN_ENDING_ORDER = sorted(NOUN_ENDINGS, key=len, reverse=True)
NOUN_ENDING_MIN = 9  # shorter words ending so may be names ("Jung", "Wenning")
CACHE_SIZE = 200_000


@lru_cache(maxsize=4)
def _hanta(model: str):
    from HanTa import HanoverTagger as ht

    return ht.HanoverTagger(model)


@Language.factory(
    "briefgen_tagger",
    default_config={"model": HANTA_MODEL, "cache_size": CACHE_SIZE},
)
def make_tagger(nlp: Language, name: str, *, model: str = HANTA_MODEL,
                cache_size: int = CACHE_SIZE) -> "CapitalTagger":
    return CapitalTagger(model=model, cache_size=cache_size)


def _analyze(model: str, word: str) -> tuple[str, str]:
    """(lemma, STTS tag) of one capitalised word."""
    tagger = _hanta(model)
    if "-" in word.strip("-"):
        parts = [p for p in word.split("-") if p]
        if any(p[:1].islower() for p in parts[1:]):
            return word, "NE"  # "Jong-un", "Abu-l-Abbas": a name, not a compound
        lemma, tag = tagger.analyze(parts[-1])
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
    lemma, tag = tagger.analyze(word)
    return lemma, tag


@lru_cache(maxsize=4)
def _cached_analyzer(model: str, cache_size: int):
    """One analysis cache per model and process, shared by every pipeline that tags German."""
    return lru_cache(maxsize=cache_size)(lambda word: _analyze(model, word))


class CapitalTagger:
    """Sets token.tag_ (STTS, as HanTa gives it) and token.lemma_ on capitalised tokens."""

    def __init__(self, *, model: str = HANTA_MODEL, cache_size: int = CACHE_SIZE) -> None:
        self.model = model
        self.analyze = _cached_analyzer(model, cache_size)

    def __call__(self, doc: Doc) -> Doc:
        analyze = self.analyze
        for tok in doc:
            text = tok.text
            if not text[:1].isupper():
                continue
            if len(text) > 1 and text.isupper() and text.isalpha():
                tok.tag_ = "NE"  # an acronym: "NASA", "SPD", "USA"
                tok.lemma_ = text
                continue
            lemma, tag = analyze(text)
            tok.tag_ = tag
            tok.lemma_ = lemma
        return doc
