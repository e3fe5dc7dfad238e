"""Names of events and coined terms are no actors: "Zyklon Nargis", "Hurricane Ida", "the Hajj,
the annual pilgrimage", "das Zerkratzen, auch Scratching genannt".

A name is an event when the text introduces it with an event class noun (data/actors_events.tsv):
right before it ("durch den Zyklon Nargis", "Tropensturm „Rita“", "cyclone Nargis"), as its first
word ("Hurricane Ida"), or in an apposition right after it ("the Hajj, the annual pilgrimage to
Mecca"); a term is a word the text introduces with "auch ... genannt". Every mention of that name
goes, wherever it recurs alone ("Nargis").
"""
from __future__ import annotations

from functools import lru_cache

from .actors_common import Mention
from .actors_lexicon import _rows

QUOTES = {"„", "“", "\"", "»", "«", "‚", "‘", "'", "``", "''"}
ARTICLE_WORDS = {"the", "an", "a", "its", "this", "der", "die", "das", "den", "dem", "des"}


@lru_cache(maxsize=4)
def event_nouns(lang: str, weather_only: bool = False) -> tuple[str, ...]:
    return tuple(sorted({row[1].lower() for row in _rows("actors_events.tsv")
                         if len(row) >= 3 and row[0] == lang and (row[2] == "weather" or not weather_only)},
                        key=len, reverse=True))


def _is_event_noun(word: str, lang: str, weather_only: bool = False) -> bool:
    low = word.lower()
    if not low.isalpha():
        return False
    nouns = event_nouns(lang, weather_only)
    if lang == "de":
        return word[:1].isupper() and low.endswith(nouns)
    return low in nouns or (low.endswith("s") and low[:-1] in nouns)


# "das Zerkratzen, auch Scratching genannt": a term the text coins for a thing or an act
TERM_PARTICIPLES = {"de": {"genannt", "bezeichnet"}, "en": set()}
TERM_OPENERS = {"auch", "kurz", "sogenannt", "oft", "meist"}


def _cued(texts: list[str], m: Mention, lang: str) -> bool:
    if m.end < len(texts) and texts[m.end] in TERM_PARTICIPLES[lang] and m.start > 0 \
            and texts[m.start - 1].lower() in TERM_OPENERS and m.end - m.start <= 2:
        return True  # "auch Scratching genannt"
    j = m.start - 1
    if j >= 0 and texts[j] in QUOTES:
        j -= 1
    if j >= 0 and _is_event_noun(texts[j], lang):
        return True  # "Zyklon Nargis", "cyclone Nargis"
    if m.end - m.start >= 2 and _is_event_noun(texts[m.start], lang, weather_only=lang == "en"):
        return True  # "Hurricane Ida", "Wirbelsturm Talvena" (German: the noun heads the phrase)
    k = m.end
    if k + 1 < len(texts) and texts[k] == ",":
        # an apposition: ", the annual pilgrimage", ", ein schwerer Wirbelsturm"
        for t in range(k + 1, min(k + 5, len(texts))):
            w = texts[t]
            if _is_event_noun(w, lang):
                return all(texts[x].lower() in ARTICLE_WORDS or texts[x][:1].islower()
                           for x in range(k + 1, t))
            if w in (",", ".", ";") or w[:1].isupper() and lang == "en":
                return False
    return False


def drop_events(doc, mentions: list[Mention], lang: str) -> list[Mention]:
    """The mentions without the names the text introduces as events."""
    texts = [t.text for t in doc]
    events = {m.key for m in mentions if not m.virtual and not m.role and m.kind != "group"
              and _cued(texts, m, lang)}
    if not events:
        return mentions
    tails = {k[-1] for k in events if len(k) >= 2}
    return [m for m in mentions if m.key not in events and not (len(m.key) == 1 and m.key[0] in tails)]
