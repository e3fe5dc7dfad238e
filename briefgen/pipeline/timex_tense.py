"""Tense of a clause from its auxiliaries and verb morphology (pure Python, no spaCy).

`TenseDetector(lang).tense(words)` takes the clause's words in order and returns -1 (past:
Präteritum, Perfekt, Plusquamperfekt; English simple past and present perfect), 1 (future:
werden/sollen/wollen + infinitive, will/shall/going to) or None (present or unknown). The word
lists live in `data/timex_<lang>.json` under "tense"; the suffix rules are the languages'
regular past and participle morphology.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


class TenseDetector:
    def __init__(self, lang: str) -> None:
        t = json.loads((DATA / f"timex_{lang}.json").read_text(encoding="utf-8"))["tense"]
        self.lang = lang
        self.future_aux = set(t.get("future_aux", []))
        self.future_cues = set(t.get("future_cues", []))
        self.future_phrases = [tuple(p.split()) for p in t.get("future_phrases", [])]
        self.past_aux = set(t.get("past_aux", []))
        self.perfect_aux = set(t.get("perfect_aux", []))
        self.past_forms = set(t.get("past_forms", []))
        self.determiners = set(t.get("determiners", []))
        self.passive_aux = set(t.get("passive_aux", []))
        self.weak_suffixes = tuple(t.get("weak_past_suffixes", []))
        self.weak_stop = set(t.get("weak_past_stop", []))
        self.participle_stop = set(t.get("participle_stop", []))
        prefixes = "|".join(sorted((re.escape(p) for p in t.get("participle_prefixes", [""]) if p),
                                   key=len, reverse=True))
        insep = "|".join(t.get("inseparable_prefixes", ["be", "er", "ver", "ent", "zer", "emp", "miss"]))
        if lang == "de":
            self.participle = re.compile(rf"^(?:{prefixes})?ge[a-zäöüß]{{2,}}(?:t|en)$|^[a-zäöüß]{{3,}}iert$")
            self.participle_insep = re.compile(rf"^(?:{prefixes})?(?:{insep})[a-zäöüß]{{2,}}(?:t|en)$")
        else:
            self.participle = re.compile(r"^[a-z]{2,}ed$")
            self.participle_insep = self.participle

    def tense(self, words: list[str]) -> int | None:
        low = [w.lower() for w in words]
        if any(w in self.future_aux for w in low):
            return 1
        for phrase in self.future_phrases:
            n = len(phrase)
            if any(tuple(low[i:i + n]) == phrase for i in range(len(low) - n + 1)):
                return 1
        past = self._past_de(words, low) if self.lang == "de" else self._past_en(words, low)
        if past is not None:
            return past
        if any(w in self.future_cues for w in low):
            return 1
        return None

    def _past_de(self, words: list[str], low: list[str]) -> int | None:
        if any(w in self.past_aux or w in self.past_forms for w in low):
            return -1
        if any(w in self.perfect_aux for w in low):
            for w, lw in zip(words, low):
                if w[:1].islower() and lw not in self.participle_stop and (
                        self.participle.match(lw) or self.participle_insep.match(lw)):
                    return -1
        for i, (w, lw) in enumerate(zip(words, low)):
            if not w[:1].islower() or len(lw) < 5 or lw in self.weak_stop:
                continue
            if not lw.endswith(self.weak_suffixes):
                continue
            if re.search(r"(?<!s)sten?$", lw):  # superlatives and ordinals: "letzten", "besten"
                continue
            if i and low[i - 1] in self.determiners:
                continue  # "die geplante Reform": an adjective
            return -1
        return None

    def _past_en(self, words: list[str], low: list[str]) -> int | None:
        for i, (w, lw) in enumerate(zip(words, low)):
            if lw in self.past_aux or lw in self.past_forms:
                return -1
            if len(lw) > 4 and lw.endswith("ed") and lw not in self.weak_stop and w[:1].islower():
                if i and low[i - 1] in self.determiners:
                    continue  # "the proposed law"
                if any(x in self.passive_aux for x in low[max(0, i - 3):i]):
                    continue  # "is officially reported": present passive
                return -1
        return None


@lru_cache(maxsize=4)
def detector(lang: str) -> TenseDetector:
    return TenseDetector(lang)
