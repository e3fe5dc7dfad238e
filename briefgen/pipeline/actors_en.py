"""English actor mentions from capitalisation and news rules.

Rule families:
1. capitalised sequences, hyphen-joined parts included ("Cheng Chung-tai", "Al-Maeena"), with
   "of"/"for" after an organisation head ("Church of Scientology", "Council for National
   Security"); a sentence-initial word only when the text also capitalises it elsewhere or a
   gazetteer knows it;
2. titles inside or before the name ("Environment Minister John Baird", "Hong Kong leader John
   Lee", "Microsoft's chief executive Satya Nadella") and appositions after it ("Jesse Toprak,
   analyst for Edmunds,"); honorifics ("Mr Howard");
3. organisation heads ("Civil Defense Authority", "Apple Inc.", "Conservative government") and
   bare heads that refer back ("the government", "police");
4. unnamed groups that act or speak ("critics", "Web developers", "Industry analysts").
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import hanta
from .actors_common import MEDIUM, STRONG, WEAK, Mention, clause_start
from .actors_lexicon import HONORIFICS, Lexicon
from .actors_products import drop_products

@lru_cache(maxsize=100_000)
def proper_noun(word: str) -> bool:
    """HanTa's English model: is a capitalised word a proper noun (NP0) out of context? Asked
    only for sentence-initial words, where capitals say nothing ("Critics say", "Microsoft says")."""
    return hanta.model(hanta.ENGLISH).analyze(word)[1].startswith("NP")

PLACE_PREPS = {"in", "at", "from", "near", "across", "outside", "inside", "In", "At", "From"}
LINKS = {"of", "for", "de", "da", "van", "von", "bin", "al", "&", "du", "la", "le", "del"}
GENERIC_HEADS = {"government": False, "police": True, "military": False, "army": False, "parliament": False,
                 "court": False, "ministry": False, "company": False, "commission": False,
                 "council": False, "church": False, "department": False, "agency": False, "party": False,
                 "firm": False, "administration": True, "opposition": True}
NAMING_VERBS = {"called", "named", "labelled", "labeled", "dubbed", "nicknamed", "styled"}
NAMING_PHRASES = {"calling itself", "calling themselves", "calls itself", "call themselves", "known as",
                  "calling himself", "calling herself", "going by"}
PERSON_NOUNS = {"user", "man", "woman", "boy", "girl", "person", "blogger", "hacker", "poster", "member",
                "someone", "writer", "author", "artist", "rapper", "singer", "student", "teenager"}
PLACE_HEADS_EXTRA = {"kingdom": "place", "republic": "place", "states": "place", "emirates": "place"}
LEGAL_FORMS = {"Inc.", "Inc", "Corp.", "Corp", "Co.", "Ltd.", "Ltd", "LLC", "plc", "PLC", "AG", "GmbH", "S.A.",
               "N.V.", "LLP"}
ROMAN = re.compile(r"^[IVXLC]{2,}$")
DOMAIN = re.compile(r"^\w[\w-]*\.(com|org|net|co\.uk|ca|de|info|io)$")
NAME_TAILS = {"Online", "Web", "Digital", "Interactive"}  # never names alone, but end some
ACRONYM_S = re.compile(r"^[A-Z]{2,}s$")  # "GMs", "NGOs"
OPENERS = {"\"", "“", "‘", "'", "(", "[", "``", "`"}


class EnglishRules:
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    # ------------------------------------------------------------------ token tests
    def _setup(self, doc, sent_starts):
        self.doc = doc
        self.n = len(doc)
        self.texts = [t.text for t in doc]
        self.ws = [t.whitespace_ for t in doc]
        self.sent_starts = sent_starts
        self.initial = [False] * self.n
        for i in range(self.n):
            prev = self.texts[i - 1] if i else ""
            self.initial[i] = sent_starts[i] or prev in OPENERS or prev in (":", "-", "–", "—") \
                or (i >= 2 and prev in OPENERS and sent_starts[i - 1])
        self.lower_seen = {t for t in self.texts if t.islower()}
        self.midcap = {t for i, t in enumerate(self.texts) if t[:1].isupper() and not self.initial[i]}

    def is_cap(self, i: int) -> bool:
        t = self.texts[i]
        if t[:1].isupper():
            return True
        return t[:1].islower() and t.isalnum() and any(c.isupper() for c in t[1:])  # "iTunes"

    def namelike(self, i: int) -> bool:
        if not self.is_cap(i):
            return False
        t = self.texts[i]
        if t in self.lex.never or t in HONORIFICS["en"] or t == "I":
            return False
        low = t.lower()
        if any(c in t for c in "$€£¥") or (len(t) > 1 and any(c.isdigit() for c in t) and t.isalnum()
                                             and not self._glued(i)):
            return False  # "US$", "IE6", "MP3": currencies, versions and products
        if self.initial[i]:
            if low in self.lex.stop or low in self.lower_seen:
                return bool(self.lex.place(t)) and low not in self.lex.stop
            if t in self.midcap or t.isupper() or self.lex.place(t):
                return True
            nxt = self.texts[i + 1] if i + 1 < self.n else ""
            if nxt[:1].isupper() and nxt.isalpha() and nxt.lower() not in self.lex.stop:
                return True  # the first word of a longer name: "General Motors", "Transport Minister"
            return proper_noun(t)
        if low in self.lex.stop and not t.isupper():
            return False
        return True

    def _acronym_lead(self, i: int) -> bool:
        """A common acronym that opens a longer name: "PC World", "TV Azteca" (not "PC users")."""
        t = self.texts[i]
        if not (t.isupper() and t.isalpha() and t in self.lex.never) or i + 1 >= self.n:
            return False
        nxt = self.texts[i + 1]
        return nxt[:1].isupper() and nxt.isalpha() and not nxt.isupper() and self.namelike(i + 1) \
            and nxt.lower() not in self.lex.title_phrases and self.ws[i] != ""

    def _glued(self, i: int) -> bool:
        return i > 0 and self.ws[i - 1] == "" and self.texts[i - 1] == "-"

    def title_end(self, s: int, e: int) -> int | None:
        """Start of a title phrase ending at token e-1 within [s, e), or None."""
        for width in (4, 3, 2, 1):
            a = e - width
            if a < s:
                continue
            phrase = " ".join(self.texts[a:e]).lower()
            if phrase in self.lex.title_phrases:
                return a
        return None

    # ------------------------------------------------------------------ rules
    def __call__(self, doc, sent_starts) -> list[Mention]:
        self._setup(doc, sent_starts)
        used = [False] * self.n
        out: list[Mention] = []
        self._groups(out, used, with_modifier=True)
        self._names(out, used)
        self._generic(out, used)
        self._groups(out, used, with_modifier=False)
        self._quoted_names(out, used)
        title = (getattr(doc._, "title", "") or "") if doc.has_extension("title") else ""
        if title:
            self._title_bodies(out, title)
        self._demonyms(out, used)
        return drop_products(doc, out, self.lex.never)

    def _demonyms(self, out: list[Mention], used: list[bool]) -> None:
        """A demonym of a country the text names is a mention of it ("its US and Canadian
        production" mentions Canada), as German place adjectives are ("Duisburger")."""
        named = {m.code: m for m in out if m.kind == "place" and m.code and not m.virtual}
        if not named:
            return
        for i, t in enumerate(self.texts):
            if used[i] or not t[:1].isupper() or (i + 1 < self.n and self.texts[i + 1][:1].isupper()):
                continue  # "Australian Prime Minister": part of a title or a name
            code = self.lex.adjective_country(t)
            if code and code in named:
                out.append(Mention(i, i + 1, t, "place", named[code].key, strength=MEDIUM, code=code,
                                   virtual=True))

    def _quoted_names(self, out: list[Mention], used: list[bool]) -> None:
        """A quoted name that something is given: 'a group calling itself "Nightowls"', 'a user
        called "Redline"', 'known as "The Wardens"'. The noun before says person or body."""
        texts, n = self.texts, self.n
        for i, t in enumerate(texts):
            if t not in ('"', "“", "‘", "'", "``") or i < 1:
                continue
            j = i + 1
            while j < n and j <= i + 4 and texts[j][:1].isupper() and texts[j].isalpha() and not used[j]:
                j += 1
            if j == i + 1 or j >= n or texts[j] not in ('"', "”", "’", "'", "''"):
                continue
            cue = texts[i - 1].lower()
            two = " ".join(texts[max(0, i - 2):i]).lower()
            if cue in NAMING_VERBS:
                k = i - 2
            elif two in NAMING_PHRASES:
                k = i - 3
            else:
                continue
            noun = texts[k].lower() if k >= 0 else ""
            kind = "person" if noun in PERSON_NOUNS else "organization"
            out.append(Mention(i + 1, j, self.doc[i + 1:j].text, kind, self._key(i + 1, j), strength=MEDIUM))
            for q in range(i + 1, j):
                used[q] = True

    def _title_bodies(self, out: list[Mention], title: str) -> None:
        """The title names a body by demonym or place and head ("Australian government", "Texas
        police") that the text only calls "the (federal) government": the bare heads are that body."""
        words = re.findall(r"[\w.'-]+", title)
        for i in range(1, len(words)):
            head = words[i].lower()
            if head not in GENERIC_HEADS:
                continue
            a = next((" ".join(words[j:i]) for j in range(max(0, i - 3), i)
                      if self.lex.place(" ".join(words[j:i]))), None)  # "North Korea military"
            if a is None and self.lex.adjective_country(words[i - 1]):
                a = words[i - 1]
            if a is None:
                continue
            key = self._phrase_key(a, head)
            if any(m.key[-len(key):] == key for m in out if not m.generic):
                continue  # the body names it itself
            for m in out:
                if m.generic and m.key == (head,):
                    m.text, m.key, m.generic, m.kind, m.strength = f"{a} {head}", key, False, "organization", MEDIUM

    @staticmethod
    def _phrase_key(a: str, head: str) -> tuple[str, ...]:
        return tuple(a.lower().split()) + (head,)

    def _span_end(self, i: int) -> int:
        texts, j = self.texts, i + 1
        heads = self.lex.org_words
        while j < self.n:
            if self.namelike(j) and not self.initial[j]:
                j += 1
            elif texts[j] in NAME_TAILS and self.ws[j - 1]:
                j += 1  # "Times Online", "Spiegel Online": a word that is no name alone ends one
            elif texts[j] == "-" and self.ws[j - 1] == "" and self.ws[j] == "" and j + 1 < self.n \
                    and texts[j + 1].isalpha():
                j += 2  # "Chung-tai", "Al-Maeena"
            elif (texts[j] in ("al", "el", "bin", "ibn", "abu", "ul") and j + 2 < self.n and texts[j + 1] == "-"
                  and self.ws[j] == "" and texts[j + 2][:1].isupper()):
                j += 3  # "Suleiman al-Amr"
            elif texts[j] in ("Inc.", "Corp.", "Co.", "Ltd.", "LLC", "plc") and self.ws[j - 1]:
                j += 1
            elif (texts[j] in LINKS and j + 1 < self.n and self.namelike(j + 1)
                  and (texts[j - 1].lower() in heads or texts[j - 1].lower() in PLACE_HEADS_EXTRA
                       or texts[j] not in ("of", "for", "&"))):
                j += 2
            else:
                break
        return j

    def _key(self, s: int, e: int) -> tuple[str, ...]:
        text = self.doc[s:e].text.replace("’", "'")
        words = []
        for w in text.split():
            if len(w) >= 3 and w.endswith("s") and w[:-1].isupper() and w[:-1].isalpha():
                w = w[:-1]  # "GMs largest investor", "NGOs": an acronym's plural or genitive
            w = w.lower()
            if w.isupper() or "." in w and w.replace(".", "").isalpha():
                w = w.replace(".", "")
            words.append(w)
        if len(words) >= 2 and words[0] == "the":
            words = words[1:]  # "The Church of Scientology" is "Church of Scientology"
        return tuple(w.replace(".", "") if w.replace(".", "").isalpha() and len(w) <= 5 else w
                     for w in words)

    def _names(self, out: list[Mention], used: list[bool]) -> None:
        lex, texts = self.lex, self.texts
        i = 0
        while i < self.n:
            if used[i]:
                i += 1
                continue
            honor = texts[i] in HONORIFICS["en"] and i + 1 < self.n and self.namelike(i + 1)
            if not honor and not self.namelike(i) and not self._acronym_lead(i):
                i += 1
                continue
            s = i + 1 if honor else i
            e = self._span_end(s)
            if any(used[k] for k in range(s, e)):
                e = next(k for k in range(s, e) if used[k]) or s + 1
            role = None
            country = None
            # a legal form ends a company's name: "Chrysler LLC Jim Press"
            for k in range(s + 1, e - 1):
                if texts[k] in LEGAL_FORMS:
                    e = k + 1
                    break
            # a title inside the capitalised run: "Environment Minister John Baird", unless the
            # run is an organisation's name ("General Motors Corporation")
            org_run = texts[e - 1].lower() in lex.org_words or texts[e - 1] in LEGAL_FORMS
            for p in range(e - 1, s, -1):
                if org_run:
                    break
                a = self.title_end(s, p)
                if a is not None:
                    r = s  # capitalised words before the run belong to the title ("Transport Minister")
                    while r > 0 and not used[r - 1] and self.is_cap(r - 1) and texts[r - 1].isalpha() \
                            and texts[r - 1].lower() not in lex.stop:
                        r -= 1
                    role = self.doc[r:p].text
                    country = self._country_in(s, p)
                    s = p
                    break
            if s >= e:
                i = e
                continue
            # the rest of a title with "of"/"for": "Commissioner for Competition Neelie Kroes"
            if not role and e - s >= 3 and s >= 2 and texts[s - 1] in ("of", "for") \
                    and self.title_end(max(0, s - 5), s - 1) is not None and all(
                        self.is_cap(k) for k in range(e - 2, e)):
                a = self.title_end(max(0, s - 5), s - 1)
                role = self.doc[a:e - 2].text
                s = e - 2
            # the title of a company ended by its legal form, then the name: "the chairman of
            # Chrysler LLC Jim Press"
            if not role and e - s >= 2 and s >= 3 and texts[s - 1] in LEGAL_FORMS:
                of = next((k for k in range(s - 2, max(0, s - 7), -1) if texts[k] in ("of", "at")), None)
                a = self.title_end(max(0, of - 5), of) if of is not None else None
                if a is not None:
                    role = self.doc[a:s].text
            # a demonym before a one-word name: "Japanese Toyota" (not "Saudi Arabia")
            if e - s == 2 and lex.adjective_country(texts[s]) and texts[s + 1].lower() not in lex.org_words \
                    and not lex.place(self.doc[s:e].text):
                s += 1
            # a place before a party or an acronym is a name of its own: "Beijing DAB"
            if not role and e - s >= 2 and self.lex.place(texts[s]) and not self.lex.place(self.doc[s:e].text) \
                    and lex.org_words.get(texts[s + 1].lower()) != "place":
                rest_head = texts[e - 1]
                first_type = self.lex.place(texts[s])[1]
                low_head = rest_head.lower()
                if (e - s == 2 and (rest_head.isupper() or rest_head[:1].islower() or (
                        first_type in ("region", "country") and low_head not in self.lex.org_words
                        and low_head not in PLACE_HEADS_EXTRA))) or (
                        e - s >= 3 and rest_head.lower() in self.lex.org_words):
                    out.append(Mention(s, s + 1, texts[s], "place", (texts[s].lower(),), strength=STRONG,
                                       code=self.lex.place(texts[s])[0]))
                    used[s] = True
                    s += 1
            # a title alone is no actor: "the European Commissioner for ..."
            if not role and self.title_end(s, e) is not None and texts[e - 1].lower() not in lex.org_words:
                i = e
                continue
            if e - s >= 2 and texts[e - 1] in ("Day", "Eve", "Week"):
                i = e
                continue  # "Anzac Day", "Christmas Eve": holidays are times, no actors
            # a lone demonym adjective or a lone weak sentence-initial word is no actor
            text = self.doc[s:e].text
            single = e - s == 1
            if single and (lex.adjective_country(text) or lex.is_title(text) or text.lower() in lex.title_phrases
                           or ROMAN.match(text) or (text.endswith("ing") and not proper_noun(text))):
                i = e
                continue  # "Canadian", "XVII", "Planning"
            # a capital "The" inside a sentence belongs to the name: "The Register", "The Times"
            if s > 0 and texts[s - 1] == "The" and not self.initial[s - 1] and not used[s - 1]:
                s -= 1
                text = self.doc[s:e].text
            if single and self.initial[s] and not honor and not role and not (
                    text in self.midcap or lex.place(text) or text.isupper()
                    or (e < self.n and (texts[e] in ("'s", "'") or texts[e].lower() in lex.speech_verbs))):
                i = e
                continue
            m = Mention(s, e, text, None, self._key(s, e),
                        subject=clause_start(self.doc, s, self.sent_starts),
                        after_prep=s > 0 and texts[s - 1] in PLACE_PREPS)
            if honor:
                m.kind, m.strength = "person", STRONG
                m.links.append(self.doc[i:e].text)
            if role:
                m.role, m.country, m.kind, m.strength = role, country, "person", STRONG
            else:
                self._classify(m, out)
            if e < self.n and texts[e] in ("'s", "'", "’s") and self.ws[e - 1] == "":
                m.links.append(text + texts[e])  # "Microsoft's"
            if e + 2 < self.n and texts[e] == "(" and texts[e + 2] == ")" and texts[e + 1].isupper() \
                    and m.kind != "person" and texts[e + 1][0] == text[0].upper():
                m.links.append(texts[e + 1])
            out.append(m)
            for k in range(i, e):
                used[k] = True
            i = e

    def _country_in(self, s: int, e: int) -> str | None:
        for k in range(s, e):
            code = self.lex.adjective_country(self.texts[k])
            if code:
                return code
        hit = self.lex.place(self.doc[s:e].text) if e > s else None
        return hit[0] if hit and hit[1] in ("country", "abbreviation") else None

    def _classify(self, m: Mention, out: list[Mention]) -> None:
        lex, texts = self.lex, self.texts
        s, e = m.start, m.end
        whole = lex.place(m.text) or lex.place(m.text.replace(".", "")) if m.text.isupper() or "." in m.text \
            else lex.place(m.text)
        # lower-case title right before: "spokeswoman Sujata Raisinghani", "leader John Lee"
        a = self.title_end(max(0, s - 4), s)
        org_name = texts[e - 1].lower() in lex.org_words or texts[e - 1] in LEGAL_FORMS
        if a is not None and not whole and not org_name:
            r = a
            if r > 0 and texts[r - 1] in ("'s", "'"):
                r -= 1
            while r > 0 and self.is_cap(r - 1) and not self.initial[r] and texts[r - 1] not in (",",):
                r -= 1
            m.kind, m.strength = "person", STRONG
            m.role = self.doc[r:s].text
            m.country = self._country_in(r, a)
            return
        if whole:
            m.kind, m.strength, m.code = "place", STRONG, whole[0]
            return
        head = texts[e - 1].lower()
        kind = lex.org_words.get(head) or PLACE_HEADS_EXTRA.get(head)
        if kind:
            m.kind, m.strength = kind, MEDIUM
            return
        if any(texts[k] in ("of", "for", "&") for k in range(s, e)):
            m.kind, m.strength = "organization", MEDIUM
            return
        role = self._apposition_after(e)
        if role:
            m.kind, m.strength, m.role = "person", STRONG, role
            return
        if e - s == 1 and DOMAIN.search(m.text):
            m.kind, m.strength = "organization", MEDIUM  # "Gawker.com": a web site's company
            return
        if e - s == 1 and (m.text.replace(".", "").isupper() or ACRONYM_S.match(m.text)) and len(m.text) > 1:
            m.kind, m.strength = "organization", MEDIUM
            return
        if lex.is_city(m.text) and not (e < self.n and texts[e].lower() in lex.speech_verbs):
            m.kind, m.strength = "place", WEAK
            return
        words = m.text.split()
        if e < self.n and texts[e].lower() in lex.speech_verbs and len(words) >= 2:
            m.kind, m.strength, m.subject = "person", MEDIUM, True
            return
        if len(words) >= 2 and words[0].isupper() and words[0].isalpha() and len(words[0]) >= 2 \
                and not lex.place(words[0]) and not lex.place(words[-1]) and not lex.is_city(words[-1]):
            m.kind, m.strength = "organization", WEAK  # an acronym opens it: "PC World", "CBC News"
            return
        if (len(words) >= 2 and all(w[:1].isupper() for w in words)
                and proper_noun(words[0])
                and not any((lex.place(w) or ("", "city"))[1] != "city" for w in words)):
            m.kind, m.strength = "person", WEAK  # a given name first: "Nathan Law", not "Civic Passion"
            return
        if e - s == 1 and s > 0 and texts[s - 1] in PLACE_PREPS and texts[s - 1].lower() != "at":
            m.kind, m.strength = "place", WEAK  # "in Laredo"; "at Zentrix" is as often a company
            return


    def _apposition_after(self, e: int) -> str | None:
        texts = self.texts
        if e + 1 >= self.n or texts[e] != ",":
            return None
        j = e + 1
        if j < self.n and texts[j].lower() in ("the", "a", "an"):
            j += 1
        for t in range(j, min(j + 5, self.n)):
            if texts[t] in (",", ".", ";") or self.sent_starts[t]:
                return None
            a = self.title_end(j, t + 1)
            if a is not None and (t + 1 >= self.n or texts[t + 1] in (",", ".", "of", "for", "at", "with", "in", "(")):
                end = t + 1
                while end < self.n and end < t + 9 and texts[end] not in (",", ".", ";", "(", ")") \
                        and not self.sent_starts[end]:
                    end += 1
                return self.doc[j:end].text
        return None

    def _generic(self, out: list[Mention], used: list[bool]) -> None:
        """'Conservative government', 'Australian government', bare 'the government', 'police'."""
        texts = self.texts
        for i in range(self.n):
            low = texts[i].lower()
            if used[i] or low not in GENERIC_HEADS or not texts[i].islower() and not self.initial[i]:
                continue
            prev = next((m for m in out if m.end == i and m.kind in (None, "organization", "place")
                         and m.end - m.start <= 2 and m.role is None), None)
            if prev is not None and (self.lex.adjective_country(prev.text) is None or True):
                out.remove(prev)
                m = Mention(prev.start, i + 1, self.doc[prev.start:i + 1].text, "organization",
                            self._key(prev.start, i + 1), strength=STRONG, subject=prev.subject)
                out.append(m)
                used[i] = True
                continue
            k = i
            if i > 0 and self.lex.adjective_country(texts[i - 1]) and not used[i - 1]:
                k = i - 1  # "Australian government"
            out.append(Mention(k, i + 1, self.doc[k:i + 1].text, "organization", self._key(k, i + 1),
                               strength=MEDIUM if k < i else WEAK,
                               generic=k == i and not GENERIC_HEADS[low],
                               subject=clause_start(self.doc, k, self.sent_starts) or (
                                   k > 0 and texts[k - 1].lower() == "the"
                                   and clause_start(self.doc, k - 1, self.sent_starts))))
            for j in range(k, i + 1):
                used[j] = True

    def _groups(self, out: list[Mention], used: list[bool], *, with_modifier: bool) -> None:
        texts, forms = self.texts, self.lex.group_forms
        for i in range(self.n):
            low = texts[i].lower()
            if used[i] or low not in forms or low in GENERIC_HEADS:
                continue
            if not texts[i].islower() and not self.initial[i]:
                continue
            k = i
            if with_modifier:
                if not (i > 0 and self.is_cap(i - 1) and not used[i - 1] and texts[i - 1].isalpha()
                        and texts[i - 1].lower() not in self.lex.stop and not self.lex.place(texts[i - 1])):
                    continue
                k = i - 1  # "Web developers", "Industry analysts"
            out.append(Mention(k, i + 1, self.doc[k:i + 1].text, "group", (low,), strength=MEDIUM,
                               subject=clause_start(self.doc, k, self.sent_starts)))
            for j in range(k, i + 1):
                used[j] = True
