"""Word lists for the actor rules, loaded once per process from briefgen/pipeline/data/.

- countries_places.jsonl / countries_adjectives.jsonl: the place gazetteer (countries, regions,
  cities, abbreviations, adjectives, demonyms) built by scripts/build_wordlists.py;
- titles_de.tsv / titles_en.tsv: titles and functions ("Innenminister", "spokeswoman");
- actors_orgs.tsv: words that make a name an organisation or a place ("-ministerium", "Inc.");
- actors_groups.tsv: nouns for unnamed groups that speak or act ("Demonstranten", "critics").
"""
from __future__ import annotations

import csv
import json
import re
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

from . import derived

DATA = Path(__file__).resolve().parent / "data"

# capitalised words that are never an actor's name (beyond spaCy's stop words): calendar words,
# salutations, discourse words that open sentences
NEVER_NAMES = {
    "de": """Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonnabend Sonntag Januar Jänner Februar
    März April Mai Juni Juli August September Oktober November Dezember Herr Frau Herrn Dr. Prof.
    Uhr Euro Dollar Prozent Jahr Jahre Jahren Jahres Tag Tage Tagen Woche Wochen Monat Monate Ende
    Anfang Mitte Seit Laut Zudem Dabei Damit Dagegen Daher Deshalb Trotzdem Außerdem Allerdings
    Jedoch Inzwischen Bereits Erst Nun Jetzt Heute Gestern Morgen Zuvor Danach Später Derzeit
    Hier Dort Ja Nein Bitte Danke Grund Angaben Ansicht Meinung Bericht Berichten Zeit Internet Islam
    Christentum Judentum Gott MEZ MESZ UTC PDF BIP CD DVD USB HIV DNA TV PC LKW PKW SMS UKW EDV KFZ
    GPS IT KW PS CO OB""".split(),
    "en": """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Mr Mrs Ms Mr. Mrs. Ms. Dr Dr. Prof.
    Sir Madam Today Yesterday Tomorrow However Meanwhile Although Despite According Also Earlier
    Later Still Yet Now Then Last Next First Second Third Many Several Some Most Other Others One
    Two Three Four Five Six Seven Eight Nine Ten Hundreds Thousands Millions Officials Police
    Reuters Photo Image Source Sources Update Updated Related Monday's Friday's Please Thank Thanks
    Yes No Oh OK Okay Internet Web Online Islam Christianity Judaism Buddhism Hinduism Bible Koran
    Quran God GMT UTC HTML PDF SUV R&D GDP VPN OS PC TV DVD CD USB AIDS HIV DNA IT AM PM FAQ""".split(),
}
HONORIFICS = {"de": {"Herr", "Herrn", "Frau", "Dr.", "Prof."},
              "en": {"Mr", "Mrs", "Ms", "Mr.", "Mrs.", "Ms.", "Dr", "Dr.", "Prof.", "Sir", "Dame"}}
# tokens allowed inside a multiword name between capitalised words
NAME_LINKS = {"von", "van", "de", "di", "da", "du", "del", "della", "dos", "bin", "ibn", "al", "el", "le",
              "la", "y", "&"}
# words that end like a building head but are none ("Schneesturm" is no "-turm")
NOT_BUILDINGS = ("sturm", "anstalten")
# institutional prefixes that make a bare compound a body of its own ("Bundeskriminalamt")
INSTITUTIONAL = ("bundes", "landes", "europa", "eu-", "un-", "uno-", "welt", "nato-")


def _rows(name: str):
    with open(DATA / name, encoding="utf-8") as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\n").split("\t")


def _memoize(fn, memo: dict, name: str):
    table = memo.setdefault(name, {})

    def wrapper(word: str):
        try:
            return table[word]
        except KeyError:
            value = table[word] = fn(word)
            return value

    wrapper.__doc__ = fn.__doc__
    return wrapper


@dataclass
class Lexicon:
    lang: str
    stop: set[str] = field(default_factory=set)
    never: set[str] = field(default_factory=set)
    title_words: set[str] = field(default_factory=set)
    title_suffixes: tuple[str, ...] = ()
    title_phrases: dict[str, int] = field(default_factory=dict)  # English: phrase -> word count
    org_words: dict[str, str] = field(default_factory=dict)
    org_suffixes: tuple[tuple[str, str], ...] = ()
    needs_name: tuple[str, ...] = ()  # heads that make an actor only with a name or modifier
    descriptors: tuple[str, ...] = ()  # heads whose following name is the actor ("Konzern Brenntal")
    buildings: tuple[str, ...] = ()  # building heads ("-turm", "-halle"): a name must make them actors
    group_forms: set[str] = field(default_factory=set)
    group_suffixes: tuple[str, ...] = ()
    places: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # form -> (code, type, name)
    adjectives: dict[str, str] = field(default_factory=dict)  # adjective/demonym stem -> code
    std_names: dict[str, str] = field(default_factory=dict)  # code -> standard name in this language
    speech_verbs: set[str] = field(default_factory=set)
    cities: set[str] = field(default_factory=set)  # towns and cities of the world (GeoNames)
    foreign_heads: dict[str, str] = field(default_factory=dict)  # German: English heads ("Lake District")
    given_names: set[str] = field(default_factory=set)  # the quotes helper's given_names.tsv (read only)

    memo: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        # the queries below run per capitalised token: remember each answer for the process
        for name in ("is_title", "org_kind", "is_group", "place", "adjective_country", "alone_ok",
                     "is_descriptor", "is_building"):
            setattr(self, name, _memoize(getattr(self, name), self.memo, name))

    # ------------------------------------------------------------ queries
    def is_title(self, word: str) -> bool:
        """German: a title or function noun ("Innenminister", "US-Präsident", "Ex-Chef")."""
        head = word.rsplit("-", 1)[-1]
        if head in self.title_words:
            return True
        low = head.lower()
        return any(low.endswith(s) for s in self.title_suffixes) and len(low) < 40

    def org_kind(self, word: str) -> str | None:
        """The kind a head word gives a name: "Sozialministerium" -> organization."""
        low = word.rsplit("-", 1)[-1].lower()
        kind = self.org_words.get(low)
        if kind and low in self.buildings and (word in self.cities or word in self.places):
            return None  # "Halle" the city, not a hall
        if kind:
            return kind
        for suffix, k in self.org_suffixes:
            if low.endswith(suffix) and len(low) > len(suffix) + 1:
                return k
        return None

    def alone_ok(self, word: str) -> bool:
        """A bare compound with this head is an actor by itself ("Sozialministerium", "Bundeswehr"),
        unlike "Universitätsklinik" or "Hauptstraße", which need a name."""
        low = word.lower()
        if low.startswith(INSTITUTIONAL):
            return True
        return not any(low.endswith(s) for s in self.needs_name)

    def is_building(self, word: str) -> bool:
        low = word.rsplit("-", 1)[-1].lower()
        if low.endswith(NOT_BUILDINGS):
            return False
        return any(low.endswith(s) for s in self.buildings)

    def is_descriptor(self, word: str) -> bool:
        low = word.lower()
        return any(low.endswith(s) for s in self.descriptors)

    def is_group(self, lemma: str) -> bool:
        low = lemma.rsplit("-", 1)[-1].lower()
        if low in self.group_forms:
            return True
        return self.lang == "de" and any(low.endswith(s) for s in self.group_suffixes)

    def place(self, form: str) -> tuple[str, str, str] | None:
        hit = self.places.get(form)
        if hit is None and self.lang == "de" and len(form) > 3 and form.endswith("s"):
            hit = self.places.get(form[:-1])  # genitive: "Nordkoreas", "Thailands"
        if hit is None and self.lang == "de" and len(form) > 4 and form.endswith("en"):
            hit = self.places.get(form[:-1])  # dative of a plural name: "in den Niederlanden"
        if hit is None and self.lang == "de" and " " in form:
            first, rest = form.split(" ", 1)
            if first.endswith("en"):  # "Vereinigten Staaten", "Vereinigten Arabischen Emirate"
                hit = self.places.get(first[:-1] + " " + rest)
        return hit

    def is_city(self, name: str) -> bool:
        """A town or city name ("Laupheim", "Houston"); German genitives included ("Augsburgs")."""
        if name in self.cities:
            return True
        return self.lang == "de" and name.endswith("s") and name[:-1] in self.cities

    def adjective_country(self, word: str) -> str | None:
        """Country code of an adjective or demonym: "nordkoreanische" -> KP, "Canadian" -> CA."""
        if self.lang == "en":
            return self.adjectives.get(word)
        low = word.lower()
        for end in ("en", "em", "er", "es", "e", ""):
            if end and not low.endswith(end):
                continue
            stem = low[: len(low) - len(end)] if end else low
            code = self.adjectives.get(stem)
            if code:
                return code
        return None


# every data file `build` reads (the cache entry's key, with this module's own source)
SOURCES = ("titles_de.tsv", "titles_en.tsv", "actors_orgs.tsv", "actors_groups.tsv", "countries_places.jsonl",
           "countries_adjectives.jsonl", "countries_cities.tsv", "given_names.tsv", "speech_verbs_de.tsv",
           "speech_verbs_en.tsv")
TABLES = tuple(f.name for f in fields(Lexicon) if f.name != "memo")


@lru_cache(maxsize=2)
def load(lang: str) -> Lexicon:
    """The lexicon for `lang`: `build`'s tables, read from the per-user cache when an earlier
    process built them from the same files (see `derived`; ~100k rows parsed once, not per process)."""
    import spacy

    def tables():
        lex = build(lang)
        return {name: getattr(lex, name) for name in TABLES}

    values = derived.cached(f"actors-{lang}", [Path(__file__), *(DATA / n for n in SOURCES)], tables,
                            extra=(spacy.__version__,))  # the stop words are spaCy's
    return Lexicon(**values)


def build(lang: str) -> Lexicon:
    """The lexicon for `lang` from the data files."""
    lex = Lexicon(lang=lang)
    if lang == "de":
        from spacy.lang.de.stop_words import STOP_WORDS
    else:
        from spacy.lang.en.stop_words import STOP_WORDS
    lex.stop = {w.lower() for w in STOP_WORDS}
    lex.never = set(NEVER_NAMES[lang])
    if lang == "de":
        words, suffixes = set(), []
        for row in _rows("titles_de.tsv"):
            form, match = row[0], (row[1] if len(row) > 1 else "word")
            words.add(form)
            if match == "suffix":
                suffixes.append(form.lower())
        lex.title_words = words
        lex.title_suffixes = tuple(sorted(set(suffixes), key=len, reverse=True))
    else:
        for row in _rows("titles_en.tsv"):
            lex.title_phrases[row[0].lower()] = len(row[0].split())
    org_suffixes = []
    for row in _rows("actors_orgs.tsv"):
        lg, form, match, kind = row[:4]
        if lang == "de" and lg == "en" and match == "head" and kind in ("place", "organization"):
            lex.foreign_heads[form.capitalize()] = kind  # English names in German text: "Rift Valley"
        if lg != lang:
            continue
        if len(row) > 4 and row[4] in ("needs-name", "descriptor", "building"):
            lex.needs_name += (form.lower(),)
        if len(row) > 4 and row[4] == "building":
            lex.buildings += (form.lower(),)
        if len(row) > 4 and row[4] == "descriptor":
            lex.descriptors += (form.lower(),)
        if match == "suffix":
            org_suffixes.append((form.lower(), kind))
        lex.org_words[form.lower()] = kind
    lex.org_suffixes = tuple(sorted(org_suffixes, key=lambda s: len(s[0]), reverse=True))
    groups = [row[1] for row in _rows("actors_groups.tsv") if row[0] == lang]
    lex.group_forms = {g.lower() for g in groups}
    lex.group_suffixes = tuple(g.lower() for g in groups if len(g) >= 5)
    for line in open(DATA / "countries_places.jsonl", encoding="utf-8"):
        r = json.loads(line)
        if r["lang"] != lang:
            continue
        if r["type"] in ("country", "region", "continent"):
            lex.std_names.setdefault(r["code"], r["name"])
        prev = lex.places.get(r["form"])
        # a country outranks a region or city of the same name ("Georgia", "Washington")
        if prev is None or (prev[1] != "country" and r["type"] == "country"):
            lex.places[r["form"]] = (r["code"], r["type"], r["name"])
    for line in open(DATA / "countries_adjectives.jsonl", encoding="utf-8"):
        r = json.loads(line)
        if r["lang"] != lang:
            continue
        lex.adjectives[r["form"].lower() if lang == "de" else r["form"]] = r["code"]
    for row in _rows("countries_cities.tsv"):
        lex.cities.add(row[0])
    names = DATA / "given_names.tsv"
    if names.exists():  # built by scripts/build_names.py for the quotes component; read only here
        lex.given_names = {row[0] for row in _rows("given_names.tsv") if row and len(row[0]) > 2}
    verbs = DATA / f"speech_verbs_{lang}.tsv"
    if verbs.exists():  # the quotes component's list, used here only as a salience cue
        with open(verbs, encoding="utf-8") as fh:
            for row in csv.reader(fh, delimiter="\t"):
                if len(row) > 2 and row[0] == "verb":
                    for cell in row[1:3]:
                        for form in cell.split("|"):
                            words = form.lower().split()
                            # a separable verb ("führt aus") counts only joined ("ausführt"): its
                            # finite part alone ("führte") and its particle ("aus") say nothing
                            word = words[-1] + words[0] if len(words) == 2 else form.lower().strip()
                            if word.isalpha():
                                lex.speech_verbs.add(word)
    lex.speech_verbs.update({"de": "sagte sagten sagt sagen erklärte erklärten erklärt teilte teilten "
                                   "betonte betont sprach kritisierte forderte meinte warnte berichtete "
                                   "schrieb bestätigte kündigte", "en": "said says say told stated "
                                   "announced added explained warned reported claimed wrote"}[lang].split())
    return lex
