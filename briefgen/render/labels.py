"""The site's own words in German and English, and date formatting at each precision."""
from __future__ import annotations

import datetime as dt

LABELS = {
    "de": {
        "key_actors": "Wichtige Akteure", "more_actors": "Weitere Akteure", "timeline": "Zeitleiste",
        "quotes": "Zitate", "questions": "Offene Fragen", "article": "Artikeltext", "source": "Quelle",
        "evidence": "Beleg", "date_unknown": "Datum unbekannt", "unknown_speaker": "Ohne Quellenangabe",
        "hedged": "unbestätigt", "home": "Start", "briefings": "Briefings", "latest": "Neueste Briefings",
        "by_month": "Briefings nach Monat", "undated": "Ohne Datum", "mentions": "Nennungen", "mention": "Nennung",
        "direct": "direkt", "indirect": "indirekt", "reported": "berichtet", "no_briefings": "Noch keine Briefings.",
        "person": "Person", "organization": "Organisation", "place": "Ort", "group": "Gruppe", "other": "Sonstige",
        "intro": "Briefings zu Nachrichtenartikeln: wer beteiligt ist, was wann geschah, wer was sagte und was offen ist.",
        "pub_date_unknown": "Erscheinungsdatum unbekannt: relative Datumsangaben bleiben unaufgelöst.",
        "actors": "Akteure", "actors_intro": "Alle Akteure aller Briefings, nach Art und Anfangsbuchstabe.",
        "persons": "Personen", "organizations": "Organisationen", "places": "Orte", "groups": "Gruppen",
        "others": "Sonstige", "roles_seen": "Rollen", "aliases": "Auch genannt", "named_in": "Genannt in",
        "earlier": "Ältere Briefings", "actor_part_title": "{name}: Briefings {span}",
        "quotes_by": "Zitate", "events_with": "Ereignisse", "briefing_count": "Briefings",
        "actor_description": "{kind} in {n} Briefing(s)", "no_actors": "Noch keine Akteure.",
        "related": "Verwandte Briefings", "shared_actors": "gemeinsam", "tags": "Schlagwörter",
        "tags_intro": "Alle Schlagwörter der Briefings.", "tag_title": "Schlagwort: {tag}", "no_tags": "Noch keine Schlagwörter.",
        "tag_description": "Briefings mit dem Schlagwort {tag}", "timeline_intro": "Alle datierten Ereignisse aller Briefings, nach Jahr und Monat.",
        "timeline_month_description": "Ereignisse im {month}", "timeline_year_only": "{year} (ohne genaueres Datum)",
        "sources": "Quellen", "no_events": "Noch keine datierten Ereignisse.", "feed": "RSS-Feed",
        "home_description": "Die neuesten Briefings", "briefings_description": "Alle Briefings nach Monat",
        "month_description": "Briefings aus {month}", "initial_title": "{kinds}: {initial}",
        "initial_description": "{kinds} mit dem Anfangsbuchstaben {initial}", "digits": "0–9",
        "actors_description": "Akteure nach Art und Anfangsbuchstabe", "sections": "Rubriken",
        "timeline_description": "Ereignisse aller Briefings nach Datum", "event_count": "Ereignisse",
        "all_briefings": "Alle Briefings nach Monat",
    },
    "en": {
        "key_actors": "Key actors", "more_actors": "Other actors", "timeline": "Timeline",
        "quotes": "Quotes", "questions": "Open questions", "article": "Article text", "source": "Source",
        "evidence": "evidence", "date_unknown": "date unknown", "unknown_speaker": "Unattributed",
        "hedged": "unconfirmed", "home": "Home", "briefings": "Briefings", "latest": "Latest briefings",
        "by_month": "Briefings by month", "undated": "Undated", "mentions": "mentions", "mention": "mention",
        "direct": "direct", "indirect": "indirect", "reported": "reported", "no_briefings": "No briefings yet.",
        "person": "Person", "organization": "Organisation", "place": "Place", "group": "Group", "other": "Other",
        "intro": "Briefings on news articles: who is involved, what happened when, who said what, and what is open.",
        "pub_date_unknown": "Publication date unknown: relative dates are left unresolved.",
        "actors": "Actors", "actors_intro": "Every actor of every briefing, by kind and initial.",
        "persons": "People", "organizations": "Organisations", "places": "Places", "groups": "Groups",
        "others": "Other", "roles_seen": "Roles", "aliases": "Also called", "named_in": "Named in",
        "earlier": "Earlier briefings", "actor_part_title": "{name}: briefings {span}",
        "quotes_by": "Quotes", "events_with": "Events", "briefing_count": "briefings",
        "actor_description": "{kind} in {n} briefing(s)", "no_actors": "No actors yet.",
        "related": "Related briefings", "shared_actors": "shared", "tags": "Tags",
        "tags_intro": "Every tag of the briefings.", "tag_title": "Tag: {tag}", "no_tags": "No tags yet.",
        "tag_description": "Briefings tagged {tag}", "timeline_intro": "Every dated event of every briefing, by year and month.",
        "timeline_month_description": "Events in {month}", "timeline_year_only": "{year} (no closer date)",
        "sources": "Sources", "no_events": "No dated events yet.", "feed": "RSS feed",
        "home_description": "The latest briefings", "briefings_description": "All briefings by month",
        "month_description": "Briefings from {month}", "initial_title": "{kinds}: {initial}",
        "initial_description": "{kinds} whose name starts with {initial}", "digits": "0–9",
        "actors_description": "Actors by kind and initial", "sections": "Sections",
        "timeline_description": "Events of all briefings by date", "event_count": "events",
        "all_briefings": "All briefings by month",
    },
}

MONTHS = {
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}


KIND_PLURALS = {"person": "persons", "organization": "organizations", "place": "places", "group": "groups",
                "other": "others"}


def label(lang: str, key: str, **values: object) -> str:
    """The site's word for `key`; `values` fill its {placeholders} (values are trusted or escaped by the caller)."""
    text = LABELS[lang][key]
    return text.format(**values) if values else text


def mentions(lang: str, n: int) -> str:
    """'1 Nennung', '3 Nennungen'."""
    return f"{n} {LABELS[lang]['mention' if n == 1 else 'mentions']}"


def kind_plural(lang: str, kind: str) -> str:
    return LABELS[lang][KIND_PLURALS.get(kind, "others")]


def format_date(value: str | dt.date | None, lang: str) -> str:
    """An ISO value at its own precision: day, month, year or ISO week."""
    if value is None:
        return LABELS[lang]["date_unknown"]
    value = value.isoformat() if isinstance(value, dt.date) else value
    months = MONTHS[lang]
    if "-W" in value:
        year, week = value.split("-W")
        return f"KW {int(week)}/{year}" if lang == "de" else f"week {int(week)}, {year}"
    parts = value.split("-")
    if len(parts) == 3:
        y, m, d = parts
        return f"{int(d)}. {months[int(m) - 1]} {y}" if lang == "de" else f"{int(d)} {months[int(m) - 1]} {y}"
    if len(parts) == 2:
        return f"{months[int(parts[1]) - 1]} {parts[0]}"
    return value
