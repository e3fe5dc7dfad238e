"""German actor cues from quotation marks, the title and given names, mixed into actors_de.GermanRules.

- quoted names: after an organisation head, before a speech verb, after "laut", with an
  institution head ("„Roma-Garde“"), ending in an organisation head; quoted roles after "als" and
  quoted events/works ending in a common noun are no actors;
- plural names with a preposition taken by a singular verb ("Ärzte ohne Grenzen teilte mit");
- the title: building compounds and place-adjective phrases it names and the body repeats;
- hyphenated person-name institutes ("Max-Planck-Institut");
- given names from given_names.tsv: "Marlene" before a surname HanTa reads as a noun.
"""
from __future__ import annotations

from .actors_common import MEDIUM, STRONG, Mention, clause_start

ARTICLES = {"der", "die", "das", "des", "dem", "den", "Der", "Die", "Das", "Des", "Dem", "Den"}
DETERMINERS = {"im", "am", "zum", "zur", "vom", "beim", "ins", "ans", "aufs", "kein", "keine", "keinen",
               "dieser", "diese", "dieses", "diesem", "diesen", "jeder", "jede", "jedes", "jeden", "welche",
               "welcher", "seine", "seiner", "seinen", "ihre", "ihrer", "ihren", "unsere", "alle", "viele"}
INDEFINITE = {"ein", "eine", "einer", "eines", "einem", "einen", "Ein", "Eine", "Einer", "Einem", "Einen"}
ADJ_SUFFIXES = tuple(stem + end for stem in ("isch", "sch", "lich", "ig", "end", "ier", "er", "ell", "al",
                                                "iv", "är", "ent", "en")
                     for end in ("e", "er", "es", "en", "em"))


def _is_lower_adj(word: str) -> bool:
    """An inflected lower-case adjective ("jemenitische", "stellvertretender", "ehemalige")."""
    if not word[:1].islower() or not word.replace("-", "").isalpha() or len(word) < 4:
        return False
    return word.endswith(ADJ_SUFFIXES)


# verbs that give a name ("„Wüstenfuchs“ genannt"), not a speaker
NAMING_VERBS = {"bezeichnet", "bezeichnete", "benannt", "heißt", "hieß", "nennt", "nannte", "betitelt"}
NAME_PREPS = {"ohne", "für", "gegen", "statt"}
QUOTE_LINKS = {"für", "ohne", "gegen", "statt", "und", "der", "die", "das", "des", "von", "vom", "im", "am"}
QUOTE_PAIRS = {"„": {"“", "\""}, "«": {"»"}, "»": {"«"}, "\"": {"\""}, "‚": {"‘"}}


class CueRules:
    """Methods use GermanRules' token lists (texts, tags, lemmas, n, lex, ...)."""

    def _title_places(self, out: list[Mention], used: list[bool], title: str) -> None:
        """A place adjective and a noun that the title names and the body repeats is a place of
        the story: "Brand im Wiener Prater", then "im Wiener Prater" ("Wiener Stadtwald")."""
        if not title:
            return
        for i in range(self.n - 1):
            j = i + 1
            w = self.texts[i]
            if used[i] or used[j] or not self.tags[j].startswith("NN") or not (
                    self.place_adj(i) or w.endswith("er") and w[:1].isupper() and self.lex.is_city(w[:-2])):
                continue
            t = self.texts[j]
            if self.lex.org_kind(t) or self.lex.is_group(self.lemmas[j]) or self.title_at(j) \
                    or t in self.lex.never or f"{self.texts[i]} {t}" not in title:
                continue
            if j + 1 < self.n and self.texts[j + 1][:1].isupper():
                continue  # "Londoner Stadtteil Stockwell": a head before the name
            # a plural names a body ("Wiener Linien", "Kölner Grünen"), a singular a place
            kind = "organization" if self.lemmas[j] != t and t.endswith("n") else "place"
            out.append(Mention(i, j + 1, self.span_text(i, j + 1), kind, (self.texts[i].lower(), t.lower()),
                               strength=MEDIUM, subject=clause_start(self.doc, i, self.sent_starts)))
            used[i] = used[j] = True

    def _quoted_spans(self):
        """(start, end) of the words inside quotation marks: capitalised words, function words
        between them ("„Ärzte gegen Armut“"), at most six."""
        texts, n = self.texts, self.n
        for i, t in enumerate(texts):
            close = QUOTE_PAIRS.get(t)
            if close is None:
                continue
            j = i + 1
            while j < n and j <= i + 6 and texts[j] not in close and (
                    texts[j][:1].isupper() and texts[j].replace("-", "").replace(".", "").isalnum()
                    or texts[j] in QUOTE_LINKS and j > i + 1):
                j += 1
            if j > i + 1 and j < n and texts[j] in close and texts[j - 1][:1].isupper():
                yield i + 1, j

    def _plural_names(self, out: list[Mention], used: list[bool]) -> None:
        """A plural noun phrase with a preposition that a singular verb takes as subject is a name:
        "Reporter ohne Grenzen teilte mit", "Mütter gegen Gewalt fordert" (a group would take
        "teilten", "fordern")."""
        texts, n = self.texts, self.n
        for i in range(n - 3):
            if texts[i + 1] not in NAME_PREPS or used[i] or not self.tags[i].startswith("NN") \
                    or self.lemmas[i] == texts[i] or not self.tags[i + 2].startswith("NN"):
                continue
            verb = texts[i + 3]
            if not (verb.islower() and verb.isalpha() and verb.endswith(("te", "t")) and not verb.endswith("ten")
                    and (verb in self.lex.speech_verbs or verb.endswith("te"))):
                continue
            if not clause_start(self.doc, i, self.sent_starts):
                continue
            out.append(Mention(i, i + 3, self.span_text(i, i + 3), "organization",
                               tuple(t.lower() for t in texts[i:i + 3]), strength=STRONG, subject=True))
            for k in range(i, i + 3):
                used[k] = True

    def _quoted_names(self, out: list[Mention], used: list[bool]) -> None:
        """Before the other rules: a quoted name ending in an organisation head is that body
        („Freie Presse Kollektiv“, „Ärzte für Frieden Verein“); a quoted name after "als" is a
        role or character ("als „Kommissar Stein“"), no actor."""
        for s, e in self._quoted_spans():
            if s >= 2 and self.texts[s - 2] == "als":
                for k in range(s, e):
                    used[k] = True
                continue
            last = self.texts[e - 1]
            kind = self.lex.org_kind(last)
            prev = self.texts[s - 2] if s >= 2 else ""
            if prev[:1].isupper() and self.tags[s - 2].startswith("NN") and not self.lex.is_building(self.lemmas[s - 2]) \
                    and "organization" in (self.lex.org_kind(prev), self.lex.org_kind(self.lemmas[s - 2])):
                # after an organisation head the whole quote is its name: die Zeitung „Yemen Observer“
                self._quoted_body(out, used, s, e, s - 2)
                continue
            if e - s >= 2 and self.tags[e - 1] == "NN" and not kind and not self.lex.is_group(self.lemmas[e - 1]) \
                    and any(self.tags[k] == "NE" for k in range(s, e - 1)):
                # „Queer Nord Festival“, „Max Müller Preis“: a name ending in a common noun is an
                # event or a work, no actor
                for k in range(s, e):
                    used[k] = True
                continue
            if e - s >= 2 and self.tags[e - 1].startswith("NN") and kind == "organization" \
                    and not self.lex.is_building(last):
                self._quoted_body(out, used, s, e, s - 1)

    def _quoted_body(self, out: list[Mention], used: list[bool], s: int, e: int, clause_from: int) -> None:
        """Tokens s..e (inside quotation marks) name an organisation; `clause_from` opens its clause."""
        m = Mention(s, e, self.span_text(s, e), "organization", self.span_key(s, e),
                    strength=STRONG, subject=clause_start(self.doc, clause_from, self.sent_starts))
        self._acronym_after(m)
        out.append(m)
        for k in range(s, e):
            used[k] = True

    def _quoted(self, out: list[Mention], used: list[bool]) -> None:
        """Names in quotation marks that act or are named as a body: after an organisation head
        ("die Zeitung „Tagesblatt“"), before a speech verb or after "laut" ("„Tagesblatt“ berichtete"),
        or a quoted compound with an institution or building head the text quotes again
        ("«Sternhaus»" ... "des «Sternhauses»"). Titles of works in quotes stay out."""
        texts, n = self.texts, self.n
        spans = []
        for i, t in enumerate(texts):
            close = QUOTE_PAIRS.get(t)
            if close is None:
                continue
            j = i + 1
            while j < n and j <= i + 4 and texts[j] not in close and texts[j][:1].isupper() \
                    and texts[j].replace("-", "").replace(".", "").isalnum() and not used[j]:
                j += 1
            if j == i + 1 or j >= n or texts[j] not in close:
                continue
            if all(texts[k] in self.lex.never or texts[k].lower() in self.lex.stop for k in range(i + 1, j)):
                continue
            spans.append((i + 1, j))
        counts: dict[str, int] = {}
        for s, e in spans:
            key = self.lemmas[e - 1] if e - s == 1 else self.span_text(s, e)
            counts[key] = counts.get(key, 0) + 1
        for s, e in spans:
            prev = texts[s - 2] if s >= 2 else ""
            nxt = texts[e + 1] if e + 1 < n else ""
            head = self.lex.org_kind(self.lemmas[e - 1])
            key = self.lemmas[e - 1] if e - s == 1 else self.span_text(s, e)
            if prev[:1].isupper() and self.tags[s - 2].startswith("NN") and (
                    self.lex.org_kind(prev) or self.lex.org_kind(self.lemmas[s - 2])) \
                    and not self.lex.is_building(self.lemmas[s - 2]):
                kind = "organization"
            elif (nxt.lower() in self.lex.speech_verbs and nxt.lower() not in self.lex.stop
                  and not nxt.startswith("ge")
                  and nxt.lower() not in NAMING_VERBS) or prev.lower() == "laut":
                kind = "organization"
            elif head and (counts[key] >= 2 or e - s == 1 and head == "organization"
                           and self.lemmas[s].lower() not in self.lex.org_words):
                kind = head  # „Roma-Garde“: quotes mark a compound with an institution head as a name
            else:
                continue
            out.append(Mention(s, e, self.span_text(s, e), kind, self.span_key(s, e), strength=MEDIUM,
                               subject=kind == "organization" and nxt.lower() in self.lex.speech_verbs
                               and nxt.lower() not in self.lex.stop))
            for k in range(s, e):
                used[k] = True

    def _title_subject(self, i: int) -> bool:
        """A singular compound with a building or institution head that the article's title names
        and the body repeats is the story's subject: "Messeturm ... geräumt", then "der Messeturm"."""
        lemma = self.lemmas[i]
        if self.texts[i] != lemma and not self.texts[i].endswith(("s", "es")):
            return False  # a plural ("Stadthallen")
        if not self.lex.is_building(lemma) or lemma.lower() in self.lex.org_words:
            return False  # a bare head ("Flughafen", "Zeitung") or no building
        return lemma in self.title_words and self.lemma_counts.get(lemma, 0) >= 2

    @staticmethod
    def _hyphen_name(word: str) -> bool:
        """A compound of a name of two or more capitalised parts and an institution head names
        that institution by itself: "Max-Planck-Institut", "Konrad-Adenauer-Stiftung"."""
        parts = word.split("-")
        return len(parts) >= 3 and all(p[:1].isupper() and p[1:].isalpha() and not p.isupper()
                                       for p in parts)

    def _given_start(self, i: int) -> bool:
        """A known given name HanTa read as a common noun ("Marlene"), right before a capitalised
        surname that is no title, head or group noun: the start of a person's name."""
        t = self.texts[i]
        if t not in self.lex.given_names or not self.tags[i].startswith("NN") or i + 1 >= self.n:
            return False
        if t.lower() in self.lex.stop or t in self.lex.never or self.lex.place(t) or self.lex.is_title(t) \
                or self.lex.org_kind(t) or self.lex.is_group(self.lemmas[i]):
            return False
        if i > 0:
            prev = self.texts[i - 1]
            if prev in ARTICLES or prev in INDEFINITE or prev.lower() in DETERMINERS \
                    or self.tags[i - 1].startswith("ADJ") or _is_lower_adj(prev):
                return False  # "die Lage", "eine Art", "den schweren Orkan": a common noun
        nxt = self.texts[i + 1]
        return (nxt[:1].isupper() and nxt.replace("-", "").isalpha() and not nxt.isupper()
                and nxt.lower() not in self.lex.stop and nxt not in self.lex.never
                and not self.lex.is_title(nxt) and not self.lex.org_kind(nxt)
                and not self.lex.is_group(self.lemmas[i + 1]) and not self.lex.place(nxt)
                and not self.sent_starts[i + 1])

    def _given_name(self, i: int) -> bool:
        """HanTa's proper noun that the given-name list knows, uninflected ("Johanna", "Hans-Jürgen";
        not a genitive "Peters" before a noun)."""
        t = self.texts[i]
        first = t.split("-")[0]
        if first not in self.lex.given_names or self.lex.place(t):
            return False
        if t.endswith("s") and t[:-1] in self.lex.given_names:
            # "Mats Berger schreibt" (a name), not the genitive in "Peters Buch über ...": a
            # lower-case word (a verb; the tagger leaves those untagged) follows
            nxt = self.texts[i + 2] if i + 2 < self.n else ""
            return nxt.isalpha() and nxt.islower() and nxt not in ("über", "von", "zu", "für", "mit")
        return True
