"""Finding quotes in a `Ctx`: indirect and reported speech per sentence, then direct speech."""
from __future__ import annotations

from dataclasses import dataclass, field

from .quotes_gender import gender_of_phrase
from .quotes_marks import MarkedQuote
from .quotes_rules import BOUNDARY, END_PUNCT, Ctx, Cue

CLOSE_MARKS = {"“", "”", '"', "«", "»", "''"}
EN_RIGHT_STOP = {"in", "on", "at", "to", "during", "after", "before", "that", "yesterday", "today", "when",
                 "while", "adding", "who", "which", "last", "this", "earlier", "told", "according"}
PASSIVE = {"wurde", "wurden", "wird", "werden", "worden"}
KONJ2_RUN = {"hätte", "hätten", "wäre", "wären"}  # Konjunktiv II standing in for I in a report
DEMONSTRATIVE = {"dies", "das", "dieses", "diese", "dem", "darauf", "daraufhin", "dazu", "damit", "davon"}
# head nouns of texts and circles that can be the source of a passive speech act
DOCUMENT_HEADS = ("erklärung", "mitteilung", "bericht", "brief", "schreiben", "interview", "stellungnahme",
                  "kreisen", "studie", "papier", "gutachten", "urteil", "beschluss", "begründung", "meldung",
                  "artikel", "beitrag", "rede", "ansprache", "sendung", "antwort", "protokoll", "dokument",
                  "kommentar", "botschaft", "appell", "aufruf", "resolution", "schreibens", "berichts")
PERFECT = {"hat", "hatte", "haben", "hatten", "habe", "hätte", "hätten"}


@dataclass
class Found:
    kind: str
    text: str
    anchor: int
    start: int  # token range of the text
    end: int
    sent_start: int  # token range of the sentence(s)
    sent_end: int
    # ("np", a, b) | ("last",) | ("same", Found) | ("person", a, b, np) | ("subject", a, b) | None
    speaker: tuple | None = None
    link: "Found | None" = field(default=None, repr=False)


def _span_text(ctx: Ctx, a: int, b: int) -> str:
    while b > a and (ctx.low[b - 1] in END_PUNCT or ctx.low[b - 1] in (",", ":") or ctx.doc[b - 1].is_space):
        b -= 1
    while a < b and (ctx.low[a] in (",", ":", "–", "-") or ctx.doc[a].is_space):
        a += 1
    return ctx.doc[a:b].text.strip() if b > a else ""


def _quoted_share(ctx: Ctx, a: int, b: int) -> float:
    if b <= a:
        return 1.0
    return sum(1 for i in range(a, b) if ctx.quote_of[i] >= 0) / (b - a)


def _clause_end(ctx: Ctx, a: int, e: int, cues: list[Cue]) -> int:
    """End of a reported clause starting at `a`: the sentence end, or before a next speech act
    joined by "und"/"," ("…, und fügte hinzu, dass …")."""
    for c in cues:
        if c.head > a and c.kind == "verb":
            j = c.head
            k = j
            while k > a and ctx.low[k - 1] in ctx.w["adv"]:
                k -= 1
            if k > a and ctx.low[k - 1] in ("und", "and", ",", "sowie"):
                return k - 1
    end = e
    while end > a and (ctx.low[end - 1] in END_PUNCT or ctx.doc[end - 1].is_space):
        end -= 1
    return end


def _has_konj(ctx: Ctx, a: int, b: int) -> bool:
    lex = ctx.lex
    for i in range(a, b):
        t = ctx.low[i]
        if t in lex.konj and ctx.quote_of[i] < 0:
            return True
    return False


def _zu_inf(ctx: Ctx, a: int, b: int) -> bool:
    return any(ctx.low[i] == "zu" and i + 1 < b and not ctx.is_cap(i + 1) for i in range(a, b))


def _speaker_of(ctx: Ctx, cue: Cue, s: int, e: int) -> tuple | None:
    low = ctx.low
    if cue.kind == "prep" or cue.kind == "so":
        if cue.end < e and ctx.quote_of[cue.end] >= 0:  # laut „Spiegel Online“
            k = cue.end + 1
            while k < e and ctx.quote_of[k] == ctx.quote_of[cue.end]:
                k += 1
            if k - cue.end <= 6:
                return ("np", cue.end + 1, k - 1)
        np_ = ctx._np_from(cue.end, e) if cue.end < e and low[cue.end] not in ctx.w["pron"] else (
            (cue.end, cue.end + 1) if cue.end < e else None)
        if np_ is None and cue.kind == "prep" and cue.end < e and ctx.is_word(cue.end) and \
                low[cue.end] not in ctx.w["det"] and low[cue.end] not in ctx.w["prep"]:
            np_ = (cue.end, cue.end + 1)  # a source written in lower case: "laut dpa", "laut taz"
        return ("np",) + np_ if np_ else None
    if cue.kind == "post":
        np_ = ctx.np_before(cue.head, s)
        return ("np",) + np_ if np_ else None
    if cue.kind == "nach":
        j = cue.end
        if j < e and low[j] in ctx.w["gen_link"]:
            np_ = ctx._np_from(j + 1 if low[j] in ("von", "vom") else j, e)
            if np_:
                return ("np", cue.head + 1, np_[1])
        return ("np", cue.head + 1, cue.end)
    if "h" in cue.flags:  # "In der Erklärung heißt es": the source is the "in" phrase
        for i in range(s, ctx.clause_boundary(cue.end, e)):
            if low[i] in ("in", "im", "aus") and ctx.quote_of[i] < 0:  # "aus dem Bericht geht hervor"
                np_ = ctx._np_from(i + 1, e) if low[i] == "in" else ctx._np_from(i + 1, e) or None
                if np_:
                    return ("np", i + 1, np_[1])
        return None
    head = cue.head
    if "z" in cue.flags and ctx.lang == "de":
        # "Ein Sender zitierte X mit den Worten" / "X wird … wie folgt zitiert"
        for k in _back_in_clause(ctx, s, head):
            if low[k] in PASSIVE:
                r = ctx.np_right(k + 1, head)
                return ("np",) + r if r else None
        if not cue.part:
            r = ctx.np_right(cue.end, e)
            if r:
                return ("np",) + r
    if cue.part and ctx.lang == "de" and cue.end < e and (low[cue.end] in PASSIVE or (
            cue.end + 1 < e and low[cue.end] in ("worden", "werden") and low[cue.end + 1] in PASSIVE | {"war", "ist", "sei"})):
        # "…, kritisiert wird, dass", "war befürchtet worden": passive, the source is a "von" phrase
        for a in range(s, head):
            if low[a] in ("von", "vom") and ctx.quote_of[a] < 0:
                np_ = ctx._np_from(a + 1, head)
                if np_:
                    return ("np", a + 1, np_[1])
        return _document_source(ctx, s, head)
    if cue.part and ctx.lang == "de":
        # "hat X gesagt" / "wurde gefordert": find the finite auxiliary of the clause
        for k in _back_in_clause(ctx, s, head):
            if low[k] in PASSIVE:
                for a in range(k, head):
                    if low[a] in ("von", "vom") and a + 1 < head:
                        np_ = ctx._np_from(a + 1, head)
                        if np_:
                            return ("np", a + 1, np_[1])
                return _document_source(ctx, k, head) or _document_source(ctx, s, head)
            if low[k] in PERFECT:
                head = k
                break
    # verb: "wie X sagte", Vorfeld subject, subject after the verb
    k = head
    while k > s and low[k - 1] not in BOUNDARY and low[k - 1] not in END_PUNCT and head - k < 12:
        if low[k - 1] in ("wie", "as"):
            if k < head:
                return ("np", k, head)
            break
        k -= 1
    if ctx.lang == "de" and head + 1 < e and low[head + 1] in ("er", "sie", "man", "wir", "ich") \
            and (head == s or low[head - 1] not in ctx.w["pron"]):
        return ("np", head + 1, head + 2)  # "…, sagte er" / "Den Plan lehnte sie ab"
    left = ctx.np_left(head, s)
    if left and ctx.lang == "de" and left[1] - left[0] == 1 and low[left[0]] in DEMONSTRATIVE:
        r = ctx.np_right(cue.end if not cue.part else head + 1, e)
        return ("np",) + r if r else None  # "Dies bestätigte die Polizei": the subject follows
    if left and ctx.lang == "de" and _object_first(ctx, left, head, e):
        sp = ctx.actor_start[head + 1]
        return ("np", sp.start, sp.end)  # "Jede Schuld wies Müller zurück"
    if left:
        return ("np",) + left
    if ctx.lang == "en":
        # inverted "…, said the minister": only after a comma or a closing quotation mark
        if head > s and (low[head - 1] == "," or low[head - 1] in CLOSE_MARKS):
            b = cue.end
            while b < e and b - cue.end < 12 and low[b] not in BOUNDARY and low[b] not in END_PUNCT \
                    and low[b] not in EN_RIGHT_STOP:
                b += 1
            if b > cue.end:
                return ("np", cue.end, b)
        return None
    right = ctx.np_right(head + 1, e)
    if right:
        return ("np",) + right
    return None


def _document_source(ctx: Ctx, a: int, b: int) -> tuple | None:
    """A passive speech act with no agent names its source as a place in a document or a
    circle: "In einer Erklärung wurde gefordert, …", "aus Regierungskreisen wurde bekannt"."""
    low = ctx.low
    for i in range(a, b):
        if low[i] in ("in", "im", "aus") and ctx.quote_of[i] < 0:
            np_ = ctx._np_from(i + 1, b)
            if np_ and np_[1] - np_[0] <= 6 and any(low[t].endswith(DOCUMENT_HEADS) for t in range(*np_)):
                return ("np", i + 1, np_[1])
    return None


def _object_first(ctx: Ctx, left: tuple[int, int], head: int, e: int) -> bool:
    """German object-first order: a person is named right after the finite verb and the
    Vorfeld names no actor and no person ("Die Äußerungen bezeichnete Müller als …")."""
    sp = ctx.actor_start.get(head + 1)
    if sp is None or sp.label_ != "person":
        return False
    a, b = left
    for t in range(a, b):
        if t in ctx.actor_start and ctx.low[t - 1] not in ctx.w["gen_link"] and not (
                t > a and ctx.text[ctx.actor_start[t].end - 1].endswith("s") and ctx.is_cap(t - 1)):
            return False  # an actor heads the Vorfeld (a genitive "Hassemers" does not)
    return gender_of_phrase("de", ctx.text[a:b]) is None and not any(
        ctx.low[t] in ctx.w["role_head"] for t in range(a, b))


def _wie_clause(ctx: Ctx, cue: Cue, s: int) -> int | None:
    k = cue.head
    while k > s and ctx.low[k - 1] not in BOUNDARY and cue.head - k < 12:
        if ctx.low[k - 1] in ("wie", "as"):
            return k - 1
        k -= 1
    return None


def _main_konj1(ctx: Ctx, s: int, e: int) -> bool:
    """A Konjunktiv I verb in the sentence's main clause, outside quotation marks, in third person
    (no "ich"/"du" in the sentence: "ich habe" is indicative)."""
    low, w = ctx.low, ctx.w
    for i in range(s, e):
        t = low[i]
        if ctx.quote_of[i] >= 0:
            continue
        if t in ("ich", "du"):
            return False
        if t in w["sub"] or t in ("wenn", "ob"):
            return False  # the first verb may belong to a subordinate clause: be safe
        if t == "," and i + 1 < e and low[i + 1] in w["rel"]:
            return False
        if t in ctx.lex.konj1:
            return True
    return False


def find_indirect(ctx: Ctx, *, reported: bool = True, continue_konj: bool = True,
                  standalone_konj: bool = True) -> list[Found]:
    out: list[Found] = []
    low, w = ctx.low, ctx.w
    last_sent = -9  # index of the last sentence with an attributed quote
    for si, (s, e) in enumerate(ctx.sents):
        cues = sorted(ctx.verb_cues(s, e) + ctx.prep_cues(s, e), key=lambda c: c.head)
        taken: list[tuple[int, int]] = []
        n_before = len(out)
        noun_at = ctx.noun_cue(s, e) if ctx.lang == "de" and not cues else None
        if continue_konj and ctx.lang == "de" and not cues and noun_at is None and si - last_sent <= 1 and out and \
                any((low[i] in ctx.lex.konj1 or low[i] in KONJ2_RUN) and ctx.quote_of[i] < 0
                    for i in range(s, e)):
            # reported speech runs on in Konjunktiv I: "Er sagte, … . Die Lage sei ernst."
            b = _clause_end(ctx, s, e, cues)
            if b - s >= 3 and _quoted_share(ctx, s, b) <= 0.6:
                out.append(Found("indirect", _span_text(ctx, s, b), s, s, b, s, e, ("same", out[-1])))
                last_sent = si
            continue
        if standalone_konj and ctx.lang == "de" and not cues and noun_at is None and si > 0 and \
                _main_konj1(ctx, s, e):
            # a main clause in Konjunktiv I is reported speech even without a speech verb
            # ("Mögliche Termine seien …"): the source is the subject of the sentence before
            b = _clause_end(ctx, s, e, cues)
            if b - s >= 3 and _quoted_share(ctx, s, b) <= 0.6:
                ps, pe = ctx.sents[si - 1]
                spk: tuple = ("subject", ps, pe)
                for i in range(s, b - 1):  # "Außerdem wolle er …": the sentence's own pronoun
                    if low[i] in ctx.lex.konj1 and low[i + 1] in ("er", "sie"):
                        spk = ("np", i + 1, i + 2)
                        break
                out.append(Found("indirect", _span_text(ctx, s, b), s, s, b, s, e, spk))
                last_sent = si
            continue

        def add(kind: str, a: int, b: int, cue: Cue, extra: tuple[int, int] | None = None) -> None:
            if b - a < 2 or _quoted_share(ctx, a, b) > 0.6:
                return
            if any(a < tb and ta < b for ta, tb in taken):
                return
            text = _span_text(ctx, a, b)
            if extra:
                text = (text + " " + _span_text(ctx, *extra)).strip()
            if len(text.split()) < 2:
                return
            taken.append((a, b))
            spk = _speaker_of(ctx, cue, s, e)
            ing = ctx.lang == "en" and cue.kind == "verb" and low[cue.head].endswith("ing") and cue.head > s and \
                low[cue.head - 1] in (",", "and")
            if (spk is None or ing) and cue.head > s and (low[cue.head - 1] in ("und", "and", "but", "aber") or ing):
                # "X theorized that …, and wrote that …" / "…, he said, adding that …": the verbs
                # share their subject
                prev = next((f for f in reversed(out) if f.sent_start == s), None)
                spk = ("same", prev) if prev is not None else (("last",) if ing else ("subject", s, cue.head))
            out.append(Found(kind, text, a, a, b, s, e, spk))

        for cue in cues:
            if cue.kind in ("prep", "post", "nach", "so"):
                sp = _speaker_of(ctx, cue, s, e)
                cut_a = cue.head
                cut_b = sp[2] if sp and sp[2] > cue.end else cue.end
                if cue.kind == "post":
                    cut_a = sp[1] if sp else cue.head
                    cut_b = cue.end
                if cue.kind == "so":
                    cut_a = cue.head - 1
                    cut_b = sp[2] if sp else cue.end
                    if cut_b < e and low[cut_b] not in END_PUNCT:
                        continue  # ", so X" only closes a sentence
                before = (s, cut_a)
                after = (cut_b, _clause_end(ctx, cut_b, e, cues))
                a, b = before if before[1] - before[0] >= after[1] - after[0] else after
                extra = after if (a, b) == before and after[1] - after[0] > 2 else None
                if extra is None and (a, b) == after and before[1] - before[0] > 2:
                    a, b = before[0], after[1]
                    add("indirect", a, b, cue)
                    out[-1:] = [_cut(ctx, out[-1], cut_a, cut_b)] if out and out[-1].start == a else out[-1:]
                    continue
                add("indirect", a, b, cue, extra)
                continue
            wie = _wie_clause(ctx, cue, s)
            after_b = ctx.clause_boundary(cue.end, e)
            if wie is not None:
                if wie == s or (wie == s + 1 and low[s] in w["conj"]):
                    a = after_b + 1 if after_b < e and low[after_b] == "," else after_b
                    add("indirect", a, _clause_end(ctx, a, e, cues), cue)
                elif low[wie - 1] == ",":
                    rest = (after_b + 1, _clause_end(ctx, after_b + 1, e, cues)) \
                        if after_b < e and low[after_b] == "," else None
                    add("indirect", s, wie - 1, cue, rest)
                continue
            # X sagte, dass … / X sagte, … sei … / X said (that) …
            k = after_b
            if k < e and low[k] in (",", ":") and k + 1 < e and ctx.quote_of[k + 1] < 0:
                a = k + 1
                b = _clause_end(ctx, a, e, cues)
                if ctx.lang == "de":
                    if low[a] in w["that"] or low[a] in ("ob",) or (
                            "c" in cue.flags and (_has_konj(ctx, a, b) or _zu_inf(ctx, a, b))):
                        add("indirect", a, b, cue)
                        continue
                elif "c" in cue.flags and (low[a] in w["that"] or low[a] in ctx.w["pron"] or ctx.is_cap(a)):
                    add("indirect", a + (1 if low[a] == "that" else 0), b, cue)
                    continue
            if ctx.lang == "en" and "c" in cue.flags and cue.end < e and low[cue.end] not in BOUNDARY:
                j = cue.end
                lim = min(e, j + 8)
                while j < lim and low[j] not in w["that"] and low[j] not in BOUNDARY and low[j] not in END_PUNCT:
                    j += 1
                if j < lim and low[j] == "that":
                    add("indirect", j + 1, _clause_end(ctx, j + 1, e, cues), cue)
                    continue
                a = cue.end
                inverted = cue.head > s and (low[cue.head - 1] == "," or low[cue.head - 1] in CLOSE_MARKS) \
                    and ctx.np_left(cue.head, s) is None
                if not inverted and "o" not in cue.flags and (low[a] in w["pron"] or low[a] in w["subj_det"] or
                                             (ctx.is_cap(a) and low[a] not in w["prep"])):
                    add("indirect", a, _clause_end(ctx, a, e, cues), cue)
                    continue
            # inverted: "…, sagte X." / "…, X said."
            p = cue.head - 1
            if ctx.lang == "en":
                while p > s and low[p] not in BOUNDARY and cue.head - p < 12:
                    p -= 1
            tail_ok = True
            if ctx.lang == "en":
                t = cue.end
                while t < e and low[t] not in END_PUNCT and t - cue.end < 10 and low[t] != "that" \
                        and ctx.quote_of[t] < 0:
                    t += 1
                tail_ok = t >= e or low[t] in END_PUNCT
            if tail_ok and p > s and (low[p] == "," or low[p] in CLOSE_MARKS):
                q = p
                while q > s and low[q] in CLOSE_MARKS | {","}:
                    q -= 1
                sp = _speaker_of(ctx, cue, s, e)
                own = sp is not None and sp[0] == "np" and sp[1] <= s + 1 and sp[2] >= q and \
                    not _has_konj(ctx, s, q)
                if q - s >= 2 and _quoted_share(ctx, s, q + 1) <= 0.6 and not own:
                    # ("Hans Muster, Sprecher der Partei, sagte" is the subject, not a report)
                    add("indirect", s, q + 1, cue)
                    continue
            if reported and "r" in cue.flags:
                j = ctx.clause_boundary(cue.head + 1, e)
                a = cue.head + 1
                sp = _speaker_of(ctx, cue, s, e)
                if sp and sp[1] > cue.head:
                    a = sp[2]
                if a < j and low[a] in w["det"]:
                    b = j - 1 if cue.end - 1 == j - 1 and cue.end - 1 > cue.head else j
                    add("reported", a, b, cue)
        if len(out) == n_before and ctx.lang == "de":
            a = ctx.noun_cue(s, e)
            if a is not None:
                b = _clause_end(ctx, a, e, cues)
                if low[a] in w["that"] or low[a] == "ob" or _has_konj(ctx, a, b) or _zu_inf(ctx, a, b):
                    if b - a >= 3 and _quoted_share(ctx, a, b) <= 0.6:
                        out.append(Found("indirect", _span_text(ctx, a, b), a, a, b, s, e, ("subject", s, a)))
        if len(out) > n_before and any(f.kind == "indirect" for f in out[n_before:]):
            last_sent = si
    return out


def _cut(ctx: Ctx, f: Found, a: int, b: int) -> Found:
    text = (_span_text(ctx, f.start, a) + " " + _span_text(ctx, b, f.end)).strip()
    return Found(f.kind, text, f.anchor, f.start, f.end, f.sent_start, f.sent_end, f.speaker)


def _back_in_clause(ctx, s: int, head: int):
    """Token indices from head-1 back to the start of the clause (not before s), skipping quoted
    tokens: a quotation inside the clause does not end it ("von X als „…“ bezeichnet")."""
    low = ctx.low
    k = head
    while k > s and ((low[k - 1] not in BOUNDARY and low[k - 1] not in END_PUNCT) or ctx.quote_of[k - 1] >= 0):
        k -= 1
        if ctx.quote_of[k] < 0:
            yield k
