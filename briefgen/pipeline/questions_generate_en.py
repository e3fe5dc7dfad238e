"""English questions from plain words and closed-class lists (see questions_generate for German).

whether/if-clauses and main clauses invert subject and auxiliary ("whether the firm will survive" ->
"Will the firm survive?"); plans ("X is expected to V", "X plans to V") become "Will X V?"; a clause
whose finite verb is a lexical verb gets do-support ("The council approved the plan" -> "Did the
council approve the plan?"), with base forms from a `verbs` lookup (HanTa's English model); only
a clause with no verb found becomes "Is it true that …?".
"""
from __future__ import annotations

from typing import Sequence

from .questions_generate import CLAUSE_END, QUOTES, Word, finish, made


class English:
    def __init__(self, grammar: dict, verbs=None) -> None:
        """`verbs(word)` -> finite lexical-verb readings ((CLAWS tag, base form), …) of a lower-case word,
        for do-support ("The council approved the plan" -> "Did the council approve the plan?")."""
        self.verbs = verbs
        self.not_after = set(grammar["no_verb_after"])
        self.aux = set(grammar["aux"])
        self.contractions = grammar.get("contractions", {})  # "'s" -> "is" when it moves to the front
        self.leading = set(grammar.get("leading_adverbs", ()))
        self.plan = set(grammar["plan_verbs"])
        self.hedge_passive = set(grammar["hedge_passive"])
        self.promise = set(grammar["promise_verbs"])
        self.drop = set(grammar["drop_words"])
        self.lower = set(grammar["lower_first"])
        self.speech = set(grammar["speech_verbs"])
        self.w_words = set(grammar["w_words"])
        self.objects = set(grammar["object_words"])
        self.cut_after = {"but", "and", "which", "while", "as", "although", "though", "so", "compared", "with", "who",
                          "where", "when", "because", "since"}

    def _lower(self, w: Word) -> Word:
        if w.text.lower() in self.lower:
            return w._replace(text=w.text.lower())
        return w

    CLAUSE_CONJ = {"but", "and", "yet"}
    # words a subject does not start with: a clause opened so is subordinate or adverbial
    NO_SUBJECT = {"if", "unless", "while", "whereas", "although", "though", "because", "since", "after", "before",
                  "when", "as", "given", "despite", "due", "following", "instead", "unlike", "alongside", "soon",
                  "once", "until", "whether", "so", "than", "like", "with", "without", "in", "on", "at", "for", "by",
                  "from", "to", "of", "into", "about", "during", "under", "over", "amid", "against"}

    def question(self, words: list[Word], family: str, cue: int | None = None) -> str | None:
        """`cue`: position (Word.i) of the strongest cue; the clause after ", but" / ";" holding it comes first."""
        if cue is not None:
            pos = next((n for n, w in enumerate(words) if w.i >= cue), len(words))
            start = 0
            for n in range(1, pos):
                nxt = words[n + 1].text.lower() if n + 1 < len(words) else ""
                if words[n].text == ";" or (words[n].text == "," and nxt in self.CLAUSE_CONJ):
                    start = n + 1
            while start and start < len(words) and (words[start].text.lower() in self.CLAUSE_CONJ | {"that", ","}):
                start += 1
            if start and len(words) - start >= 4:
                q = self._question(words[start:], family)
                if q and not q.startswith("Is it true that"):
                    return q
        return self._question(words, family)

    def _question(self, words: list[Word], family: str) -> str | None:
        words = self._strip(words)
        if len(words) < 3:
            return None
        low = [w.text.lower() for w in words]
        if "whether" in low:
            k = low.index("whether")
            q = self.invert(self.clause(words, k + 1), fallback=len(self.clause(words, k + 1)) >= 4)
            if q:
                return q
        if low[0] in ("if", "unless"):
            # the main clause follows the condition: try its commas from the last one back
            for n in range(len(words) - 3, 1, -1):
                if words[n].text == ",":
                    q = self.invert(self.cut(words[n + 1:]), tail=[made(low[0]), *words[1:n]])
                    if q:
                        return q
        if family == "uncertainty":
            for n, w in enumerate(words):
                if n and low[n] in self.w_words and low[n - 1] not in (",",) and n + 2 < len(words):
                    q = self.w_question(words[n:])
                    if q:
                        return q
                    break
        # "X claimed that S", "X told reporters S could …": ask about S
        for n in range(1, min(len(words) - 2, 16)):
            if low[n] in self.speech:
                if low[n - 1] in self.aux or (n + 1 < len(low) and low[n + 1] == "to"):
                    break  # "are predicted to …", "is said to …": not a speech frame
                rest = words[n + 1:]
                rlow = [w.text.lower() for w in rest]
                if "that" in rlow[:6]:
                    rest = rest[rlow.index("that") + 1:]
                elif low[n] in ("told", "tells", "tell", "warned", "assured", "informed"):
                    k = 0  # skip the addressee: "told CBC News", "told reporters"
                    while k < len(rest) - 2 and (rest[k].text[:1].isupper() or rlow[k] in self.objects):
                        k += 1
                    rest = rest[k:]
                if len(rest) >= 3:
                    q = self.invert(self.cut(rest), fallback=True)
                    if q:
                        return q
                break
        return self.invert(self.cut(words), fallback=True)

    def cut(self, words: Sequence[Word]) -> list[Word]:
        """The clause up to a second clause (", but", ", and", ", which", ";")."""
        out = []
        for n, w in enumerate(words):
            if w.text in (";", ":", "–", "—"):
                break
            if w.text == "," and n + 1 < len(words) and len(out) > 3:
                nxt = words[n + 1].text
                if nxt.lower() in self.cut_after or (nxt[:1].isupper() and nxt.lower() in self.lower):
                    break
            out.append(w)
        return out

    def _strip(self, words: list[Word]) -> list[Word]:
        words = [w for w in words if w.text not in QUOTES]
        while words and words[-1].text in CLAUSE_END:
            words = words[:-1]
        low = [w.text.lower() for w in words]
        if low[:2] == ["according", "to"] and "," in low:
            words = words[low.index(",") + 1:]
        for n in range(len(words) - 1, max(0, len(words) - 8), -1):
            if words[n].text == "," and any(w.text.lower() in self.speech for w in words[n + 1:]):
                words = words[:n]
                break
        words = self._drop_parentheticals(words)
        while words and (words[0].text.lower() in self.drop or words[0].text == ","):
            words = words[1:]
        if len(words) > 2 and words[0].text.lower() == "so" and words[1].text.lower() == "far":
            words = words[2:]
        if words and words[0].text.lower() in ("in",) and len(words) > 2 and words[2].text == ",":
            words = words[3:]
        if words:
            words[0] = self._lower(words[0])
        return words

    def _drop_parentheticals(self, words: list[Word]) -> list[Word]:
        """", they point out," / ", officials said," between commas (or at the start) -> dropped."""
        n = 0
        while n < len(words) - 2:
            if words[n].text != "," and n:
                n += 1
                continue
            a = n + 1 if words[n].text == "," else n
            m = next((k for k in range(a + 1, min(len(words), a + 6)) if words[k].text == ","), None)
            inner = [w.text.lower() for w in words[a:m]] if m else []
            if inner and any(t in self.speech or t in ("point", "points", "pointed") for t in inner[1:]) \
                    and not any(t in ("that", "whether", "if") or t in self.aux for t in inner):
                words = words[:n] + words[m + 1:] if words[n].text == "," else words[m + 1:]
                continue
            n += 1
        return words

    def clause(self, words: Sequence[Word], k: int) -> list[Word]:
        out = []
        for w in words[k:]:
            if w.text in (";", ":", ".", "?", "!", "–", "—") or (w.text == "," and len(out) > 3):
                break
            out.append(w)
        if len(out) >= 2 and [w.text.lower() for w in out[-2:]] == ["or", "not"]:
            out = out[:-2]
        return out

    def invert(self, clause: Sequence[Word], *, fallback: bool = False, tail: Sequence[Word] = ()) -> str | None:
        clause = list(clause)
        if len(clause) < 2:
            return None
        low = [w.text.lower() for w in clause]
        tail = list(tail)
        if low[0] in self.w_words:  # "why the team was denied visas": a w-clause, not a subject
            return self.w_question(clause)
        if low[0] in self.leading and len(clause) > 3 and clause[1].text != ",":
            # "Yesterday X received Y" -> "Did X receive Y yesterday?"
            return self.invert(clause[1:], fallback=fallback, tail=[clause[0]._replace(text=low[0]), *tail])
        # a clause opened by "if", "after", "in" … has no subject in front to invert with: the main clause
        # after its comma is asked, the opening phrase goes behind ("In the end, X could Y" -> "Could X Y in the end?")
        if low[0] in self.NO_SUBJECT and not tail:
            for c in range(2, min(len(clause) - 3, 15)):
                if low[c] == ",":
                    opening = [clause[0]._replace(text=low[0]), *clause[1:c]]
                    q = self.invert(clause[c + 1:], tail=opening)
                    if q:
                        return q
                    break
        for a in range(1, min(len(clause), 12) if low[0] not in self.NO_SUBJECT else 1):
            if low[a] in (",", "that", "who", "which"):
                break
            if low[a] in self.aux:
                subject = [self._lower(w) if n == 0 else w for n, w in enumerate(clause[:a])]
                rest = clause[a + 1:]
                aux = low[a]
                rlow = low[a + 1:]
                adverbs = []  # "is also expected to": the adverb goes with the question's verb phrase
                while len(rlow) > 3 and rlow[0] in self.drop | {"now", "widely", "generally"} and rlow[1] in self.plan | self.hedge_passive:
                    adverbs, rest, rlow = [*adverbs, rest[0]], rest[1:], rlow[1:]
                if aux in ("is", "are", "was", "were") and len(rlow) >= 3 and rlow[0] in self.plan and rlow[1] == "to":
                    return finish([made("will"), *subject, *rest[2:], *tail])
                rest = [*adverbs, *rest]
                rlow = [w.text.lower() for w in rest]
                if aux in ("is", "are", "was", "were") and len(rlow) >= 3 and rlow[0] in self.hedge_passive and rlow[1] == "to":
                    if rlow[2] == "be":
                        return finish([made(aux), *subject, *rest[3:], *tail])
                    if rlow[2] == "have" and len(rlow) > 3:
                        return finish([made("has" if aux in ("is", "was") else "have"), *subject, *rest[3:], *tail])
                    return finish([made("do" if aux == "are" else "does"), *subject, *rest[2:], *tail])
                if aux in ("has", "have", "had") and len(rlow) >= 3 and rlow[0] in self.promise and rlow[1] == "to":
                    return finish([made("will"), *subject, *rest[2:], *tail])
                if rest and rest[0].text.lower() in ("n't", "not"):
                    rest = [made("not"), *rest[1:]]
                    return finish([made(self.contractions.get(aux, aux)), *subject, *rest, *tail])
                return finish([made(self.contractions.get(aux, aux)), *subject, *rest, *tail])
            if low[a] in self.promise and a + 2 < len(clause) and low[a + 1] == "to" and not self._verb_before(clause, a):
                subject = [self._lower(w) if n == 0 else w for n, w in enumerate(clause[:a])]
                return finish([made("will"), *subject, *clause[a + 2:], *tail])
        if self.verbs is not None:
            q = self.do_support(clause, tail)
            if q:
                return q
        if fallback:
            first = clause[0]._replace(text=low[0]) if low[0] in self.NO_SUBJECT else self._lower(clause[0])
            body = [first, *clause[1:], *tail]
            return finish([made("is"), made("it"), made("true"), made("that"), *body])
        return None

    PLURAL_PRONOUNS = {"they", "we", "you", "i"}

    def _verb_before(self, clause: Sequence[Word], a: int) -> bool:
        """Is there a past-tense verb before position a ("Congress required them to produce plans to …")?"""
        if self.verbs is None:
            return False
        return any(w.text.islower() and clause[n - 1].text.lower() not in self.not_after
                   and "VVD" in dict(self.verbs(w.text)) for n, w in enumerate(clause[1:a], 1))

    def do_support(self, clause: Sequence[Word], tail: Sequence[Word] = ()) -> str | None:
        """A clause whose finite verb is a lexical verb: "X approved Y" -> "Did X approve Y?"."""
        if not clause or clause[0].text.lower() in self.NO_SUBJECT:
            return None
        for a in range(1, min(len(clause), 10)):
            text = clause[a].text
            low = text.lower()
            if low in (",", "that", "who", "which", "whose", "where", "when", "whether", "if") or text in CLAUSE_END:
                return None
            prev = clause[a - 1].text.lower()
            if prev in self.aux:
                return None  # an auxiliary before the verb: no subject to ask about ("is a forced work camp")
            if not text.isalpha() or not text.islower() or prev in self.not_after or low in self.aux:
                continue
            readings = dict(self.verbs(low))
            if not readings:
                continue
            if a + 1 < len(clause) and low.endswith("s"):
                nxt = clause[a + 1].text
                if nxt.islower() and (nxt in self.aux or self.verbs(nxt)):
                    continue  # "the security lapses raise …": a plural noun before the verb
            plural = prev in self.PLURAL_PRONOUNS or (prev.endswith("s") and not prev.endswith("ss")
                                                      and prev not in self.lower)
            for tag, do in (("VVD", "did"), ("VVZ", "does"), ("VVB", "do")):
                if tag in readings and (tag != "VVB" or plural):
                    subject = [self._lower(w) if n == 0 else w for n, w in enumerate(clause[:a])]
                    rest = list(clause[a + 1:])
                    for n in range(min(len(rest) - 1, 8)):  # "arrested and questioned" -> "arrest and question"
                        if rest[n].text.lower() in ("and", "or") and rest[n + 1].text.islower():
                            second = dict(self.verbs(rest[n + 1].text)).get(tag)
                            if second:
                                rest[n + 1] = rest[n + 1]._replace(text=second)
                            break
                    return finish([made(do), *subject, made(readings[tag]), *rest, *tail])
        return None

    def w_question(self, clause: Sequence[Word]) -> str | None:
        """"…, how much the state will contribute" -> "How much will the state contribute?"."""
        clause = self.clause(clause, 0)
        low = [x.text.lower() for x in clause]
        if len(clause) < 3:
            return None
        k = 1
        if low[0] == "how" and low[1] in ("many", "much", "long", "far", "often", "soon"):
            k = 2
        if (low[0] in ("which", "whose", "what") or k == 2) and low[k] not in self.aux and low[k] not in self.lower:
            k += 1  # the noun of the w-phrase
        for a in range(k, min(len(clause), k + 8)):
            if low[a] in self.aux:
                phrase = [clause[0]._replace(text=low[0]), *clause[1:k]]
                return finish([*phrase, made(low[a]), *clause[k:a], *clause[a + 1:]])
            if low[a] in (",", "that", "who", "which"):
                break
        return None
