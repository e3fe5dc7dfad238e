"""Normalising time-expression candidates to ISO values (pure Python, no spaCy).

A value is a `When`: a date and a granularity (day, week, month, year). The `Resolver` walks
through a text's candidates in order and keeps the last date mentioned, so anaphoric expressions
("einen Tag später", "the next day") resolve against it. Relative expressions ("gestern", "last
June") resolve against the publication date; without one they stay None, unless `narrative` is
set, in which case the story's last date takes the publication date's place (history texts).
Underspecified dates ("am 24. Dezember", "im Juni", "am Dienstag") take the tense of their clause:
past -> the last such day up to the anchor, future -> the next one, unknown -> the nearest one.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

GRAN_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}


@dataclass(frozen=True)
class When:
    date: dt.date
    gran: str  # day | week | month | year

    def iso(self) -> str:
        d = self.date
        if self.gran == "day":
            return d.isoformat()
        if self.gran == "week":
            y, w, _ = d.isocalendar()
            return f"{y:04d}-W{w:02d}"
        if self.gran == "month":
            return f"{d.year:04d}-{d.month:02d}"
        return f"{d.year:04d}"


def add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return dt.date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    if unit == "hour":
        return d + dt.timedelta(days=int(n / 24))
    if unit == "day":
        return d + dt.timedelta(days=n)
    if unit == "week":
        return d + dt.timedelta(weeks=n)
    if unit == "month":
        return add_months(d, n)
    if unit == "decade":
        return add_months(d, 120 * n)
    return add_months(d, 12 * n)


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def pick_year(anchor: dt.date, month: int, day: int | None, direction: int | None,
              strict: bool = False, weekday: int | None = None) -> dt.date | None:
    """The occurrence of month[/day] around `anchor`: direction -1 past, 1 future, None nearest."""
    cands = []
    for y in (anchor.year - 1, anchor.year, anchor.year + 1):
        d = safe_date(y, month, day or 1)
        if d is None:
            continue
        if weekday is not None and day and d.weekday() != weekday:
            continue
        cands.append(d)
    if not cands:
        return None
    if day:
        key = lambda d: d  # noqa: E731
        ref = anchor
    else:
        key = lambda d: (d.year, d.month)  # noqa: E731
        ref = (anchor.year, anchor.month)
    if direction is not None and direction < 0:
        ok = [d for d in cands if (key(d) < ref if strict else key(d) <= ref)]
        return max(ok) if ok else None
    if direction is not None and direction > 0:
        ok = [d for d in cands if (key(d) > ref if strict else key(d) >= ref)]
        return min(ok) if ok else None
    if weekday is not None and day and len(cands) == 1:
        return cands[0]
    return min(cands, key=lambda d: (abs((d - anchor).days), d < anchor))


def pick_weekday(anchor: dt.date, weekday: int, direction: int | None, strict: bool = False) -> dt.date:
    diff = weekday - anchor.weekday()
    if direction is not None and direction < 0:
        back = (-diff) % 7
        if strict and back == 0:
            back = 7
        return anchor - dt.timedelta(days=back)
    if direction is not None and direction > 0:
        fwd = diff % 7
        if strict and fwd == 0:
            fwd = 7
        return anchor + dt.timedelta(days=fwd)
    back, fwd = (-diff) % 7, diff % 7
    return anchor - dt.timedelta(days=back) if back <= fwd else anchor + dt.timedelta(days=fwd)


class Resolver:
    """Resolves one document's candidates in text order."""

    def __init__(self, lex, pub_date: dt.date | None, *, narrative: bool = False) -> None:
        self.lex = lex
        self.pub = pub_date
        self.narrative = narrative
        self.last: When | None = None
        self.last_day: tuple[When, int] | None = None
        self.sentence = 0

    # anchors ------------------------------------------------------------------
    def anchor(self) -> When | None:
        """What "now" is: the publication day, or in a narrative the story's last date."""
        if self.pub is not None and not self.narrative:
            return When(self.pub, "day")
        return self.last

    def day_anchor(self) -> dt.date | None:
        a = self.anchor()
        return a.date if a is not None and a.gran == "day" else None

    # main -----------------------------------------------------------------------
    def resolve(self, kind: str, g: dict, tense: int | None, sentence: int = 0) -> When | None:
        self.sentence = sentence
        lead = ((g.get("_prep") or g.get("_text", "")).split() or [""])[0].lower()
        if lead in self.lex.data.get("past_prepositions", ()):
            tense = -1  # "seit dem 19. September": a past date
        if g.get("_merged"):
            tense = None  # "morgen, den 20. September": the date next to the anchor
        fn = getattr(self, "_" + kind, None)
        when = fn(g, tense) if fn else None
        if when is not None and kind != "time" and not (g.get("_aside") and self.narrative):
            self.last = when
            if when.gran == "day":
                self.last_day = (when, sentence)
        return when

    def _year_of(self, g: dict) -> int | None:
        y = g.get("year") or g.get("year3")
        if not y:
            return None
        if g.get("bc"):
            return None
        y = int(y)
        if y < 100:  # two-digit year: the century that keeps it near the anchor
            a = self.anchor()
            base = a.date.year if a else 1950
            y += 2000 if 2000 + y <= base + 10 else 1900
        return y

    def _date(self, g: dict, tense: int | None) -> When | None:
        lex = self.lex
        if g.get("bc"):
            return None
        month = None
        if g.get("month_num"):
            month = int(g["month_num"])
        elif g.get("month"):
            month = lex.months.get(g["month"].lower())
        day = int(g["day"]) if g.get("day") else None
        weekday = lex.weekdays.get(g["weekday"].lower()) if g.get("weekday") else None
        year = self._year_of(g)
        rel = lex.rel(g.get("rel") or g.get("rel2") or g.get("rel3"))
        yrel = lex.rel(g.get("yrel"))
        if year is None and yrel is not None:
            a = self.anchor()
            if a is None:
                return None
            year = a.date.year + (yrel if isinstance(yrel, int) else 0)
        if month is None and weekday is None:  # a bare year
            return When(dt.date(year, 1, 1), "year") if year else None
        if month is None:  # a weekday ("am Dienstag", "last Monday")
            anchor = self.day_anchor()
            if anchor is None:
                return None
            if isinstance(rel, int) and rel != 0:
                return When(pick_weekday(anchor, weekday, rel, strict=True), "day")
            if self.narrative:
                return When(pick_weekday(anchor, weekday, 1, strict=True), "day")
            return When(pick_weekday(anchor, weekday, tense), "day")
        if year is not None:
            d = safe_date(year, month, day or 1)
            return When(d, "day" if day else "month") if d else None
        a = self.anchor()
        if a is None:
            return None
        if self.narrative:
            d = safe_date(a.date.year, month, day or 1)
            return When(d, "day" if day else "month") if d else None
        if isinstance(rel, int) and rel != 0:
            d = pick_year(a.date, month, day, rel, strict=True)
        elif rel == 0:
            d = safe_date(a.date.year, month, day or 1)
        else:
            d = pick_year(a.date, month, day, tense, weekday=weekday)
        return When(d, "day" if day else "month") if d else None

    def _year(self, g: dict, tense: int | None) -> When | None:
        y = self._year_of(g)
        return When(dt.date(y, 1, 1), "year") if y else None

    def _deictic(self, g: dict, tense: int | None) -> When | None:
        if self.pub is None or self.narrative:
            return None
        if g.get("lastnight"):
            return When(self.pub - dt.timedelta(days=1), "day")
        off = self.lex.deictic.get(g["deictic"].lower(), 0)
        return When(self.pub + dt.timedelta(days=off), "day")

    def _relunit(self, g: dict, tense: int | None) -> When | None:
        a = self.anchor()
        if a is None:
            return None
        unit = self.lex.units.get(g["unit"].lower(), "year")
        rel = self.lex.rel(g.get("rel")) if g.get("rel") else 0
        if rel == "new":  # "im neuen Jahr": the year just begun, or the coming one
            rel = 0 if a.date.month <= 2 else 1
        if rel is None:
            return None
        if GRAN_ORDER.get(unit, 3) < GRAN_ORDER[a.gran]:
            return None
        if unit == "day":
            return When(shift(a.date, "day", rel), "day")
        return When(shift(a.date, unit, rel), unit if unit in GRAN_ORDER else "year")

    def _count(self, g: dict) -> tuple[str, int | None]:
        unit = self.lex.units.get(g["unit"].lower(), "year")
        return unit, self.lex.number(g.get("num"))

    def _out_gran(self, unit: str) -> str:
        return {"hour": "day", "decade": "year"}.get(unit, unit)

    def _ago(self, g: dict, tense: int | None) -> When | None:
        if self.pub is None or self.narrative:
            return None
        unit, n = self._count(g)
        if n is None:  # "vor wenigen Wochen": only the year is known
            return When(self.pub, "year" if unit in ("week", "month", "year", "decade") else "month")
        return When(shift(self.pub, unit, -n), self._out_gran(unit))

    def _future(self, g: dict, tense: int | None) -> When | None:
        if self.pub is None or self.narrative:
            return None
        unit, n = self._count(g)
        if n is None:
            return None
        return When(shift(self.pub, unit, n), self._out_gran(unit))

    def _anaphor(self, g: dict, tense: int | None) -> When | None:
        last = self.last
        lex = self.lex
        if g.get("anaw"):
            unit, n = lex.anaphor_words.get(g["anaw"].lower(), ("day", 0))
            if last is None and self.pub is not None:  # "im Vorjahr" in news: before publication
                last = When(self.pub, "day")
        else:
            if g.get("unit") and g.get("daypart2"):
                unit = "day"
            else:
                unit = lex.units.get((g.get("unit") or "tag").lower(), "day")
            if g.get("nxt"):
                w = g["nxt"].lower()
                n = 0 if any(w.startswith(s) for s in lex.data["anaphor_same"]) else 1
            else:
                n = lex.number(g.get("num")) if g.get("num") else 1
                if n is None:
                    return None
                if g.get("ana", "").lower() in lex.anaphor_before:
                    n = -n
        unit = self._out_gran(unit)
        if unit == "day" and self.last_day is not None:
            last = self.last_day[0]  # "the next day": after the last day named
        if last is None:
            return None
        if GRAN_ORDER.get(unit, 3) < GRAN_ORDER[last.gran]:
            return None
        return When(shift(last.date, unit, n), unit)

    def _then(self, g: dict, tense: int | None) -> When | None:
        if self.last is None:
            return None
        if g.get("unit") and self.last.gran != "day":
            return None
        return self.last

    def _time(self, g: dict, tense: int | None) -> When | None:
        """A clock time: the day named in this sentence, else the publication day."""
        if self.last_day is not None and self.sentence == self.last_day[1]:
            return self.last_day[0]
        if self.pub is not None and not self.narrative:
            return When(self.pub, "day")
        if self.last is not None and self.last.gran == "day":
            return self.last
        return None

    def _period(self, g: dict, tense: int | None) -> When | None:
        y = self._year_of(g)
        if y:
            return When(dt.date(y, 1, 1), "year")
        a = self.anchor()
        if a is None:
            return None
        rel = self.lex.rel(g.get("rel") or g.get("rel2"))
        season = g.get("season") or g.get("season2") or g.get("season3")
        if g.get("ord") and not season and not (isinstance(rel, int) and rel != 0):
            n = self.lex.ordinals.get(g["ord"].lower(), 1)
            half = g.get("punit", "").lower().startswith(("halb", "half", "jahreshälfte"))
            month = (6 * n - 3) if half else (3 * n - 1)  # the middle of the quarter or half
            if self.narrative or rel == 0:
                return When(a.date, "year")
            d = pick_year(a.date, min(12, max(1, month)), None, tense)
            return When(d or a.date, "year")
        if isinstance(rel, int) and rel != 0 and not season:
            return When(dt.date(a.date.year + rel, 1, 1), "year")
        if season:
            month = self.lex.seasons.get(season.lower(), 7)
            if isinstance(rel, int) and rel != 0:
                d = pick_year(a.date, month, None, rel, strict=True)
            elif self.narrative or rel == 0:
                d = a.date
            else:
                d = pick_year(a.date, month, None, tense)
            return When(d or a.date, "year")
        return When(a.date, "year")

    def _weekofmonth(self, g: dict, tense: int | None) -> When | None:
        """"the last week of March": the ISO week holding that week's Thursday."""
        month = self.lex.months.get(g["month"].lower())
        year = self._year_of(g)
        a = self.anchor()
        if year is None:
            if a is None:
                return None
            d = pick_year(a.date, month, None, tense) if not self.narrative else a.date.replace(day=1)
            year = d.year if d else a.date.year
        last_day = calendar.monthrange(year, month)[1]
        n = self.lex.ordinals.get(g["wkord"].lower(), 1)
        if g["wkord"].lower() in ("last", "final", "letzte", "letzten"):
            day = dt.date(year, month, last_day) - dt.timedelta(days=3)
        else:
            day = dt.date(year, month, min(last_day, 7 * (n - 1) + 4))
        return When(day, "week")

    def _holiday(self, g: dict, tense: int | None) -> When | None:
        month, day = self.lex.holidays.get(g["holiday"].lower(), (None, None))
        y = self._year_of(g)
        a = self.anchor()
        if y is None:
            if a is None:
                return None
            y = a.date.year
        if month == "easter":
            d = easter(y) + dt.timedelta(days=day)
            if a is not None and g.get("year") is None and not self.narrative:
                cands = [easter(yy) + dt.timedelta(days=day) for yy in (y - 1, y, y + 1)]
                d = pick_from(cands, a.date, tense)
            return When(d, "day")
        if day is None:
            d = dt.date(y, month, 1)
            if a is not None and g.get("year") is None and not self.narrative:
                d = pick_year(a.date, month, None, tense) or d
            return When(d, "month")
        d = dt.date(y, month, day)
        if a is not None and g.get("year") is None and not self.narrative:
            d = pick_year(a.date, month, day, tense) or d
        return When(d, "day")


def pick_from(cands: list[dt.date], anchor: dt.date, direction: int | None) -> dt.date:
    if direction is not None and direction < 0:
        ok = [d for d in cands if d <= anchor]
        return max(ok) if ok else cands[0]
    if direction is not None and direction > 0:
        ok = [d for d in cands if d >= anchor]
        return min(ok) if ok else cands[-1]
    return min(cands, key=lambda d: abs((d - anchor).days))
