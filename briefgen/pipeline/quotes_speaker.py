"""Speaker resolution: noun phrase -> actor's canonical name, description, or resolved pronoun."""
from __future__ import annotations

from .quotes_rules import Ctx

PERSON_PRONOUNS = {"er", "sie", "he", "she"}
IT_PRONOUNS = {"it", "they"}
NO_SPEAKER = {"es", "man", "wir", "ich", "we", "i", "you", "du"}
LEADING = {"und", "auch", "and", "also", "dann", "then", "nun", "so"}


class SpeakerResolver:
    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.last: str | None = None
        self.last_person: str | None = None
        self.last_pos = -1
        self.actor_at: dict[int, object] = {}
        self.persons: list[tuple[int, str]] = []  # (token, canonical) of person mentions
        spans = ctx.doc.spans.get("actors") if "actors" in ctx.doc.spans else None
        self.have_actors = bool(spans)
        for sp in spans or ():
            for t in range(sp.start, sp.end):
                self.actor_at[t] = sp
            if sp.label_ == "person":
                self.persons.append((sp.start, sp.kb_id_ or sp.text))
        self.done: dict[int, str | None] = {}

    def resolve(self, f) -> str | None:
        key = id(f)
        if key in self.done:
            return self.done[key]
        sp = f.speaker
        out: str | None = None
        if sp is None:
            out = None
        elif sp[0] == "same":
            out = self.resolve(sp[1])
        elif sp[0] == "last":
            out = self.last
        else:
            out = self._np(sp[1], sp[2], f.anchor)
        self.done[key] = out
        if out:
            self.last = out
        return out

    def _np(self, a: int, b: int, anchor: int) -> str | None:
        ctx = self.ctx
        low = ctx.low
        while a < b and (low[a] in LEADING or low[a] in (",", ":")):
            a += 1
        while b > a and (low[b - 1] in (",", ":", ".") or ctx.doc[b - 1].is_space):
            b -= 1
        if a >= b:
            return None
        if b - a == 1 and low[a] in NO_SPEAKER:
            return None
        if b - a == 1 and (low[a] in PERSON_PRONOUNS or low[a] in IT_PRONOUNS):
            return self._pronoun(a, low[a])
        canon, person = self._actor_in(a, b)
        if canon:
            if person:
                self.last_person = canon
            return canon
        text = ctx.doc[a:b].text.strip()
        if not self.have_actors and all(ctx.is_cap(i) for i in range(a, b)) and b - a <= 4:
            self.last_person = text  # a bare name: the best guess for a later "er"/"he"
        return text or None

    def _actor_in(self, a: int, b: int) -> tuple[str | None, bool]:
        """The actor the phrase is about: not a possessor ("Saudi Arabia's agency") or a
        dependent ("Sprecher der Polizei"); of coordinated actors the first, else the last."""
        ctx = self.ctx
        low = ctx.low
        best = None
        i = a
        while i < b:
            sp = self.actor_at.get(i)
            if sp is None:
                i += 1
                continue
            before = low[sp.start - 1] if sp.start > a else ""
            after = low[sp.end] if sp.end < len(low) else ""
            dep = before in ctx.w["gen_link"] or before in ("'s", "’s") or (
                after in ("'s", "’s") and sp.end < b - 1)
            if not dep:
                if best is not None and any(low[t] in ("and", "und", "sowie") for t in range(best.end, sp.start)):
                    break
                best = sp
            i = max(i + 1, sp.end)
        if best is None:
            return None, False
        return (best.kb_id_ or best.text), best.label_ == "person"

    def _pronoun(self, i: int, pron: str) -> str | None:
        if pron in PERSON_PRONOUNS:
            if self.last_person and self.last_person == self.last:
                return self.last
            cand = None
            for t, name in self.persons:
                if t >= i:
                    break
                cand = name
            if pron == "sie" and self.last and not cand:
                return self.last
            return cand or self.last_person or self.last or self._name_before(i)
        return self.last

    def _name_before(self, i: int) -> str | None:
        """No actor known: the nearest run of two or more capitalised words inside a sentence."""
        ctx = self.ctx
        j = i - 1
        while j > 0 and i - j < 400:
            if ctx.is_cap(j) and ctx.is_cap(j - 1) and ctx.is_word(j - 1) and j - 2 >= 0 and ctx.is_word(j - 2) \
                    and not ctx.is_cap(j - 2):
                k = j + 1
                while k < len(ctx.low) and ctx.is_cap(k):
                    k += 1
                return ctx.doc[j - 1:k].text
            j -= 1
        return None
