"""The data model: frozen dataclasses from article to briefing.

`Briefing.to_json()` / `Briefing.from_json()` are the contract in ``../shared/eval/CONTRACT.md``:
the contract's fields are never dropped or renamed; briefgen adds a few of its own (provenance
indices, stance, tags) that the evaluation ignores.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

SCHEMA = "briefgen.briefing/1"
LANGUAGES = ("de", "en")
ACTOR_KINDS = ("person", "organization", "place", "group", "other")
QUOTE_KINDS = ("direct", "indirect", "reported")
STANCES = ("asserted", "attributed", "hedged")
RESERVED_NAMES = frozenset("con prn aux nul com1 com2 com3 com4 com5 com6 com7 com8 com9 lpt1 lpt2 lpt3 lpt4 "
                           "lpt5 lpt6 lpt7 lpt8 lpt9".split())
ISO_VALUE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=1 << 16)  # the site asks for the slug of the same actor names again and again
def slugify(text: str, max_length: int = 80) -> str:
    """ASCII slug: NFKD-folded, lower case, words joined by '-', never empty, never a path."""
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("ß", "ss").replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    text = text.replace("Ä", "Ae").replace("Ö", "Oe").replace("Ü", "Ue")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = _NOT_SLUG.sub("-", text.lower()).strip("-")
    slug = slug[:max_length].rstrip("-")
    if slug in RESERVED_NAMES:  # names some file systems refuse ("con.md", "nul.json")
        slug = f"{slug}-x"
    return slug or "untitled"


@dataclass(frozen=True)
class Article:
    """One article file, read and validated. `body` is the text after the front matter."""

    path: str  # as found under the articles folder, POSIX separators
    title: str
    body: str
    lang: str
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    body_line: int = 1  # 1-based line of the file where `body` starts

    @property
    def slug(self) -> str:
        stem = slugify(self.title, max_length=60)
        return f"{self.date.isoformat()}-{stem}" if self.date else stem


@dataclass(frozen=True)
class Sentence:
    """A sentence of the body: character offsets, `index` is its anchor on the page (s-<index>)."""

    index: int
    start: int
    end: int


@dataclass(frozen=True)
class Actor:
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: int = 1
    sentences: tuple[int, ...] = ()  # indices of the sentences that mention the actor
    country: str | None = None  # the country a role links to ("US-Präsident" -> "USA")

    @cached_property  # asked for again and again by every page that lists the actor
    def slug(self) -> str:
        """Identity across briefings: canonical name and kind."""
        return f"{slugify(self.name, max_length=60)}-{self.kind}"


@dataclass(frozen=True)
class TimeExpression:
    text: str
    start: int
    end: int
    value: str | None
    sentence: int = 0


@dataclass(frozen=True)
class Event:
    date: str | None
    expression: str
    text: str
    actors: tuple[str, ...] = ()
    sentence: int = 0
    stance: str = "asserted"


@dataclass(frozen=True)
class Quote:
    speaker: str | None
    kind: str
    text: str
    sentence: str
    sentence_index: int = 0
    stance: str = "attributed"


@dataclass(frozen=True)
class Question:
    question: str
    evidence: str
    sentence: int = 0


@dataclass(frozen=True)
class Briefing:
    slug: str
    title: str
    date: dt.date | None
    language: str
    summary: str
    body: str = ""
    actors: tuple[Actor, ...] = ()
    time_expressions: tuple[TimeExpression, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    questions: tuple[Question, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    path: str = ""
    source: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()

    # ------------------------------------------------------------------ JSON
    def to_json(self) -> dict[str, Any]:
        """The contract's fields first, in its order, then briefgen's own."""
        return {
            "schema": SCHEMA,
            "slug": self.slug,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "language": self.language,
            "summary": self.summary,
            "actors": [
                {"name": a.name, "kind": a.kind, "aliases": list(a.aliases), "roles": list(a.roles),
                 "mentions": a.mentions, "slug": a.slug, "sentences": list(a.sentences),
                 "country": a.country}
                for a in self.actors
            ],
            "time_expressions": [
                {"text": t.text, "start": t.start, "end": t.end, "value": t.value, "sentence": t.sentence}
                for t in self.time_expressions
            ],
            "events": [
                {"date": e.date, "expression": e.expression, "text": e.text, "actors": list(e.actors),
                 "sentence": e.sentence, "stance": e.stance}
                for e in self.events
            ],
            "quotes": [
                {"speaker": q.speaker, "kind": q.kind, "text": q.text, "sentence": q.sentence,
                 "sentence_index": q.sentence_index, "stance": q.stance}
                for q in self.quotes
            ],
            "questions": [
                {"question": q.question, "evidence": q.evidence, "sentence": q.sentence}
                for q in self.questions
            ],
            "path": self.path,
            "source": self.source,
            "url": self.url,
            "tags": list(self.tags),
            "body": self.body,
            "sentences": [[s.start, s.end] for s in self.sentences],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> "Briefing":
        if data.get("schema") != SCHEMA:
            raise ValueError(f"not a {SCHEMA} object (schema={data.get('schema')!r})")
        return cls(
            slug=data["slug"],
            title=data["title"],
            date=dt.date.fromisoformat(data["date"]) if data.get("date") else None,
            language=data["language"],
            summary=data.get("summary", ""),
            body=data.get("body", ""),
            actors=tuple(
                Actor(name=a["name"], kind=a["kind"], aliases=tuple(a.get("aliases", ())),
                      roles=tuple(a.get("roles", ())), mentions=a.get("mentions", 1),
                      sentences=tuple(a.get("sentences", ())), country=a.get("country"))
                for a in data.get("actors", ())
            ),
            time_expressions=tuple(
                TimeExpression(text=t["text"], start=t["start"], end=t["end"], value=t.get("value"),
                               sentence=t.get("sentence", 0))
                for t in data.get("time_expressions", ())
            ),
            events=tuple(
                Event(date=e.get("date"), expression=e.get("expression", ""), text=e["text"],
                      actors=tuple(e.get("actors", ())), sentence=e.get("sentence", 0),
                      stance=e.get("stance", "asserted"))
                for e in data.get("events", ())
            ),
            quotes=tuple(
                Quote(speaker=q.get("speaker"), kind=q["kind"], text=q["text"],
                      sentence=q.get("sentence", ""), sentence_index=q.get("sentence_index", 0),
                      stance=q.get("stance", "attributed"))
                for q in data.get("quotes", ())
            ),
            questions=tuple(
                Question(question=q["question"], evidence=q.get("evidence", ""), sentence=q.get("sentence", 0))
                for q in data.get("questions", ())
            ),
            sentences=tuple(Sentence(i, s, e) for i, (s, e) in enumerate(data.get("sentences", ()))),
            path=data.get("path", ""),
            source=data.get("source"),
            url=data.get("url"),
            tags=tuple(data.get("tags", ())),
        )
