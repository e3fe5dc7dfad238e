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
# the agent of a passive acts: "was launched on Wednesday by X", "wurde von der Polizei festgenommen"
AGENT_PREPS = {"en": {"by"}, "de": {"von", "vom"}}
PASSIVE_AUX = {"en": {"was", "were", "is", "are", "been", "being", "be"},
               "de": {"wurde", "wurden", "worden", "wird", "werden"}}
NAMING = {"called", "named", "labelled", "labeled", "dubbed", "genannt", "namens"}
# a body speaks through its spokesperson: "Ein Sprecher des Ministeriums erklärte", "a spokeswoman
# for Zentrix said"
SPOKES = {"de": ("sprecher", "sprecherin"), "en": ("spokesman", "spokeswoman", "spokesperson")}
SPOKES_LINKS = {"de": {"des", "der", "vom", "von"}, "en": {"for", "of"}}
QUOTE_MARKS = {'"', "“", "”", "„", "'", "``", "''", "»", "«"}


def mark_speakers(doc, mentions: list[Mention], speech_verbs: set[str], lang: str) -> None:
    texts = [t.text for t in doc]
    n = len(texts)
    before = SOURCE_BEFORE.get(lang, set())
    after = SOURCE_AFTER.get(lang, set())
    for m in mentions:
        if m.subject or m.virtual or m.kind == "place":
            continue
        j = m.start - 1
        titled = bool(m.role) and _role_before(texts, m)
        if titled:
            if m.end < n and texts[m.end].islower() and texts[m.end] in speech_verbs:
                m.subject = True  # "Ministerin Jana Roth sagte", "Mayor Tim Lenz told reporters"
                continue
            j = _before_role(texts, m)
        if j >= 0 and texts[j].lower() in SKIP:
            j -= 1
        if lang == "de" and j > 0 and texts[j] == "sich":
            j -= 1  # "sprach sich der Politiker Jan Roth ... aus"
        if j < 0:
            continue
        prev = texts[j].lower()
        if prev in speech_verbs and prev not in ADDRESSEE_VERBS and texts[j].islower():
            m.subject = True  # "sagte Müller", "said Jim Wexler"
        elif prev in before or (prev == "so" and j > 0 and texts[j - 1] == ","):
            m.subject = True  # "laut Polizei", ", so Müller"
        elif m.end < n and texts[m.end].lower() in after:
            m.subject = True  # "der Zeitung zufolge"
        elif _spokesperson_of(texts, m.start, lang) and not (m.end < n and texts[m.end][:1].isupper()):
            m.subject = True  # "Ein Sprecher des Ministeriums erklärte" (not "Sprecher der Regierung Jan Roth")
        elif _passive_agent(texts, m.start, lang):
            m.subject = True  # "was launched by a user called X", "wurde von der Polizei festgenommen"


def _role_before(texts: list[str], m: Mention) -> bool:
    """The mention's role stands right before it ("Ministerin Jana Roth"), not in an apposition after."""
    return m.start > 0 and m.role.endswith(texts[m.start - 1].rstrip("."))


def _before_role(texts: list[str], m: Mention) -> int:
    """The token before the role that stands before the mention ("sagte [Ministerin] Roth")."""
    words = set(m.role.replace("-", " ").split()) | {m.role}
    j = m.start - 1
    while j >= 0 and m.start - j <= len(m.role.split()) + 1 and (texts[j] in words or texts[j].rstrip(".") in words
                                                                  or texts[j] in m.role.split()):
        j -= 1
    return j


def _passive_agent(texts: list[str], start: int, lang: str) -> bool:
    """The name follows the agent preposition of a passive, maybe through a naming phrase
    ("by a user labelled \"X\""); the passive auxiliary stands at most four words before it."""
    j = start - 1
    skipped = 0
    while j >= 0 and skipped < 5 and (texts[j] in QUOTE_MARKS or texts[j].lower() in SKIP
                                       or texts[j].lower() in NAMING
                                       or skipped and texts[j].isalpha() and texts[j].islower()
                                       and texts[j].lower() not in AGENT_PREPS[lang]):
        j -= 1
        skipped += 1
    if j < 1 or texts[j].lower() not in AGENT_PREPS.get(lang, ()):
        return False
    if skipped and not any(texts[k].lower() in NAMING or texts[k].lower() in SKIP for k in range(j + 1, start)):
        return False
    return any(texts[k].lower() in PASSIVE_AUX[lang] for k in range(max(0, j - 4), j))


def _spokesperson_of(texts: list[str], start: int, lang: str) -> bool:
    """The name follows "Sprecher des" / "spokesman for" (a lower-case adjective may stand between:
    "des baden-württembergischen Ministeriums")."""
    j = start - 1
    while j >= 0 and start - j <= 2 and texts[j][:1].islower() and texts[j].lower() not in SPOKES_LINKS[lang] \
            and texts[j].lower() not in SKIP:
        j -= 1
    if j >= 0 and lang == "en" and texts[j].lower() == "the":
        j -= 1
    if j < 1 or texts[j].lower() not in SPOKES_LINKS.get(lang, ()):
        return False
    return texts[j - 1].lower().endswith(SPOKES[lang])
