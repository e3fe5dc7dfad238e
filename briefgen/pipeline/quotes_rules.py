"""Token-level rules shared by the quote finder: speech cues and speaker noun phrases.

`Ctx` holds one Doc's token texts, sentence bounds and direct-quote regions; the functions here
find speech verbs (with separable particles), cue prepositions and the subject noun phrase of a
speech act, in German and English, without a parser: German is verb-second in main clauses and
verb-final after "wie"/"dass", so the subject sits in the Vorfeld, right after the finite verb,
or between "wie" and the verb; English puts it before the verb or, inverted, right after it.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from .quotes_lexicon import Lexicon
from .quotes_words import WORDS

BOUNDARY = {",", ";", ":", "(", ")", "–", "—", "„", "“", "”", '"', "»", "«", "''", "``", "`"}
QUOTE_CLOSERS = {"“", "”", '"', "«", "»", "''"}
END_PUNCT = {".", "!", "?", "…", "...", ";"}
NOUN_TAGS = {"NN", "NE", "FM", "XY", "PPER", "PIS", "PDS", "PPOSS", "CARD", "TRUNC"}
CLAUSE_GLUE = {"und", "oder", "aber", "sowie", "dass", "daß", "ob", "als", "wie"}
FOCUS = {"auch", "selbst", "sogar", "nur", "gerade", "ausgerechnet", "insbesondere", "besonders",
         "even", "only"}  # focus particles before a subject in the German Vorfeld


@dataclass
class Cue:
    head: int  # the finite verb (or cue word)
    end: int  # index after the last token of the cue (particle included)
    flags: str
    kind: str = "verb"  # verb | prep | post | nach | so
    part: bool = False  # a participle: the finite auxiliary stands elsewhere


class Ctx:
    def __init__(self, doc: Doc, lang: str, lex: Lexicon, sents: list[tuple[int, int]],
                 quote_of: list[int]) -> None:
        self.doc = doc
        self.lang = lang
        self.lex = lex
        self.w = WORDS[lang]
        self.text = [t.text for t in doc]
        self.low = [t.lower() for t in self.text]
        # the words a prep_cues branch starts at: a preposition's first word, "nach", "für", a post/so word
        self._cue_words = None if () in lex.prep else \
            frozenset({toks[0] for toks in lex.prep} | lex.post | lex.so | {"nach", "für"})
        self.sents = sents
        self.quote_of = quote_of  # token -> index of the direct quote it lies in (marks included), -1
        spans = doc.spans["actors"] if "actors" in doc.spans else ()
        self.actor_start = {sp.start: sp for sp in spans}  # token -> actor mention starting there

    # ------------------------------------------------------------ token classes
    def is_cap(self, i: int) -> bool:
        t = self.text[i]
        return t[:1].isupper() or (t[:1].isdigit() and False)

    def is_word(self, i: int) -> bool:
        return self.text[i][:1].isalnum()

    # ------------------------------------------------------------ cues
    def verb_cues(self, s: int, e: int) -> list[Cue]:
        out: list[Cue] = []
        low, lex = self.low, self.lex
        i = s
        while i < e:
            if self.quote_of[i] >= 0 or not self.is_word(i):
                i += 1
                continue
            tok = low[i]
            if self.lang == "de" and self.text[i][:1].isupper() and i != s and low[i - 1] not in BOUNDARY:
                i += 1  # a capitalised word inside a German sentence is a noun ("das Sagen")
                continue
            seq = self._match_seq(i, e)
            if seq:
                seq.part = low[seq.end - 1] in lex.participles
                out.append(seq)
                i = seq.end
                continue
            entries = lex.verbs.get(tok)
            if entries:
                bare = [f for f, p in entries if p is None]
                cue = None
                if bare:
                    cue = Cue(i, i + 1, "".join(bare))
                else:
                    b = self.clause_boundary(i + 1, e)
                    for flags, particle in entries:
                        for j in range(i + 1, b):
                            # the particle closes the clause (Satzklammer): "warf … vor der Russin"
                            # is no "vorwerfen"
                            if low[j] == particle and (j + 1 >= b or low[j + 1] in CLAUSE_GLUE):
                                cue = Cue(i, j + 1, flags)
                                break
                        if cue:
                            break
                if cue:
                    cue.part = tok in lex.participles and cue.end == i + 1
                    out.append(cue)
            i += 1
        return out

    def _match_seq(self, i: int, e: int) -> Cue | None:
        for toks, flags in self.lex.seqs.get(self.low[i], ()):
            n = len(toks)
            if i + n <= e and tuple(self.low[i:i + n]) == toks:
                return Cue(i, i + n, flags)
        return None

    def clause_boundary(self, i: int, e: int) -> int:
        while i < e and self.low[i] not in BOUNDARY and self.low[i] not in END_PUNCT:
            i += 1
        return i

    def prep_cues(self, s: int, e: int) -> list[Cue]:
        out: list[Cue] = []
        low, lex = self.low, self.lex
        triggers = self._cue_words
        for i in range(s, e):
            if (triggers is not None and low[i] not in triggers) or self.quote_of[i] >= 0:
                continue  # no branch below fires on any other word
            for toks in lex.prep:
                n = len(toks)
                if tuple(low[i:i + n]) == toks:
                    out.append(Cue(i, i + n, "c", "prep"))
            if low[i] in lex.post:
                out.append(Cue(i, i + 1, "c", "post"))
            elif low[i] == "nach" and i + 1 < e:
                j = i + 1
                while j < e and j < i + 4 and not self.is_cap(j) and low[j] not in BOUNDARY:
                    j += 1  # "nach offiziellen Angaben", "nach eigenen Angaben"
                if j < e and (low[j] in lex.nach or any(low[j].endswith(n) for n in ("angaben", "berichten"))):
                    out.append(Cue(i, j + 1, "c", "nach"))
                elif self.lang == "de" and self._actor_after(i + 1, e) and self._konj1_in(s, e):
                    # "Nach dem Ministerium sei …": no cue noun, but an actor and Konjunktiv I
                    out.append(Cue(i, i + 1, "c", "prep"))
            elif low[i] == "für" and self.lang == "de" and i + 1 < e and \
                    self._actor_after(i + 1, e, person=True) and self._konj1_in(s, e):
                    # "Nach dem Ministerium sei …": no cue noun, but an actor and Konjunktiv I
                    out.append(Cue(i, i + 1, "c", "prep"))
            elif low[i] in lex.so and i > s and low[i - 1] == "," and i + 1 < e:
                out.append(Cue(i, i + 1, "c", "so"))
        return out

    def _actor_after(self, i: int, e: int, person: bool = False) -> bool:
        """An actor mention starts at i or right after a determiner (and a title) there."""
        if i < e and self.low[i] in self.w["det"]:
            i += 1
        k = i
        while i < e and i < k + 3 and i not in self.actor_start and self.is_word(i) and i < e - 1 \
                and (not self.is_cap(i) or (person and self.is_cap(i))):
            i += 1  # adjectives and titles: "dem saudischen Ministerium", "den Theologen Hans Küng"
        sp = self.actor_start.get(i)
        return sp is not None and sp.label_ in (("person",) if person else ("person", "organization"))

    def _konj1_in(self, s: int, e: int) -> bool:
        return any(self.low[i] in self.lex.konj1 and self.quote_of[i] < 0 for i in range(s, e))

    def noun_cue(self, s: int, e: int) -> int | None:
        """A German speech-act noun introducing a clause: "mit dem Hinweis, dass …", "die Bitte,
        … zu …", "das Argument, die Züge seien …". Returns the index where the clause starts."""
        low, nouns = self.low, self.lex.nouns
        for i in range(s, e - 2):
            if self.quote_of[i] < 0 and low[i] in nouns and self.is_cap(i) and low[i + 1] == ",":
                return i + 2
        return None

    # ------------------------------------------------------------ noun phrases
    def np_right(self, i: int, e: int, skip_adv: bool = True) -> tuple[int, int] | None:
        """The noun phrase starting at or after `i` (German Mittelfeld / English inversion)."""
        w, low = self.w, self.low
        steps = 0
        while i < e and skip_adv and steps < 8:
            t = low[i]
            if t in w["prep"] and t not in ("von", "vom", "of") and self.lang == "de" or (
                    self.lang == "en" and t in ("on", "in", "at", "during", "yesterday", "today", "last")):
                j = i + 1
                while j < e and (low[j] in w["det"] or not self.is_cap(j)) and low[j] not in BOUNDARY \
                        and j < i + 4 and self.is_word(j):
                    j += 1
                i = j + 1 if j < e and self.is_cap(j) else j  # skip "am Montag", "in einer Erklärung"
                steps += 1
                continue
            if t in w["adv"] or (self.lang == "de" and not self.is_cap(i) and t not in w["det"]
                                 and t not in w["pron"] and self.is_word(i) and t not in w["conj"]):
                i += 1
                steps += 1
                continue
            break
        if i >= e:
            return None
        if low[i] in w["pron"]:
            return (i, i + 1)
        return self._np_from(i, e)

    def _np_from(self, i: int, e: int) -> tuple[int, int] | None:
        w, low = self.w, self.low
        start = i
        if i < e and low[i] in w["det"]:
            i += 1
        while i < e and not self.is_cap(i) and self.is_word(i) and low[i] not in w["det"] and \
                low[i] not in w["prep"] and low[i] not in w["conj"] and i - start < 4 and \
                self.lex.verbs.get(low[i]) is None:
            i += 1  # adjectives
        if i >= e or (not self.is_cap(i) and not (self.lang == "en" and i > start)):
            return None
        while i < e and (self.is_cap(i) or (self.lang == "en" and self.is_word(i) and i > start
                                            and low[i] not in w["prep"] and low[i] not in w["aux"]
                                            and low[i] not in w["conj"] and low[i] not in w["rel"]
                                            and self.lex.verbs.get(low[i]) is None and low[i] not in w["adv"]
                                            and not low[i].endswith("ly"))):
            i += 1
            if i - start > 10:
                break
        while self.lang == "en" and i + 1 < e and low[i] in ("'s", "’s") and self.is_cap(i + 1):
            i += 2  # "Saudi Arabia's Civil Defense Authority"
            while i < e and self.is_cap(i):
                i += 1
        end = i
        # genitive / "von" attachment: "der Sprecher der Polizei", "a spokesman for the company"
        while i < e and (low[i] in w["gen_link"] or (self.lang == "en" and low[i] == "by")) and end - start < 10:
            j = i + 1
            while j < e and (low[j] in w["det"] or (not self.is_cap(j) and self.is_word(j)
                                                    and low[j] not in w["prep"] and j < i + 3
                                                    and self.lex.verbs.get(low[j]) is None)):
                j += 1
            if j < e and self.is_cap(j):
                while j < e and self.is_cap(j):
                    j += 1
                end = i = j
            else:
                break
        # apposition with a name: "der Leiter der Behörde, Hans Muster," (or at the sentence end)
        if end < e - 1 and low[end] == "," and self.is_cap(end + 1) and low[end + 1] not in w["det"]:
            j = end + 1
            while j < e and self.is_cap(j):
                j += 1
            if j - end <= 4 and (j >= e or low[j] == "," or low[j] in END_PUNCT):
                end = j
        return (start, end) if end > start else None

    def np_left(self, v: int, s: int) -> tuple[int, int] | None:
        """The subject before the verb at `v`: German Vorfeld, English pre-verbal subject."""
        w, low = self.w, self.low
        j = v
        if j - 1 > s and self.quote_of[j - 1] >= 0 and low[j - 1] in QUOTE_CLOSERS:
            # a quoted name as subject: „Muslix64“ erwähnte …
            k = j - 1
            while k > s and self.quote_of[k - 1] == self.quote_of[j - 1]:
                k -= 1
            if (k == s or low[k - 1] in BOUNDARY or low[k - 1] in END_PUNCT) and 1 <= j - k - 2 <= 3:
                return (k + 1, j - 1)
        j = self._skip_parens(j, s)
        if self.lang == "en":
            while j > s and (low[j - 1] in w["aux"] or low[j - 1] in w["adv"] or low[j - 1].endswith("ly")):
                j -= 1
            if j > s and low[j - 1] == ")":  # "General Motors (GM) said"
                k = j - 1
                while k > s and low[k] != "(" and j - k < 8:
                    k -= 1
                if low[k] == "(":
                    j = k
            if j > s and low[j - 1] == ",":  # "Name, a spokesman for X, said" / "X, however, said"
                k = j - 2
                while k > s and low[k] not in BOUNDARY and low[k] not in END_PUNCT and j - k < 14:
                    k -= 1
                j = k if k > s and low[k] == "," else j - 1
        if self.lang == "de" and j > s and low[j - 1] == ",":
            # "Die Organisation, die …, erklärte" / "Fritz Muster, Sprecher der Partei, sagte"
            k = j - 2
            while k > s and (low[k] not in BOUNDARY or low[k] in "()") and low[k] not in END_PUNCT \
                    and j - k < 22:
                k -= 1
            if k > s and low[k] == ",":
                # the apposition may start with anything: "X, zuständig für …, hatte"
                left = self.np_left(k, s)
                if left and left[1] in (k, self._skip_parens(k, s)):  # "Name (Partei), Amt,"
                    return (left[0], j - 1)
            return None
        cs = j
        while cs > s:
            if low[cs - 1] in QUOTE_CLOSERS and self.quote_of[cs - 1] >= 0:
                # a short quoted name inside the phrase: die Zeitung „Yemen Observer“ berichtet
                k = cs - 1
                while k > s and self.quote_of[k - 1] == self.quote_of[cs - 1]:
                    k -= 1
                if cs - k <= 6 and k > s and self.is_word(k - 1) and low[k - 1] not in END_PUNCT:
                    cs = k
                    continue
                break
            if low[cs - 1] in BOUNDARY or low[cs - 1] in END_PUNCT or \
                    (self.lang == "en" and low[cs - 1] in ("that", "and", "but", "who", "which")):
                break
            cs -= 1
        if cs >= j:
            return None
        if self.lang == "en" and cs - 2 > s and low[cs - 1] == "and" and self.is_cap(cs - 2):
            # "Prime Minister Jane Roe and minister John Doe announced": the coordination is the subject
            k = cs - 2
            while k > s and low[k - 1] not in BOUNDARY and low[k - 1] not in END_PUNCT and \
                    low[k - 1] not in ("that", "who", "which", "and", "but") and cs - k < 8:
                k -= 1
            if low[k] not in w["prep"] and low[k] not in w["sub"]:
                cs = k
        if self.lang == "de" and cs > s and low[cs - 1] == "," and low[cs] in w["rel"] and \
                cs + 1 < len(low):
            # "…, der erklärt hat": the relative pronoun stands for the phrase before the comma
            k = cs - 1
            for st, sp in self.actor_start.items():
                if sp.end == k and sp.label_ in ("person", "organization"):
                    return (st, k)
            return self.np_before(k, s)
        sp0 = self.actor_start.get(cs)
        if self.lang == "de" and sp0 is not None and sp0.end == j:
            return (cs, j)  # the Vorfeld is one actor mention ("Zu Guttenberg", "Von der Leyen")
        first = low[cs]
        while (first in w["conj"] or first in FOCUS or (self.lang == "en" and (
                first in w["adv"] or (first.endswith("ly") and not self.is_cap(cs))))) and cs + 1 < j:
            cs += 1
            first = low[cs]
        if first in w["pron"]:
            return (cs, cs + 1) if j - cs <= 2 else None
        if self.lang == "en" and j - 1 > cs and low[j - 1] in ("he", "she", "they", "it"):
            return (j - 1, j)  # "Speaking to the public he said"
        if self.lang == "en" and first.endswith("ing") and not self.is_cap(cs):
            return None  # "…, releasing a statement saying": no subject of its own
        if first in w["sub"] and self.lang == "en" and first not in ("as", "if") and cs + 1 < j:
            np_ = self._np_from(cs + 1, j)  # "Although Gallois said he hoped …"
            return np_ if np_ and np_[1] == j else None
        if first in w["sub"]:
            # verb-final clause: its subject follows the conjunction ("…, dass Kim sagte, …");
            # not "als"/"da" ("Als Begründung sagte ein Forscher")
            if self.lang == "de" and cs + 1 < j and first not in ("als", "da"):
                if low[cs + 1] in w["pron"]:
                    return (cs + 1, cs + 2)
                np_ = self._np_from(cs + 1, j)
                if np_ and np_[0] == cs + 1:
                    return np_
            return None
        if first in w["prep"] or first in w["adv"]:
            if self.lang == "en" and first in w["prep"]:
                # "In a statement, Microsoft said" has its comma; without one take the last name run
                k = j
                while k > cs and self.is_cap(k - 1):
                    k -= 1
                if k == j and 2 <= j - cs <= 4 and low[cs] == "with" and low[j - 1] not in w["det"]:
                    return (cs + 1, j)  # "…, with one poster writing"
                return (k, j) if k < j else None
            return None
        if self.lang == "de" and first in w["det"] and first not in w["subj_det"]:
            return None  # "den", "dem", "einen": not a subject
        if self.lang == "de" and not self.is_cap(cs) and first not in w["det"]:
            if cs > s and low[cs - 1] == "," and self.is_word(cs) and first not in w["prep"]:
                # the Vorfeld was a clause ("Wie X berichtete, soll Y gesagt haben"): the subject
                # follows the finite verb
                r = self.np_right(cs + 1, j)
                if r and r[1] <= j:
                    return r
            return None
        if j - cs > 14:
            return None
        if self.lang == "de" and self.nounless(cs, j):
            return None  # "Unmissverständlich sagte …": an adverb, not a subject
        return (cs, j)

    def nounless(self, a: int, b: int) -> bool:
        """Every word of a..b has a tag (the German tagger ran) and none is a noun or pronoun."""
        tagged = False
        for i in range(a, b):
            tag = self.doc[i].tag_
            if not tag:
                if self.is_word(i) and self.is_cap(i):
                    return False
                continue
            tagged = True
            if tag in NOUN_TAGS:
                return False
        return tagged

    def _skip_parens(self, j: int, s: int) -> int:
        low = self.low
        while j - 1 > s and low[j - 1] == ")":
            k = j - 1
            while k > s and low[k] != "(" and j - k < 10:
                k -= 1
            if low[k] != "(":
                break
            j = k
        return j

    def np_before(self, i: int, s: int) -> tuple[int, int] | None:
        """The noun phrase ending right before `i` ("offiziellen Angaben zufolge")."""
        low = self.low
        j = i
        while j > s and low[j - 1] not in BOUNDARY and low[j - 1] not in END_PUNCT and i - j < 8:
            if not self.is_cap(j - 1) and low[j - 1] not in self.w["det"] and \
                    low[j - 1] not in self.w["gen_link"] and not low[j - 1].endswith(("en", "er", "e", "es", "em")):
                break
            j -= 1
        while j < i and (low[j] in self.w["prep"] and low[j] not in self.w["gen_link"]):
            j += 1
        return (j, i) if j < i else None
