"""Direct speech: which pairs of quotation marks a speech act frames, and who speaks.

A quote counts when a speech verb follows the closing mark („…“, sagte X; "…," X said), a cue
stands before the opening mark (X sagte: „…“) or elsewhere in its sentence, a person is named
right after it, it sits in an indirect clause, a colon introduces it, or it continues the quote
before; a quote standing alone goes to the person the sentence before introduced. Names and
titles in quotation marks (der „Rat für …“, Microsoft's "The … Countdown" site) are no quotes.
"""
from __future__ import annotations

from .quotes_indirect import CLOSE_MARKS, Found, _has_konj, _speaker_of
from .quotes_marks import MarkedQuote
from .quotes_rules import BOUNDARY, END_PUNCT, Ctx

NAME_DET = {"der", "die", "das", "dem", "den", "des", "im", "am", "vom", "beim", "zum", "zur", "ins",
            "gegenüber", "laut"}
NAME_LINK = {"und", "statt", "der", "die", "das", "des", "dem", "den", "am", "im", "vom", "zum", "zur", "für"}


def find_direct(ctx: Ctx, marked: list[MarkedQuote], indirect: list[Found], sent_of: list[int],
                *, min_words: int = 5) -> list[Found]:
    out: list[Found] = []
    low, w = ctx.low, ctx.w
    n = len(low)
    prev: Found | None = None
    for mq in marked:
        o, c = mq.open, mq.close
        words = sum(1 for i in mq.inner if ctx.is_word(i))
        if words == 0:
            continue
        si, sj = sent_of[o], sent_of[c]
        s, e = ctx.sents[si][0], ctx.sents[sj][1]
        title = _title_like(ctx, mq, s, words)
        speaker = None
        # 1. right after the closing mark: „…“, sagte X / "…," X said / „…“, so X
        j = c + 1
        while j < n and (low[j] == "," or ctx.doc[j].is_space):
            j += 1
        if j < n:
            cues = [cu for cu in ctx.verb_cues(j, min(n, j + 8)) + ctx.prep_cues(max(s, j - 1), min(n, j + 6))
                    if cu.head <= j + 4]
            for cu in cues:
                if cu.kind == "so" or cu.kind == "verb":
                    if cu.kind == "verb" and cu.head == j:
                        r = ctx.np_right(cu.end, min(n, cu.end + 10)) if not cu.part else None
                        speaker = ("np",) + r if r else _speaker_of(ctx, cu, ctx.sents[sent_of[j]][0],
                                                                   ctx.sents[sent_of[j]][1])
                    elif cu.kind == "verb" and ctx.lang == "en":
                        r = ctx.np_left(cu.head, j)
                        speaker = ("np",) + r if r else None
                    elif cu.kind == "so":
                        r = ctx._np_from(cu.end, min(n, cu.end + 10))
                        speaker = ("np",) + r if r else None
                    if speaker:
                        break
        # 1a. „…“, zeigte sich X zufrieden / „…“, freute sich X: a verb right after the quote
        # and a person named right after it
        if speaker is None and ctx.lang == "de" and c + 1 < n and low[c + 1] == "," and j + 1 < n \
                and not ctx.is_cap(j) and ctx.is_word(j) and low[j] not in w["det"] \
                and low[j] not in w["prep"] and low[j] not in w["conj"] and low[j] not in w["sub"]:
            k = j + 2 if j + 2 < n and low[j + 1] == "sich" else j + 1
            k0 = k
            while k < n and k < k0 + 3 and k not in ctx.actor_start and ctx.is_cap(k) and \
                    low[k] not in w["det"]:
                k += 1  # a title before the name: "zeigte sich Trainer Hans Muster"
            sp = ctx.actor_start.get(k)
            if sp is not None and sp.label_ == "person":
                speaker = ("np", sp.start, sp.end)
        # 1b. "…," Jane Roe, an analyst at X. / „…“ Hans Muster, Sprecher der Partei: a person
        # named right after the quote, with no verb
        if speaker is None and j < n and j <= c + 2:
            sp = ctx.actor_start.get(j)
            if sp is not None and sp.label_ == "person" and (sp.end >= n or low[sp.end] == "," or
                                                             low[sp.end] in END_PUNCT):
                speaker = ("np", sp.start, sp.end)
        # 1c. inside an indirect clause
        if speaker is None:
            for f in indirect:
                if f.start <= o and c <= f.end + 1:
                    speaker = ("same", f)
                    break
        # 2. before the opening mark: X sagte: „…“
        if speaker is None and not title:
            cues = [cu for cu in ctx.verb_cues(s, o) + ctx.prep_cues(s, o) if o - cu.end <= 6]
            if cues and cues[-1].kind == "prep" and cues[-1].end == o:
                continue  # laut „tagesschau.de“: the quoted name is the source, not a quote
            if cues:
                cu = cues[-1]
                speaker = _speaker_of(ctx, cu, ctx.sents[sent_of[cu.head]][0], o)
        # 3. a cue elsewhere in the sentence(s)
        # (a short quote after "als" is the verdict of a speech act: "nannte den Plan als
        # „überzogen“", "wurde von X als „sehr hoch“ eingestuft")
        verdict = o > s and low[o - 1] in ("als", "as")
        if speaker is None and not title and (words >= 3 or verdict or _has_konj(ctx, s, e)):
            cues = ctx.verb_cues(s, e) + ctx.prep_cues(s, e)
            if cues:
                cu = min(cues, key=lambda cu: abs(cu.head - o))
                cs, ce = ctx.sents[sent_of[cu.head]]
                speaker = _speaker_of(ctx, cu, cs, ce) or ("last",)
        # 4. the sentence before ends in a colon
        if speaker is None and si > 0 and o == s:
            ps, pe = ctx.sents[si - 1]
            k = pe - 1
            while k > ps and ctx.doc[k].is_space:
                k -= 1
            if low[k] == ":":
                cues = ctx.verb_cues(ps, k) + ctx.prep_cues(ps, k)
                if cues:
                    speaker = _speaker_of(ctx, cues[-1], ps, k)
                if speaker is None:
                    # no speech verb: the person the sentence names ("Jede Schuld wies X von
                    # sich:"), else its first phrase if it names an actor, else the last speaker
                    r = ctx._np_from(ps, k)
                    speaker = ("person", ps, k, r)
        # 4b. a colon inside the sentence, no speech verb: "Jede Schuld wies X von sich: „…“"
        if speaker is None and not title and o - 1 > s and low[o - 1] == ":":
            speaker = ("person", s, o - 1, ctx._np_from(s, o - 1))
        # 6. continuation of the quote before (split quote, next paragraph)
        if speaker is None and prev is not None and sent_of[prev.anchor] >= si - 1 and (
                o == s or words >= min_words):
            speaker = ("same", prev)
        # 7. reported-speech sentence or a long quote
        if speaker is None and not title and (_has_konj(ctx, s, e) or words >= min_words):
            # a quote standing alone: the person the sentence before introduced, else the last
            ps, pe = ctx.sents[si - 1] if si > 0 else (s, s)
            speaker = ("person", ps, pe, None) if o == s else ("last",)
        if speaker is None or (title and speaker[0] in ("last", "person")):
            continue
        if speaker[0] == "np" and speaker[1] <= c and speaker[2] > o:
            continue  # the quoted words are the speaker: „Muslix64“ erwähnte …
        f = Found("direct", mq.text, o, o + 1, c, s, e, speaker)
        out.append(f)
        prev = f
    return out


def _title_like(ctx: Ctx, mq: MarkedQuote, s: int, words: int) -> bool:
    """A name or title in quotation marks: after a title noun ("der Film „…“", "the website,
    "…""), before one ("Microsoft's "…" site"), in title case, or a cited headline ("…" — Source)."""
    low, w, n = ctx.low, ctx.w, len(ctx.low)
    o, c = mq.open, mq.close
    if o > 0 and (low[o - 1] in w["title_nouns"] or (low[o - 1] == "," and o > 1 and low[o - 2] in w["title_nouns"])):
        return True
    if c + 1 < n and low[c + 1] in w["title_nouns"]:
        return True
    if c + 1 < n and low[c + 1] in ("—", "–", "-") and not any(ctx.low[i] in END_PUNCT for i in mq.inner):
        return True
    inner = [i for i in mq.inner if ctx.is_word(i)]
    if ctx.lang == "en" and len(inner) >= 2 and all(ctx.is_cap(i) or low[i] in ("of", "the", "and", "in", "on", "for", "a")
                                                    for i in inner):
        return True
    if ctx.lang == "de" and o - 1 > s and ctx.is_cap(o - 1) and low[o - 2] not in BOUNDARY and words <= 4:
        return True  # "die Mondlandefähre „Adler“"
    if ctx.lang == "de" and o > s and low[o - 1] in NAME_DET and 2 <= len(inner) <= 6 and ctx.is_cap(inner[0]) \
            and (ctx.is_cap(inner[1]) or low[inner[1]] in w["prep"] or low[inner[1]] in NAME_LINK) \
            and not any(low[i] in END_PUNCT or low[i] == "," for i in mq.inner):
        return True  # a name used as a noun phrase: der „Rat für nationale Sicherheit“, die „BILD am Sonntag“
    if ctx.lang == "en" and len(inner) >= 2 and all(ctx.is_cap(i) or ctx.text[i].isdigit() or low[i] in (
            "of", "the", "and", "in", "on", "for", "a") for i in inner):
        return True
    return False
