"""The site's own words in German and English, and date formatting at each precision."""
from __future__ import annotations

import datetime as dt

LABELS = {
    "de": {
        "key_actors": "Wichtige Akteure", "more_actors": "Weitere Akteure", "timeline": "Zeitleiste",
        "quotes": "Zitate", "questions": "Offene Fragen", "article": "Artikeltext", "source": "Quelle",
        "evidence": "Beleg", "date_unknown": "Datum unbekannt", "unknown_speaker": "Ohne Quellenangabe",
        "hedged": "unbestätigt", "home": "Start", "briefings": "Briefings", "latest": "Neueste Briefings",
        "by_month": "Briefings nach Monat", "undated": "Ohne Datum", "mentions": "Nennungen",
        "direct": "direkt", "indirect": "indirekt", "reported": "berichtet", "no_briefings": "Noch keine Briefings.",
        "person": "Person", "organization": "Organisation", "place": "Ort", "group": "Gruppe", "other": "Sonstige",
        "intro": "Briefings zu Nachrichtenartikeln: wer beteiligt ist, was wann geschah, wer was sagte und was offen ist.",
        "pub_date_unknown": "Erscheinungsdatum unbekannt: relative Datumsangaben bleiben unaufgelöst.",
    },
    "en": {
        "key_actors": "Key actors", "more_actors": "Other actors", "timeline": "Timeline",
        "quotes": "Quotes", "questions": "Open questions", "article": "Article text", "source": "Source",
        "evidence": "evidence", "date_unknown": "date unknown", "unknown_speaker": "Unattributed",
        "hedged": "unconfirmed", "home": "Home", "briefings": "Briefings", "latest": "Latest briefings",
        "by_month": "Briefings by month", "undated": "Undated", "mentions": "mentions",
        "direct": "direct", "indirect": "indirect", "reported": "reported", "no_briefings": "No briefings yet.",
        "person": "Person", "organization": "Organisation", "place": "Place", "group": "Group", "other": "Other",
        "intro": "Briefings on news articles: who is involved, what happened when, who said what, and what is open.",
        "pub_date_unknown": "Publication date unknown: relative dates are left unresolved.",
    },
}

MONTHS = {
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
           "November", "Dezember"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}


def label(lang: str, key: str) -> str:
    return LABELS[lang][key]


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
