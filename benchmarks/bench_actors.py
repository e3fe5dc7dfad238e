#!/usr/bin/env python3
"""Speed of the actor pipeline: words per second of make_nlp(lang), one process, one core.

    python benchmarks/bench_actors.py [--lang de] [--n 200] [--jsonl FILE]

Texts are the synthetic articles of benchmarks/generate.py (our own templates), or the "text"
field of a JSON Lines file (`--jsonl`, e.g. a corpus you have locally). Three figures:
- the whole default pipeline (make_nlp), first pass: HanTa's per-process cache starts empty;
- actors only (sentences + tagger + actors), the same texts in a fresh process: cold cache;
- actors only once more in that process: warm cache, what a long `briefgen extract` run over
  many articles sees for the words it has met before.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(REPO))

import spacy  # noqa: E402

from briefgen.pipeline import make_nlp  # noqa: E402


def texts_from(args) -> list[str]:
    if args.jsonl:
        out = []
        for line in open(args.jsonl, encoding="utf-8"):
            rec = json.loads(line)
            if rec.get("lang", args.lang) == args.lang and rec.get("text"):
                out.append(rec["text"])
            if len(out) >= args.n:
                break
        return out
    from benchmarks.generate import generate_article

    out = []
    for i in range(args.n):
        _path, text = generate_article(i, seed=args.seed, lang=args.lang)
        out.append(text.split("\n---\n", 1)[-1] if text.startswith("---") else text)
    return out


def actors_only(lang: str):
    nlp = spacy.blank(lang)
    nlp.add_pipe("briefgen_sentences")
    if lang == "de":
        nlp.add_pipe("briefgen_tagger")
    nlp.add_pipe("briefgen_actors")
    return nlp


def rate(nlp, texts: list[str]) -> float:
    words = sum(len(t.split()) for t in texts)
    t0 = time.perf_counter()
    for doc in nlp.pipe(texts, batch_size=16):
        pass
    return words / (time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lang", default="de", choices=["de", "en"])
    ap.add_argument("--n", type=int, default=200, help="number of articles")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jsonl", help="JSON Lines file with a 'text' field instead of synthetic articles")
    ap.add_argument("--actors-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    texts = texts_from(args)
    words = sum(len(t.split()) for t in texts)
    if args.actors_only:
        nlp = actors_only(args.lang)
        cold = rate(nlp, texts)
        warm = rate(nlp, texts)
        print(json.dumps({"cold": cold, "warm": warm}))
        return
    full = rate(make_nlp(args.lang), texts)
    child = subprocess.run([sys.executable, __file__, "--actors-only"] + (argv if argv is not None else sys.argv[1:]),
                           capture_output=True, text=True, check=True)
    res = json.loads(child.stdout.strip().splitlines()[-1])
    print(f"{args.lang}: {len(texts)} articles, {words} words, one process each")
    print(f"  whole make_nlp pipeline, cold cache: {full:,.0f} words/s")
    print(f"  actors pipeline, cold cache:         {res['cold']:,.0f} words/s")
    print(f"  actors pipeline, warm cache:         {res['warm']:,.0f} words/s")

if __name__ == "__main__":
    main()
