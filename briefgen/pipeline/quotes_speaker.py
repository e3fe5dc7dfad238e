"""Speaker resolution: noun phrase -> actor's canonical name, description, or resolved pronoun.

A pronoun goes to the last fitting person: gender from given names and role words
(`quotes_gender`), German "sie" with a plural verb ("sagten sie") to the last group or
organisation. An English definite description ("the chief executive") goes to the person the
text gave that role ("chief executive Jane Roe", "Jane Roe, the company's chief executive").
"""
from __future__ import annotations

from .quotes_gender import gender_of_phrase, person_genders
from .quotes_rules import Ctx

PERSON_PRONOUNS = {"er", "sie", "he", "she"}
IT_PRONOUNS = {"it", "they"}
NO_SPEAKER = {"es", "man", "wir", "ich", "we", "i", "you", "du"}
LEADING = {"und", "auch", "and", "also", "dann", "then", "nun", "so"}
WANT = {"er": "m", "he": "m", "sie": "f", "she": "f"}
DE_AUX = {"hat", "hatte", "haben", "hatten", "ist", "war", "sind", "waren", "wird", "wurde", "werden",
          "wurden", "sei", "seien", "habe", "hätte", "hätten", "will", "wollte", "wollen", "wollten",
          "kann", "konnte", "können", "konnten", "soll", "sollte", "sollen", "sollten", "muss", "müssen"}
EN_ROLE_DET = {"the", "its", "his", "her", "their"}
ORG_NOUNS = {"company", "firm", "corporation", "carmaker", "automaker", "retailer", "bank", "group",
             "manufacturer", "airline", "insurer", "broadcaster", "publisher", "network", "chain"}


class SpeakerResolver:
    def __init__(self, ctx: Ctx) -> None:
        self.ctx = ctx
        self.last: str | None = None
        self.last_person: str | None = None
        self.last_group: str | None = None
        self.info: dict[str, tuple[str | None, bool]] = {}  # speaker -> (gender, is a person)
        self.actor_at: dict[int, object] = {}
        self.persons: list[tuple[int, int, str]] = []  # (start, end, canonical) of person mentions
        spans = ctx.doc.spans.get("actors") if "actors" in ctx.doc.spans else None
        self.have_actors = bool(spans)
        for sp in sorted(spans or (), key=lambda s: (s.start, -s.end)):
            for t in range(sp.start, sp.end):
                self.actor_at.setdefault(t, sp)
            if sp.label_ == "person":
                self.persons.append((sp.start, sp.end, sp.kb_id_ or sp.text))
        self.genders = person_genders(ctx.lang, ctx.text, self.persons)
        self.roles = self._roles() if ctx.lang == "en" else {}
        self.done: dict[int, str | None] = {}

    # ------------------------------------------------------------ entry
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
        elif sp[0] == "subject":
            out = self._subject_of(sp[1], sp[2])
        elif sp[0] == "person":
            out = None
            if sp[3] is not None and self._person_like(*sp[3]):
                out = self._np(*sp[3])  # "Der Innenminister zeigte sich besorgt:"
            if out is None:
                out = self._person_in(sp[1], sp[2])
            if out is None:
                out = self.last
        else:
            out = self._np(sp[1], sp[2])
        self.done[key] = out
        if out:
            self.last = out
            gender, person = self.info.get(out, (None, False))
            if person:
                self.last_person = out
            else:
                self.last_group = out
        return out

    def _np(self, a: int, b: int) -> str | None:
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
            if canon not in self.info:
                g = self.genders.get(canon) if person else None
                self.info[canon] = (g, person)
            return canon
        words = ctx.text[a:b]
        text = ctx.doc[a:b].text.strip()
        if not text:
            return None
        linked = self._role_link(a, b)
        if linked:
            return linked
        g = gender_of_phrase(ctx.lang, words)
        bare_name = not self.have_actors and all(ctx.is_cap(i) for i in range(a, b)) and b - a <= 4
        person = g is not None or bare_name or any(w.lower() in ctx.w["role_head"] for w in words)
        self.info.setdefault(text, (g, person))
        return text

    def _subject_of(self, a: int, b: int) -> str | None:
        """The actor a sentence is about: its first phrase when that names an actor or a person,
        else the first person, else the first organisation it names, else the last speaker."""
        ctx = self.ctx
        low = ctx.low
        for t in range(a, b - 1):  # passive: "Der Plan wurde vom Verband kritisiert"
            if low[t] in ("wurde", "wurden", "worden") and ctx.quote_of[t] < 0:
                for v in range(a, b - 1):
                    if low[v] in ("von", "vom") and ctx.quote_of[v] < 0:
                        r = ctx._np_from(v + 1, b)
                        if r is not None:
                            return self._np(*r)
                break
        r = ctx.np_right(a, b)  # skips "Am 15. Mai hat": the subject after the verb
        if r is not None:
            canon, _p = self._actor_in(*r)
            if canon or self._person_like(*r):
                return self._np(*r)
        out = self._person_in(a, b)
        if out:
            return out
        for t in range(a, b):
            sp = self.actor_at.get(t)
            if sp is not None and sp.label_ == "organization" and ctx.quote_of[t] < 0 and \
                    not self._dependent(sp.start, sp.end, a, b):
                canon = sp.kb_id_ or sp.text
                self.info.setdefault(canon, (None, False))
                return canon
        return self.last

    def _person_like(self, a: int, b: int) -> bool:
        """The phrase names a person: a person actor as its head or a role word."""
        ctx = self.ctx
        canon, person = self._actor_in(a, b)
        if canon:
            return person
        return any(ctx.low[t] in ctx.w["role_head"] for t in range(a, b)) or \
            gender_of_phrase(ctx.lang, ctx.text[a:b]) is not None

    def _person_in(self, a: int, b: int) -> str | None:
        """The first person named in a..b outside quotation marks and not as a dependent."""
        ctx = self.ctx
        for s, e, canon in self.persons:
            if s < a:
                continue
            if s >= b:
                break
            if ctx.quote_of[s] >= 0 or self._dependent(s, e, a, b):
                continue
            self.info.setdefault(canon, (self.genders.get(canon), True))
            return canon
        return None

    def _dependent(self, start: int, end: int, a: int, b: int) -> bool:
        """A mention that only qualifies the phrase's head: after "der/von/of", a possessor
        ("Saudi Arabia's agency"), a German genitive name after a noun ("Oberrabbiner Israels")."""
        ctx = self.ctx
        low = ctx.low
        before = low[start - 1] if start > a else ""
        after = low[end] if end < len(low) else ""
        # "der" right at the phrase start is the mention's own article ("Der Wetterdienst")
        link = before in ctx.w["gen_link"] and (start - 1 > a or before in ("von", "vom", "of", "for", "aus"))
        if link or before in ("'s", "’s") or (after in ("'s", "’s") and end < b - 1):
            return True
        sp = self.actor_at.get(start)
        canon = (sp.kb_id_ or sp.text) if sp is not None else ""
        last = ctx.text[end - 1]
        inflected = bool(canon) and last.endswith("s") and not canon.endswith(last) and \
            canon.split()[-1] + "s" == last
        if ctx.lang == "de" and inflected and end < len(low) and ctx.is_cap(end) and ctx.is_word(end) \
                and low[end] not in ctx.w["det"]:
            return True  # a possessor: "Stoibers Äußerungen"
        if ctx.lang == "de" and start > a and ctx.is_cap(start - 1) and ctx.text[end - 1].endswith("s") \
                and ctx.doc[start - 1].tag_ in ("NN", "") and low[start - 1] not in ctx.w["det"]:
            return inflected
        return False

    # ------------------------------------------------------------ actors in a phrase
    def _actor_in(self, a: int, b: int) -> tuple[str | None, bool]:
        """The actor the phrase is about: not a possessor ("Saudi Arabia's agency") or a
        dependent ("Sprecher der Polizei"); of coordinated actors the first, else the last.
        A mention that overlaps the phrase counts (the phrase may cut a name short)."""
        ctx = self.ctx
        low = ctx.low
        best = None
        person = None
        i = a
        while i < b:
            sp = self.actor_at.get(i)
            if sp is None:
                i += 1
                continue
            if not self._dependent(sp.start, sp.end, a, b):
                if best is not None and any(low[t] in ("and", "und", "sowie") for t in range(best.end, sp.start)):
                    break
                best = sp
                if sp.label_ == "person" and person is None:
                    person = sp
            i = max(i + 1, sp.end)
        if person is not None:
            best = person  # "der Oberrabbiner Israels, Yona Metzger": the person, not the place
        if best is None:
            return None, False
        return (best.kb_id_ or best.text), best.label_ == "person"

    # ------------------------------------------------------------ pronouns
    def _plural_verb(self, i: int) -> bool:
        """German "sie" next to a plural finite verb ("sagten sie", "sie hätten")."""
        ctx = self.ctx
        for j in (i - 1, i + 1):
            if 0 <= j < len(ctx.low):
                t = ctx.low[j]
                if t in DE_AUX or ctx.lex.verbs.get(t):
                    return t.endswith("n")
        return False

    def _gender(self, name: str | None) -> str | None:
        if not name:
            return None
        g = self.info.get(name, (None, False))[0]
        return g or self.genders.get(name)

    def _pronoun(self, i: int, pron: str) -> str | None:
        if pron in IT_PRONOUNS or (self.ctx.lang == "de" and pron == "sie" and self._plural_verb(i)):
            if self.last and not self.info.get(self.last, (None, False))[1]:
                return self.last
            return self.last_group or self.last or self._last_org(i)
        want = WANT[pron]
        before = [p for p in self.persons if p[0] < i]
        match = next((p for p in reversed(before) if self.genders.get(p[2]) == want), None)
        unknown = next((p for p in reversed(before) if self.genders.get(p[2]) is None), None)
        lp = self.last_person
        if lp:
            g = self._gender(lp)
            if g == want:
                return lp
            if g is None:
                if match and not any(p[2] == lp for p in before if p[0] > match[0]) and \
                        self._last_mention(lp, i) < match[0]:
                    return match[2]
                return lp
            # the last person speaker is of the other gender
            if match:
                return match[2]
            if unknown:
                return unknown[2]
            return self.last if pron == "sie" else lp
        if match:
            return match[2]
        if unknown:
            return unknown[2]
        return self.last or self._name_before(i)

    def _last_mention(self, name: str, i: int) -> int:
        pos = -1
        for s, _e, c in self.persons:
            if s >= i:
                break
            if c == name:
                pos = s
        return pos

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

    # ------------------------------------------------------------ English role descriptions
    def _roles(self) -> dict[str, str | None]:
        """role head noun -> the one person the text gives that role: "chief executive Jane Roe"
        (lower-case role words right before the name) or "Jane Roe, the company's chief
        executive," (an apposition after it). A role given to two people maps to None."""
        ctx = self.ctx
        low, n = ctx.low, len(ctx.low)
        roles: dict[str, str | None] = {}

        def put(word: str, canon: str) -> None:
            if word in ctx.w["det"] or word in ctx.w["prep"] or not word.isalpha():
                return
            if roles.get(word, canon) != canon:
                roles[word] = None
            else:
                roles[word] = canon

        for s, e, canon in self.persons:
            k = s - 1
            if k >= 0 and not ctx.is_cap(k) and low[k].isalpha() and low[k] not in ctx.w["det"]:
                put(low[k], canon)  # "chief executive Jane Roe"
            if e < n and low[e] == ",":
                j = e + 1
                while j < n and j < e + 8 and low[j] not in (",", ".", ";", ")") and \
                        (not ctx.is_cap(j) or low[j - 1] in ("'s", "’s") or low[j - 1] in ctx.w["det"]):
                    j += 1
                if j < n and low[j] in (",", ".") and j > e + 1 and not ctx.is_cap(j - 1):
                    put(low[j - 1], canon)  # "Jane Roe, the company's chief executive,"
        return roles

    def _last_org(self, i: int) -> str | None:
        """The organisation mentioned last before token i."""
        best = None
        for t, sp in self.actor_at.items():
            if t < i and sp.label_ in ("organization", "organisation", "org") and (best is None or t > best[0]):
                best = (t, sp)
        if best is None:
            return None
        canon = best[1].kb_id_ or best[1].text
        self.info.setdefault(canon, (None, False))
        return canon

    def _role_link(self, a: int, b: int) -> str | None:
        ctx = self.ctx
        if ctx.lang != "en":
            return None
        low = ctx.low
        if b - a == 2 and low[a] == "the" and low[a + 1] in ORG_NOUNS:
            return self._last_org(a)  # "the company said": the company named last
        if not self.roles:
            return None
        if low[a] not in EN_ROLE_DET and not (b - a >= 3 and low[a + 1] in ("'s", "’s")):
            return None
        head = low[b - 1]
        return self.roles.get(head) if b - a <= 5 else None
