"""Speech-act lexicons for briefgen_quotes, read once from data/speech_verbs_<lang>.tsv.

A `Lexicon` answers: is this token a speech verb (and which particle must follow it in the
clause), does a multi-token speech act start here, is this a Konjunktiv form, is this a cue word
("laut", "zufolge", "according to")? Closed-class words (articles, pronouns, prepositions) that
the rules need live in `quotes_words`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data")


@dataclass
class Lexicon:
    lang: str
    # single-token form -> list of (flags, required particle or None)
    verbs: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    # first token -> list of (token sequence, flags) for contiguous multi-token acts
    seqs: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)
    konj: set[str] = field(default_factory=set)
    konj1: set[str] = field(default_factory=set)
    prep: list[tuple[str, ...]] = field(default_factory=list)  # "laut", ("according", "to")
    post: set[str] = field(default_factory=set)  # "zufolge"
    nach: set[str] = field(default_factory=set)  # nouns after "nach": Angaben, Worten, ...
    so: set[str] = field(default_factory=set)
    nouns: set[str] = field(default_factory=set)  # speech-act nouns: Hinweis, Bitte, Forderung
    participles: set[str] = field(default_factory=set)

    def add_form(self, form: str, flags: str, particle: str | None = None) -> None:
        entry = (flags, particle)
        lst = self.verbs.setdefault(form, [])
        if entry not in lst:
            lst.append(entry)

    def add_seq(self, toks: tuple[str, ...], flags: str) -> None:
        lst = self.seqs.setdefault(toks[0], [])
        if (toks, flags) not in lst:
            lst.append((toks, flags))


def _de_verb(lex: Lexicon, lemma: str, forms: list[str], flags: str) -> None:
    pres, past, part = (forms + ["", "", ""])[:3]
    particle = pres.split()[1] if " " in pres else None
    pres_f = pres.split()[0]
    past_f = past.split()[0] if past else ""
    base = lemma[len(particle):] if particle and lemma.startswith(particle) else lemma
    past_pl = (past_f + "n" if past_f.endswith("e") else past_f + "en") if past_f else ""
    konj1 = base[:-1] if base.endswith("en") else ""
    finite = [f for f in (pres_f, past_f, past_pl, base, konj1) if f]
    for f in finite:
        lex.add_form(f, flags, particle)
        if particle:
            lex.add_form(particle + f, flags)  # subordinate clause: "wie die Polizei mitteilte"
    if part:
        lex.add_form(part, flags)
        lex.participles.add(part)


def _en_verb(lex: Lexicon, lemma: str, forms: list[str], flags: str) -> None:
    if len(forms) > 2 and " " not in forms[2]:
        lex.participles.add(forms[2])
    for f in [lemma] + forms:
        toks = tuple(f.split())
        if len(toks) == 1:
            lex.add_form(toks[0], flags)
        else:
            lex.add_seq(toks, flags)


@lru_cache(maxsize=None)
def load_lexicon(lang: str) -> Lexicon:
    lex = Lexicon(lang)
    path = DATA / f"speech_verbs_{lang}.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        kind, key = cols[0], cols[1]
        forms = [f.strip().lower() for f in cols[2].split("|") if f.strip()] if len(cols) > 2 else []
        flags = cols[3].strip() if len(cols) > 3 else ""
        if kind == "verb":
            (_de_verb if lang == "de" else _en_verb)(lex, key.lower(), forms, flags)
        elif kind == "phrase":
            for f in forms:
                if "+" in f:
                    head, particle = f.split("+", 1)
                    lex.add_form(head, flags, particle)
                else:
                    toks = tuple(f.split())
                    if len(toks) == 1:
                        lex.add_form(toks[0], flags)
                    else:
                        lex.add_seq(toks, flags)
                    if lang == "de" and "ge" in toks[-1] and toks[-1].endswith(("t", "en")):
                        lex.participles.add(toks[-1])
        elif kind == "konj":
            lex.konj.update(forms)
            if key == "I":
                lex.konj1.update(forms)
        elif kind == "cue":
            if key == "prep":
                lex.prep.extend(tuple(f.split()) for f in forms)
            elif key == "post":
                lex.post.update(forms)
            elif key == "nach":
                lex.nach.update(forms)
            elif key == "so":
                lex.so.update(forms)
            elif key == "noun":
                lex.nouns.update(forms)
    return lex
