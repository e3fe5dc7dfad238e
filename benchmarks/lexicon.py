"""Invented vocabulary shared by the article templates: names, places, months, weekdays.

Everything here is made up for the benchmark; names are plausible, not real people.
"""
from __future__ import annotations

import datetime as dt
import random

FIRST_DE_M = ["Jonas", "Tobias", "Matthias", "Stefan", "Florian", "Andreas", "Lukas", "Henrik", "Markus",
              "Bernd", "Ralf", "Sebastian", "Wolfgang", "Jan", "Christoph", "Dirk", "Uwe", "Felix", "Malte", "Timo"]
FIRST_DE_F = ["Anna", "Miriam", "Katrin", "Sabine", "Julia", "Claudia", "Franziska", "Helene", "Birgit",
              "Nicole", "Petra", "Lena", "Susanne", "Carola", "Jana", "Ulrike", "Sophie", "Tanja", "Ines", "Greta"]
LAST_DE = ["Hallwachs", "Brenneke", "Sommerfeld", "Kettler", "Ostermann", "Lindqvist", "Rautenberg", "Wiegand",
           "Pohlmann", "Scharnhorst", "Eggers", "Teichmann", "Dressler", "Kühnel", "Brandauer", "Vogelsang",
           "Mertens", "Hasenkamp", "Riedl", "Albrecht", "Stolzenberg", "Quandel", "Fehrmann", "Gärtner",
           "Lübbers", "Niederauer", "Wendtland", "Jacobi", "Harms", "Seidenspinner"]
FIRST_EN_M = ["James", "Daniel", "Oliver", "Thomas", "Gareth", "Michael", "Samuel", "Owen", "Patrick",
              "Robert", "Callum", "Martin", "Ian", "Peter", "Aidan", "Stuart", "Neil", "Rhys", "Adam", "Simon"]
FIRST_EN_F = ["Sarah", "Rachel", "Emma", "Hannah", "Fiona", "Claire", "Megan", "Laura", "Alison", "Priya",
              "Joanne", "Rebecca", "Siobhan", "Helen", "Grace", "Nadia", "Kate", "Lucy", "Amira", "Jessica"]
LAST_EN = ["Whitcombe", "Pellow", "Hargreaves", "Okafor", "Drummond", "Fairbairn", "Ashworth", "Kendrick",
           "Mallory", "Pryce", "Tennant", "Holloway", "Bramwell", "Castell", "Nightingale", "Osei", "Redfern",
           "Sutcliffe", "Varley", "Winstanley", "Ellery", "Garside", "Lovell", "Marchbank", "Quennell",
           "Rathbone", "Seddon", "Thorley", "Upton", "Yardley"]

PLACES_DE = ["Kellbach", "Ostrach am See", "Bad Wendorf", "Hollweiler", "Neustrelitz-Süd", "Marbach an der Lenne",
             "Friedwalde", "Steinhude-Ost", "Lauterbrück", "Gerolshain", "Oberkirchen", "Weißenstedt", "Rothmühlen",
             "Hagenau", "Brückenfeld", "Altenwerder", "Lindenhall", "Schönried", "Dornstetten", "Eichwalde"]
PLACES_EN = ["Ashby Vale", "Kirkwell", "Marston Fold", "Penhallow", "Thornbury Cross", "Eastwick", "Holmfirth Bridge",
             "Carrow Bay", "Stanbridge", "Redmarley", "Gorsedale", "Wexcombe", "Lindford", "Harrowgate Moor",
             "Bramley Heath", "Dunmore", "Castleton Quay", "Fenwick", "Oakhampton", "Sallowfield"]

MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
             "November", "Dezember"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
WEEKDAYS_DE = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
NUMBERS_DE = ["zwei", "drei", "vier", "fünf", "sechs", "acht", "zehn"]
NUMBERS_EN = ["two", "three", "four", "five", "six", "eight", "ten"]


class Person:
    """An invented person with a role; `full` is the first mention, `last` every later one."""

    def __init__(self, rng: random.Random, lang: str, role: tuple[str, str], used: set[str]) -> None:
        female = rng.random() < 0.5
        if lang == "de":
            firsts, lasts = (FIRST_DE_F if female else FIRST_DE_M), LAST_DE
        else:
            firsts, lasts = (FIRST_EN_F if female else FIRST_EN_M), LAST_EN
        while True:
            self.first, self.last = rng.choice(firsts), rng.choice(lasts)
            if self.last not in used:
                break
        used.add(self.last)
        self.female = female
        self.role = role[1] if female else role[0]  # German roles inflect for gender
        self.full = f"{self.first} {self.last}"

    @property
    def article(self) -> str:  # German definite article, nominative
        return "die" if self.female else "der"

    @property
    def pronoun(self) -> str:
        return "sie" if self.female else "er"


def weekday_before(pub: dt.date, days_back: int) -> dt.date:
    return pub - dt.timedelta(days=days_back)


def date_de(d: dt.date, year: bool = False) -> str:
    return f"{d.day}. {MONTHS_DE[d.month - 1]}" + (f" {d.year}" if year else "")


def date_en(d: dt.date, year: bool = False, us: bool = False) -> str:
    if us:
        return f"{MONTHS_EN[d.month - 1]} {d.day}" + (f", {d.year}" if year else "")
    return f"{d.day} {MONTHS_EN[d.month - 1]}" + (f" {d.year}" if year else "")
