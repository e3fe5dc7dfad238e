"""Synthetic news articles from our own templates, German and English, about 600 words each.

    python benchmarks/generate.py OUT --n 1000 [--seed 1] [--lang de|en] [--start 0]

writes OUT/mkdocs.yml (the repository's, so the build uses the real site configuration) and
OUT/articles/<year>/<slug>.md with front matter. Article i depends only on (seed, i), so
`--start 1000 --n 1` adds the 1,001st article of the same archive.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):  # run as a script
    sys.path.insert(0, str(REPO))

from benchmarks import templates_de, templates_en  # noqa: E402
from briefgen.model import slugify  # noqa: E402

FIRST_DAY = dt.date(2023, 1, 2)
COMPOSERS = {"de": templates_de.compose, "en": templates_en.compose}


def article_date(i: int) -> dt.date:
    """One article a day (1,000 articles span 33 months): page slugs (date + title) never collide."""
    return FIRST_DAY + dt.timedelta(days=i)


def generate_article(i: int, seed: int = 1, lang: str | None = None) -> tuple[str, str]:
    """(relative path under articles/, file text) of article number `i`."""
    rng = random.Random(f"briefgen-bench:{seed}:{i}")
    lang = lang or ("de" if rng.random() < 0.5 else "en")
    pub = article_date(i)
    title, body, tags = COMPOSERS[lang](rng, pub)
    slug = f"{slugify(title, max_length=50)}-{i}"
    tag_list = ", ".join(f'"{t}"' for t in tags)
    text = (f'---\ntitle: "{title}"\ndate: {pub.isoformat()}\nlang: {lang}\n'
            f'source: "Briefgen-Benchmark"\ntags: [{tag_list}]\n---\n{body}\n')
    return f"{pub.year}/{slug}.md", text


def write_articles(articles_dir: Path, start: int, n: int, seed: int = 1, lang: str | None = None) -> list[Path]:
    paths = []
    for i in range(start, start + n):
        rel, text = generate_article(i, seed, lang)
        path = articles_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def write_project(out: Path, n: int, seed: int = 1, lang: str | None = None) -> Path:
    """A fresh project folder: mkdocs.yml from the repository and `n` articles."""
    out = Path(out)
    if (out / "articles").exists():
        shutil.rmtree(out / "articles")
    out.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", out / "mkdocs.yml")
    write_articles(out / "articles", 0, n, seed, lang)
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path, help="project folder to write (its articles/ is replaced)")
    ap.add_argument("--n", type=int, default=100, help="number of articles (default 100)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--lang", choices=["de", "en"], help="one language only (default: a mix)")
    ap.add_argument("--start", type=int, default=0,
                    help="first article number; > 0 adds articles to an existing project instead of replacing it")
    args = ap.parse_args(argv)
    if args.start:
        write_articles(args.out / "articles", args.start, args.n, args.seed, args.lang)
    else:
        write_project(args.out, args.n, args.seed, args.lang)
    print(f"{args.n} article(s) written to {args.out / 'articles'}")


if __name__ == "__main__":
    main()
