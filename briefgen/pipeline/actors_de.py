"""German actor mentions: HanTa's proper-noun tags (set by briefgen_tagger) plus news rules.

Rule families, in the order they claim tokens:
1. organisation and place phrases built on a head noun ("Sozialministerium", "Polizei",
   "Landkreis"), with adjectives before ("Auswärtiges Amt", "Berliner Polizei", "jemenitische
   Regierung") and a name or genitive after ("Kernkraftwerk Brunsbüttel", "Regierung Myanmars",
   "Bundesministerium für Bildung und Forschung");
2. proper-name sequences (NE tokens, acronyms, gazetteer places, name particles: "Jaap de Hoop
   Scheffer"), with the title before ("US-Präsident Donald Trump", "Nordkoreas Machthaber Kim
   Jong-un") or an apposition after ("Hans-Jürgen Papier, Präsident des Bundesverfassungsgerichtes,");
3. unnamed groups that act or speak ("Demonstranten", "koptische Christen", "Kernkraftgegner");
4. surnames and first parts of the people found, wherever they recur ("Papier", "Kims").
"""
from __future__ import annotations

from .actors_common import MEDIUM, STRONG, WEAK, Mention, clause_start
from .actors_de_cues import ARTICLES, INDEFINITE, CueRules, _is_lower_adj
from .actors_de_nouns import ABSTRACT_SUFFIXES, NounRules
from .actors_lexicon import HONORIFICS, NAME_LINKS, Lexicon

PLACE_PREPS = {"in", "nach", "aus", "bei", "Im", "In", "Nach", "Aus", "durch", "über"}
ADJ_ENDINGS = ("e", "en", "er", "es", "em")
# bare heads that stand for an actor even without a name ("die Polizei teilte mit")
STANDALONE = {"polizei", "regierung", "bundesregierung", "parlament", "feuerwehr", "militär", "junta",
              "armee", "staatsanwaltschaft", "justiz", "opposition", "bundestag", "bundesrat", "senat",
              "kongress", "verfassungsschutz", "mafia", "bundeswehr"}
NOUN_TAGS = ("NN", "NE", "NNA", "NNI")
LEGAL_FORMS = {"AG", "GmbH", "SE", "KG", "KGaA", "OHG", "eG", "e.V.", "Inc.", "Ltd.", "Corp.", "S.A.", "N.V.",
               "plc", "LLC", "Co."}
# endings of German and central European place names ("Laupheim", "Augsburg", "Lübbenau")
TOPONYM_ENDINGS = ("burg", "berg", "dorf", "hausen", "heim", "stadt", "feld", "furt", "bach", "hafen",
                   "ingen", "hagen", "brück", "brücken", "rode", "leben", "kirchen", "münster", "werder",
                   "witz", "nitz", "itz", "ow", "au", "tal", "weiler", "see", "wald", "hof", "haven")
QUOTE_MARKS = {"„", "“", "\"", "»", "«", "‚", "‘"}


def _adj_stem(word: str) -> str:
    low = word.lower()
    for end in ("en", "em", "er", "es", "e"):
        if low.endswith(end) and len(low) > len(end) + 3:
            return low[: -len(end)]
    return low


class GermanRules(CueRules, NounRules):
    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex

    # ------------------------------------------------------------------ token tests
    def _setup(self, doc, sent_starts):
        self.doc = doc
        self.n = len(doc)
        # one pass over the tokens (each spaCy Token object costs)
        rows = [(t.text, t.tag_, t.lemma_) for t in doc]
        self.texts = [r[0] for r in rows]
        self.tags = [r[1] for r in rows]
        self.lemmas = [r[2] or r[0] for r in rows]
        self.sent_starts = sent_starts

    def namelike(self, i: int) -> bool:
        t = self.texts[i]
        if not t[:1].isupper():
            # "al-Qaida", "ver.di": lower-case names with a capital or a dot inside
            return "-" in t and any(c.isupper() for c in t[1:]) and t.split("-")[0] in NAME_LINKS
        if t in self.lex.never or t in HONORIFICS["de"]:
            return False
        if t.lower() in self.lex.stop:
            return False
        if self.lex.place(t):
            return True
        tag = self.tags[i]
        if tag in ("NE", "FM"):
            if t.endswith(("-", ".")) and not t.isupper() or "'" in t or "’" in t:
                return False  # "Print-", "Aug.", "That's": fragments and abbreviations
            return not (self.lex.is_title(t) or self.lex.is_title(self.lemmas[i]))
        return False

    def title_at(self, i: int) -> bool:
        t = self.texts[i]
        return t[:1].isupper() and self.tags[i].startswith("NN") and (
            self.lex.is_title(t) or self.lex.is_title(self.lemmas[i]))

    def _surname_noun(self, j: int) -> bool:
        """A capitalised common-noun look-alike right after a given name is its surname:
        "Wolfgang Schüssel", "Hans-Jürgen Papier" (HanTa knows the given name as NE, the
        surname as a noun). Not after a place ("dass Nordkorea Atomwaffen ...")."""
        prev, t = self.texts[j - 1], self.texts[j]
        if prev.isupper() or self.lex.place(prev) or not t[:1].isupper():
            return False
        if self.tags[j - 1] != "NE" and not self._given_start(j - 1):
            return False
        if self.sent_starts[j] or t in self.lex.never or t.lower() in self.lex.stop:
            return False
        if t.lower().endswith(ABSTRACT_SUFFIXES):
            return False  # "wirft Jana Kolbe Verzögerung vor": abstract nouns are no surnames
        if self._given_name(j - 1) and t.replace("-", "").isalpha() and not self.lex.is_title(t) \
                and not self.lex.org_kind(t) and not self.lex.is_group(self.lemmas[j]) \
                and not self.lex.place(t) and not (j >= 3 and self.tags[j - 2] == "NE" and self.tags[j - 3] == "NE"):
            # a known given name, then a capitalised word HanTa took for a verb or noun: the
            # surname ("Johanna Moser", however often "Johanna" recurs)
            return True
        if not self.tags[j].startswith(("NN", "ADJ")) and self.tags[j] not in ("NE", "FM"):
            # "Johanna Moser" (HanTa: a verb form): once-named given name, then a lone capital
            nxt = self.texts[j + 1] if j + 1 < self.n else ""
            return self.ne_counts.get(prev, 0) == 1 and not nxt[:1].isupper() and t.isalpha() \
                and not self.lex.is_title(t) and not self.lex.org_kind(t)
        if self.tags[j].startswith("ADJ"):
            # "Paul Reger": an adjective look-alike after a given name, not before a noun
            nxt = self.texts[j + 1] if j + 1 < self.n else ""
            return self.ne_counts.get(prev, 0) == 1 and not nxt[:1].isupper()
        if not self.tags[j].startswith("NN"):
            return False
        if self.lex.is_title(t) or self.lex.org_kind(t) or self.lex.is_group(self.lemmas[j]):
            return False
        if j >= 3 and self.tags[j - 2] == "NE" and self.tags[j - 3] == "NE":
            return False  # one or two given names before a surname, not three
        if prev.endswith("s") and (self.lemmas[j - 1] != prev or prev not in self.lex.given_names):
            return False  # a genitive before a noun: "Brandts Rücktrittsgedanken", "Lahms Vertrag"
        # a given name comes once, before the surname; a name that recurs alone is a surname
        return self.lemmas[j] == t or self.ne_counts.get(prev, 0) == 1

    def place_adj(self, i: int) -> str | None:
        """'Berliner', 'Wiener', 'Duisburger': a place's -er adjective -> the place's name."""
        t = self.texts[i]
        if t.endswith("er") and t[:1].isupper() and len(t) > 5:
            stem = t[:-2]
            if self.lex.place(stem) or stem in self.ne_forms:
                return stem
        return None

    def key(self, i: int) -> str:
        """Base form of one token for merging: the lemma of a name, the stem of an adjective."""
        t = self.texts[i].rstrip("'’")
        tag, lemma = self.tags[i], self.lemmas[i]
        if tag == "NE" and lemma != t and t.startswith(lemma):
            return lemma.lower()
        if tag.startswith("NN") and lemma and lemma[:1].isupper() and "-" not in t:
            return lemma.lower()
        if tag.startswith("ADJ") or tag == "NNA" or t[:1].islower():
            return _adj_stem(t)
        if t.endswith("s") and len(t) > 3 and t[:-1] in self.ne_forms:
            return t[:-1].lower()
        return t.lower()

    def span_key(self, start: int, end: int) -> tuple[str, ...]:
        return tuple(self.key(i) for i in range(start, end) if self.texts[i] not in ("(", ")"))

    def span_text(self, start: int, end: int) -> str:
        return self.doc[start:end].text

    # ------------------------------------------------------------------ rules
    def __call__(self, doc, sent_starts) -> list[Mention]:
        self._setup(doc, sent_starts)
        self.ne_forms = {t for t, g in zip(self.texts, self.tags) if g == "NE"}
        self.text_set = set(self.texts)
        self.ne_counts: dict[str, int] = {}
        for t, g in zip(self.texts, self.tags):
            if g == "NE":
                self.ne_counts[t] = self.ne_counts.get(t, 0) + 1
        title = (getattr(doc._, "title", "") or "") if doc.has_extension("title") else ""
        self.title_words = {w.strip(".,:;!?\"„“”‚‘'()–-") for w in title.split()}
        self.lemma_counts: dict[str, int] = {}
        for t, lemma in zip(self.texts, self.lemmas):
            if t[:1].isupper():
                self.lemma_counts[lemma] = self.lemma_counts.get(lemma, 0) + 1
        used = [False] * self.n
        out: list[Mention] = []
        self._quoted_names(out, used)
        self._plural_names(out, used)
        self._orgs(out, used)
        self._names(out, used)
        self._quoted(out, used)
        self._title_places(out, used, title)
        self._groups(out, used)
        self._surnames(out, used)
        self._prefixes(out)
        self._place_adjectives(out)
        return out

    def _place_adjectives(self, out: list[Mention]) -> None:
        """"Duisburger", "Berliner": mentions of a place the text also names ("Duisburg")."""
        named = {m.text: m for m in out if m.kind == "place" and m.end - m.start == 1}
        for i, t in enumerate(self.texts):
            stem = self.place_adj(i)
            if stem and stem in named:
                out.append(Mention(i, i + 1, t, "place", named[stem].key, strength=MEDIUM,
                                   code=named[stem].code, virtual=True))

    def _prefixes(self, out: list[Mention]) -> None:
        """Places and acronyms as first parts of compounds: "US" in "US-Präsident", "NPD" in
        "NPD-Verbot", "Nordkorea" in "Nordkorea-USA-Gipfel"."""
        lex = self.lex
        for i, t in enumerate(self.texts):
            if "-" not in t or not t[:1].isupper():
                continue
            for mark in ("“-", "\"-", "»-", "«-"):
                if mark in t and i > 0 and self.texts[i - 1] in QUOTE_MARKS:
                    name, head = t.split(mark, 1)
                    if name[:1].isupper() and lex.org_kind(head) == "organization":
                        # „Tagesblatt“-Reporter, „Tagesblatt“-Zeitung: the quoted name is a body
                        out.append(Mention(i, i + 1, name, "organization", (name.lower(),), strength=MEDIUM,
                                           virtual=True))
            for part in t.split("-")[:-1]:
                if len(part) < 2 or not part[:1].isupper():
                    continue
                hit = lex.place(part)
                if hit:
                    out.append(Mention(i, i + 1, part, "place", (part.lower(),), strength=STRONG,
                                       code=hit[0], virtual=True))
                elif part.isupper() and part.isalpha() and part.lower() not in lex.stop and part not in lex.never:
                    out.append(Mention(i, i + 1, part, "organization", (part.lower(),), strength=WEAK,
                                       virtual=True))

    def _left_modifiers(self, i: int, allow_lower: bool) -> int:
        """Start of the adjectives before token i that belong to its name."""
        k = i
        while k > 0:
            prev = self.texts[k - 1]
            tag = self.tags[k - 1]
            if prev[:1].isupper() and (tag.startswith("ADJ") or tag == "NNA") and prev.lower() not in self.lex.stop \
                    and not self.title_at(k - 1):
                k -= 1  # "Auswärtiges Amt", "Deutscher Bundestag", "Neue Ungarische Garde"
            elif prev[:1].isupper() and self.place_adj(k - 1):
                k -= 1  # "Berliner Polizei", "Wiener Feuerwehr"
            elif allow_lower and k == i and _is_lower_adj(prev) and (
                    self.lex.adjective_country(prev)
                    or _adj_stem(prev).endswith("isch") and not _adj_stem(prev).endswith("istisch")):
                # "jemenitische Regierung", "schleswig-holsteinisches Sozialministerium"; not before
                # a name's own adjective ("die rechtsextreme Ungarische Garde") nor an ideology
                # ("islamistisch", "kommunistisch"), which describes
                k -= 1
            else:
                break
        return k

    def _orgs(self, out: list[Mention], used: list[bool]) -> None:
        lex, texts, tags = self.lex, self.texts, self.tags
        i = 0
        while i < self.n:
            t = texts[i]
            kind = (lex.org_kind(t) or lex.org_kind(self.lemmas[i])) if (
                t[:1].isupper() and tags[i].startswith("NN") and t not in LEGAL_FORMS) else None
            if not kind or self.title_at(i):
                i += 1
                continue
            building = lex.is_building(self.lemmas[i])
            if building and t != self.lemmas[i] and not t.endswith("s"):
                i += 1
                continue  # a plural ("Stadthallen", "Häuser") names no one building
            start = self._left_modifiers(i, allow_lower=not building)
            end = i + 1
            nested = []
            named_next = (end < self.n and (kind == "place" or not lex.alone_ok(self.lemmas[i].lower()))
                          and self._name_noun(end, used, place=kind == "place"))
            if end < self.n and (self.namelike(end) or named_next) and not lex.org_kind(texts[end]):
                j = end + 1
                while j < self.n and (self.namelike(j) or texts[j] in LEGAL_FORMS or self._slash_name(j)):
                    j += 1
                code = lex.place(self.span_text(end, j))
                proper_mods = any(texts[k][:1].isupper() and not self.place_adj(k) for k in range(start, i))
                if (kind == "place" or not code) and lex.is_descriptor(self.lemmas[i]) and j - end <= 3 \
                        and not proper_mods:
                    # "Rüstungskonzern Brenntal", "Fahrgastverband IGEB": a descriptor, then the name;
                    # the name is the actor and the descriptor its role ("Hafenstadt Whitehaven":
                    # the town, whose kind the descriptor gives)
                    m = Mention(end, j, self.span_text(end, j), kind, self.span_key(end, j),
                                strength=STRONG, role=self.span_text(start, i + 1) if kind != "place" else None,
                                subject=clause_start(self.doc, start, self.sent_starts))
                    self._acronym_after(m)
                    out.append(m)
                    for k in range(start, j):
                        used[k] = True
                    i = j
                    continue
                if j - end == 1 or code:
                    code = lex.place(texts[end])
                    if code and code[1] == "country" and j == end + 1:
                        nested.append(end)  # "Regierung Myanmars": Myanmar is an actor too
                    elif building and j == end + 1 and (code or lex.is_city(texts[end])):
                        nested.append(end)  # "Zementwerk Laupheim": the town is an actor too
                    end = j
            elif (not building and end + 1 < self.n and texts[end] == "für" and texts[end + 1][:1].isupper()
                  and tags[end + 1].startswith("NN")):
                j = end + 1  # "Bundesministerium für Bildung und Forschung"
                while j < self.n and (texts[j][:1].isupper() or (texts[j] == "und" and j + 1 < self.n
                                                                 and texts[j + 1][:1].isupper())):
                    j += 1
                if j - end <= 5:
                    end = j
            elif (end + 2 < self.n and texts[end] in ("der", "des") and texts[end + 1][:1].isupper()
                  and tags[end + 1].startswith("ADJ") and texts[end + 2][:1].isupper()):
                end += 3  # "Sicherheitsrat der Vereinten Nationen"
            if start < i and end == i + 1 and self._plural(i) and self._only_described(start, i):
                # "mehreren baden-württembergischen Landkreisen", "Rechtsextremistische Gruppen":
                # adjectives and a plural head describe several bodies or places, they name none;
                # bodies that act are an unnamed group
                if kind == "organization":
                    out.append(Mention(start, end, self.span_text(start, end), "group",
                                       self.span_key(start, end), strength=MEDIUM,
                                       subject=clause_start(self.doc, start, self.sent_starts)))
                    for k in range(start, end):
                        used[k] = True
                i = end
                continue
            head_only = start == i and end == i + 1
            low = self.lemmas[i].lower() if "-" not in t else t.lower()
            if head_only and t != self.lemmas[i] and t.lower().endswith(("en", "n", "e")) \
                    and not t.lower().endswith(("ens", "es")):
                i += 1
                continue  # a plural head alone ("Organisationen", "Behörden") is no organisation
            named_compound = head_only and (self._hyphen_name(t) or self._title_subject(i))
            if head_only and not (lex.alone_ok(low) and lex.alone_ok(self.lemmas[i].lower())) \
                    and not named_compound:
                i += 1
                continue  # "Universitätsklinik", "Nachfolgeorganisation": no name, no actor
            generic = head_only and not named_compound and (low in lex.org_words or self.tags[i] == "NN" and any(
                low == s for s, _ in lex.org_suffixes))
            if generic and kind == "place":
                i += 1
                continue  # "die Stadt", "die Provinz" alone name no place
            m = Mention(start, end, self.span_text(start, end), kind, self.span_key(start, end),
                        strength=STRONG if not generic else MEDIUM, generic=generic and low not in STANDALONE,
                        bare=head_only,
                        subject=clause_start(self.doc, start, self.sent_starts)
                        or (start > 0 and texts[start - 1] in ARTICLES
                            and clause_start(self.doc, start - 1, self.sent_starts)))
            self._acronym_after(m)
            out.append(m)
            for k in range(start, end):
                used[k] = True
            for k in nested:
                out.append(self._place_mention(k))
            i = end

    def _name_noun(self, k: int, used: list[bool], place: bool = False) -> bool:
        """After a head that names ("Kernkraftwerk", "Konzern"), a capitalised uninflected noun
        is the name HanTa took for a common noun ("Kernkraftwerk Brunsbüttel"); after a place
        head ("Hafenstadt", "Gemeinde") even one HanTa reads as inflected ("Whitehaven"), and
        a noun before a legal form ("Firma Zeppelinwerft AG")."""
        lex, t = self.lex, self.texts[k]
        legal = k + 1 < self.n and self.texts[k + 1] in LEGAL_FORMS
        if legal and t[:1].isupper() and not used[k] and t.lower() not in lex.stop and t not in lex.never:
            return True
        return (t[:1].isupper() and not used[k] and self.tags[k].startswith("NN")
                and (self.lemmas[k] == t or place and t.startswith(self.lemmas[k]))
                and not self.sent_starts[k] and t.lower() not in lex.stop and t not in lex.never
                and not lex.org_kind(t) and not self.title_at(k) and not lex.is_group(self.lemmas[k])
                and not (k + 1 < self.n and self.texts[k + 1][:1].isupper()
                         and not (self.tags[k + 1] == "NE" and self.namelike(k + 1))))

    def _place_mention(self, k: int) -> Mention:
        hit = self.lex.place(self.texts[k])
        return Mention(k, k + 1, self.texts[k], "place", (self.key(k),), strength=STRONG if hit else MEDIUM,
                       code=hit[0] if hit else None)

    def _acronym_after(self, m: Mention) -> None:
        e = m.end
        if e < self.n and self.texts[e] in QUOTE_MARKS:
            e += 1  # „Verein der Freunde“ (VdF)
        if e + 2 < self.n and self.texts[e] == "(" and self.texts[e + 2] == ")":
            ac = self.texts[e + 1]
            # an abbreviation starts like the name it abbreviates; "(CDU)" after a person is a party
            if ac[:1].isupper() and sum(c.isupper() for c in ac) >= 2 and m.kind != "person" \
                    and ac[0].lower() == m.text[0].lower():
                m.links.append(ac)

    def _names(self, out: list[Mention], used: list[bool]) -> None:
        lex, texts = self.lex, self.texts
        i = 0
        while i < self.n:
            if used[i] or not (self.namelike(i) or self._given_start(i)):
                i += 1
                continue
            start = i
            j = i + 1
            while j < self.n and not used[j]:
                if self.namelike(j):
                    j += 1
                elif texts[j] in LEGAL_FORMS:
                    j += 1  # "Neutrino Deutschland GmbH", "Cargo AG"
                elif self._surname_noun(j):
                    j += 1
                elif (texts[j] in NAME_LINKS and j + 1 < self.n and self.namelike(j + 1)
                      and self.tags[j + 1] == "NE" and texts[j - 1] not in (",",)):
                    j += 2
                elif self._slash_name(j):
                    j += 2  # "Diehl / Thales": two names joined by a slash name one joint body
                else:
                    break
            # a sentence-initial place adjective or capitalised adjective joins ("Neue Zürcher")
            start = self._left_modifiers(start, allow_lower=False)
            if texts[j - 1] in LEGAL_FORMS:
                # a company's name may hold common nouns: "Neutrino Deutschland GmbH"
                while start > 0 and start > i - 3 and not used[start - 1] and texts[start - 1][:1].isupper() \
                        and not self.sent_starts[start] and texts[start - 1].lower() not in lex.stop \
                        and not lex.org_kind(texts[start - 1]) and not self.title_at(start - 1):
                    start -= 1
            if any(used[k] for k in range(start, i)):
                start = i
            end = j
            span = self.span_text(start, end)
            if end - start == 1 and any(c.isdigit() for c in span):
                i = end
                continue  # "U1", "A380": lines and products, not actors
            if end - start == 1 and start == i and self._counted(start):
                i = end
                continue  # "gegen einen Baum", "fünf Atemschutztrupps": a common noun HanTa took for a name
            # a surname HanTa took for a noun keeps its form: "Mair" is no plural of "Mai"
            key = tuple(self.texts[k].lower() if k >= i and not self.tags[k].startswith(("NE", "FM"))
                        and self.tags[k] and not self.texts[k].isupper() and k > i else self.key(k)
                        for k in range(start, end) if self.texts[k] not in ("(", ")"))
            m = Mention(start, end, span, None, key,
                        subject=clause_start(self.doc, start, self.sent_starts),
                        after_prep=start > 0 and texts[start - 1] in PLACE_PREPS)
            self._classify(m)
            self._acronym_after(m)
            out.append(m)
            for k in range(start, end):
                used[k] = True
            i = end

    def _classify(self, m: Mention) -> None:
        lex, texts, tags = self.lex, self.texts, self.tags
        s, e = m.start, m.end
        whole = lex.place(m.text)
        # title right before the name (an honorific may sit between)
        t = s - 1
        while t >= 0 and texts[t] in HONORIFICS["de"]:
            t -= 1
        if t >= 0 and self.title_at(t) and not whole:
            m.kind, m.strength = "person", STRONG
            m.role, m.country = self._role_before(t)
            return
        if t >= 0 and t != s - 1:
            m.kind, m.strength = "person", STRONG  # "Herr Meier", "Dr. Müller"
            return
        if whole:
            m.kind, m.strength, m.code = "place", STRONG, whole[0]
            if whole[1] == "abbreviation":
                m.kind = "place"
            return
        if "/" in texts[s:e]:
            m.kind, m.strength = "organization", MEDIUM  # "Diehl / Thales": a joint venture or alliance
            return
        if e - s == 1 and texts[s].isupper() and len(texts[s]) > 1:
            m.kind, m.strength = "organization", MEDIUM  # an acronym: "SPD", "NASA", "THW"
            return
        head_kind = lex.org_kind(texts[e - 1]) or (lex.foreign_heads.get(texts[e - 1]) if e - s >= 2 else None)
        if head_kind:
            m.kind, m.strength = head_kind, MEDIUM
            return
        role = self._apposition_after(e) or (self._copula_role(s) if e - s >= 2 else None)
        if role:
            m.kind, m.strength, m.role = "person", STRONG, role
            return
        if e - s >= 2 and texts[e - 1] in LEGAL_FORMS:
            m.kind, m.strength = "organization", STRONG
            return
        if s > 0 and texts[s - 1] in PLACE_PREPS and e - s == 1:
            m.kind, m.strength = "place", WEAK
            return
        if lex.is_city(m.text):
            m.kind, m.strength = "place", WEAK
            return
        if e - s == 1 and len(texts[s]) > 5 and texts[s].lower().endswith(TOPONYM_ENDINGS):
            m.kind, m.strength = "place", WEAK
            return
        if e - s >= 2 and (tags[s] == "NE" or self._given_start(s)) and not any(texts[k].isupper() or self.place_adj(k)
                                                        for k in range(s, e)):
            m.kind, m.strength = "person", WEAK  # "Neil Alden Armstrong", "Wolfgang Schüssel"
        if e - s == 1 and not m.kind and self._given_name(s) and self.tags[s] == "NE" and "-" not in texts[s] \
                and not lex.is_city(texts[s]) and not (s > 0 and self.tags[s - 1].startswith("NN")):
            # not after a noun: "Marktführer Nike", "Sparte Salomon" describe a company
            m.kind, m.strength = "person", WEAK  # a given name alone: "Walter", "Johanna"
        if e < self.n and texts[e].lower() in lex.speech_verbs:
            m.subject = True
            if e - s >= 2:
                m.kind, m.strength = "person", MEDIUM

    def _role_before(self, t: int) -> tuple[str, str | None]:
        """The role ending at token t, with its lower-case adjectives ("stellvertretender
        Gouverneur"), and the country it names ("US-Präsident", "Nordkoreas Machthaber")."""
        lex, texts = self.lex, self.texts
        k = t
        while k > 0 and _is_lower_adj(texts[k - 1]) and texts[k - 1].lower() not in lex.stop:
            k -= 1
        role = self.span_text(k, t + 1)
        country = None
        word = texts[t]
        if "-" in word:
            hit = lex.place(word.split("-")[0])
            if hit:
                country = hit[0]
        for j in range(k, t):
            code = lex.adjective_country(texts[j])
            if code:
                country = code
        if country is None and k > 0:
            hit = lex.place(texts[k - 1])
            if hit and texts[k - 1].endswith("s"):
                country = hit[0]  # "Nordkoreas Machthaber"
        return role, country

    def _apposition_after(self, e: int) -> str | None:
        """', Präsident des Bundesverfassungsgerichtes,' after a name -> the role."""
        texts = self.texts
        if e + 1 >= self.n or texts[e] != ",":
            return None
        for t in range(e + 1, min(e + 4, self.n)):
            if texts[t] in (",", ".", ";") or self.sent_starts[t]:
                return None
            if self.title_at(t):
                end = t + 1
                if end + 1 < self.n and texts[end] in ("des", "der", "von", "für"):
                    j = end + 1
                    while j < self.n and j < end + 6 and texts[j] not in (",", ".", ";", "(", ")") \
                            and not self.sent_starts[j]:
                        j += 1
                    if j < self.n and texts[j] in (",", ".", ";", ")"):
                        end = j
                return self.span_text(t, end)
        return None

    def _groups(self, out: list[Mention], used: list[bool]) -> None:
        lex, texts, tags, lemmas = self.lex, self.texts, self.tags, self.lemmas
        for i in range(self.n):
            t = texts[i]
            if used[i] or not t[:1].isupper() or not tags[i].startswith("NN"):
                continue
            if not lex.is_group(lemmas[i]) or self.title_at(i) and t == lemmas[i] and not lex.is_group(t):
                continue
            if i > 0 and texts[i - 1] in INDEFINITE:
                continue
            if i + 1 < self.n and self.namelike(i + 1) and self.title_at(i):
                continue  # "Linkspolitiker Wolfgang Nešković": a role, not a group
            if t == lemmas[i] and not t.endswith(("er", "el", "en", "e")) and t.lower() not in lex.group_forms:
                continue  # a singular ("Passagier"): one person, not a group
            k = i
            while k > 0 and _is_lower_adj(texts[k - 1]) and texts[k - 1].lower() not in lex.stop \
                    and not used[k - 1]:
                k -= 1
            subject = clause_start(self.doc, k, self.sent_starts) or (
                k > 0 and texts[k - 1] in ARTICLES and clause_start(self.doc, k - 1, self.sent_starts))
            out.append(Mention(k, i + 1, self.span_text(k, i + 1), "group", (lemmas[i].lower(),),
                               strength=MEDIUM, subject=subject))
            for j in range(k, i + 1):
                used[j] = True

    def _surnames(self, out: list[Mention], used: list[bool]) -> None:
        """Recurring parts of the names of people found ("Papier" of "Hans-Jürgen Papier")."""
        parts: dict[str, tuple[str, ...]] = {}
        kinds: dict[str, str] = {}
        for m in out:
            if m.kind == "person" and m.end - m.start >= 2:
                last = self.texts[m.end - 1]
                if last[:1].isupper():
                    parts[last], kinds[last] = (last.lower(),), "person"
            elif m.kind in ("organization", "place") and m.end - m.start == 1 and not m.virtual \
                    and self.tags[m.start].startswith("NN") and not m.bare and not m.generic:
                parts[m.text], kinds[m.text] = m.key, m.kind  # "Kellermark" after "Konzern Kellermark"
        if not parts:
            return
        for i in range(self.n):
            if used[i]:
                continue
            t = self.texts[i].rstrip("'’")
            base = t if t in parts else (t[:-1] if t.endswith("s") and t[:-1] in parts else None)
            if base is None:
                continue
            out.append(Mention(i, i + 1, self.texts[i], kinds[base], parts[base], strength=MEDIUM,
                               subject=clause_start(self.doc, i, self.sent_starts)))
            used[i] = True
