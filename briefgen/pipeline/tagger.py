"""German part-of-speech tags and lemmas from HanTa, on capitalised words only.

German capitalises every noun, so capitalisation alone cannot tell a proper noun ("Trump",
"Nordkoreas") from a common one ("Brief", "Skeptiker"). HanTa's morphological model can: it tags
proper nouns NE and common nouns NN and undoes inflection in the lemma ("Kims" -> "Kim",
"Nordkoreas" -> "Nordkorea", "Demonstranten" -> "Demonstrant").

The component only looks at tokens that start with a capital letter (the candidates the actor
rules need) and caches each word's analysis for the life of the process, so a word is analysed
once however many articles use it. Lower-case tokens keep spaCy's empty tag and lemma. The
analysis itself (HanTa plus shortcuts that give HanTa's answer faster) is `tagger_rules`.

On real news most capitalised words are new to a process, and HanTa's analysis of a word is
slow (a fifth of a millisecond, several for long compounds). So the frequent word forms come
precomputed: `data/tagger_lexicon_de.tsv` holds `analyze_word`'s own result for the most
frequent capitalised forms of wordfreq's German list (built by scripts/build_tagger_lexicon.py),
looked up before HanTa. It changes no result: the file records the HanTa version and a digest
of `tagger_rules.py` it was built with, and is ignored (with a warning) when either differs.
"""
from __future__ import annotations

import hashlib
import warnings
from bisect import bisect_left
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from . import hanta, tagger_rules
from .tagger_rules import (  # noqa: F401  (the analysis API, re-exported)
    HANTA_MODEL,
    analyze_word,
    compound_head,
    known_word,
)

CACHE_SIZE = 200_000
LEXICON = Path(__file__).resolve().parent / "data" / "tagger_lexicon_de.tsv"
LEXICON_MODELS = (hanta.GERMAN,)  # the lexicon is built with HanTa's German model only


@Language.factory(
    "briefgen_tagger",
    default_config={"model": HANTA_MODEL, "cache_size": CACHE_SIZE, "lexicon": True},
)
def make_tagger(nlp: Language, name: str, *, model: str = HANTA_MODEL,
                cache_size: int = CACHE_SIZE, lexicon: bool = True) -> "CapitalTagger":
    return CapitalTagger(model=model, cache_size=cache_size, lexicon=lexicon)


def rules_digest() -> str:
    """sha256 of tagger_rules.py (line endings normalised): what the lexicon's entries depend on."""
    text = Path(tagger_rules.__file__).read_bytes().replace(b"\r\n", b"\n")
    return hashlib.sha256(text).hexdigest()


def hanta_version() -> str:
    try:
        return metadata.version("HanTa")
    except metadata.PackageNotFoundError:
        return "unknown"


def expected_header(model: str = HANTA_MODEL) -> dict[str, str]:
    """The header fields a lexicon must carry to be used with the installed HanTa and rules."""
    return {"model": model, "hanta": hanta_version(), "rules": rules_digest()}


def decode_lemma(form: str, code: str) -> str:
    """The lemma from its compact code: "" = the form itself; "<n>rest" = the form without its
    last n characters, plus rest ("Präsidenten", "2" -> "Präsident"); a leading "_" first puts
    the form's initial in lower case ("Verboten", "_3ieten" -> "verbieten"); "=lemma" = written out."""
    if not code:
        return form
    head = code[0]
    if head == "=":
        return code[1:]
    if head == "_":
        form = form[0].lower() + form[1:]
        code = code[1:]
        if not code:
            return form
    i = 0
    while i < len(code) and code[i].isdigit():
        i += 1
    return form[: len(form) - int(code[:i])] + code[i:]


def encode_lemma(form: str, lemma: str) -> str:
    """The inverse of `decode_lemma`: a short code for `lemma` given `form`."""
    if lemma == form:
        return ""
    prefix = ""
    if lemma[:1] != form[:1] and lemma[:1] and lemma[:1] == form[:1].lower():
        prefix, form = "_", form[0].lower() + form[1:]
        if lemma == form:
            return prefix
    keep = 0
    while keep < min(len(form), len(lemma)) and form[keep] == lemma[keep]:
        keep += 1
    if keep == 0:
        return "=" + lemma
    return f"{prefix}{len(form) - keep}{lemma[keep:]}"


class Lexicon:
    """Precomputed analyses: the lexicon file's entry lines, sorted, searched by bisection.

    Loading is one split of the file (no per-entry Python work, a few hundredths of a second); an
    entry is decoded only when looked up, and the tagger's cache keeps the result. A form is found
    only when its line starts with exactly that form and a tab, so a missing or misplaced line only
    means a live analysis, never another word's result."""

    def __init__(self, lines: list[str], header: dict[str, str] | None = None) -> None:
        self.lines = lines
        self.header = header or {}

    def __len__(self) -> int:
        return len(self.lines)

    def get(self, form: str) -> tuple[str, str] | None:
        """(lemma, tag) of `form`, or None when the lexicon does not hold it."""
        key = form + "\t"
        lines = self.lines
        i = bisect_left(lines, key)
        if i < len(lines) and lines[i].startswith(key):
            _, tag, code = lines[i].split("\t")
            return decode_lemma(form, code), tag
        return None


def read_lexicon(path: Path) -> Lexicon:
    """A lexicon file: `# key: value` header lines, then `form TAB tag TAB code` lines (see
    `decode_lemma`) sorted as Python sorts strings."""
    text = Path(path).read_text(encoding="utf-8")
    header: dict[str, str] = {}
    start = 0
    while text.startswith("#", start):
        end = text.index("\n", start)
        key, _, value = text[start + 1:end].partition(":")
        header[key.strip()] = value.strip()
        start = end + 1
    lines = text[start:].split("\n")
    if lines and not lines[-1]:
        lines.pop()
    return Lexicon(lines, header)


@lru_cache(maxsize=4)
def load_lexicon(model: str = HANTA_MODEL, path: str | None = None) -> Lexicon:
    """The precomputed analyses for `model`, or an empty lexicon when the file is missing or stale
    (built with another HanTa version or other rules: its entries might then differ from a live
    analysis)."""
    lex_path = Path(path) if path else LEXICON
    if model not in LEXICON_MODELS or not lex_path.exists():
        return Lexicon([])
    lexicon = read_lexicon(lex_path)
    want = expected_header(model)
    stale = [k for k, v in want.items() if lexicon.header.get(k) != v]
    if stale:
        warnings.warn(f"{lex_path.name} was built with other {', '.join(stale)}; tagging without it "
                      "(slower, same results). Rebuild: python scripts/build_tagger_lexicon.py",
                      stacklevel=2)
        return Lexicon([])
    return lexicon


@lru_cache(maxsize=8)
def _cached_analyzer(model: str, cache_size: int, lexicon: bool = True):
    """One analysis cache per model and process, shared by every pipeline that tags German; with
    `lexicon`, precomputed analyses are looked up before any live one (also for the head of a
    hyphenated word or a compound)."""
    get = load_lexicon(model).get if lexicon else Lexicon([]).get

    @lru_cache(maxsize=cache_size)
    def analyze(word: str) -> tuple[str, str]:
        hit = get(word)
        if hit is not None:
            return hit
        return analyze_word(model, word, analyze)

    return analyze


class CapitalTagger:
    """Sets token.tag_ (STTS, as HanTa gives it) and token.lemma_ on capitalised tokens."""

    def __init__(self, *, model: str = HANTA_MODEL, cache_size: int = CACHE_SIZE,
                 lexicon: bool = True) -> None:
        self.model = model
        self.analyze = _cached_analyzer(model, cache_size, lexicon)
        # load HanTa's model and the shortcut tables now, not on the first document
        tagger_rules.compound_tables(model)
        tagger_rules.lemma_tables(model)

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
