"""Cheap German tags for the few sentences that become questions (HanTa, shared per process).

`HanoverTagger.tag_sent(words, taglevel=3)` costs ~20 ms a sentence: it analyses every word's
morphology (for lemmas nobody here needs) and re-analyses every word HanTa's lexicon does not hold,
in every sentence. The question rules need only the STTS tag of each word and, for finite verbs,
the separable prefix ("zurück" in "zurücktritt"). So this module

- runs HanTa's sentence Viterbi (taglevel 0: tags only),
- memoises each word's tag candidates for the life of the process (`_tag_word` is a pure function
  of the word, its case-sensitivity and the model),
- takes the tag the briefgen_tagger component already set on a capitalised word inside the sentence
  (token.tag_) as that word's only candidate instead of analysing it again,
- analyses the morphology of finite verbs only,
- runs the Viterbi search itself (`viterbi`, HanTa 1.2's `tag_sent_viterbi` step for step, same
  states, same order, same float sums), but visits only the tags a word can have instead of all
  56 successors of every state: a word has one to three tag candidates, so this is ~10x less work
  with the identical result.

The HanTa model is the process-wide one briefgen_tagger loaded when there is one (its data is shared,
not copied), else loaded once here.
"""
from __future__ import annotations

import math
from functools import lru_cache
from typing import Sequence

from . import hanta

MEMO_SIZE = 200_000
TAG_FIX = {"ADJ(A)": "ADJA", "ADJ(D)": "ADJD"}  # HanTa's spelling -> STTS


def _base_model():
    return hanta.model(hanta.GERMAN)  # the instance briefgen_tagger already holds for this process


@lru_cache(maxsize=1)
def sentence_tagger() -> "SentenceTagger":
    return SentenceTagger(_base_model())


class SentenceTagger:
    """tag(words, known) -> [(STTS tag, separable prefix or "")] for one sentence."""

    def __init__(self, model) -> None:
        from HanTa.HanoverTagger import HanoverTagger

        memo: dict = {}
        forced: dict[str, int] = {}
        base_tag_word = HanoverTagger._tag_word

        class _Memo(HanoverTagger):  # shares the model's tables; only _tag_word differs
            def __init__(self) -> None:  # noqa: D401  (no model loading)
                pass

            def _tag_word(self, word, cutoff=5, casesensitive=True, conditional=False):
                if casesensitive and word in forced:
                    return [(forced[word], 0.0)]
                key = (word, cutoff, casesensitive, conditional)
                got = memo.get(key)
                if got is None:
                    if len(memo) >= MEMO_SIZE:
                        memo.clear()
                    got = memo[key] = tuple(base_tag_word(self, word, cutoff, casesensitive, conditional))
                return list(got)

        tagger = _Memo()
        tagger.__dict__.update(model.__dict__)
        self._tagger = tagger
        self._forced = forced
        self._tag2int = model.tag2int
        self._int2tag = model.int2tag
        self._sep = lru_cache(maxsize=MEMO_SIZE)(self._separable)
        self._ranks: dict = {}  # state -> {tag: position among the state's successors}
        # the separable particles HanTa knows: a morpheme outside its lexicon scores -inf as one
        # (its empty morpheme would give the prefix "" anyway)
        sep_tag = model.tag2int.get("PTKVZ_SEP")
        self._sep_prefixes = tuple(m for m in model.LP_m_t.get(sep_tag, ()) if m) if sep_tag is not None else ()

    def _separable(self, word: str, tag: int) -> str:
        if not word.lower().startswith(self._sep_prefixes):
            return ""  # no particle of HanTa's lexicon opens the word: no analysis can split one off
        morphs = self._tagger._analyze(word, tag, taglevel=3)[1]
        return morphs[0][0] if morphs and morphs[0][1] == "PTKVZ_SEP" and len(morphs) > 1 else ""

    def tag(self, words: Sequence[str], known: Sequence[str] = ()) -> list[tuple[str, str]]:
        """STTS tag and separable prefix per word; `known[i]` is a tag already set on word i ("" if none)."""
        if not words:
            return []
        forced = self._forced
        forced.clear()
        for n, (w, t) in enumerate(zip(words, known)):
            if n and t and w[:1].isupper() and t in self._tag2int:
                forced[w] = self._tag2int[t]
        try:
            ints = viterbi(self._tagger, list(words), self._ranks)
        finally:
            forced.clear()
        out = []
        for w, t in zip(words, ints):
            tag = self._int2tag[t]
            sep = self._sep(w, t) if tag.endswith("(FIN)") else ""
            out.append((TAG_FIX.get(tag, tag), sep))
        return out


def viterbi(tagger, sent: list[str], ranks: dict, casesensitive: bool = True) -> list[int]:
    """HanTa's `tag_sent_viterbi(sent, casesensitive)` (1.2.1) with the same result, faster.

    HanTa loops over every successor tag of every state (56) and skips those the word cannot
    have. Here each state's successors a word can have are taken from the word's own candidates
    and visited in the order HanTa's loop would meet them (`ranks`: a tag's position in the
    state's successor table, filled as states come up), so each new state gets the same score
    and back pointer, and ties resolve the same way. A word without candidates ("anything
    goes") takes HanTa's full loop.
    """
    from HanTa.HanoverTagger import EMPTY, END, START, UNKNOWN

    lowerbound = -1e6
    trans = tagger.LP_trans_word
    table: list[dict] = []
    backpointer: list[dict] = []
    cs = False
    for i, w in enumerate(sent):
        if i == 0:
            cs = False
        elif casesensitive:
            cs = True
        wprobs = dict(tagger._tag_word(w, cutoff=5, casesensitive=cs, conditional=True))
        wprobs_empty = len(wprobs) == 0
        if len(wprobs) == 1 and UNKNOWN in wprobs:
            wprobs = {}
            wprobs_empty = True
        row: dict = {}
        back: dict = {}
        backpointer.append(back)
        prevrow = {(EMPTY, START): 0.0} if i == 0 else table[i - 1]
        if len(prevrow) > 5:
            rowbound = sorted(prevrow.values(), reverse=True)[5] - 1
        else:
            rowbound = lowerbound
        for state, lp0 in prevrow.items():
            if lp0 < rowbound:
                continue
            lp_t = trans[state]
            if wprobs_empty:
                steps = [(c, lp_tc, 0) for c, lp_tc in lp_t.items() if c != END]
            elif len(wprobs) == 1:
                steps = [(c, lp_t[c], lpwc) for c, lpwc in wprobs.items() if c != END and c in lp_t]
            else:
                rank = ranks.get(state)
                if rank is None:
                    rank = ranks[state] = {c: n for n, c in enumerate(lp_t)}
                steps = [(c, lp_t[c], wprobs[c]) for _, c in sorted((rank[c], c) for c in wprobs if c != END and c in rank)]
            s1 = state[1]
            for c, lp_tc, lpwc in steps:
                lp = lp0 + lp_tc + lpwc
                if lp > lowerbound:
                    newstate = (s1, c)
                    if newstate not in row or lp > row[newstate]:
                        row[newstate] = lp
                        back[newstate] = state
        table.append(row)
    finalstate = (END, EMPTY)
    row = {}
    back = {}
    backpointer.append(back)
    for state, lp0 in table[-1].items():
        lp = lp0 + trans[state].get(END, -math.inf)
        if lp > row.get(finalstate, -math.inf):
            row[finalstate] = lp
            back[finalstate] = state
    tags = []
    state = finalstate
    for i in range(len(backpointer) - 1, 0, -1):
        state = backpointer[i][state]
        tags.append(state[1])
    return tags[::-1]


# ------------------------------------------------------------------------------------ English
DO_FORM = {"VVD": "did", "VVZ": "does", "VVB": "do"}  # CLAWS: past, 3rd person present, other present


def _english_model():
    return hanta.model(hanta.ENGLISH)  # shared with the English actor rules


@lru_cache(maxsize=MEMO_SIZE)
def english_verb(word: str) -> tuple[tuple[str, str], ...]:
    """The finite lexical-verb readings of one lower-case English word out of context:
    (("VVD", "approve"),) for "approved", (("VVZ", "deny"),) for "denies"; () for none."""
    model = _english_model()
    out: dict[str, str] = {}
    for tag, _ in model.tag_word(word, cutoff=5, casesensitive=False):
        if tag in DO_FORM:
            out.setdefault(tag, model.analyze(word, pos=tag)[0])
        elif tag == "VVI":  # the infinitive is the plural present form ("they harm")
            out.setdefault("VVB", word)
    return tuple(out.items())


@lru_cache(maxsize=MEMO_SIZE)
def english_common_word(word: str) -> bool:
    """Is a capitalised sentence-initial word a common word (noun, adjective …) with no reading as a name?
    ("Critics", "Annualised", "History": yes; "Apple", "Ford", "Shell": no.)"""
    tags = [t for t, _ in _english_model().tag_word(word, cutoff=5, casesensitive=True)]
    return bool(tags) and not any(t.startswith("NP") or t in ("UNC", "ZZ0") for t in tags)
