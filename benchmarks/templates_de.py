"""German article templates: local politics, labour, business, courts, science, weather.

`compose(rng, pub)` returns (title, body, tags) for a ~600-word article with invented actors,
absolute and relative dates, direct and indirect quotes and open questions.
"""
from __future__ import annotations

import datetime as dt
import random

from .lexicon import MONTHS_DE, NUMBERS_DE, PLACES_DE, WEEKDAYS_DE, Person, date_de

ART = {"m": ("der", "den", "dem"), "f": ("die", "die", "der"), "n": ("das", "das", "dem")}

# (gender, noun, tag) - the matter the article is about
PROJECTS = [
    ("m", "Neubau der Grundschule", "Bildung"), ("f", "Sanierung des Hallenbads", "Kommunalpolitik"),
    ("m", "Ausbau der Radwege", "Verkehr"), ("f", "Umgehungsstraße im Norden", "Verkehr"),
    ("n", "neue Gewerbegebiet am Stadtrand", "Wirtschaft"), ("f", "Schließung der Geburtsstation", "Gesundheit"),
    ("m", "Umbau des Bahnhofsvorplatzes", "Stadtentwicklung"), ("f", "Erhöhung der Kita-Gebühren", "Familie"),
    ("n", "geplante Windrad-Projekt", "Energie"), ("f", "Zusammenlegung zweier Gymnasien", "Bildung"),
    ("m", "Verkauf der städtischen Wohnungen", "Wohnen"), ("f", "neue Buslinie ins Umland", "Verkehr"),
]
# organisations: (nominative, dative)
ORGS = [
    ("die Stadtverwaltung", "der Stadtverwaltung"), ("der Landkreis", "dem Landkreis"),
    ("die Gewerkschaft Verdi", "der Gewerkschaft Verdi"), ("der Bund der Steuerzahler", "dem Bund der Steuerzahler"),
    ("die Industrie- und Handelskammer", "der Industrie- und Handelskammer"),
    ("der Naturschutzbund (Nabu)", "dem Naturschutzbund (Nabu)"), ("die Elterninitiative", "der Elterninitiative"),
    ("das Landesverkehrsministerium", "dem Landesverkehrsministerium"),
    ("die Verbraucherzentrale", "der Verbraucherzentrale"), ("der Mieterverein", "dem Mieterverein"),
]
ROLES_GOV = [("Bürgermeister", "Bürgermeisterin"), ("Landrat", "Landrätin"), ("Stadtbaurat", "Stadtbaurätin"),
             ("Kämmerer", "Kämmerin"), ("Verkehrsdezernent", "Verkehrsdezernentin")]
ROLES_CRIT = [("Fraktionschef der Grünen", "Fraktionschefin der Grünen"), ("Sprecher der Bürgerinitiative",
              "Sprecherin der Bürgerinitiative"), ("Vorsitzender des Mietervereins", "Vorsitzende des Mietervereins"),
              ("CDU-Stadtrat", "CDU-Stadträtin"), ("Landtagsabgeordnete der SPD", "Landtagsabgeordnete der SPD")]
ROLES_EXPERT = [("Verkehrsforscher", "Verkehrsforscherin"), ("Ökonom", "Ökonomin"), ("Stadtplaner", "Stadtplanerin"),
                ("Professor für Verwaltungsrecht", "Professorin für Verwaltungsrecht")]

TITLES = [
    "{Place}: Stadtrat stimmt für {p_acc}", "Streit um {p_acc} in {Place}", "{Place} verschiebt {p_acc}",
    "{Place}: Kritik an Plänen für {p_acc}", "Mehrheit in {Place} für {p_acc} – Opposition kündigt Widerstand an",
    "{Place} streitet über {p_acc}", "Kosten für {p_acc} in {Place} steigen deutlich",
]

DIRECT = [
    "Wir haben uns diese Entscheidung nicht leicht gemacht", "Das ist ein guter Tag für alle Bürgerinnen und Bürger",
    "Die Zahlen liegen seit Monaten auf dem Tisch, jetzt muss gehandelt werden",
    "Wer jetzt spart, zahlt später doppelt", "Niemand kann uns vorwerfen, wir hätten nicht zugehört",
    "Ich halte das für einen schweren Fehler", "Wir werden jeden Schritt genau prüfen",
    "So etwas darf sich nicht wiederholen", "Die Menschen hier haben ein Recht auf Klarheit",
]
INDIRECT = [
    "die Stadt habe alle Alternativen sorgfältig geprüft", "der Zeitplan sei nach wie vor realistisch",
    "die Kosten seien von Anfang an zu niedrig angesetzt worden", "man werde die Anwohner früher einbeziehen",
    "die Finanzierung sei noch keineswegs gesichert", "das Verfahren müsse transparenter werden",
    "ein Bürgerentscheid sei nicht ausgeschlossen", "die Verwaltung habe wichtige Gutachten zurückgehalten",
]
QUESTIONS = [
    "Offen ist, wer die Mehrkosten tragen soll, falls die Zuschüsse des Landes ausbleiben.",
    "Unklar bleibt, ob der Zeitplan angesichts der angespannten Lage in der Baubranche zu halten ist.",
    "Noch nicht entschieden ist, ob es einen Bürgerentscheid geben wird.",
    "Ob das Land die beantragten Fördermittel tatsächlich bewilligt, ist weiterhin offen.",
    "Wie die Verwaltung die Anwohner während der Bauzeit entlasten will, ließ sie bislang offen.",
    "Welche Folgen die Entscheidung für den Haushalt der kommenden Jahre hat, soll ein Gutachten klären.",
    "Ungeklärt ist zudem, wann die Ausschreibung beginnen kann.",
]
FILLER = [
    "Nach Angaben der Verwaltung wurden seit Beginn der Planungen mehr als {n} Stellungnahmen von Bürgerinnen und "
    "Bürgern eingereicht. Viele davon betrafen den Lärm während der Bauzeit, andere die Frage, wie der Verkehr in "
    "den Wohnstraßen gelenkt werden soll. Die Stadt hatte dazu im {month} eine Informationsveranstaltung angeboten, "
    "zu der rund {m} Menschen kamen.",
    "Die Pläne reichen mehrere Jahre zurück. Bereits im Herbst {y2} hatte der damalige Rat eine Machbarkeitsstudie "
    "in Auftrag gegeben, deren Ergebnisse jedoch erst im Frühjahr {y1} vorgelegt wurden. Seitdem wurde das Vorhaben "
    "mehrfach überarbeitet, zuletzt wegen gestiegener Baupreise und neuer Vorgaben zum Klimaschutz.",
    "Im Haushalt sind für das laufende Jahr bislang {mio} Millionen Euro eingeplant. Der größere Teil der Summe soll "
    "aus Landesmitteln kommen, den Rest will die Stadt über Kredite finanzieren. Die Kommunalaufsicht hat bereits "
    "signalisiert, dass sie die Entwicklung der Schulden genau beobachten werde.",
    "In der Sitzung, die bis in den späten Abend dauerte, wurde lebhaft diskutiert. Mehrere Zuhörer meldeten sich in "
    "der Einwohnerfragestunde zu Wort und verlangten Auskunft über die genauen Kosten. Die Sitzungsleitung musste die "
    "Debatte zweimal unterbrechen, weil es im Saal unruhig wurde.",
    "Vergleichbare Vorhaben in Nachbargemeinden hatten zuletzt deutlich länger gedauert als geplant. In einem Fall "
    "verzögerte sich die Fertigstellung um fast zwei Jahre, weil ein Bauunternehmen Insolvenz anmelden musste. Die "
    "Verwaltung betont, man habe aus diesen Erfahrungen gelernt und die Verträge entsprechend gestaltet.",
    "Auch der Einzelhandel in der Innenstadt verfolgt die Debatte aufmerksam. Händler befürchten, dass Baustellen "
    "Kundschaft fernhalten könnten, und fordern einen Ausgleich für mögliche Umsatzeinbußen. Ein runder Tisch mit "
    "Vertretern der Geschäftsleute soll noch vor den Sommerferien zusammenkommen.",
]


def compose(rng: random.Random, pub: dt.date) -> tuple[str, str, list[str]]:
    place = rng.choice(PLACES_DE)
    gender, noun, tag = rng.choice(PROJECTS)
    nom, acc, dat = (f"{a} {noun}" for a in ART[gender])
    used: set[str] = set()
    gov = Person(rng, "de", rng.choice(ROLES_GOV), used)
    crit = Person(rng, "de", rng.choice(ROLES_CRIT), used)
    expert = Person(rng, "de", rng.choice(ROLES_EXPERT), used)
    org_nom, org_dat = rng.choice(ORGS)
    title = rng.choice(TITLES).format(Place=place, p_acc=acc)
    wd_back = rng.randint(1, 5)
    event_day = pub - dt.timedelta(days=wd_back)
    weekday = WEEKDAYS_DE[event_day.weekday()]
    votes_for, votes_against = rng.randint(20, 34), rng.randint(6, 19)
    deadline = pub + dt.timedelta(days=rng.randint(30, 200))
    hearing = pub + dt.timedelta(days=rng.randint(7, 25))
    earlier = pub - dt.timedelta(days=rng.randint(60, 300))
    num = rng.choice(NUMBERS_DE)
    fill = dict(n=rng.randint(120, 900), m=rng.randint(80, 400), month=MONTHS_DE[earlier.month - 1],
                y1=pub.year - 1, y2=pub.year - 3, mio=rng.randint(3, 48))

    def q(text: str) -> str:
        return rng.choice(["„{}“", "»{}«"]).format(text)

    paras = [
        f"Der Stadtrat von {place} hat am {weekday} mit {votes_for} zu {votes_against} Stimmen über {acc} entschieden. "
        f"Nach einer mehrstündigen Debatte setzte sich die Mehrheit um {gov.role} {gov.full} durch. "
        f"Die Verwaltung soll nun bis zum {date_de(deadline)} einen überarbeiteten Zeitplan vorlegen.",
        f"{gov.article.capitalize()} {gov.role} verteidigte die Entscheidung. {q(rng.choice(DIRECT))}, sagte {gov.last} "
        f"nach der Sitzung. Man habe {acc} über viele Monate vorbereitet und dabei auch Fachleute von außen gehört. "
        f"{gov.pronoun.capitalize()} kündigte an, die Bürgerinnen und Bürger in {num} Wochen bei einer Versammlung "
        f"über die nächsten Schritte zu informieren.",
        f"Scharfe Kritik kam von {crit.full}, {crit.role}. {crit.last} sagte, {rng.choice(INDIRECT)}. "
        f"Zudem warf {crit.pronoun} der Mehrheit vor, {rng.choice(INDIRECT)}. "
        f"{q(rng.choice(DIRECT))}, sagte {crit.last}. Die Opposition will am {date_de(hearing)} einen eigenen Antrag "
        f"einbringen.",
        f"Auch {org_nom} meldete sich zu Wort. In einer Stellungnahme vom {date_de(pub - dt.timedelta(days=1))} hieß es, "
        f"{rng.choice(INDIRECT)}. Nach Angaben eines Sprechers sei man mit der Stadt seit {MONTHS_DE[earlier.month - 1]} "
        f"im Gespräch, eine Einigung stehe aber aus. Gegenüber {org_dat} hatte die Verwaltung bereits im Vorjahr "
        f"Zugeständnisse gemacht.",
        f"Die Debatte um {acc} begann bereits im {MONTHS_DE[earlier.month - 1]} {earlier.year}. Damals hatte die "
        f"Verwaltung erste Entwürfe vorgestellt, die nach Protesten von Anwohnern zurückgezogen wurden. Vor {num} Monaten "
        f"legte sie dann eine neue Fassung vor, die nun die Grundlage für den Beschluss bildete.",
        f"{expert.article.capitalize()} {expert.role} {expert.full} hält die Pläne grundsätzlich für sinnvoll, mahnt aber zur Vorsicht. "
        f"Laut {expert.last} ist {nom} nur dann tragfähig, wenn die Folgekosten realistisch eingeschätzt werden. "
        f"{q(rng.choice(DIRECT))}, sagte {expert.pronoun}. Vergangene Woche hatte {expert.last} im Bauausschuss "
        f"ein Gutachten vorgestellt.",
    ]
    body = paras[:1] + rng.sample(paras[1:], len(paras) - 1)  # the lead stays first
    fillers = rng.sample(FILLER, len(FILLER))
    target = rng.randint(560, 640)
    questions = rng.sample(QUESTIONS, 3)
    closing = f"{questions[0]} {questions[1]} Der Rat will sich Anfang nächsten Monats erneut mit {dat} befassen. {questions[2]}"
    while _words(body) + _words([closing]) < target and fillers:
        body.insert(rng.randint(1, len(body)), fillers.pop().format(**fill))
    body.append(closing)
    return title, "\n\n".join(body), [place, tag]


def _words(paras: list[str]) -> int:
    return sum(len(p.split()) for p in paras)
