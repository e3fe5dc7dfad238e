"""English products and software are no actors ("Internet Explorer 6", "the Falcon model").

A name is a product when the text gives it a product cue: a version number right after it
("Windows 7", "Explorer 8.0"), a product noun right after a two-word name ("the Zeta Nova browser",
"Orion Lynx sedans"), or "version(s) of" / "model(s)" / "released" / "launched" right before it.
Every mention of that name goes, and so do shorter or longer names that end in it ("Nova" of
"Zeta Nova"), but not the maker's name alone ("Zeta"), and a name right after the product's version
number, which continues it ("Zeta Nova 6 Countdown").
"""
from __future__ import annotations

import re

from .actors_common import WEAK, Mention

VERSION = re.compile(r"^\d{1,2}(\.\d+)*[a-z]?$")
# what a number after a name counts instead of a version ("Route 66 people" is no product)
COUNT_WORDS = {"percent", "%", "million", "billion", "people", "years", "year", "days", "per", "times",
               "points", "of", "to", "and", "or", "-", "–", ":", "am", "pm", "a.m.", "p.m."}
PRODUCT_NOUNS = {"browser", "browsers", "software", "app", "apps", "application", "applications",
                 "smartphone", "smartphones", "phone", "phones", "handset", "handsets", "tablet", "tablets",
                 "laptop", "laptops", "console", "consoles", "car", "cars", "sedan", "sedans", "vehicle",
                 "vehicles", "hatchback", "hatchbacks", "truck", "trucks", "model", "models", "plugin",
                 "plug-in", "program", "programs", "device", "devices", "engine", "engines", "aircraft",
                 "jet", "jets", "drug", "vaccine"}
BEFORE_CUES = {("version", "of"), ("versions", "of"), ("model",), ("models",), ("released",),
               ("launched",), ("upgrade", "to"), ("upgraded", "to"), ("install",), ("installed",)}


def _cued(doc, m: Mention) -> bool:
    texts = doc
    n = len(doc)
    nxt = texts[m.end].text if m.end < n else ""
    if nxt in ("'s", "’s", "'", "’"):
        return False  # the maker: "a version of Zeta Corp's system"
    after = texts[m.end + 1].text.lower() if m.end + 1 < n else ""
    if VERSION.match(nxt) and after not in COUNT_WORDS and not (m.end + 1 < n and texts[m.end + 1].like_num):
        return True
    if nxt.lower() in PRODUCT_NOUNS and m.end - m.start >= 2:
        return True
    for cue in BEFORE_CUES:
        k = len(cue)
        if m.start >= k and tuple(t.text.lower() for t in doc[m.start - k:m.start]) == cue:
            return True
    return False


def drop_products(doc, mentions: list[Mention], never: set[str] = frozenset()) -> list[Mention]:
    """The mentions without the names the text treats as products; a product's first word
    that is a name of its own stays as the maker ("Zeta" of "Zeta Nova")."""
    product: set[tuple[str, ...]] = set()
    for m in mentions:
        if m.kind in (None, "organization", "person") and not m.role and not m.virtual and _cued(doc, m):
            product.add(m.key)
    if not product:
        return mentions
    # a name right after a product's version number continues the product's name: "Internet
    # Explorer 6 Countdown" (a campaign site), "Windows 7 Home Premium"
    product_ends = {m.end for m in mentions if m.key in product}
    for m in mentions:
        if m.start in {e + 1 for e in product_ends} and VERSION.match(doc[m.start - 1].text) \
                and not m.role and m.kind != "person":
            product.add(m.key)
    tails = {k[-1] for k in product}
    # the product's initials stand for it: "IE" for "Internet Explorer"
    initials = {"".join(w[0] for w in k) for k in product if len(k) >= 2}
    for m in mentions:
        if m.key in product and m.end - m.start == 1 and m.start > 0:
            prev = doc[m.start - 1].text  # "Internet Explorer" with "Internet" left out of the name
            if prev[:1].isupper() and prev.isalpha():
                initials.add((prev[0] + m.key[0][0]).lower())

    def is_product(m: Mention) -> bool:
        if m.key in product:
            return True
        if len(m.key) == 1 and m.text.isupper() and m.key[0] in initials:
            return True
        # "Chrome" of "Google Chrome", "Mozilla Firefox" of "Firefox": same last word, not the maker
        return len(m.key) <= 3 and m.key[-1] in tails and not m.role and m.kind != "place"

    out = []
    for m in mentions:
        if not is_product(m):
            out.append(m)
            continue
        first = doc[m.start].text
        if m.end - m.start >= 2 and first[:1].isupper() and first.isalpha() and first not in never \
                and not doc[m.start].is_stop and (first.lower(),) not in product:
            out.append(Mention(m.start, m.start + 1, first, "organization", (first.lower(),),
                               strength=WEAK, subject=m.subject))
    return out
