"""German common nouns that look like names, mixed into actors_de.GermanRules.

HanTa tags some common nouns as proper nouns, and German capitalises every noun, so the shape of
the phrase decides:
- a word counted or after an indefinite article is a common noun ("einen Baum", "fünf Trupps");
- an abstract noun ("-ung", "-heit", "-schaft") is no surname after a name;
- adjectives whose capital says nothing (lower case, or the sentence's first word) and a plural
  head describe several bodies or places ("mehreren bayerischen Landkreisen"), they name none.
"""
from __future__ import annotations

from .actors_de_cues import ARTICLES, INDEFINITE

COPULAS = {"ist", "war", "wird", "wurde", "bleibt"}

# derivational endings of abstract and collective nouns, which no surname has
ABSTRACT_SUFFIXES = ("ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion",
                     "tionen", "ität", "itäten", "ismus", "nis", "nisse", "nissen")
# words that count a common noun ("zwei Häuser", "mehrere Landkreise"); names are not counted
COUNT_WORDS = {"zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf",
               "zwanzig", "hundert", "tausend", "mehrere", "mehreren", "einige", "einigen", "etliche",
               "etlichen", "zahlreiche", "zahlreichen", "wenige", "wenigen", "beiden", "beide"}


class NounRules:
    """Methods use GermanRules' token lists (texts, tags, lemmas, n, lex, sent_starts, namelike)."""

    def _plural(self, i: int) -> bool:
        """A plural noun form: HanTa's lemma differs and the word ends like a German plural
        ("Gruppen", "Landkreisen", "Behörden"; not the genitive "Landkreises")."""
        t, lemma = self.texts[i], self.lemmas[i]
        return t != lemma and t.lower().endswith(("en", "n", "e", "er")) and not t.lower().endswith(("ens", "es"))

    def _only_described(self, start: int, i: int) -> bool:
        """Tokens start..i-1 are adjectives whose capital says nothing (lower case, or the
        sentence's first word): no proper part ("Vereinte Nationen" inside a sentence, "Berliner")."""
        for k in range(start, i):
            w = self.texts[k]
            if w[:1].isupper() and not (k == start and self.sent_starts[k] and self.tags[k].startswith("ADJ")):
                return False
        return True

    def _counted(self, i: int) -> bool:
        """A one-word name right after an indefinite article or a count ("einen Baum", "fünf
        Atemschutztrupps", "mehrere Lagen") is a common noun: names take no article of counting.
        Not a gazetteer place ("ein geteiltes Deutschland" has its adjective between)."""
        if i == 0:
            return False
        prev = self.texts[i - 1]
        if not (prev in INDEFINITE or prev.lower() in COUNT_WORDS or (prev.isdigit() and len(prev) <= 3)):
            return False
        t = self.texts[i]
        return not (t.isupper() or self.lex.place(t) or self.lex.is_city(t)
                    or (i + 1 < self.n and self.namelike(i + 1)))

    def _slash_name(self, j: int) -> bool:
        """A slash between two names that are no places joins them: "Diehl / Thales" is the joint
        venture (not "Berlin/Brandenburg", two places, nor "CDU / SPD", two parties in coalition)."""
        if self.texts[j] != "/" or j == 0 or j + 1 >= self.n:
            return False
        a, b = self.texts[j - 1], self.texts[j + 1]
        return (self.namelike(j - 1) and self.namelike(j + 1) and not self.lex.place(a)
                and not self.lex.place(b) and not (a.isupper() and b.isupper()))

    def _copula_role(self, s: int) -> str | None:
        """A title opening the clause, then a copula, then the name: "Geschäftsführer der Firma ist
        Jana Kolbe", "Neuer Trainer wird Tom Berger" -> the role of the person named."""
        if s < 2 or self.texts[s - 1] not in COPULAS:
            return None
        for t in range(s - 2, max(-1, s - 10), -1):
            if self.texts[t] in (",", ".", ";", ":"):
                return None
            if self.title_at(t):
                k = t
                while k > 0 and self.tags[k - 1].startswith("ADJ") and self.texts[k - 1][:1].isupper():
                    k -= 1  # "Neuer Trainer"
                if k > 0 and self.texts[k - 1] in ARTICLES:
                    k -= 1
                if k == 0 or self.sent_starts[k] or self.texts[k - 1] in (",", ";", ":"):
                    return self.span_text(t, s - 1)
                return None
            if self.sent_starts[t]:
                return None
        return None
