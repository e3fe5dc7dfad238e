"""Extraction words/s on real news text: the corpora in ../shared/corpora, one process, cold start.

    python benchmarks/corpus_speed.py [--n 150] [--json out.json]

Generated articles repeat their names and phrases, so per-word caches (the German tagger's) hit
far more often than on real news; this measures the default pipeline on the first `--n`
articles of each language's news corpus instead, in a fresh child process per language (no
warm caches), as CPU seconds per pipeline component. Skips with a message when ../shared is
not beside the project.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CORPORA = REPO.parent / "shared" / "corpora"
SOURCES = {"de": CORPORA / "spkatt2023_news_de" / "articles_de_derived.jsonl",
           "en": CORPORA / "news_articles_en" / "articles_en_derived.jsonl"}


def child(lang: str, n: int) -> dict:
    from briefgen.pipeline import make_nlp

    texts = []
    with open(SOURCES[lang], encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            if record.get("lang", lang) == lang and record.get("text"):
                texts.append(record["text"])
            if len(texts) == n:
                break
    nlp = make_nlp(lang)
    words = sum(len(t.split()) for t in texts)
    seconds = {"make_doc": 0.0, **{name: 0.0 for name in nlp.pipe_names}}
    clock = time.process_time
    for text in texts:
        t0 = clock()
        doc = nlp.make_doc(text)
        seconds["make_doc"] += clock() - t0
        for name, proc in nlp.pipeline:
            t0 = clock()
            doc = proc(doc)
            seconds[name] += clock() - t0
    total = sum(seconds.values())
    return {"lang": lang, "articles": len(texts), "words": words, "cpu_s": round(total, 3),
            "words_per_cpu_s": round(words / total), "components_s": {k: round(v, 3) for k, v in seconds.items()}}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["_child"]:
        print(json.dumps(child(argv[1], int(argv[2]))))
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=150, help="articles per language")
    ap.add_argument("--json", help="also write the results to this file")
    args = ap.parse_args(argv)
    missing = [str(p) for p in SOURCES.values() if not p.is_file()]
    if missing:
        print(f"skipped: corpora not found ({', '.join(missing)})")
        return 0
    results = []
    for lang in SOURCES:
        out = subprocess.run([sys.executable, __file__, "_child", lang, str(args.n)], check=True,
                             capture_output=True, text=True).stdout
        results.append(json.loads(out.strip().splitlines()[-1]))
        r = results[-1]
        print(f"{lang}: {r['words_per_cpu_s']:,} words per CPU second ({r['articles']} articles, "
              f"{r['words']:,} words); components {r['components_s']}")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
