"""Turn a sentence that leaves something open into a real question (pure Python, no spaCy).

German works on words carrying STTS tags (HanTa's, e.g. "VM(FIN)", "NN", "KOUS") and the
separable prefix of a finite verb, English on plain words and closed-class lists:

- German verb-final clauses (ob-, w-, dass-clauses): the finite verb moves from the clause end to
  the front ("…, ob beide Staaten eine Annäherung erzielen könnten" -> "Könnten beide Staaten eine
  Annäherung erzielen?"), after the w-phrase for w-clauses ("…, in welchem Gebiet die Trümmer
  niedergehen werden" -> "In welchem Gebiet werden die Trümmer niedergehen?").
- German main clauses (verb second): the finite verb moves to the front, hedging "soll" becomes the
  indicative it stands for ("X soll … gewesen sein" -> "Ist X … gewesen?"), "will/soll" of plans
  becomes "wird", reported-speech subjunctive becomes indicative (sei -> ist).
- English: see questions_generate_en.

Every function returns None when it cannot build a question; the caller then skips the sentence.
"""
from __future__ import annotations

import re
from typing import NamedTuple, Sequence


class Word(NamedTuple):
    text: str
    ws: str  # trailing whitespace in the source
    i: int  # position in the sentence (-1: made up by the generator)
    tag: str = ""  # STTS tag (German) or ""
    sep: str = ""  # separable prefix of a finite verb ("zurück" in "zurücktritt")


CLAUSE_END = {",", ";", ":", ".", "!", "?", "–", "—", "(", ")", "-"}
QUOTES = set("\"„“”»«‘’'`") | {"``", "''"}
NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "“", "«", "’", "''"}
NO_SPACE_AFTER = {"(", "[", "„", "»", "‘", "``"}
NP_TAGS = {"ART", "PDAT", "PPOSAT", "PIAT", "PIDAT", "CARD", "ADJA", "NN", "NNA", "NE", "PPER", "PIS", "PDS", "FM"}
NOUN_TAGS = {"NN", "NNA", "NE", "FM"}
# articles that never open a subject (accusative, dative, genitive): an object or a genitive in the
# prefield goes behind the subject in the question ("Den Vertrag will die Partei …" -> "Wird die Partei den Vertrag …")
OBLIQUE_ARTICLES = {"den", "dem", "des", "einen", "einem", "eines"}
GENITIVE_ARTICLES = {"des", "der", "eines", "einer"}
CONDITIONS = {"wenn", "falls", "sofern", "solange", "soweit"}


def made(text: str) -> Word:
    return Word(text, " ", -1)


def is_fin(w: Word) -> bool:
    return w.tag.endswith("(FIN)")


def is_verb(w: Word) -> bool:
    return w.tag.startswith("V") or w.tag == "PTKZU"


def render(words: Sequence[Word]) -> str:
    """Join words, keeping the source spacing between neighbours that were neighbours."""
    out = []
    for k, w in enumerate(words):
        if k:
            prev = words[k - 1]
            if prev.i >= 0 and w.i == prev.i + 1:
                out.append(prev.ws)
            elif w.text not in NO_SPACE_BEFORE and prev.text not in NO_SPACE_AFTER:
                out.append(" ")
        out.append(w.text)
    return "".join(out).strip()


def finish(words: Sequence[Word]) -> str | None:
    words = list(words)
    while words and (words[-1].text in CLAUSE_END or words[-1].text in QUOTES):
        words.pop()
    while words and (words[0].text in CLAUSE_END or words[0].text in QUOTES):
        words.pop(0)
    if len(words) < 3:
        return None
    text = render(words)
    # quotation marks left unbalanced by cutting the sentence are dropped
    for opening, closing in (("„", "“"), ("»", "«"), ("“", "”")):
        if text.count(opening) != text.count(closing):
            text = text.replace(opening, "").replace(closing, "")
    if text.count('"') % 2:
        text = text.replace('"', "")
    # a bracket the cut left open: the unfinished aside goes ("… Anakonda (Eunectes murinus" -> "… Anakonda")
    for opening, closing in (("(", ")"), ("[", "]")):
        while text.count(opening) > text.count(closing):
            text = text[:text.rindex(opening)]
        if text.count(closing) > text.count(opening):
            text = text.replace(closing, "")
    text = re.sub(r"\s+", " ", text).strip(" ,;:-–—")
    text = re.sub(r"(?<!\.)\.$", "", text).rstrip(" ,;:")  # "… im Jahr 2011." (an abbreviation "…" stays)
    if len(text.split()) < 3:
        return None
    return text[:1].upper() + text[1:] + "?"


def lower_first(w: Word, keep_tags=NOUN_TAGS) -> Word:
    if w.tag in keep_tags or not w.text[:1].isupper():
        return w
    if not w.tag and (w.text.isupper() or any(c.isupper() for c in w.text[1:])):
        return w  # an acronym or a name like "McCain"
    return w._replace(text=w.text[:1].lower() + w.text[1:])


# ------------------------------------------------------------------------------------ German
class German:
    def __init__(self, grammar: dict) -> None:
        self.indicative = grammar["indicative"]
        self.plan_modal = grammar["plan_modal"]
        self.hedged_modal = grammar["hedged_modal"]
        self.drop = set(grammar["drop_words"])
        self.attribution = [tuple(p.lower().split()) for p in grammar["attribution_prefield"]]
        self.speech = set(grammar["speech_verbs"])
        self.w_words = set(grammar["w_words"])
        self.conj = set(grammar["clause_conj"])
        self.claim = [re.compile(r"(?<!\w)" + r"\W+".join(re.escape(t.rstrip("*")) + (r"\w*" if t.endswith("*") else "")
                                                      for t in p.split()) + r"(?!\w)") for p in grammar["claim_dass"]]

    # -------------------------------------------------------------- entry point
    def question(self, words: list[Word], family: str, cue: int | None = None) -> str | None:
        """`cue`: position (Word.i) of the strongest cue; a question about the main clause holding it
        comes first ("X ist geschehen, es gibt jedoch keine Anzeichen für Y" asks about Y)."""
        words = self._strip_attribution(words)
        if not words:
            return None
        part = self.cue_clause(words, cue)
        if part is not words:
            q = self._question(part, family)
            if q:
                return q
        return self._question(words, family)

    SUBORDINATE = {"KOUS", "KOUI", "PRELS", "PRELAT", "PWAV", "PWS", "PWAT", "PTKZU", "KOKOM", "APPR", "APPRART"}
    MAIN_CONJ = {"und", "aber", "doch", "jedoch", "denn", "sondern", "oder"}

    def cue_clause(self, words: list[Word], cue: int | None) -> list[Word]:
        """The words from the start of the main clause that holds the cue (all words if that is the first)."""
        if cue is None:
            return words
        pos = next((n for n, w in enumerate(words) if w.i >= cue), None)
        start = 0
        for n in range(1, pos or 0):
            if words[n].text == ";" or (words[n].text == "," and self._opens_main_clause(words, n + 1)):
                start = n + 1
        return words[start:] if start else words

    def _opens_main_clause(self, words: list[Word], j: int) -> bool:
        """A verb-second clause starts at j: (conjunction) prefield of one to four words, finite verb."""
        while j < len(words) and (words[j].text.lower() in self.MAIN_CONJ or words[j].text == ","):
            j += 1
        if j >= len(words) or words[j].tag in self.SUBORDINATE or is_verb(words[j]) \
                or words[j].text.lower() in self.conj or words[j].text.lower() in self.w_words:
            return False
        for k in range(j + 1, min(len(words), j + 5)):
            if words[k].text in CLAUSE_END or (is_verb(words[k]) and not is_fin(words[k])):
                return False
            if is_fin(words[k]):
                return words[k].text.lower() not in self.speech
        return False

    def _question(self, words: list[Word], family: str) -> str | None:
        low = [w.text.lower() for w in words]
        if "ob" in low:
            q = self.ob_question(words, low.index("ob"))
            if q:
                return q
        if family in ("uncertainty", "ob_clause", "pending"):
            q = self.w_question(words)
            if q:
                return q
        for conj in ("dass", "daß"):
            if conj in low:
                k = low.index(conj)
                window = " ".join(low[max(0, k - 5):k])
                if k and any(rx.search(window) for rx in self.claim):
                    q = self.verb_final_question(self.clause_after(words, k))
                    if q:
                        return q
        # "X sagte, die Kritik müsse hingenommen werden": ask about the reported clause
        f = self._main_fin(words)
        if f is not None and words[f].text.lower() in self.speech and f + 2 < len(words):
            for n in range(f + 1, min(len(words) - 3, f + 8)):
                if words[n].text == "," and words[n + 1].tag not in ("KOUS", "PRELS", "PWAV", "PWS"):
                    q = self.main_question(words[n + 1:])
                    if q:
                        return q
                    break
        return self.main_question(words)

    # -------------------------------------------------------------- clauses
    def clause_after(self, words: list[Word], k: int) -> list[Word]:
        """The verb-final clause opened by words[k] (a conjunction or w-word), without it."""
        out: list[Word] = []
        j = k + 1
        while j < len(words):
            w = words[j]
            if w.text in CLAUSE_END:
                if out and is_verb(out[-1]):
                    break
                # an embedded relative clause or apposition: keep going to the verb
                if w.text != "," or j + 1 >= len(words):
                    break
            if w.tag == "KON" and out and is_fin(out[-1]):
                break
            out.append(w)
            j += 1
        return out

    def verb_final_question(self, clause: list[Word], front: Sequence[Word] = ()) -> str | None:
        fins = [n for n, w in enumerate(clause) if is_fin(w)]
        if not fins and clause and clause[-1].tag.startswith("V"):
            fins = [len(clause) - 1]  # the clause-final verb of a verb-final clause is finite
        if not fins or len(clause) < 2:
            return None
        n = fins[-1]
        fin = clause[n]
        text = fin.text.lower()
        rest = list(clause)
        if fin.sep and text.startswith(fin.sep.lower()) and len(text) > len(fin.sep) + 1:
            rest[n] = Word(fin.sep.lower(), fin.ws, fin.i, "PTKVZ")
            text = text[len(fin.sep):]
        else:
            del rest[n]
        text = self.indicative.get(text, text)
        verb = Word(text, " ", -1, "VFIN")
        rest = [w for w in rest if w.text.lower() not in self.drop or w.tag not in ("ADV", "KON", "ADJD")]
        if not rest:
            return None
        if front:
            return finish([*front, verb, *rest])
        return finish([verb, *rest])

    def ob_question(self, words: list[Word], k: int) -> str | None:
        return self.verb_final_question(self.clause_after(words, k))

    def w_question(self, words: list[Word]) -> str | None:
        for k, w in enumerate(words):
            if w.text.lower() not in self.w_words or not (w.tag.startswith("PW") or not w.tag):
                continue
            start = k
            if k and words[k - 1].tag in ("APPR", "APPRART"):
                start = k - 1
            if start and words[start - 1].text not in (",", ":", "–") and start != 0:
                continue
            phrase = list(words[start:k + 1])
            j = k + 1
            if w.text.lower() == "wie" and j < len(words) and words[j].tag in ("ADJD", "PIAT", "PIS", "ADV", "PIDAT"):
                phrase.append(words[j])
                j += 1
            if phrase[-1].tag in ("PWAT", "PIAT", "PIDAT", "PIS") or phrase[-1].text.lower() in ("viele", "viel"):
                while j < len(words) and words[j].tag in ("ART", "ADJA", "CARD", "PIAT", "ADV", "PPOSAT"):
                    phrase.append(words[j])
                    j += 1
                while j < len(words) and words[j].tag in NOUN_TAGS:
                    phrase.append(words[j])
                    j += 1
            clause = self.clause_after(words, j - 1)
            if not clause:
                if phrase and is_fin(phrase[-1]):
                    continue
                return None
            phrase = [lower_first(p) if n else p for n, p in enumerate(phrase)]
            return self.verb_final_question(clause, front=phrase)
        return None

    # -------------------------------------------------------------- main clause
    def _strip_attribution(self, words: list[Word]) -> list[Word]:
        words = [w for w in words if w.text not in QUOTES]
        while words and words[-1].text in CLAUSE_END:
            words = words[:-1]
        # "…, sagte ein Sprecher" / "…, so der Minister" / "…, zitiert X aus …"
        for n in range(len(words) - 1, max(0, len(words) - 10), -1):
            if words[n].text == "," and n + 1 < len(words) and words[n + 1].text.lower() in self.speech \
                    and not any(w.text == "," for w in words[n + 1:]):
                words = words[:n]
                break
        return self._drop_parentheticals(words)

    PARENTHESIS_MAX = 9

    def _drop_parentheticals(self, words: list[Word]) -> list[Word]:
        """"X, so betont die Polizei, ist …" / "…, wie der Minister sagte, …" -> without the inserted source."""
        n = 0
        while n < len(words) - 2:
            if words[n].text != "," or n == 0:
                n += 1
                continue
            m = next((k for k in range(n + 2, min(len(words), n + self.PARENTHESIS_MAX + 2)) if words[k].text == ","), None)
            if m is None:
                n += 1
                continue
            inner = words[n + 1:m]
            first = inner[0].text.lower()
            speech = any(w.text.lower() in self.speech and w.text.lower() != "so" for w in inner)
            source = first == "so" and len(inner) > 1 and (speech or inner[1].tag in ("ART", "PPOSAT", "NN", "NE"))
            if source or (first == "wie" and speech and is_fin(inner[-1])) or (first in self.speech and first != "so"):
                words = words[:n] + words[m + 1:]
                continue
            n += 1
        return words

    KEEP_AFTER_COMMA = {"dass", "daß", "ob", "um", "wie", "damit", "bis", "falls", "wenn", "sofern"}

    def _cut(self, words: list[Word], f: int) -> list[Word]:
        """Drop what follows the main clause: a second main clause, a reason, a contrast."""
        skip = 0
        for n in range(f + 1, len(words) - 1):
            if n <= skip:
                continue
            w, nxt = words[n], words[n + 1]
            if w.text in (";", ":", "–", "—"):
                return words[:n]
            if w.text != ",":
                continue
            low = nxt.text.lower()
            if low in self.KEEP_AFTER_COMMA or nxt.tag in ("PRELS", "PRELAT", "PWAV", "PWS", "PWAT") \
                    or low in self.w_words or nxt.tag == "PTKZU" or nxt.tag.endswith("(IZU)"):
                continue
            if nxt.tag in ("ART", "NN", "NE", "ADJA", "CARD") and not any(is_fin(x) for x in words[n + 1:n + 6]):
                continue  # an enumeration or apposition
            until = next((k for k in range(n + 1, len(words)) if words[k].text in CLAUSE_END), len(words))
            if any(x.tag == "PTKZU" or x.tag.endswith("(IZU)") for x in words[n + 1:until]) \
                    and not any(is_fin(x) for x in words[n + 1:until]):
                skip = until  # an infinitive clause inside the main clause: ", ihre Filme zu schützen,"
                continue
            return words[:n]
        return words

    def _main_fin(self, words: list[Word]) -> int | None:
        start = 0
        if words[0].tag in ("KOUS", "PWAV", "PWS") or words[0].text.lower() in self.conj:
            # a fronted subordinate clause is the prefield: the main verb follows its comma
            for n, w in enumerate(words):
                if w.text == "," and n + 1 < len(words) and is_fin(words[n + 1]):
                    return n + 1
            return None
        for n in range(start, min(len(words), 14)):
            w = words[n]
            if w.text == "," and n + 1 < len(words) and words[n + 1].tag in ("PRELS", "KOUS", "PWAV", "PRELAT"):
                return None  # the verb would sit in an embedded clause; do not guess
            if is_fin(w) and n > 0:
                return n
        return None

    def main_question(self, words: list[Word]) -> str | None:
        if words and words[0].tag == "KON":
            words = words[1:]
        if not words:
            return None
        f = self._main_fin(words)
        if f is None:
            return None
        words = self._cut(words, f)
        prefield, middle = list(words[:f]), list(words[f + 1:])
        fin = words[f].text.lower()
        fin = self.indicative.get(fin, fin)
        low_pre = tuple(w.text.lower() for w in prefield)
        if any(low_pre[:len(p)] == p or low_pre[-len(p):] == p for p in self.attribution):
            prefield = []
        # the main clause ends at the first comma that opens an embedded clause
        end = len(middle)
        for n, w in enumerate(middle):
            if w.text in CLAUSE_END:
                end = n
                break
        right = []
        n = end - 1
        while n >= 0 and is_verb(middle[n]) and not is_fin(middle[n]):
            right.insert(0, n)
            n -= 1
        if fin in self.hedged_modal and right:
            last = middle[right[-1]].text.lower()
            present, past, future = self.hedged_modal[fin]
            if last in ("haben", "sein") and (len(right) >= 2 or last == "sein"):
                fin = past if last == "haben" else ("ist" if fin != "sollen" else "sind")
                del middle[right[-1]]
            elif last == "werden":  # passive future ("soll verlegt werden") or "become" ("soll teurer werden")
                fin = future
                del middle[right[-1]]
            else:
                fin = future
        elif fin in self.plan_modal and right:
            fin = self.plan_modal[fin]
        verb = Word(fin, " ", -1, "VFIN")
        middle = [w for w in middle if not (w.text.lower() in self.drop and w.tag in ("ADV", "KON", "ADJD", "PTKANT", ""))]
        prefield = [w for w in prefield if not (w.text.lower() in self.drop and w.tag in ("ADV", "KON", "ADJD", "PTKANT", ""))]
        if not middle and not prefield:
            return None
        if prefield:
            prefield[0] = lower_first(prefield[0])
        if prefield and (prefield[0].tag == "KOUS" or prefield[0].text.lower() in self.conj):
            # a fronted subordinate clause: a condition goes behind the question, another clause is left out
            clause = list(prefield)
            while clause and clause[-1].text in CLAUSE_END:
                clause.pop()
            tail = [Word(",", " ", -1, "$,"), *clause] if clause[0].text.lower() in CONDITIONS else []
            return finish([verb, *middle, *tail]) if middle else None
        if [w.text.lower() for w in prefield] == ["es"] and words[f].text.lower().endswith("en") and middle:
            prefield = []  # "Es sollen X gebaut werden": the expletive goes ("Werden X gebaut?")
        elif prefield and len(middle) > 2 and middle[0].text.lower() == "es" and words[f].text.lower().endswith("en"):
            middle = middle[1:]  # "2010 sollen es dann 350.000 sein" -> "Sind 2010 dann 350.000 …"
        if prefield and all(is_verb(w) for w in prefield):
            # a fronted participle or infinitive returns to the end: "Befürchtet wird X" -> "Wird X befürchtet?"
            end = next((n for n, w in enumerate(middle) if w.text in CLAUSE_END), len(middle))
            return finish([verb, *middle[:end], *prefield, *middle[end:]])
        oblique = bool(prefield) and prefield[0].tag == "ART" and prefield[0].text.lower() in OBLIQUE_ARTICLES
        np_front = bool(prefield) and prefield[0].tag in NP_TAGS and not oblique
        if np_front or not prefield:
            return finish([verb, *prefield, *middle])
        # an adverbial prefield goes behind the subject: "Am Mittwoch will X …" -> "Wird X am Mittwoch …"
        k = 0
        head = []
        if middle and middle[0].tag == "PRF":
            head, middle = middle[:1], middle[1:]
        if middle and middle[0].tag in ("PPER", "PIS", "PDS"):
            k = 1
        elif middle and middle[0].tag in NP_TAGS:
            while k < len(middle) and middle[k].tag in NP_TAGS - NOUN_TAGS - {"PPER", "PIS", "PDS"}:
                k += 1
            while k < len(middle) and middle[k].tag in NOUN_TAGS:
                k += 1
        if k and k < len(middle) and middle[k].tag == "PRF":
            k += 1  # the reflexive stays with its subject: "Hat er sich am Montag …"
        if oblique and (not k or (k < len(middle) and (middle[k].text.lower() in GENITIVE_ARTICLES
                                                         or middle[k].tag in ("APPR", "APPRART", "KOKOM")))):
            return finish([verb, *prefield, *middle])  # no clear subject to put first: keep the order
        if head and not k:
            return finish([verb, *head, *prefield, *middle])
        if head and middle[:1] and middle[0].tag in ("PPER", "PIS", "PDS"):
            return finish([verb, *middle[:k], *head, *prefield, *middle[k:]])
        return finish([verb, *head, *middle[:k], *prefield, *middle[k:]])
