"""briefgen_events: the timeline, one entry per dated happening.

Reads doc._.timexes (briefgen_timex) and doc.spans["actors"] (briefgen_actors; none if absent) and
writes doc._.events (list[model.Event]) ordered by date value, then text order; entries whose
expression has no value (no publication date to resolve it against) keep date None and come last,
shown as "date unknown".

One entry per clause: when a clause holds several expressions ("am Dienstag um 15 Uhr", "von 1990
bis 1991"), the first with the most specific value dates it. The entry's text is the clause that
holds the expression: the sentence, trimmed at clause boundaries when it is long.
"""
from __future__ import annotations

import datetime as dt
import re

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Event
from .sentences import doc_text

MAX_WORDS = 30  # a sentence longer than this is trimmed to the clause around the expression
MIN_WORDS = 6  # a trimmed clause shorter than this takes in its neighbours
CLAUSE_SPLIT = re.compile(r"\s*(?:;|:\s|\s[–—]\s|,\s+(?=(?:und|aber|doch|während|nachdem|bevor|weil|als|wobei|"
                          r"and|but|while|after|before|because|when|which|who)\b))\s*")
LEADING_CONJUNCTION = re.compile(r"^(?:und|aber|doch|and|but)\s+(?=\S)")
PRECISION = {10: 0, 7: 1, 8: 1, 4: 2}  # ISO length -> rank (day, month/week, year)


@Language.factory("briefgen_events", default_config={"max_words": MAX_WORDS})
def make_events(nlp: Language, name: str, *, max_words: int = MAX_WORDS) -> "EventBuilder":
    return EventBuilder(max_words=max_words)


class EventBuilder:
    def __init__(self, *, max_words: int = MAX_WORDS) -> None:
        self.max_words = max_words

    def __call__(self, doc: Doc) -> Doc:
        timexes = doc._.timexes or []
        if not timexes:
            doc._.events = []
            return doc
        text = doc_text(doc)
        sents = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation("SENT_START") \
            else [(0, len(text))]
        mentions = []
        if "actors" in doc.spans:
            mentions = [(sp.start_char, sp.end_char, sp.kb_id_ or sp.text) for sp in doc.spans["actors"]]
        by_clause: dict[tuple[int, int], list] = {}
        for t in timexes:
            s_start, s_end = sents[t.sentence] if t.sentence < len(sents) else (0, len(text))
            c_start, c_end = self._clause(text, s_start, s_end, t.start, t.end)
            by_clause.setdefault((c_start, c_end), []).append(t)
        events = []
        for (c_start, c_end), group in by_clause.items():
            t = min(group, key=lambda x: (_rank(x.value), x.start))
            clause = LEADING_CONJUNCTION.sub("", text[c_start:c_end].strip(" ,;:–—\n"))
            actors = []
            for a_start, a_end, name in mentions:
                if a_start >= c_start and a_end <= c_end and name not in actors:
                    actors.append(name)
            events.append(Event(date=t.value, expression=t.text, text=_capitalise(clause),
                                actors=tuple(actors), sentence=t.sentence))
        order = {id(e): i for i, e in enumerate(events)}
        starts = {id(e): min(x.start for x in by_clause[k]) for e, k in zip(events, by_clause)}
        events.sort(key=lambda e: (_date_key(e.date), starts[id(e)], order[id(e)]))
        doc._.events = events
        return doc

    def _clause(self, text: str, s_start: int, s_end: int, t_start: int, t_end: int) -> tuple[int, int]:
        sentence = text[s_start:s_end]
        if len(sentence.split()) <= self.max_words:
            return s_start, s_end
        cuts = [0] + [m.end() for m in CLAUSE_SPLIT.finditer(sentence)] + [len(sentence)]
        parts = list(zip(cuts, cuts[1:]))
        rel = t_start - s_start
        i = next((k for k, (a, b) in enumerate(parts) if a <= rel < b), 0)
        lo, hi = parts[i]
        j, k = i, i
        while len(sentence[lo:hi].split()) < MIN_WORDS and (j > 0 or k < len(parts) - 1):
            if k < len(parts) - 1:
                k += 1
                hi = parts[k][1]
            else:
                j -= 1
                lo = parts[j][0]
        return s_start + lo, max(s_start + hi, t_end)


def _date_key(value: str | None) -> tuple:
    """Calendar order of ISO values of any precision: a week by its Monday, a month by its first day."""
    if value is None:
        return (1, dt.date.max)
    if "-W" in value:
        y, w = value.split("-W")
        return (0, dt.date.fromisocalendar(int(y), int(w), 1))
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return (0, dt.date(parts[0], parts[1], parts[2]))


def _rank(value: str | None) -> int:
    return 9 if value is None else PRECISION.get(len(value), 3)


def _capitalise(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s
