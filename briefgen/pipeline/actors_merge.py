"""From mentions to actors: one entity per real-world actor, its kind, name and salience.

Merging, in order:
1. same base form ("Trump", "Trumps"; "Bundesverfassungsgericht", "Bundesverfassungsgerichtes");
2. same gazetteer code ("US" in "US-Präsident", "USA", "Vereinigte Staaten");
3. an acronym given in brackets after a name ("Europäische Union (EU)");
4. a shorter name that is the end or the start of a longer one of the same kind ("Trump" ->
   "Donald Trump", "Kim" -> "Kim Jong-un", "Vattenfall" -> "Vattenfall Europe"), the nearest
   earlier one when several fit;
5. a bare head noun that refers back to the nearest name it ends ("das Ministerium" ->
   "schleswig-holsteinisches Sozialministerium", "die Polizei" -> "Berliner Polizei").
"""
from __future__ import annotations

import re
from collections import Counter

from ..model import Actor
from .actors_common import STRONG, WEAK, Mention

# salience weights
W_MENTION, W_LEAD, W_SECOND, W_SUBJECT = 1.0, 3.0, 0.0, 1.0
ROLE_BONUS = 2.5
W_TITLE = 3.0  # named in the article's title, when the caller gives it (doc._.title)
KIND_WEIGHT = {"person": 1.0, "organization": 1.0, "place": 0.85, "group": 0.4, "other": 0.8}


class Entity:
    __slots__ = ("mentions", "forms", "keys", "code", "links")

    def __init__(self, m: Mention) -> None:
        self.mentions = [m]
        self.keys = {m.key}
        self.code = m.code
        self.links = list(m.links)

    def absorb(self, other: "Entity") -> None:
        self.mentions.extend(other.mentions)
        self.keys |= other.keys
        self.code = self.code or other.code
        self.links.extend(other.links)

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def kind(self, default: str) -> str:
        if any(m.kind == "person" and m.role and m.strength == STRONG for m in self.mentions):
            return "person"  # a person title ("Machthaber Kim Jong-un") outweighs weak guesses
        votes: Counter = Counter()
        for m in self.mentions:
            if m.kind:
                votes[m.kind] += m.strength * m.strength
        if not votes:
            return default
        return votes.most_common(1)[0][0]

    def strength(self) -> int:
        """How sure the entity's kind is: the strongest cue of any mention."""
        return max((m.strength for m in self.mentions if m.kind), default=0)

    @property
    def longest_key(self) -> tuple[str, ...]:
        return max(self.keys, key=len)


# the Arabic article joined to a surname ("al-Assad", "el-Sisi", "ash-Shara"): the surname alone names
# the person too ("Assad")
NAME_ARTICLES = ("al-", "el-", "ad-", "ed-", "as-", "ash-", "at-", "az-", "ar-", "an-")


def _is_part(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    if "/" in long:
        return False  # "Diehl" is a partner of "Diehl / Thales", not the same actor
    n = len(short)
    if n < len(long) and (long[-n:] == short or long[:n] == short):
        return True
    last = long[-1]
    if n == 1 and len(long) >= 2 and last.startswith(NAME_ARTICLES):
        return last.split("-", 1)[1] == short[0]  # "Gaddafi" of "Muammar al-Gaddafi"
    if n == 1 and len(long) >= 2 and len(short[0]) > 4 and short[0].endswith("s") and short[0][:-1] == last:
        return True  # a genitive the tagger left whole: "Lahms" of "Philipp Lahm"
    return False


def merge(mentions: list[Mention], *, default_kind: str = "organization") -> list[Entity]:
    mentions = sorted(mentions, key=lambda m: (m.start, -m.end))
    by_key: dict[tuple[str, ...], Entity] = {}
    entities: list[Entity] = []
    generics: list[Mention] = []
    for m in mentions:
        if m.generic:
            generics.append(m)
            continue
        e = by_key.get(m.key)
        if e is None:
            e = Entity(m)
            by_key[m.key] = e
            entities.append(e)
        else:
            e.absorb(Entity(m))
    # 2. same code
    by_code: dict[str, Entity] = {}
    for e in list(entities):
        if e.code:
            if e.code in by_code:
                by_code[e.code].absorb(e)
                entities.remove(e)
            else:
                by_code[e.code] = e
    # 3. acronyms in brackets
    for e in list(entities):
        for ac in e.links:
            other = by_key.get((ac.lower(),))
            if other is not None and other is not e and other in entities:
                e.absorb(other)
                entities.remove(other)
    # 4. short names into longer ones
    entities.sort(key=lambda e: -len(e.longest_key))
    for e in list(entities):
        if e not in entities or len(e.longest_key) > 2:
            continue
        kind = e.kind("")
        if kind == "group":
            continue
        if e.strength() <= WEAK and not e.code:
            kind = ""  # a weak guess ("Kim" like a town, "in X") does not keep a name apart
        cands = []
        for other in entities:
            if other is e:
                continue
            if not any(_is_part(k, ok) for k in e.keys for ok in other.keys):
                continue
            okind = other.kind("")
            if kind == "place" and e.code and okind != "place":
                # "Paris" joins "Valeska Paris" when never used as a place ("in Paris")
                if not (okind == "person" and not any(m.after_prep for m in e.mentions)
                        and all(len(k) == 1 for k in e.keys)):
                    continue  # "Myanmar" stays apart from "Regierung Myanmars"
                for m in e.mentions:
                    m.kind, m.code = "person", None
                e.code = None
                kind = "person"
            if kind and okind and kind != okind and not (kind != "person" and okind == "place"):
                continue
            if e.code and okind == "place" and other.code != e.code and any(
                    len(ok) > len(k) and ok[:len(k)] == k for k in e.keys for ok in other.keys):
                continue  # a gazetteer place is whole: "Hong Kong" is not "Hong Kong Island" (but
                # "Stadt Wien" is Wien)
            cands.append(other)
        if not cands:
            continue
        same = [c for c in cands if kind and c.kind("") == kind]
        cands = same or cands
        best = max(c.strength() for c in cands)
        cands = [c for c in cands if c.strength() == best]  # "Ford Motor Company" over "Ford Falcon"
        before = [c for c in cands if c.first < e.first]
        pool = before or cands
        target = max(pool, key=lambda c: c.first) if before else min(pool, key=lambda c: c.first)
        target.absorb(e)
        entities.remove(e)
    # 4b. a bare head standing alone ("die Regierung") joins a fuller name with that head
    #     ("Militärregierung Myanmars"), and names differing only in the head's compound
    #     ("Regierung Myanmars" -> "Militärregierung Myanmars")
    for e in list(entities):
        if e not in entities or not all(m.bare for m in e.mentions) or e.kind(default_kind) != "organization":
            continue
        head = e.longest_key[0]
        cands = [o for o in entities if o is not e and o.kind(default_kind) == "organization"
                 and any(any(t.endswith(head) or (len(head) >= 5 and t.startswith(head)) for t in k)
                         and len(k) + len(k[0]) > len(head) + 1
                         for k in o.keys if k != (head,))]
        if cands:
            target = max(cands, key=lambda o: (len(o.mentions), -o.first))
            target.absorb(e)
            entities.remove(e)
    for e in list(entities):
        if e not in entities or e.kind(default_kind) != "organization":
            continue
        for o in list(entities):
            if o is e or o not in entities or o.kind(default_kind) != "organization":
                continue
            if any(len(k) == len(ok) >= 2 and k[1:] == ok[1:] and k[0] != ok[0] and k[0].endswith(ok[0])
                   for k in e.keys for ok in o.keys):
                e.absorb(o)
                entities.remove(o)
    # 5. bare heads refer back
    for g in generics:
        head = g.key[-1]
        best = None
        for e in entities:
            if e.kind(default_kind) not in ("organization", "place"):
                continue
            if e.first <= g.start and any(k and k[-1].endswith(head) for k in e.keys):
                if best is None or e.first > best.first:
                    best = e
        if best is not None:
            best.mentions.append(g)
    entities.sort(key=lambda e: e.first)
    return entities


def group_acts(e: Entity) -> bool:
    """An unnamed group is an actor only when it acts or speaks (ANNOTATION: "only when they speak
    or act"): some mention opens its clause or speaks. Recurring as an object ("persuade users",
    "die Zahl der Opfer") does not make one."""
    return any(m.subject for m in e.mentions)


def _name_and_aliases(e: Entity) -> tuple[str, list[str]]:
    counts = Counter(m.text for m in e.mentions)
    first = {}
    for m in sorted(e.mentions, key=lambda m: m.start):
        first.setdefault(m.text, m.start)

    def score(text: str):
        toks = text.split()
        m = next(m for m in e.mentions if m.text == text)
        nominative = text.lower().rstrip("'’").endswith(m.key[-1]) if m.key else True
        return (not m.generic, not text.startswith("The "), len(toks), nominative, len(text), counts[text],
                -first[text])

    forms = sorted(counts, key=score, reverse=True)
    name = forms[0]
    aliases = [f for f in sorted(forms[1:], key=lambda f: first[f])]
    for link in e.links:
        if link != name and link not in aliases:
            aliases.append(link)
    return name, aliases


def build_actors(entities: list[Entity], sent_of: list[int], *, default_kind: str,
                 std_names: dict[str, str], keep_groups: bool = True,
                 drop_uncued: bool = False, title: str = "") -> list[tuple[Actor, Entity]]:
    """Actors in salience order. `drop_uncued`: leave out a name met once with no cue to its kind
    and no act (English, where a capital letter is weak evidence; German NE tags are strong)."""
    named: dict[str, str] = {}
    rows = []
    for e in entities:
        kind = e.kind(default_kind)
        if kind == "group" and not (keep_groups and group_acts(e)):
            continue
        name, aliases = _name_and_aliases(e)
        if drop_uncued and len(e.mentions) == 1 and not e.mentions[0].kind and not e.mentions[0].subject \
                and not e.links:
            continue  # one mention, no cue for what it is, not acting: too weak to list

        std = std_names.get(e.code) if e.code else None
        if std and std not in aliases and name != std and not any(len(a) > len(name) for a in [name]):
            if name.endswith("s") and name[:-1] == std:
                aliases.insert(0, name)  # only the genitive occurs ("Nordkoreas"): name the base form
                name = std
        if e.code:
            named[e.code] = name
        rows.append((e, kind, name, aliases))
    out = []
    for e, kind, name, aliases in rows:
        ms = sorted(e.mentions, key=lambda m: m.start)
        roles = list(dict.fromkeys(m.role for m in ms if m.role))
        code = next((m.country for m in ms if m.country), None)
        country = (named.get(code) or std_names.get(code)) if code else None
        sents = tuple(sorted({sent_of[m.start] for m in ms}))
        actor = Actor(name=name, kind=kind, aliases=tuple(aliases), roles=tuple(roles),
                      mentions=len(ms), sentences=sents, country=country)
        score = salience(e, kind, sents, sent_of)
        if title and in_title(e, title):
            score += W_TITLE * KIND_WEIGHT.get(kind, 1.0)
        out.append((score, e.first, actor, e))
    out.sort(key=lambda r: (-r[0], r[1]))
    return [(a, e) for _s, _f, a, e in out]


def in_title(e: Entity, title: str) -> bool:
    """Some form of the actor occurs in the title ("Trump" in "Trump meldet Brief von Kim"). A
    form that only modifies in the body (a compound part "US-", a demonym "Australian") does not
    count: in the title it modifies too ("Australian government announces ...")."""
    low = title.lower()
    words = set(re.findall(r"\w[\w-]*", low))
    for m in e.mentions:
        if m.virtual:
            continue
        text = m.text.lower()
        if len(text) >= 3 and (text in words or (" " in text and text in low)):
            return True
        if m.key and len(m.key[-1]) >= 3 and m.kind == "person" and m.key[-1] in words:
            return True
    return False


def salience(e: Entity, kind: str, sents: tuple[int, ...], sent_of: list[int]) -> float:
    n = sum(0.5 if m.generic or m.virtual or m.affiliation else 1.0 for m in e.mentions)
    score = W_MENTION * n
    if sents and sents[0] == 0 and not all(m.affiliation for m in e.mentions if sent_of[m.start] == 0):
        score += W_LEAD  # named in the lead, other than as someone's party ("Krause (CDU)")
    elif sents and sents[0] == 1:
        score += W_SECOND
    score += W_SUBJECT * sum(1 for m in e.mentions if m.subject)
    if any(m.role for m in e.mentions) or any(m.strength == STRONG and m.kind == "person" for m in e.mentions):
        score += ROLE_BONUS
    return score * KIND_WEIGHT.get(kind, 1.0)
