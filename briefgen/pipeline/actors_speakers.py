"""Speakers as a salience cue: who speaks is an actor of the story (ANNOTATION: "who is quoted most").

The language rules flag a mention that opens its clause or stands before a speech verb ("Die Polizei
teilte mit", "Microsoft says"). Speakers also stand after the verb, which German word order puts
first whenever anything else opens the sentence ("Am Montag sagte Müller", "„…“, erklärte die
Sprecherin") and English puts first after a quote ("…, said Jim Wexler"), and after source
prepositions ("laut Polizei", ", so Müller", "der Zeitung zufolge"). English "according to" is
left out: it cites reports and media ("according to Times Online") more than voices of the story.
"""
from __future__ import annotations

from .actors_common import Mention

SKIP = {"der", "die", "das", "den", "dem", "des", "the", "a", "an"}
# verbs whose next name is the one spoken to, not the speaker ("told reporters")
ADDRESSEE_VERBS = {"told", "tells", "tell", "informed", "informs", "asked", "asks", "urged", "urges",
                   "warned", "warns"}
SOURCE_BEFORE = {"de": {"laut"}, "en": set()}
SOURCE_AFTER = {"de": {"zufolge"}, "en": set()}


def mark_speakers(doc, mentions: list[Mention], speech_verbs: set[str], lang: str) -> None:
    texts = [t.text for t in doc]
    n = len(texts)
    before = SOURCE_BEFORE.get(lang, set())
    after = SOURCE_AFTER.get(lang, set())
    for m in mentions:
        if m.subject or m.virtual or m.kind == "place":
            continue
        j = m.start - 1
        if j >= 0 and texts[j].lower() in SKIP:
            j -= 1
        if j < 0:
            continue
        prev = texts[j].lower()
        if prev in speech_verbs and prev not in ADDRESSEE_VERBS and texts[j].islower():
            m.subject = True  # "sagte Müller", "said Jim Wexler"
        elif prev in before or (prev == "so" and j > 0 and texts[j - 1] == ","):
            m.subject = True  # "laut Polizei", ", so Müller"
        elif m.end < n and texts[m.end].lower() in after:
            m.subject = True  # "der Zeitung zufolge"
