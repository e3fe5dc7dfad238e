"""Tell German from English by their commonest function words (no model, no data file)."""
from __future__ import annotations

import re

from .model import LANGUAGES

_WORDS = {
    "de": frozenset("der die das und ist nicht sich mit dem den des ein eine einer auch auf für von zu im"
                    " sie es wird wurde hat haben sind nach bei aus dass über noch wie am vom zum zur".split()),
    "en": frozenset("the and is not with of to in on for from a an that this was were has have are by at"
                    " it its be been will would said says which who they their".split()),
}
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str, *, sample: int = 5000) -> str:
    """'de' or 'en', whichever language's function words are more frequent (ties: 'de')."""
    words = _WORD.findall(text[:sample].lower())
    scores = {lang: sum(w in _WORDS[lang] for w in words) for lang in LANGUAGES}
    return max(LANGUAGES, key=lambda lang: scores[lang])
