"""Reading and validating article files: every problem reported with file and line."""
from __future__ import annotations

import datetime as dt
import os

import pytest

from briefgen.articles import ArticleErrors, find_articles, load_article, parse_article
from briefgen.build import check_articles


def parse(text, **kw):
    return parse_article(text, "a.md", **kw)


def errors_of(text):
    with pytest.raises(ArticleErrors) as info:
        parse(text)
    return [str(e) for e in info.value.errors]


def test_front_matter_fields():
    a = parse("---\ntitle: Ein Titel\ndate: 2025-03-01\nlang: de\nsource: Blatt\nurl: https://example.org/x\n"
              "tags: [Politik, Berlin]\n---\n\nDer Text beginnt hier. Er geht weiter.\n")
    assert a.title == "Ein Titel"
    assert a.date == dt.date(2025, 3, 1)
    assert (a.lang, a.source, a.url, a.tags) == ("de", "Blatt", "https://example.org/x", ("Politik", "Berlin"))
    assert a.body == "Der Text beginnt hier. Er geht weiter."
    assert a.body_line == 10
    assert a.slug == "2025-03-01-ein-titel"


def test_every_problem_at_once_with_lines():
    errs = errors_of("---\ntitel: X\ndate: 2025-02-30\nlang: fr\ntags: Politik\nurl: javascript:alert(1)\n---\nText.\n")
    assert errs == [
        "a.md:2: unknown front matter key 'titel', did you mean 'title'?",
        "a.md:3: date: 2025-02-30 is not a calendar date, expected a real date YYYY-MM-DD",
        "a.md:4: lang: got str 'fr', expected one of de, en",
        "a.md:5: tags: got str 'Politik', expected a list of tags, e.g. [Politik, Berlin]",
        "a.md:6: url: got str 'javascript:alert(1)', expected an http:// or https:// URL",
    ]


def test_date_as_number_is_refused():
    assert errors_of("---\ntitle: T\ndate: 20250301\n---\nText hier.\n") == [
        "a.md:3: date: got int 20250301, expected a date YYYY-MM-DD"]


def test_yaml_tags_that_build_objects_are_refused():
    errs = errors_of("---\ntitle: !!python/object/apply:os.system [echo hacked]\n---\nText.\n")
    assert len(errs) == 1 and errs[0].startswith("a.md:2: front matter value not allowed")


def test_malformed_yaml_names_its_line():
    errs = errors_of("---\ntitle: T\ndate: [2025\n---\nText.\n")
    assert errs[0].startswith("a.md:4: front matter is not valid YAML") or errs[0].startswith("a.md:3:")


def test_unterminated_front_matter():
    assert errors_of("---\ntitle: T\nText ohne Ende\n") == [
        "a.md:1: front matter is not closed, expected a line '---' after it"]


@pytest.mark.parametrize("text", ["", "   \n\n", "---\ntitle: Nur Kopf\n---\n"])
def test_empty_article(text):
    errs = errors_of(text)
    assert len(errs) == 1 and "article has no text" in errs[0]


def test_title_from_heading_or_short_line_or_first_sentence():
    a = parse("# Die Überschrift\n\nErster Satz des Artikels. Zweiter Satz.\n")
    assert a.title == "Die Überschrift" and a.body.startswith("Erster Satz")
    assert a.body_line == 3
    b = parse("Kurze Titelzeile\n\nDer eigentliche Text folgt hier.\n")
    assert b.title == "Kurze Titelzeile" and b.body == "Der eigentliche Text folgt hier."
    c = parse("Der Stadtrat hat am Montag den Haushalt beschlossen. Die Opposition stimmte dagegen.\n")
    assert c.title == "Der Stadtrat hat am Montag den Haushalt beschlossen."
    assert c.body.startswith("Der Stadtrat")


def test_language_detected_when_absent_and_defaults_fill_in():
    assert parse("The council voted on Monday. It was the first vote of the year.").lang == "en"
    assert parse("Der Rat hat am Montag abgestimmt. Es war die erste Abstimmung des Jahres.").lang == "de"
    a = parse("---\nlang: en\n---\nDer Rat hat abgestimmt und es war gut so.", default_lang="de",
              default_date=dt.date(2020, 1, 2))
    assert a.lang == "en" and a.date == dt.date(2020, 1, 2)


def test_bom_crlf_and_encoding(tmp_path):
    p = tmp_path / "x.md"
    p.write_bytes("\ufeff---\r\ntitle: T\r\n---\r\nZeile eins.\r\nZeile zwei.\r\n".encode())
    a = load_article(p)
    assert a.title == "T" and a.body == "Zeile eins.\nZeile zwei."
    p.write_bytes("Titel\n\nGr\xfc\xdfe aus K\xf6ln.".encode("latin-1"))
    with pytest.raises(ArticleErrors) as info:
        load_article(p, "x.md")
    assert str(info.value.errors[0]).startswith("x.md:3: not UTF-8 (byte 0xfc")
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(ArticleErrors, match="binary file"):
        load_article(p, "x.md")


def test_oversized_file_refused_with_limit(tmp_path, monkeypatch):
    import briefgen.articles as articles

    monkeypatch.setattr(articles, "MAX_BYTES", 100)
    p = tmp_path / "big.md"
    p.write_text("Wort " * 100)
    with pytest.raises(ArticleErrors, match="over the limit of 100 bytes"):
        load_article(p, "big.md")


def test_twenty_megabyte_article_is_refused_naming_the_limit(tmp_path):
    p = tmp_path / "huge.md"
    with p.open("wb") as f:
        f.truncate(20 * 1024 * 1024)
    with pytest.raises(ArticleErrors, match=r"huge.md: file is 20,971,520 bytes, over the limit of 2,097,152 bytes"):
        load_article(p, "huge.md")


def test_find_articles_refuses_symlinks_outside(tmp_path):
    root = tmp_path / "articles"
    (root / "2025").mkdir(parents=True)
    (root / "2025" / "a.md").write_text("Titel\n\nText.")
    (root / "b.txt").write_text("Titel\n\nText.")
    (root / "notes.json").write_text("{}")
    outside = tmp_path / "secret.md"
    outside.write_text("geheim")
    os.symlink(outside, root / "link.md")
    files, errors = find_articles(root)
    assert [f.relative_to(root).as_posix() for f in files] == ["2025/a.md", "b.txt"]
    assert [str(e) for e in errors] == ["link.md: symlink points outside the articles folder, refused"]


def test_check_articles_collects_all_files(tmp_path):
    (tmp_path / "ok.md").write_text("Titel\n\nEin Text.")
    (tmp_path / "bad1.md").write_text("---\nlang: xx\n---\nText.")
    (tmp_path / "bad2.md").write_text("---\nfoo: 1\n---\n")
    n, errors = check_articles([tmp_path])
    assert n == 3
    assert sorted(str(e).split(str(tmp_path) + "/")[1] for e in errors) == [
        "bad1.md:2: lang: got str 'xx', expected one of de, en",
        "bad2.md:2: unknown front matter key 'foo', expected one of title, date, lang, source, url, tags",
        "bad2.md:4: article has no text, expected a body after the front matter",
    ]
