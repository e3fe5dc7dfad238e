"""Open questions and stance: what the article leaves open, and how it holds each sentence.

`briefgen_questions` writes
- doc._.stances: one of model.STANCES per sentence of doc.sents: "hedged" when the sentence carries a
  hedge (soll, angeblich, könnte; reportedly, may, might …), else "attributed" when it is reported
  speech (sagte, laut, zufolge, Konjunktiv I; said, according to; quotation marks), else "asserted";
- doc._.questions: list[model.Question], best first, de-duplicated, at most `max_questions`.

A sentence becomes a candidate by the cue families in data/open_cues_<lang>.json (explicit
uncertainty, ob/whether-clauses, pending decisions and investigations, conditions, doubts and
disputes, hedges, future steps): each family that matches adds its weight once; penalty families
(past narration, settled facts, a hedging modal that only ends a relative clause) subtract. A cue match
never reaches into the next sentence. Candidates scoring at least `min_score` are turned into questions,
best first, by `questions_generate` (German) / `questions_generate_en` (English); the position of the
strongest cue picks the main clause the question is about. German tags come from `questions_tags`
(HanTa's sentence Viterbi with a per-process word memo, run only on the candidates that are asked);
a sentence whose question cannot be built is skipped, never echoed.
"""
from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache
from pathlib import Path

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from ..model import Question
from .questions_generate import German, Word
from .questions_generate_en import English
from .questions_tags import _english_model, english_common_word, english_verb, sentence_tagger
from .sentences import doc_text

DATA = Path(__file__).parent / "data"
MAX_QUESTIONS = 3
MIN_SCORE = 2.0
MIN_WORDS = 6
MAX_WORDS = 70
QUOTE_MARKS = "\"'„“”»«‘’ "  # a question quoted from a source is no evidence to build one from
GAP = r"(?:\W+\w+){0,8}?"


@Language.factory("briefgen_questions", default_config={"max_questions": MAX_QUESTIONS, "min_score": MIN_SCORE})
def make_questions(nlp: Language, name: str, *, max_questions: int = MAX_QUESTIONS,
                   min_score: float = MIN_SCORE) -> "OpenQuestions":
    return OpenQuestions(nlp.lang, max_questions=max_questions, min_score=min_score)


def needle(pattern: str) -> str:
    """The longest literal word of a pattern, lower case: a cheap `in` test before the regex runs."""
    if pattern.startswith("re:"):
        return ""  # a raw regex always runs
    words = [w.rstrip("*") for w in pattern.lstrip("=").split() if w != "..."]
    return max(words, key=len).lower() if words else ""


class LazyPattern:
    """A regex compiled on first use: a lexicon holds hundreds of cues, and a cue is only searched
    in a text that holds its needle, so most are never needed in a process's first articles."""

    __slots__ = ("pattern", "flags", "_rx")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._rx = None

    def compiled(self) -> re.Pattern:
        if self._rx is None:
            self._rx = re.compile(self.pattern, self.flags)
        return self._rx

    def finditer(self, text: str, *args):
        return self.compiled().finditer(text, *args)

    def search(self, text: str, *args):
        return self.compiled().search(text, *args)


def compile_cue(pattern: str) -> re.Pattern:
    """'hängt ... ab' / 'Ermittlung*' / '=soll' (case-sensitive) / 're:<regex>' (as written) -> a compiled regex."""
    return re.compile(*cue_regex(pattern))


def lazy_cue(pattern: str) -> LazyPattern:
    """`compile_cue`'s regex, compiled on first use."""
    return LazyPattern(*cue_regex(pattern))


def cue_regex(pattern: str) -> tuple[str, int]:
    """The regex source and flags of a cue (see `compile_cue`)."""
    if pattern.startswith("re:"):
        return pattern[3:], 0
    flags = re.IGNORECASE
    if pattern.startswith("="):
        pattern, flags = pattern[1:], 0
    parts = []
    for tok in pattern.split():
        if tok == "...":
            parts.append(GAP)
            continue
        wild = tok.endswith("*") and len(tok) > 1
        body = re.escape(tok.rstrip("*") if wild else tok)
        if wild:
            body += r"\w*"
        parts.append(body)
    rx = ""
    for n, part in enumerate(parts):
        if n:
            rx += r"\W*" if part == GAP or parts[n - 1] == GAP else r"\W+"
        rx += part
    left = r"(?<!\w)" if pattern[:1].isalnum() else ""
    right = r"(?!\w)" if pattern[-1:].isalnum() or pattern.endswith("*") else ""
    return left + rx + right, flags


def compile_fast(pattern: str) -> tuple[LazyPattern, bool] | None:
    r"""The cue's regex rewritten so that `re` can jump to its first word (a literal-prefix search)
    instead of trying the pattern at every character: (regex, runs on the lower-cased text).

    Two rewrites, each giving the same matches at the same offsets:
    - the word-start test `(?<!\w)` moves behind the first word, looking back over it
      (`wird(?<!\w(?s:.){4})`: a word character before the word's first letter fails either way);
    - a case-insensitive cue is lower-cased and run case-sensitively on `text.lower()`, which
      matches the same spans wherever lower-casing keeps lengths and each character's class and
      case-insensitive matches (`lower_safe`; other texts take the original regex).
    None for a raw regex ('re:') or a cue that does not start with a word or mark."""
    if pattern.startswith("re:"):
        return None
    on_lower = not pattern.startswith("=")
    body = pattern if on_lower else pattern[1:]
    toks = body.split()
    if not toks or toks[0] == "...":
        return None
    if on_lower:
        body = body.lower()
    rx = cue_regex(body if on_lower else "=" + body)[0]
    left = r"(?<!\w)"
    if rx.startswith(left):
        first = toks[0].lower() if on_lower else toks[0]
        lit = first.rstrip("*") if first.endswith("*") and len(first) > 1 else first
        head = re.escape(lit)
        rest = rx[len(left):]
        if not rest.startswith(head):
            return None
        rx = head + r"(?<!\w(?s:.){%d})" % len(lit) + rest[len(head):]
    return LazyPattern(rx), on_lower


_WORD = re.compile(r"\w")
_SPACE = re.compile(r"\s")


@lru_cache(maxsize=None)
def _pattern_char_regexes(pattern_chars: str) -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(re.escape(p), re.IGNORECASE), p.lower()) for p in pattern_chars)


@lru_cache(maxsize=4096)
def _char_safe(c: str, pattern_chars: str) -> bool:
    """Does matching a case-insensitive cue on `c.lower()` equal matching it on `c`?"""
    low = c.lower()
    if len(low) != 1 or bool(_WORD.match(c)) != bool(_WORD.match(low)) \
            or bool(_SPACE.match(c)) != bool(_SPACE.match(low)):
        return False
    return all((rx.match(c) is not None) == (low == p) for rx, p in _pattern_char_regexes(pattern_chars))


_SAFE_SEEN: dict[str, set[str]] = {}  # pattern characters -> text characters found safe so far


def lower_safe(text: str, lower: str, pattern_chars: str) -> bool:
    """May case-insensitive cues run on `lower` (= text.lower()) instead of `text`?"""
    if len(lower) != len(text):
        return False
    seen = _SAFE_SEEN.setdefault(pattern_chars, set())
    for c in set(text).difference(seen):
        if not _char_safe(c, pattern_chars):
            return False
        seen.add(c)
    return True


def _finditer(cue: tuple, text: str, lower: str, safe: bool):
    rx, fast = cue[0], cue[-1]
    if fast is None:
        return rx.finditer(text)
    frx, on_lower = fast
    if on_lower:
        return frx.finditer(lower) if safe else rx.finditer(text)
    return frx.finditer(text)


@lru_cache(maxsize=None)
def load_lexicon(lang: str) -> dict:
    path = DATA / f"open_cues_{lang}.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    families = []
    patterns: list[str] = []
    for name, fam in raw["families"].items():
        cues = []
        for cue in fam["cues"]:
            pattern, weight = (cue, fam["weight"]) if isinstance(cue, str) else (cue[0], cue[1])
            cues.append((lazy_cue(pattern), float(weight), needle(pattern), compile_fast(pattern)))
            patterns.append(pattern)
        families.append((name, cues))
    stance = {k: [(lazy_cue(p), needle(p), compile_fast(p)) for p in v] for k, v in raw["stance"].items()}
    patterns += [p for v in raw["stance"].values() for p in v]
    # every character a case-insensitive cue can hold, in both cases (see lower_safe)
    chars = "".join(sorted({ch for p in patterns if not p.startswith(("re:", "=")) for c in p
                            for ch in (c, c.lower(), c.upper()) if len(ch) == 1}))
    return {"families": families, "stance": stance, "grammar": raw["grammar"], "chars": chars}


def sentence_hits(text: str, lower: str, starts: list[int], patterns, safe: bool = False) -> set[int]:
    out = set()
    for cue in patterns:
        if cue[1] not in lower:
            continue
        for m in _finditer(cue, text, lower, safe):
            i = bisect.bisect_right(starts, m.start()) - 1
            if i + 1 >= len(starts) or m.end() <= starts[i + 1]:
                out.add(i)
    return out


class OpenQuestions:
    def __init__(self, lang: str, *, max_questions: int = MAX_QUESTIONS, min_score: float = MIN_SCORE) -> None:
        self.lang = lang
        self.max_questions = max_questions
        self.min_score = min_score
        self.lexicon = load_lexicon(lang if lang in ("de", "en") else "en")
        grammar = self.lexicon["grammar"]
        self.generator = German(grammar) if lang == "de" else English(grammar, verbs=english_verb)
        # HanTa's model is loaded (or taken from the process, where briefgen_tagger or the actor
        # rules hold it) here, once, not on the first article
        if lang == "de":
            sentence_tagger()
        else:
            _english_model()

    def __call__(self, doc: Doc) -> Doc:
        bounds = sentence_bounds(doc)
        text = doc_text(doc)
        starts = [doc[b].idx for b, _ in bounds]
        lower = text.lower()
        safe = lower_safe(text, lower, self.lexicon["chars"])
        doc._.stances = self.stances(text, starts, len(bounds), lower, safe)
        scores = self.scores(text, starts, len(bounds), lower, safe)
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1][0], kv[0]))
        questions: list[Question] = []
        seen_q, seen_e = set(), set()
        for idx, (score, family, cue_at) in ranked:
            if score < self.min_score or len(questions) >= self.max_questions:
                break
            sent = doc[bounds[idx][0]:bounds[idx][1]]
            evidence = sent.text.strip()
            words = [t for t in sent if not t.is_space]
            if not (MIN_WORDS <= len(words) <= MAX_WORDS) or evidence.rstrip(QUOTE_MARKS).endswith("?") \
                    or evidence in seen_e:
                continue
            if evidence[-1:] not in ".!\"“”»«'’)":
                continue  # a heading or a cut-off line
            cue = next((n for n, t in enumerate(words) if t.idx + len(t.text) > cue_at), None) if cue_at >= 0 else None
            question = self.question(words, family, cue)
            if not question or _norm(question) == _norm(evidence) or _norm(question) in seen_q:
                continue
            seen_q.add(_norm(question))
            seen_e.add(evidence)
            questions.append(Question(question=question, evidence=evidence, sentence=idx))
        doc._.questions = questions
        return doc

    # ------------------------------------------------------------------ parts
    def stances(self, text: str, starts: list[int], n: int, lower: str | None = None,
                safe: bool | None = None) -> list[str]:
        if lower is None:
            lower = text.lower()
        if safe is None:
            safe = lower_safe(text, lower, self.lexicon["chars"])
        hedged = sentence_hits(text, lower, starts, self.lexicon["stance"]["hedged"], safe)
        attributed = sentence_hits(text, lower, starts, self.lexicon["stance"]["attributed"], safe)
        return ["hedged" if i in hedged else "attributed" if i in attributed else "asserted" for i in range(n)]

    def scores(self, text: str, starts: list[int], n: int, lower: str | None = None,
               safe: bool | None = None) -> dict[int, tuple[float, str, int]]:
        """Sentence index -> (score, strongest family, char offset of its strongest cue) per sentence with a cue."""
        per: dict[int, dict[str, float]] = {}
        where: dict[tuple[int, str], int] = {}
        if lower is None:
            lower = text.lower()
        if safe is None:
            safe = lower_safe(text, lower, self.lexicon["chars"])
        for family, cues in self.lexicon["families"]:
            for cue in cues:
                weight, lit = cue[1], cue[2]
                if lit not in lower:
                    continue
                for m in _finditer(cue, text, lower, safe):
                    i = bisect.bisect_right(starts, m.start()) - 1
                    if i + 1 < len(starts) and m.end() > starts[i + 1]:
                        continue  # a "…" gap ran into the next sentence
                    fams = per.setdefault(i, {})
                    if weight < 0:  # a penalty counts once, however often it matches
                        fams[family] = min(fams.get(family, 0.0), weight)
                    else:
                        if weight > fams.get(family, 0.0) or (i, family) not in where:
                            where[(i, family)] = m.start()
                        fams[family] = max(fams.get(family, 0.0), weight)
        out = {}
        for i, f in per.items():
            best = max(f, key=f.get)
            out[i] = (sum(f.values()), best, where.get((i, best), -1))
        return out

    def question(self, tokens, family: str, cue: int | None = None) -> str | None:
        if self.lang == "de":
            tagged = sentence_tagger().tag([t.text for t in tokens], [t.tag_ for t in tokens])
            words = [Word(t.text, t.whitespace_, n, tag, sep) for n, (t, (tag, sep)) in enumerate(zip(tokens, tagged))]
        else:
            words = [Word(t.text, t.whitespace_, n) for n, t in enumerate(tokens)]
            first = words[0].text if words else ""
            if first[:1].isupper() and first[1:].islower():
                lower, names = _word_cases(tokens[0].doc)
                # lower-cased elsewhere in the article, or a common word never written capitalised inside a sentence
                if first.lower() in lower or (first not in names and english_common_word(first)):
                    words[0] = words[0]._replace(text=first.lower())
        try:
            return self.generator.question(words, family, cue)
        except (IndexError, ValueError):  # a sentence shape the rules do not foresee
            return None


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """(start, end) token offsets of doc.sents, read from one array (no Span per sentence)."""
    if not len(doc):
        return []
    if not doc.has_annotation("SENT_START"):
        return [(s.start, s.end) for s in doc.sents]
    flags = doc.to_array(SENT_START)
    cuts = [0] + [i for i in (flags == 1).nonzero()[0].tolist() if i] + [len(doc)]
    return list(zip(cuts, cuts[1:]))


def _word_cases(doc: Doc) -> tuple[set[str], set[str]]:
    """(words written in lower case, words written capitalised inside a sentence) in the article."""
    key = ("briefgen", "word_cases")
    if key not in doc.user_data:
        lower, names = set(), set()
        prev = ""
        for t in doc:
            text = t.text
            if t.is_lower:
                lower.add(text)
            elif text[:1].isupper() and prev and prev not in ".!?:\"“”„«»'‘’" and not t.is_sent_start:
                names.add(text)
            if not t.is_space:
                prev = text
        doc.user_data[key] = (lower, names)
    return doc.user_data[key]


def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s.casefold()).strip()
