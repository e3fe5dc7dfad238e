"""English article templates: councils, companies, health trusts and regulators deciding on plans.

`compose(rng, pub)` returns (title, body, tags) for a ~600-word article with invented actors,
absolute and relative dates, direct and indirect quotes and open questions.
"""
from __future__ import annotations

import datetime as dt
import random

from .lexicon import MONTHS_EN, NUMBERS_EN, PLACES_EN, WEEKDAYS_EN, Person, date_en

# (body that decides, its leader's role, the plan, tag)
FRAMES = [
    ("council", ("council leader", "council leader"), "plans for a new bus depot", "Transport"),
    ("council", ("mayor", "mayor"), "the closure of two branch libraries", "Local government"),
    ("council", ("cabinet member for housing", "cabinet member for housing"), "a 400-home development on the old gasworks site", "Housing"),
    ("health trust", ("chief executive", "chief executive"), "the move of maternity services to a single hospital", "Health"),
    ("health trust", ("medical director", "medical director"), "a new urgent care centre", "Health"),
    ("water company", ("managing director", "managing director"), "a £90m upgrade of the sewage works", "Environment"),
    ("port authority", ("chairman", "chairwoman"), "the expansion of the container terminal", "Business"),
    ("university", ("vice-chancellor", "vice-chancellor"), "cuts to the languages department", "Education"),
]
CRITICS = [("opposition leader", "opposition leader"), ("local MP", "local MP"), ("union organiser", "union organiser"),
           ("chair of the residents' association", "chair of the residents' association"),
           ("Green Party councillor", "Green Party councillor")]
EXPERTS = [("transport researcher", "transport researcher"), ("economist", "economist"),
           ("professor of public policy", "professor of public policy"), ("planning consultant", "planning consultant")]
GROUPS = ["the Campaign for Better Transport", "the Federation of Small Businesses", "Unison", "the Ramblers",
          "the local chamber of commerce", "Friends of the Earth", "the Patients Association", "Citizens Advice"]
TITLES = [
    "{Place} {body} approves {plan}", "Row over {plan} in {Place}", "{Place} {body} delays {plan}",
    "{Place}: anger as {body} backs {plan}", "{Place} {body} votes for {plan} despite protests",
    "Costs rise for {plan} in {Place}",
]
DIRECT = [
    "This was not an easy decision, but it is the right one", "We have listened to people and changed the plans",
    "The figures simply do not add up", "If we wait any longer, it will cost far more",
    "Nobody voted for this, and people are angry", "We will look at every detail before anything is signed",
    "This must never happen again", "Families here deserve a straight answer",
]
INDIRECT = [
    "every alternative had been looked at carefully", "the timetable was still realistic",
    "the costs had been underestimated from the start", "residents would be consulted earlier in future",
    "the funding was far from secure", "the process needed to be more open",
    "a legal challenge could not be ruled out", "important reports had been kept from the public",
]
QUESTIONS = [
    "It is still unclear who will pay if the government grant does not arrive.",
    "It remains to be seen whether the timetable can survive rising building costs.",
    "Whether a public inquiry will be held has not yet been decided.",
    "Questions remain over how many jobs will be affected.",
    "How residents will be protected from noise during the works has not been explained.",
    "What the decision means for next year's budget is expected to be set out in a report.",
    "No date has yet been given for when the contracts will go out to tender.",
]
FILLER = [
    "More than {n} people responded to the consultation, according to figures published last month. Many raised "
    "concerns about traffic and noise, while others asked how the scheme would be paid for. A public meeting in "
    "{month} drew around {m} residents, some of whom had to stand at the back of the hall.",
    "The proposals go back several years. A feasibility study was commissioned in the autumn of {y2}, but its "
    "findings were not published until the spring of {y1}. Since then the plans have been revised several times, "
    "most recently because of rising prices and new rules on energy efficiency.",
    "So far £{mio}m has been set aside in this year's budget. Most of the money is expected to come from central "
    "government, with the rest borrowed. Auditors have already warned that they will keep a close eye on the level "
    "of debt over the coming years.",
    "The meeting ran late into the evening. Several members of the public spoke during question time and demanded "
    "to know the full cost. The chair twice had to call for quiet as the debate became heated.",
    "Similar schemes elsewhere have taken much longer than planned. In one case the work ran almost two years late "
    "after a contractor went into administration. Officials insist that lessons have been learned and that the "
    "contracts have been written accordingly.",
    "Shopkeepers in the town centre are also watching closely. Some fear that roadworks will keep customers away "
    "and have called for compensation for any lost trade. A meeting with business owners is planned before the "
    "summer holidays.",
]


def compose(rng: random.Random, pub: dt.date) -> tuple[str, str, list[str]]:
    place = rng.choice(PLACES_EN)
    body_name, lead_role, plan, tag = rng.choice(FRAMES)
    used: set[str] = set()
    lead = Person(rng, "en", lead_role, used)
    crit = Person(rng, "en", rng.choice(CRITICS), used)
    expert = Person(rng, "en", rng.choice(EXPERTS), used)
    group = rng.choice(GROUPS)
    us = rng.random() < 0.3
    title = rng.choice(TITLES).format(Place=place, body=body_name, plan=plan)
    title = title[0].upper() + title[1:]
    event_day = pub - dt.timedelta(days=rng.randint(1, 5))
    weekday = WEEKDAYS_EN[event_day.weekday()]
    deadline = pub + dt.timedelta(days=rng.randint(30, 200))
    hearing = pub + dt.timedelta(days=rng.randint(7, 25))
    earlier = pub - dt.timedelta(days=rng.randint(60, 300))
    num = rng.choice(NUMBERS_EN)
    votes_for, votes_against = rng.randint(20, 34), rng.randint(6, 19)
    fill = dict(n=rng.randint(120, 900), m=rng.randint(80, 400), month=MONTHS_EN[earlier.month - 1],
                y1=pub.year - 1, y2=pub.year - 3, mio=rng.randint(3, 48))

    def q(text: str) -> str:
        return f"“{text}”"

    paras = [
        f"The {body_name} in {place} on {weekday} voted {votes_for} to {votes_against} in favour of {plan}, "
        f"after a debate that lasted more than three hours. The decision was pushed through by {lead.role} "
        f"{lead.full}, who said a revised timetable would be published by {date_en(deadline, us=us)}.",
        f"{lead.last} defended the vote. {q(rng.choice(DIRECT) + ',')} {lead.last} told reporters after the meeting. "
        f"{'She' if lead.female else 'He'} said the {body_name} had spent months preparing the scheme and had taken "
        f"advice from outside experts. A public meeting to explain the next steps will be held in {num} weeks.",
        f"{crit.full}, the {crit.role}, said {rng.choice(INDIRECT)}. {'She' if crit.female else 'He'} also accused "
        f"the majority of ignoring warnings and claimed that {rng.choice(INDIRECT)}. {q(rng.choice(DIRECT) + ',')} "
        f"said {crit.last}. Opponents plan to table their own motion on {date_en(hearing, us=us)}.",
        f"In a statement issued yesterday, {group} said {rng.choice(INDIRECT)}. A spokesperson said talks with the "
        f"{body_name} had been going on since {MONTHS_EN[earlier.month - 1]}, but no agreement had been reached. "
        f"According to the group, {rng.choice(INDIRECT)}.",
        f"The row over {plan} began in {MONTHS_EN[earlier.month - 1]} {earlier.year}, when the first drafts were "
        f"withdrawn after protests by residents. {num.capitalize()} months ago a new version was put forward, which "
        f"formed the basis of this week's decision.",
        f"{expert.full}, a {expert.role}, said the idea was sound in principle but urged caution. "
        f"According to {expert.last}, the scheme would only work if running costs were estimated honestly. "
        f"{lead.last}'s critics, {expert.last} said, had a point. Last week {expert.last} presented a report to "
        f"the planning committee, warning: {q(rng.choice(DIRECT) + '.')}",
    ]
    body = paras[:1] + rng.sample(paras[1:], len(paras) - 1)  # the lead stays first
    fillers = rng.sample(FILLER, len(FILLER))
    target = rng.randint(560, 640)
    questions = rng.sample(QUESTIONS, 3)
    closing = (f"{questions[0]} {questions[1]} The {body_name} is due to discuss the matter again early next month. "
               f"{questions[2]}")
    while sum(len(p.split()) for p in body + [closing]) < target and fillers:
        body.insert(rng.randint(1, len(body)), fillers.pop().format(**fill))
    body.append(closing)
    return title, "\n\n".join(body), [place, tag]
