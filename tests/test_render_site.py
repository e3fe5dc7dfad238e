"""render_site on Briefing objects made here: actor pages, tags, home cards, related briefings,
feeds and JSON exports, escaping of article text on the new pages."""
from __future__ import annotations

import datetime as dt
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from briefgen.model import Actor, Briefing, Event, Quote, Sentence
from briefgen.render import render_site
from briefgen.render.actors import actor_pages, collect_actors, paged_actors
from briefgen.render.briefing import briefing_page, site_actor_link
from briefgen.render.common import one_line
from briefgen.render.indexes import home_page
from briefgen.render.related import related_briefings
from briefgen.render.links import SiteUrls
from briefgen.render.tags import directive_value
from briefgen.render.timeline import collect_events, timeline_pages

BODY = "Die Ministerin eröffnete die Brücke. Sie sagte, das Projekt sei fertig. Danach gab es Kritik."


def sentences(body: str) -> tuple[Sentence, ...]:
    out, start = [], 0
    for m in re.finditer(r"[^.]+\.", body):
        out.append(Sentence(len(out), m.start() + (1 if body[m.start()] == " " else 0), m.end()))
        start = m.end()
    return tuple(out)


def briefing(slug: str, title: str, date: dt.date | None, actors=(), events=(), quotes=(), tags=(),
             lang: str = "de", summary: str = "Eine kurze Zusammenfassung. Und ein zweiter Satz.") -> Briefing:
    return Briefing(slug=slug, title=title, date=date, language=lang, summary=summary, body=BODY,
                    actors=tuple(actors), events=tuple(events), quotes=tuple(quotes), tags=tuple(tags),
                    sentences=sentences(BODY))


MINISTER = Actor("Karla Wendt", "person", aliases=("Wendt",), roles=("Verkehrsministerin",), mentions=3,
                 sentences=(0, 1))
CITY = Actor("Lindenau", "place", mentions=1, sentences=(0,))
UNION = Actor("Gewerkschaft Bau", "organization", mentions=2, sentences=(2,))


def sample() -> list[Briefing]:
    a = briefing("2026-03-02-bruecke", "Neue Brücke eröffnet", dt.date(2026, 3, 2), actors=[MINISTER, CITY],
                 quotes=[Quote("Wendt", "indirect", "das Projekt sei fertig", "Sie sagte, das Projekt sei fertig.", 1)],
                 events=[Event("2026-03-01", "gestern", "Wendt eröffnete die Brücke", ("Wendt",), 0)],
                 tags=["Verkehr", "Lindenau"])
    other_minister = Actor("Karla Wendt", "person", roles=("Ministerin für Verkehr", "verkehrsministerin"),
                           mentions=1, sentences=(2,))
    b = briefing("2026-04-10-kritik", "Kritik an Brückenbau", dt.date(2026, 4, 10), actors=[UNION, other_minister],
                 tags=["Verkehr"])
    c = briefing("2025-01-05-anderes", "Etwas anderes", dt.date(2025, 1, 5), actors=[CITY], tags=["Wetter"])
    return [a, b, c]


def test_one_actor_page_per_slug_across_briefings():
    entries = collect_actors(sample())
    wendt = entries[MINISTER.slug]
    assert [b.slug for b, _ in wendt.appearances] == ["2026-04-10-kritik", "2026-03-02-bruecke"]  # newest first
    # roles merged case-insensitively, in order of first appearance (newest briefing first)
    assert wendt.roles == ["Ministerin für Verkehr", "verkehrsministerin"]
    assert [q.text for _, q in wendt.quotes] == ["das Projekt sei fertig"]  # speaker given by alias
    assert [e.text for _, e in wendt.events] == ["Wendt eröffnete die Brücke"]
    assert entries[CITY.slug].kind == "place" and len(entries[CITY.slug].appearances) == 2


def test_actor_page_lists_briefings_quotes_events_with_sentence_links():
    files = render_site(sample(), lang="de")
    page = files[f"actors/{MINISTER.slug}.md"]
    assert "# Karla Wendt" in page and "**Person**" in page
    # the lists are raw HTML with the site's URLs (use_directory_urls: page actors/x/)
    assert '<a href="../../briefings/2026-03-02-bruecke/">Neue Brücke eröffnet</a>' in page
    assert '<a href="../../briefings/2026-04-10-kritik/">Kritik an Brückenbau</a>' in page
    assert '"../../briefings/2026-03-02-bruecke/#s-1"' in page  # the quote's sentence
    assert '"../../briefings/2026-03-02-bruecke/#s-0"' in page  # the event's sentence
    assert page.index("Kritik an Brückenbau") < page.index("Neue Brücke eröffnet")


def test_actor_index_groups_by_kind_and_pages_by_initial():
    files = render_site(sample(), lang="de")
    index = files["actors/index.md"]
    assert index.index("## Personen (1)") < index.index("## Organisationen (1)") < index.index("## Orte (1)")
    assert "[K](person-k.md) (1)" in index
    assert "Karla Wendt" not in index  # the index lists initials, not actors
    assert f'<li id="{MINISTER.slug}"><a href="../karla-wendt-person/">Karla Wendt</a>' in files["actors/person-k.md"]
    assert "Lindenau" in files["actors/place-l.md"] and "Lindenau" not in files["actors/person-k.md"]


def test_briefing_page_links_actors_and_related_briefings():
    files = render_site(sample(), lang="de")
    page = files["briefings/2026-03-02-bruecke.md"]
    assert f'<a href="../../actors/{MINISTER.slug}/">Karla Wendt</a>' in page  # raw HTML, the site's URLs
    related = page[page.index("## Verwandte Briefings"):page.index("## Artikeltext")]
    # both other briefings share a key actor; the one sharing the minister is nearer in time
    assert related.index("Kritik an Brückenbau") < related.index("Etwas anderes")
    assert "gemeinsam: Karla Wendt" in related
    # the speaker heading links to the actor page
    assert f"### [Wendt](../actors/{MINISTER.slug}.md)" in page


def test_related_ranks_by_shared_actors_then_time():
    a, b, c = sample()
    rel = related_briefings([a, b, c])
    assert [x.slug for x, _ in rel[c.slug]] == [a.slug]
    assert rel[b.slug][0][0].slug == a.slug and rel[b.slug][0][1] == ["Karla Wendt"]


def test_dates_never_start_a_markdown_list():
    files = render_site(sample(), lang="de")
    page = files["briefings/2026-03-02-bruecke.md"]
    assert '<time datetime="2026-03-02">2. März 2026</time>' in page
    assert not any(re.match(r"\s*\d+\. ", line) for line in page.splitlines() if not line.startswith("<"))


def test_home_cards_show_title_date_summary_actors():
    home = render_site(sample(), lang="en")["index.md"]
    assert '<div class="grid cards">\n<ul>\n<li>' in home  # raw HTML: no md_in_html needed
    card = home[home.index("Kritik an Brückenbau"):home.index("Neue Brücke eröffnet")]
    assert '<time datetime="2026-04-10">10 April 2026</time>' in card
    assert "Eine kurze Zusammenfassung." in card and "zweiter Satz" not in card
    assert f'<a href="actors/{MINISTER.slug}/">Karla Wendt</a>' in card
    assert "[Tags](tags/index.md)" in home and "[RSS feed](feed.xml)" in home


def test_one_line_summary():
    assert one_line("Erster Satz. Zweiter Satz.") == "Erster Satz."
    assert one_line("„Zitat am Ende.“ Danach mehr.") == "„Zitat am Ende.“"
    long = one_line("wort " * 100, limit=40)
    assert len(long) <= 40 and long.endswith("…")


def test_every_page_has_a_description():
    for path, text in render_site(sample(), lang="de").items():
        if path.endswith(".md"):
            assert re.search(r'^description: ".+"$', text, re.M), path


def test_tag_pages_use_material_listing_one_page_per_tag():
    files = render_site(sample(), lang="de")
    assert "[Verkehr](verkehr.md) (2)" in files["tags/index.md"]
    assert '<!-- material/tags { include: ["Verkehr"] } -->' in files["tags/verkehr.md"]
    assert "tags/wetter.md" in files


def test_tag_directive_cannot_close_the_comment():
    value = directive_value(["a --> <script>", 'x"y'])
    assert "-->" not in value and "<" not in value and ">" not in value
    assert value.startswith("{ include: [") and value.endswith("] }")


def test_feed_is_valid_rss_newest_first_and_deterministic():
    first = render_site(sample(), lang="de", site_url="https://example.org/news/")["feed.xml"]
    assert first == render_site(list(reversed(sample())), lang="de", site_url="https://example.org/news/")["feed.xml"]
    channel = ET.fromstring(first).find("channel")
    items = channel.findall("item")
    assert [i.findtext("title") for i in items] == ["Kritik an Brückenbau", "Neue Brücke eröffnet", "Etwas anderes"]
    assert items[0].findtext("link") == "https://example.org/news/briefings/2026-04-10-kritik/"
    assert items[0].findtext("pubDate") == "Fri, 10 Apr 2026 00:00:00 +0000"
    assert "lastBuildDate" not in first


def test_feed_escapes_and_drops_invalid_xml_characters():
    b = briefing("2026-01-01-x", "A <b>&</b> \x07title", dt.date(2026, 1, 1), summary="x ]]> y")
    root = ET.fromstring(render_site([b], lang="en")["feed.xml"])
    assert root.find("channel/item/title").text == "A <b>&</b> title"


def test_briefings_json_and_urls_without_directory_urls():
    data = json.loads(render_site(sample(), lang="de", directory_urls=False)["briefings.json"])
    first = data["briefings"][0]
    assert first["slug"] == "2026-04-10-kritik" and first["url"] == "briefings/2026-04-10-kritik.html"
    assert first["json"] == "briefings/2026-04-10-kritik.json"
    assert {"name": "Karla Wendt", "kind": "person", "slug": MINISTER.slug, "roles": list(sample()[1].actors[1].roles),
            "url": f"actors/{MINISTER.slug}.html"} in first["actors"]


def test_untrusted_names_are_escaped_on_actor_and_tag_pages():
    evil = Actor("<img src=x onerror=alert(1)> [x](javascript:alert(1))", "person", mentions=1, sentences=(0,))
    b = briefing("2026-01-01-evil", "T", dt.date(2026, 1, 1), actors=[evil], tags=["<script>"])
    files = render_site([b], lang="de")
    for path, text in files.items():
        if path.endswith(".md"):
            body = text.split("---", 2)[2]
            assert "<img" not in body and "](javascript:" not in body and "<script" not in body, path


def test_site_language_switches_labels():
    de = render_site(sample(), lang="de")
    en = render_site(sample(), lang="en")
    assert "# Akteure" in de["actors/index.md"] and "# Actors" in en["actors/index.md"]
    assert "## Verwandte Briefings" in de["briefings/2026-03-02-bruecke.md"]
    assert "## Related briefings" in en["briefings/2026-03-02-bruecke.md"]


def test_empty_site_renders():
    files = render_site([], lang="de")
    assert "Noch keine Briefings." in files["index.md"]
    assert "Noch keine Akteure." in files["actors/index.md"]
    assert json.loads(files["timeline.json"])["events"] == []


def test_render_does_not_depend_on_input_order():
    assert render_site(sample(), lang="de") == render_site(list(reversed(sample())), lang="de")


class Hrefs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
        if a.get("id"):
            self.ids.add(a["id"])


def url_targets(files: dict[str, str], directory_urls: bool) -> dict[str, str]:
    """site URL path (no leading slash) -> docs/ path of every generated page."""
    urls = SiteUrls(directory_urls=directory_urls)
    return {urls.page(p): p for p in files if p.endswith(".md")}


@pytest.mark.parametrize("directory_urls", [True, False])
def test_raw_html_links_reach_pages_and_anchors(directory_urls):
    """MkDocs does not check links inside raw HTML: every one must reach a generated page, and an
    anchor `s-<n>` a sentence of that briefing."""
    files = render_site(sample(), lang="de")
    urls = SiteUrls(directory_urls=directory_urls)
    entries = collect_actors(sample())
    pages = {**actor_pages(entries, "de", urls), **timeline_pages(collect_events(sample()), "de", urls)}
    # the actor pages and pages by initial as actor_pages makes them (no page for an actor in one briefing)
    files = {p: t for p, t in files.items() if not p.startswith("actors/")} | {
        p: t for p, t in pages.items() if p.startswith("actors/")}
    related, paged = related_briefings(sample()), paged_actors(sample())
    pages |= {f"briefings/{b.slug}.md": briefing_page(b, "de", actor_link=site_actor_link(b, paged),
                                                      related=related[b.slug], urls=urls) for b in sample()}
    pages["index.md"] = home_page(sample(), "de", paged, urls)  # the home page's cards
    targets = url_targets(files, directory_urls)
    checked = 0
    for path, text in pages.items():
        parser = Hrefs()
        parser.feed(text)
        here = urls.page(path)
        base = (here if here.endswith("/") else posixpath.dirname(here) + "/").lstrip("/")  # "": the home page
        for href in parser.hrefs:
            if href.startswith("#"):
                assert path.startswith("briefings/") and href[1:] in parser.ids, (path, href)
                continue
            if "](" in href or href.startswith(("http:", "https:")) or href.endswith(".md"):
                continue  # Markdown links are MkDocs' to check; external sources
            url, _, anchor = href.partition("#")
            resolved = posixpath.normpath(posixpath.join(base, url))
            resolved = "" if resolved == "." else resolved + ("/" if url.endswith("/") else "")
            assert resolved in targets, (path, href, resolved)
            if anchor:
                target = Hrefs()
                target.feed(files[targets[resolved]])
                assert anchor in target.ids, (path, href)
            checked += 1
    assert checked >= 8


def test_actor_in_one_briefing_is_an_entry_on_its_initial_page():
    a, b, c = sample()
    entries = collect_actors([a, b, c])
    pages = actor_pages(entries, "de")
    assert not entries[UNION.slug].has_page and entries[MINISTER.slug].has_page
    assert f"actors/{UNION.slug}.md" not in pages and f"actors/{MINISTER.slug}.md" in pages
    assert paged_actors([a, b, c]).paged == {MINISTER.slug, CITY.slug}
    entry = next(line for line in pages["actors/organization-g.md"].splitlines() if UNION.slug in line)
    # the entry shows what its page would: name, the briefing with date and mentions, the sentence
    assert entry.startswith(f'<li id="{UNION.slug}"><strong>Gewerkschaft Bau</strong>')
    assert '<a href="../../briefings/2026-04-10-kritik/">Kritik an Brückenbau</a>' in entry
    assert '2 Nennungen <a href="../../briefings/2026-04-10-kritik/#s-2">↗</a>' in entry
    # the briefing page, the home page and briefings.json link to the entry
    page = briefing_page(b, "de", actor_link=site_actor_link(b, paged_actors([a, b, c])))
    assert f"[Gewerkschaft Bau](../actors/organization-g.md#{UNION.slug})" in page
    assert f"[Karla Wendt](../actors/{MINISTER.slug}.md)" in page
    files = render_site([a, b, c], lang="de")
    assert f'<a href="actors/organization-g/#{UNION.slug}">Gewerkschaft Bau</a>' in files["index.md"]
    index = json.loads(files["briefings.json"])
    union = next(x for x in index["briefings"][0]["actors"] if x["slug"] == UNION.slug)
    assert union["url"] == f"actors/organization-g/#{UNION.slug}"


def test_briefing_page_with_site_urls_writes_its_lists_as_html():
    a, b, c = sample()
    page = briefing_page(b, "de", actor_link=site_actor_link(b, paged_actors([a, b, c])),
                         related=related_briefings([a, b, c])[b.slug], urls=SiteUrls())
    assert (f'<li><strong><a href="../../actors/organization-g/#{UNION.slug}">Gewerkschaft Bau</a></strong> '
            '(Organisation) · 2 Nennungen <a href="#s-2">↗</a></li>') in page
    assert f'<a href="../../actors/{MINISTER.slug}/">Karla Wendt</a>' in page
    assert '<li><a href="../2026-03-02-bruecke/">Neue Brücke eröffnet</a> · <time datetime="2026-03-02">' in page
    assert "](" not in page.split("---", 2)[2]  # no Markdown link left


def test_a_long_list_of_one_initial_is_split_by_letters_and_links_follow(monkeypatch):
    import briefgen.render.actors as actors_module
    from briefgen.render.actors import actor_target, list_pages, list_path
    from briefgen.render.briefing import site_actor_link
    monkeypatch.setattr(actors_module, "LIST_SIZE", 2)
    people = [Actor(name, "person", sentences=(0,)) for name in ("Sara Alt", "Sami Berg", "Sven Cord", "Svea Dorn",
                                                                  "Stefan Ernst")]
    b = briefing("2026-05-01-viele", "Viele Namen", dt.date(2026, 5, 1), actors=people)
    files = render_site([b], lang="de")
    hub = files["actors/person-s.md"]
    assert "[Sa](person-sa.md) (2)" in hub and "[Sv](person-sv.md) (2)" in hub and "[St](person-st.md) (1)" in hub
    assert 'id="sara-alt-person"' in files["actors/person-sa.md"] and 'id="svea-dorn-person"' in files["actors/person-sv.md"]
    assert "sara-alt-person" not in hub
    # a part still too long is split by one more letter
    assert {list_path("person", prefix) for prefix in list_pages("s", ["saa-x", "sab-x", "sac-x", "sb-x"])} == {
        "actors/person-saa.md", "actors/person-sab.md", "actors/person-sac.md", "actors/person-sb.md"}
    places = paged_actors([b])
    assert actor_target("svea-dorn-person", "person", places) == ("actors/person-sv.md", "svea-dorn-person")
    assert site_actor_link(b, places)(people[3]) == "../actors/person-sv.md#svea-dorn-person"
    assert f'<a href="../../actors/person-sv/#svea-dorn-person">Svea Dorn</a>' in files["briefings/2026-05-01-viele.md"]
