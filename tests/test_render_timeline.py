"""The global timeline: date order at every precision, merging one event reported twice,
month/year pages, TimelineJS JSON."""
from __future__ import annotations

import datetime as dt
import json
import re

from briefgen.model import Actor, Event
from briefgen.render import render_site
from briefgen.render.timeline import collect_events, period_start
from test_render_site import briefing

MAYOR = Actor("Jonas Pfeil", "person", aliases=("Pfeil",), mentions=2, sentences=(0,))
COUNCIL = Actor("Stadtrat Lindenau", "organization", mentions=1, sentences=(1,))


def two_reports():
    a = briefing("2026-05-04-a", "Bericht A", dt.date(2026, 5, 4), actors=[MAYOR, COUNCIL], events=[
        Event("2026-05-02", "am Samstag", "Pfeil legte den Grundstein für das neue Rathaus", ("Pfeil",), 0),
        Event("2026-05", "im Mai", "Der Stadtrat berät über den Haushalt", ("Stadtrat Lindenau",), 1),
        Event("2026-W20", "nächste Woche", "Die Bauarbeiten beginnen", (), 2),
        Event(None, "", "undatiert", (), 2),
    ])
    b = briefing("2026-05-05-b", "Bericht B", dt.date(2026, 5, 5), actors=[MAYOR], events=[
        Event("2026-05-02", "am Samstag", "Jonas Pfeil legte am Samstag den Grundstein für das neue Rathaus",
              ("Jonas Pfeil",), 1),
        Event("2026-05-02", "am Samstag", "Pfeil kritisierte die Landesregierung scharf", ("Pfeil",), 2),
        Event("2026", "dieses Jahr", "Das Rathaus soll fertig werden", (), 0),
        Event("2025-12-24", "an Heiligabend", "Pfeil kündigte den Bau an", ("Pfeil",), 0),
        Event("2026-13-45", "kaputt", "ungültiges Datum", (), 0),
    ])
    return [a, b]


def test_same_event_from_two_articles_is_shown_once_with_both_sources():
    items = collect_events(two_reports())
    stone = [i for i in items if "Grundstein" in i.text]
    assert len(stone) == 1
    assert [s.slug for s in stone[0].sources] == ["2026-05-04-a", "2026-05-05-b"]
    # same date and actor, different happening: not merged
    assert any("Landesregierung" in i.text for i in items)


def test_different_actors_are_not_merged():
    a = briefing("2026-01-02-a", "A", dt.date(2026, 1, 2), actors=[MAYOR, COUNCIL],
                 events=[Event("2026-01-01", "", "Beschluss über den Haushalt gefasst", ("Pfeil",), 0),
                         Event("2026-01-01", "", "Beschluss über den Haushalt gefasst", ("Stadtrat Lindenau",), 1)])
    assert len(collect_events([a])) == 2


def test_events_in_date_order_undated_and_invalid_left_out():
    items = collect_events(two_reports())
    starts = [i.start for i in items]
    assert starts == sorted(starts)
    dates = [i.date for i in items]
    assert dates[0] == "2025-12-24"
    assert "2026-13-45" not in dates and None not in dates
    # by the start of each period: the year 2026 starts before May 2026, which starts before 2 May
    assert dates.index("2026") < dates.index("2026-05") < dates.index("2026-05-02") < dates.index("2026-W20")


def test_week_goes_to_month_of_its_monday():
    assert period_start("2026-W20") == dt.date(2026, 5, 11)
    assert period_start("2026-W01") == dt.date(2025, 12, 29)


def test_timeline_pages_by_year_and_month():
    files = render_site(two_reports(), lang="de")
    index = files["timeline/index.md"]
    assert "## 2025" in index and "## 2026" in index
    assert "[Mai 2026](2026-05.md) (4 Ereignisse)" in index
    assert "(2026.md)" in index and "(2025-12.md)" in index
    may = files["timeline/2026-05.md"]
    stamps = re.findall(r'<time datetime="([^"]+)">', may)
    assert stamps == ["2026-05", "2026-05-02", "2026-05-02", "2026-W20"]
    line = next(l for l in may.splitlines() if "Grundstein" in l)
    assert ('Quellen: <a href="../../briefings/2026-05-04-a/#s-0">Bericht A</a> · '
            '<a href="../../briefings/2026-05-05-b/#s-1">Bericht B</a>') in line
    assert "Das Rathaus soll fertig werden" in files["timeline/2026.md"]


def test_timelinejs_json():
    data = json.loads(render_site(two_reports(), lang="en", site_url="https://example.org")["timeline.json"])
    assert data["title"]["text"]["headline"] == "Timeline"
    first, *_ = data["events"]
    assert first["start_date"] == {"year": 2025, "month": 12, "day": 24, "display_date": "24 December 2025"}
    year_only = next(e for e in data["events"] if e["start_date"].get("display_date") == "2026")
    assert "month" not in year_only["start_date"]
    stone = next(e for e in data["events"] if "Grundstein" in e["text"]["text"])
    assert stone["text"]["text"].count("<a href=") == 2
    assert 'href="https://example.org/briefings/2026-05-04-a/#s-0"' in stone["text"]["text"]
    assert len({e["unique_id"] for e in data["events"]}) == len(data["events"])
    json.dumps(data)


def test_invalid_event_date_is_shown_as_unknown_on_the_briefing_page():
    page = render_site(two_reports(), lang="de")["briefings/2026-05-05-b.md"]
    line = next(l for l in page.splitlines() if "ungültiges Datum" in l)
    assert "<time>Datum unbekannt</time>" in line and "2026-13-45" not in line


def test_timelinejs_text_is_escaped_html():
    b = briefing("2026-01-02-x", "<b>T</b>", dt.date(2026, 1, 2),
                 events=[Event("2026-01-01", "", "<script>alert(1)</script>", (), 0)])
    data = json.loads(render_site([b], lang="de")["timeline.json"])
    text = data["events"][0]["text"]
    assert "<script>" not in text["text"] and "&lt;script&gt;" in text["headline"]


def test_events_with_other_figures_are_not_merged():
    """Two councils' budgets on one date with the same words but other amounts are two events;
    the same figures in other words are one."""
    council = [COUNCIL]
    a = briefing("2026-02-01-a", "A", dt.date(2026, 2, 1), actors=council, events=[
        Event("2026", "dieses Jahr", "Im Haushalt sind für dieses Jahr 21 Millionen Euro eingeplant", (), 0)])
    b = briefing("2026-02-02-b", "B", dt.date(2026, 2, 2), actors=council, events=[
        Event("2026", "dieses Jahr", "Im Haushalt sind für dieses Jahr 44 Millionen Euro eingeplant", (), 0)])
    c = briefing("2026-02-03-c", "C", dt.date(2026, 2, 3), actors=council, events=[
        Event("2026", "dieses Jahr", "Für dieses Jahr sind im Haushalt 21 Millionen Euro eingeplant", (), 0)])
    items = collect_events([a, b, c])
    assert sorted(len(i.sources) for i in items) == [1, 2]
    merged = next(i for i in items if len(i.sources) == 2)
    assert {s.slug for s in merged.sources} == {"2026-02-01-a", "2026-02-03-c"}


def test_a_kept_merge_copies_the_events_of_unchanged_items_from_its_last_part(monkeypatch):
    """A Merge rendered again after more rows encodes only the events of new items and of items
    that gained a source (or whose unique_id number moved); the part is what a fresh merge gives."""
    import pickle

    from briefgen.render import timeline
    from briefgen.render.links import SiteUrls

    def report(slug: str, day: int, texts: list[str]):
        return briefing(slug, f"Bericht {slug}", dt.date(2026, 5, day), actors=[MAYOR], events=[
            Event(f"2026-05-{day:02d}", "heute", text, ("Pfeil",), i) for i, text in enumerate(texts)])

    reports = [report("2026-05-01-a", 1, ["Pfeil eröffnet die Brücke", "Pfeil besucht die Schule"]),
               report("2026-05-02-b", 2, ["Pfeil lobt den Rat"]),
               report("2026-05-02-c", 2, ["Pfeil lobt den Rat", "Pfeil eröffnet die Brücke am zweiten Mai"])]
    page = "timeline/2026-05.md"

    def rows(b):
        return timeline.timeline_rows(b)[page]

    merge = timeline.Merge()
    for b in reports[:2]:
        merge.add(b.slug, b.title, rows(b))
    _, _, part = merge.render(page, "de", SiteUrls())
    kept = pickle.loads(pickle.dumps(merge))  # as the build keeps it
    kept.add(reports[2].slug, reports[2].title, rows(reports[2]))
    fresh = timeline.Merge()
    for b in reports:
        fresh.add(b.slug, b.title, rows(b))
    expected = timeline.events_json(fresh.items(), "de", SiteUrls())
    encoded = []
    event = timeline.timeline_event
    monkeypatch.setattr(timeline, "timeline_event", lambda item, *a: (encoded.append(item.text), event(item, *a))[1])
    _, count, again = kept.render(page, "de", SiteUrls(), part)
    assert again == expected and count == 4
    # "lobt den Rat" gained a source, the second bridge is new; the first bridge and the school are copied
    assert sorted(encoded) == ["Pfeil eröffnet die Brücke am zweiten Mai", "Pfeil lobt den Rat"]
    json.loads("[" + again.decode() + "]")
