"""Which literal text a time-expression rule cannot match without: a cheap `in` test before its regex.

`requirement(rx)` reads the compiled pattern's syntax tree (`re._parser`) and returns a set of
strings one of which every match contains as a substring, or None when it finds none. Rules whose
requirement is absent from a text are skipped: they would find nothing there, so results stay
the same, while most rules need a month, weekday, "Uhr", "Nacht" … that a given article lacks.

Sound by construction: only consecutive literal characters (or small character sets such as
`[Ii]` and alternations of literal words, expanded) form a required string; a group, an alternation (every branch must have a
requirement; their union is taken) or a repeat with minimum >= 1 passes its own requirement up;
everything else (optional parts, lookarounds, classes, case-insensitive groups) requires nothing.
"""
from __future__ import annotations

import re
from re import _constants as C  # noqa: N812  (sre's opcodes)
from re import _parser as P  # noqa: N812

MAX_STRINGS = 64  # a requirement with more alternatives is not worth testing


def _need(seq) -> frozenset[str] | None:
    found: list[frozenset[str]] = []
    run = [""]

    def close() -> None:
        nonlocal run
        if run != [""]:
            found.append(frozenset(run))
        run = [""]

    for op, av in seq:
        if op is C.LITERAL:
            run = [s + chr(av) for s in run]
            continue
        if op is C.IN:
            chars = [chr(v) for o, v in av if o is C.LITERAL]
            if chars and len(chars) == len(av) and len(run) * len(chars) <= MAX_STRINGS:
                run = [s + c for s in run for c in chars]
                continue
        if op is C.BRANCH:  # literal alternatives continue the run ("M" + "ärz|ai": sre factors prefixes out)
            words = [_literal(a) for a in av[1]]
            if all(w is not None for w in words) and len(run) * len(words) <= MAX_STRINGS:
                run = [s + w for s in run for w in words]
                continue
        close()
        if op is C.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if not add_flags & C.SRE_FLAG_IGNORECASE:
                found.append(_need(sub))
        elif op is C.ATOMIC_GROUP:
            found.append(_need(av))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            lo, _hi, item = av
            if lo >= 1:
                found.append(_need(item))
        elif op is C.BRANCH:
            alts = [_need(a) for a in av[1]]
            if all(alts):
                union = frozenset().union(*alts)
                if len(union) <= MAX_STRINGS:
                    found.append(union)
    close()
    found = [f for f in found if f and "" not in f]
    if not found:
        return None
    return max(found, key=lambda s: (min(len(x) for x in s), -len(s)))  # the most selective


def _literal(seq) -> str | None:
    """The text of a sequence of literal characters only, else None."""
    out = []
    for op, av in seq:
        if op is not C.LITERAL:
            return None
        out.append(chr(av))
    return "".join(out)


def requirement(rx: re.Pattern) -> frozenset[str] | None:
    """Strings one of which every match of `rx` contains (None: no such set found)."""
    if rx.flags & re.IGNORECASE or not isinstance(rx.pattern, str):
        return None
    return _need(P.parse(rx.pattern, rx.flags))
