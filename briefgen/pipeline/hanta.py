"""HanTa's tagger models, loaded once per process and shared by every component that needs one."""
from __future__ import annotations

from functools import lru_cache

GERMAN = "morphmodel_ger.pgz"
ENGLISH = "morphmodel_en.pgz"


@lru_cache(maxsize=None)
def model(name: str = GERMAN):
    """The HanoverTagger for a model file shipped with HanTa (GERMAN or ENGLISH)."""
    from HanTa import HanoverTagger as ht

    return ht.HanoverTagger(name)
