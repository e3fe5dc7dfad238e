#!/usr/bin/env python3
"""Run briefgen's German time tagger over WikiWarsDE and score the date values.

Usage: python scripts/eval_wikiwarsde.py [FOLDER] [--show N]
FOLDER defaults to ../shared/corpora/wikiwarsde (the `keyinline/*.key.xml` files are read).
The documents' creation time is a download date, not a publication date, so the tagger runs in
narrative mode: relative expressions resolve against the story's last date.

Scored are TIMEX2 annotations with a calendar date value (YYYY, YYYY-MM, YYYY-MM-DD, a week, a
season or half year, which count as the year; a time of day counts as its date). Durations, sets,
centuries, decades, BC dates and PRESENT/PAST/FUTURE_REF are skipped: a prediction overlapping one of
them is neither right nor wrong. Detection is lenient (character overlap); value accuracy is the
share of detected expressions with the right value. Exits 0 with a 'skipped' message when the
folder is absent.
"""
from __future__ import annotations

import argparse
import glob
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT.parent / "shared" / "corpora" / "wikiwarsde"
HEIDELTIME = {"f1": 93.3, "value": 88.5}
TIMEX = re.compile(r"<TIMEX2([^>]*)>(.*?)</TIMEX2>", re.S)
DATE_VAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-W(\d{2})|-(?:SP|SU|FA|WI|H1|H2|Q\d))?(?:T.*)?$")


def gold_value(val: str | None, attrs: str) -> str | None:
    """The contract's form of a TIMEX2 value, or None when the annotation is not a date."""
    if not val or "set=" in attrs.lower():
        return None
    m = DATE_VAL.match(val)
    if not m:
        return None
    y, mo, d, w = m.groups()
    if w:
        return f"{y}-W{w}"
    if d:
        return f"{y}-{mo}-{d}"
    if mo:
        return f"{y}-{mo}"
    return y


def read_doc(path: str) -> tuple[str, list[tuple[int, int, str | None]]]:
    """Plain text of <TEXT> and its annotations (start, end, gold value or None = skipped)."""
    raw = open(path, encoding="utf-8").read()
    body = raw.split("<TEXT>", 1)[1].rsplit("</TEXT>", 1)[0]
    text, anns, pos = [], [], 0
    out_len = 0
    for m in TIMEX.finditer(body):
        chunk = re.sub(r"<[^>]+>", "", body[pos:m.start()])
        text.append(chunk)
        out_len += len(chunk)
        inner = re.sub(r"<[^>]+>", "", m.group(2))  # nested TIMEX2 tags: keep the outer one
        v = re.search(r'val="([^"]*)"', m.group(1))
        anns.append((out_len, out_len + len(inner), gold_value(v.group(1) if v else None, m.group(1))))
        text.append(inner)
        out_len += len(inner)
        pos = m.end()
    text.append(re.sub(r"<[^>]+>", "", body[pos:]))
    return "".join(text), anns


def build_nlp():
    import spacy

    sys.path.insert(0, str(ROOT))
    from briefgen.pipeline import extensions, sentences, timex  # noqa: F401

    nlp = spacy.blank("de")
    nlp.add_pipe("briefgen_sentences")
    nlp.add_pipe("briefgen_timex", config={"narrative": True})
    return nlp


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT))
    ap.add_argument("--show", type=int, default=0, help="print up to N errors")
    args = ap.parse_args(argv)
    files = sorted(glob.glob(os.path.join(args.folder, "keyinline", "*.xml")))
    if not files:
        print(f"WikiWarsDE: skipped ({args.folder} not found or empty)")
        return 0
    nlp = build_nlp()
    tp = n_pred = n_gold = val_ok = 0
    words = 0
    shown = 0
    t0 = time.perf_counter()
    for f in files:
        text, anns = read_doc(f)
        words += len(text.split())
        doc = nlp(text)
        gold = [a for a in anns if a[2] is not None]
        skipped = [a for a in anns if a[2] is None]
        n_gold += len(gold)
        used: set[int] = set()
        for t in doc._.timexes:
            hit = next((i for i, g in enumerate(gold) if i not in used and g[0] < t.end and t.start < g[1]), None)
            if hit is None:
                if any(s[0] < t.end and t.start < s[1] for s in skipped):
                    continue
                n_pred += 1
                if shown < args.show:
                    shown += 1
                    print(f"FP  {Path(f).name}: {t.text!r} {t.value}")
                continue
            used.add(hit)
            n_pred += 1
            tp += 1
            if t.value == gold[hit][2]:
                val_ok += 1
            elif shown < args.show:
                shown += 1
                g = gold[hit]
                print(f"VAL {Path(f).name}: {t.text!r} {t.value} gold {text[g[0]:g[1]]!r} {g[2]}")
        if args.show:
            for i, g in enumerate(gold):
                if i not in used and shown < args.show:
                    shown += 1
                    print(f"FN  {Path(f).name}: {text[g[0]:g[1]]!r} {g[2]}")
    secs = time.perf_counter() - t0
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = val_ok / tp if tp else 0.0
    print(f"WikiWarsDE ({len(files)} docs, {n_gold} date expressions, {words} words in {secs:.1f} s): "
          f"detection P {100 * p:.1f} R {100 * r:.1f} F1 {100 * f1:.1f}, value accuracy {100 * acc:.1f} "
          f"(HeidelTime: F1 {HEIDELTIME['f1']}, value {HEIDELTIME['value']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
