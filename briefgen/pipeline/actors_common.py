"""What the language rules hand to the merger: one `Mention` per actor mention found."""
from __future__ import annotations

from dataclasses import dataclass, field

# kind hints, strongest evidence first
STRONG, MEDIUM, WEAK = 3, 2, 1


@dataclass
class Mention:
    start: int  # token span in the Doc
    end: int
    text: str  # surface form, exactly as written
    kind: str | None  # person | organization | place | group | other | None (unknown)
    key: tuple[str, ...]  # base form for merging ("Kims" -> ("Kim",))
    strength: int = WEAK  # how sure the kind is
    role: str | None = None  # title or function the text gives ("US-Präsident")
    country: str | None = None  # code of a country the role names ("US")
    code: str | None = None  # gazetteer code of a place ("KP"), so "US" joins "USA"
    generic: bool = False  # a bare head noun ("Polizei", "Ministerium") that refers back
    subject: bool = False  # opens its clause or speaks: a salience cue
    links: list[str] = field(default_factory=list)  # other surface forms it stands for ("(EU)")
    bare: bool = False  # a head noun alone ("Regierung", "Polizei"), maybe standing for a fuller name
    after_prep: bool = False  # follows a place preposition ("in Paris")
    virtual: bool = False  # part of a token ("US" in "US-Präsident"): an alias, no span of its own
    affiliation: bool = False  # in brackets right after a person: "Jana Kolbe (SPD)" gives her party


def clause_start(doc, i: int, sent_starts: list[bool]) -> bool:
    """Token i opens its sentence (after quotes/brackets) or follows a comma/colon/semicolon."""
    j = i - 1
    while j >= 0 and doc[j].text in {"„", "“", "\"", "»", "«", "(", "‚", "'", "-", "–"}:
        j -= 1
    if j < 0 or sent_starts[j + 1]:
        return True
    return doc[j].text in {",", ";", ":"} or doc[j].is_space


COORDINATORS = {",", "and", "or", "und", "oder", "sowie", "&", "/"}


def share_kinds(doc, mentions: list["Mention"]) -> None:
    """Names in one list share a kind: "Toyota, Nissan and Saab", "Varel und Nordenham". A
    mention the rules could not type takes the kind of a typed neighbour it is coordinated with."""
    by_start = {m.start: m for m in mentions if not m.virtual}
    by_end = {m.end: m for m in mentions if not m.virtual}
    for m in sorted(by_start.values(), key=lambda m: m.start):
        if m.kind:
            continue
        for other in (by_end.get(m.start - 1), by_end.get(m.start - 2)):
            if other is not None and other.kind in ("organization", "place", "person") \
                    and all(doc[k].text in COORDINATORS for k in range(other.end, m.start)):
                m.kind, m.strength = other.kind, WEAK
                break
        if m.kind:
            continue
        for other in (by_start.get(m.end + 1), by_start.get(m.end + 2)):
            if other is not None and other.kind in ("organization", "place", "person") \
                    and all(doc[k].text in COORDINATORS for k in range(m.end, other.start)):
                m.kind, m.strength = other.kind, WEAK
                break


def mark_affiliations(doc, mentions: list["Mention"]) -> None:
    """An organisation or place in brackets right after a person's name ("Günther Krause (CDU)",
    "Sen. Jane Roe (D-Ohio)") is the person's party or home, an attribute, not a participant."""
    person_ends = {m.end for m in mentions if m.kind == "person" and not m.virtual}
    n = len(doc)
    for m in mentions:
        if not m.virtual and m.start >= 2 and m.end < n and doc[m.start - 1].text == "(" \
                and doc[m.end].text == ")" and m.start - 1 in person_ends:
            m.affiliation = True


def unsubject_locators(doc, mentions: list["Mention"]) -> None:
    """A place after another place and a comma locates it ("Wixom, Michigan", "Ontario, Canada"):
    the comma opens no clause there, so the place is no subject."""
    place_ends = {m.end for m in mentions if m.kind == "place" and not m.virtual}
    for m in mentions:
        if m.subject and m.kind == "place" and m.start >= 2 and doc[m.start - 1].text == "," \
                and m.start - 1 in place_ends:
            m.subject = False
