"""Finding time-expression candidates in raw text: the rules of `data/timex_<lang>.json`.

Pure Python (no spaCy). A rule is a regular expression with named groups, written with
placeholders (`{MONTH}`, `{WD}`, `{REL}` …) that are filled from the language's lexicon. All rules
run over the text (compiled once per language); rejected candidates (sets, quantities, names) are
dropped, the rest are chosen leftmost-longest and extended by the preposition in front of them.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .timex_prefilter import requirement

DATA = Path(__file__).parent / "data"
OPEN_QUOTES = "„\"»«“‘"
CLOSE_QUOTES = "“”\"«»’"


def _alt(words, cap: bool = False) -> str:
    """A regex alternation of `words`, longest first; `cap` adds the capitalised variant."""
    forms = set()
    for w in words:
        forms.add(w)
        if cap and w:
            forms.add(w[0].upper() + w[1:])
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(forms, key=len, reverse=True)) + ")"


@dataclass
class Candidate:
    start: int
    end: int
    kind: str
    rule: str
    groups: dict
    core_start: int = -1  # where the rule's own match starts (before any preposition was added)
    value: str | None = None
    fields: dict = field(default_factory=dict)


class Lexicon:
    """The language's word lists, read once; lookups used by the rules and the resolver."""

    def __init__(self, lang: str) -> None:
        data = json.loads((DATA / f"timex_{lang}.json").read_text(encoding="utf-8"))
        self.lang = lang
        self.data = data
        self.months = {k.lower(): v for k, v in data["months"].items()}
        self.weekdays = {k.lower(): v for k, v in data["weekdays"].items()}
        self.numbers = {k.lower(): v for k, v in data["numbers"].items()}
        self.units = {k.lower(): v for k, v in data["units"].items()}
        self.rel_stems = data["rel_stems"]
        self.rel_endings = sorted(data["rel_endings"], key=len, reverse=True)
        self.deictic = {k.lower(): v for k, v in data["deictic"].items()}
        self.anaphor_after = {w.lower() for w in data["anaphor_after"]}
        self.anaphor_before = {w.lower() for w in data["anaphor_before"]}
        self.anaphor_words = {k.lower(): v for k, v in data["anaphor_words"].items()}
        self.seasons = {k.lower(): v for k, v in data["seasons"].items()}
        self.ordinals = {k.lower(): v for k, v in data["ordinals"].items()}
        self.holidays = {k.lower(): v for k, v in data["holidays"].items()}
        self.time_words = {k.lower(): v for k, v in data["time_words"].items()}
        self.set_before = {w.lower() for w in data["set_before"]}
        self.year_noun_stop = {w.lower() for w in data["year_noun_stop"]}
        self.year_prev_stop = {w.lower() for w in data.get("year_prev_stop", [])}
        self.name_before = {w.lower() for w in data.get("name_before", [])}
        self.function_words = {w.lower() for w in data.get("function_words", [])}
        self.qualifiers = {w.lower() for w in data["qualifiers"]}
        self.prepositions = sorted(data["prepositions"], key=len, reverse=True)
        self.prep_words = {p.split()[0].lower() for p in data["prepositions"]}

    def rel(self, word: str | None):
        """Direction of a relative word ("vergangenen" -> -1, "next" -> 1, "dies" -> 0)."""
        if not word:
            return None
        w = re.sub(r"\s+", " ", word.lower())
        if w in self.rel_stems:
            return self.rel_stems[w]
        for end in self.rel_endings:
            if end and w.endswith(end) and w[: -len(end)] in self.rel_stems:
                return self.rel_stems[w[: -len(end)]]
        return None

    def number(self, word: str | None) -> int | None:
        if not word:
            return None
        w = word.strip("[]").lower()
        if w.isdigit():
            return int(w)
        return self.numbers.get(w)


def _placeholders(lex: Lexicon) -> dict[str, str]:
    d = lex.data
    return {
        "MONTH": _alt(d["months"]),
        "WD": _alt(d["weekdays"]),
        "DP": _alt(d["dayparts"]),
        "DPS": _alt(d["daypart_suffixes"]),
        "DAY": r"(?:0?[1-9]|[12]\d|3[01])(?!\d)",
        "YEAR": r"(?:1\d{3}|20\d{2})(?!\d|-?er\b|er[a-z])",
        "NUM": r"(?:\d{1,3}(?![\d.,]\d)|\[?" + _alt(d["numbers"], cap=True) + r"\]?)",
        "VNUM": _alt(d["vague_numbers"], cap=True),
        "QUAL": _alt(d["qualifiers"], cap=True),
        "REL": "(?:" + _alt(d["rel_stems"], cap=True) + _alt(d["rel_endings"]) + ")",
        "MOD": _alt(d["mods"], cap=True),
        "SEASON": _alt(d["seasons"], cap=True),
        "ORD": _alt(d["ordinals"], cap=True),
        "PUNIT": _alt(d["period_units"]),
        "HOL": _alt(d["holidays"]),
        "ANA_A": _alt(d["anaphor_after"], cap=True),
        "ANA_B": _alt(d["anaphor_before"], cap=True),
        "ANA_N": _alt(d["anaphor_next"], cap=True),
        "ANA_S": _alt(d["anaphor_same"], cap=True),
        "ANAW": _alt(d["anaphor_words"], cap=True),
        "THEN": _alt(d["then_words"]),
        "TWORD": _alt(d["time_words"], cap=True),
        "TAFTER": _alt(d["time_after"]),
    }


class RuleSet:
    def __init__(self, lang: str) -> None:
        self.lex = Lexicon(lang)
        ph = _placeholders(self.lex)
        self.rules = []
        for r in self.lex.data["rules"]:
            pattern = re.sub(r"\{([A-Z_]+)\}", lambda m: ph[m.group(1)], r["pattern"])
            self.rules.append((r["name"], r["kind"], re.compile(pattern)))
        self.needs = [requirement(rx) for _, _, rx in self.rules]  # see timex_prefilter
        self._prep_re = re.compile(
            r"(?:^|(?<=[\s(„“\"»«,]))(" + "|".join(
                re.escape(p).replace(r"\ ", r"\s+") for p in self.lex.prepositions) + r")\s+$",
            re.IGNORECASE)
        self._word_after = re.compile(r"\s*([\w%€$£]+)")
        self._word_before = re.compile(r"([\w§$€£.]+)\s*$")

    # ------------------------------------------------------------------ finding
    def find(self, text: str) -> list[Candidate]:
        found: list[Candidate] = []
        present: dict[frozenset[str], bool] = {}
        for (name, kind, rx), need in zip(self.rules, self.needs):
            if need is not None:
                ok = present.get(need)
                if ok is None:
                    ok = present[need] = any(s in text for s in need)
                if not ok:
                    continue  # the rule cannot match without one of these strings
            for m in rx.finditer(text):
                if m.end() <= m.start():
                    continue
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                start, end = m.span("span") if "span" in groups else m.span()
                groups.pop("span", None)
                groups["_text"] = text[start:end]
                cand = Candidate(start, end, kind, name, groups, core_start=start)
                if not self._rejected(cand, text):
                    found.append(cand)
        found.sort(key=lambda c: (-(c.end - c.start), c.start))
        chosen: list[Candidate] = []
        taken = [False] * (len(text) + 1)
        for c in found:
            if any(taken[c.start:c.end]):
                continue
            for i in range(c.start, c.end):
                taken[i] = True
            chosen.append(c)
        chosen.sort(key=lambda c: c.start)
        for c in chosen:
            self._extend(c, text, chosen)
            opened = text.rfind("(", max(0, c.start - 80), c.start)
            if opened >= 0 and text.find(")", opened, c.start) < 0 and "\n" not in text[opened:c.start]:
                c.groups["_aside"] = True  # "(1912)": a parenthetical date, not the story's thread
        return self._merge_appositions(chosen, text)

    def _extend(self, c: Candidate, text: str, chosen: list[Candidate]) -> None:
        first = text[c.start:c.end].split(maxsplit=1)[0].lower()
        if first in self.lex.prep_words:
            return
        m = self._prep_re.search(text, max(0, c.start - 30), c.start)
        if m and not any(o.end > m.start(1) and o.start < c.start for o in chosen if o is not c):
            c.start = m.start(1)
            c.groups["_prep"] = m.group(1).lower()

    def _merge_appositions(self, cands: list[Candidate], text: str) -> list[Candidate]:
        """"morgen, den 20. September" / "Friday, March 4": one expression, the specific value."""
        out: list[Candidate] = []
        for c in cands:
            if out:
                prev = out[-1]
                gap = text[prev.end:c.start]
                if prev.kind == "time" and re.fullmatch(r"\s+(?:(?:am|on|des|of)\s+)?", gap) \
                        and c.kind in ("date", "deictic", "anaphor"):
                    merged = Candidate(prev.start, c.end, c.kind, c.rule, dict(c.groups), c.core_start)
                    out[-1] = merged  # "at 2:30 the next day", "um 15 Uhr am Dienstag"
                    continue
                if (re.fullmatch(r",\s*(?:den|dem|the)?\s*", gap) and "day" in c.groups
                        and prev.kind in ("deictic", "date") and "day" not in prev.groups):
                    merged = Candidate(prev.start, c.end, c.kind, c.rule, dict(c.groups), c.core_start)
                    merged.groups["_merged"] = True
                    out[-1] = merged
                    continue
            out.append(c)
        return out

    # ------------------------------------------------------------------ negatives
    def _prev_word(self, text: str, pos: int) -> str:
        m = self._word_before.search(text, max(0, pos - 30), pos)
        return m.group(1).lower() if m else ""

    def _prev_word_raw(self, text: str, pos: int) -> str:
        m = self._word_before.search(text, max(0, pos - 30), pos)
        return m.group(1) if m else ""

    @staticmethod
    def _in_quoted_name(text: str, c: Candidate) -> bool:
        """The expression ends a short quoted name: an opening mark shortly before, a closing one right after."""
        if not text[c.end:c.end + 1] or text[c.end:c.end + 1] not in CLOSE_QUOTES:
            return False
        before = text[max(0, c.start - 40):c.start]
        opened = max(before.rfind(q) for q in OPEN_QUOTES)
        return opened >= 0 and not any(ch in before[opened:] for ch in ".!?,;" + CLOSE_QUOTES)

    def _next_word(self, text: str, pos: int) -> str:
        m = self._word_after.match(text, pos)
        return m.group(1) if m else ""

    def _rejected(self, c: Candidate, text: str) -> bool:
        lex = self.lex
        prev = self._prev_word(text, c.start)
        g = c.groups
        if prev in lex.set_before and c.kind in ("date", "deictic", "time", "period", "relunit"):
            return True  # "jeden Montag", "every Monday": a set
        if c.kind == "year":
            nxt = self._next_word(text, c.end)
            if nxt.lower() in lex.year_noun_stop or prev in lex.year_prev_stop:
                return True
            after, before = text[c.end:c.end + 1], text[c.start - 1:c.start] if c.start else ""
            if (after and after in "%€$") or (before and before in "$€£#"):
                return True
            if before and before in OPEN_QUOTES:
                return True  # a title: „2001: Odyssee im Weltraum“
            line_end = re.match(r"[ \t]*(?:\n|$)", text[c.end:c.end + 3])
            if prev not in lex.prep_words and not line_end:
                prev_raw = self._prev_word_raw(text, c.start)
                if lex.lang == "de" and nxt[:1].isupper() and nxt.lower() not in lex.function_words \
                        and not (prev_raw[:1].isupper() and not prev_raw.endswith(".")):
                    return True  # "starben 1969 Menschen" (but "seinem Rücktritt 1993 Bundesminister")
                if lex.lang == "en" and nxt[:1].islower() and nxt.endswith("s") and len(nxt) > 3 \
                        and nxt.lower() not in lex.function_words:
                    return True  # "1969 people"
        if c.rule.startswith("weekday") and self._in_quoted_name(text, c):
            return True  # „BILD am Sonntag“: part of a name
        if c.kind == "deictic" and c.groups.get("deictic") == "Morgen" and c.rule == "deictic":
            before = text[max(0, c.start - 3):c.start].strip()
            if before and before[-1] not in ".!?\n„“\"»«:":
                return True  # "den Morgen": the noun, not "tomorrow"
        if c.rule == "day_month" and "year" not in g and "weekday" not in g and prev in lex.name_before:
            return True  # "der 11. September" as a name
        if c.rule == "weekday" and prev in lex.name_before and "rel" not in g and lex.lang == "de":
            return prev == "des"  # "des Montags"
        return False


@lru_cache(maxsize=4)
def ruleset(lang: str) -> RuleSet:
    return RuleSet(lang)
