"""One briefing -> its page: header, Key actors, Timeline, Quotes, Open questions, article text.

Every item links to its sentence (`#s-<index>`); the article text at the end carries those
anchors. A section with nothing extracted is left out, never filled with invented content.
"""
from __future__ import annotations

from collections import defaultdict

from ..model import ACTOR_KINDS, Briefing
from .actors import ActorPlaces, actor_target, name_index, resolve
from .common import evidence_html, front_matter, html_link, html_list, md_link, time_html
from .labels import label, mentions
from .links import SiteUrls, briefing_path, relative, target_path
from .related import KEY_ACTORS
from .text import inline, safe_url


def evidence_link(index: int) -> str:
    return f"[↗](#s-{index})"


def site_actor_link(b: Briefing, paged: ActorPlaces | None = None):
    """Links from a briefing page to where the site shows each actor: its page, or its entry on
    the page of its kind and initial when it is not in `paged` (actors.paged_actors)."""
    page = briefing_path(b.slug)

    def link(actor) -> str:
        target, anchor = actor_target(actor.slug, actor.kind, paged)
        return relative(page, target, anchor)
    return link


def briefing_page(b: Briefing, lang: str, *, actor_link=None, related=(), urls: SiteUrls | None = None) -> str:
    """`actor_link(actor) -> relative Markdown target or None` lets the site link actors to their
    pages; `related` is [(briefing, shared actor names)] from related.related_briefings. With the
    site's `urls` (its use_directory_urls), the lists of actors and related briefings are raw HTML
    with the site's URLs; without, Markdown."""
    L = lambda key: label(lang, key)  # noqa: E731
    page = briefing_path(b.slug)
    out = front_matter(b.title, b.summary, tags=list(dict.fromkeys(t for t in b.tags if t.strip())))
    out += [f"# {inline(b.title)}", ""]
    meta = [time_html(b.date, lang) if b.date else L("pub_date_unknown")]
    url = safe_url(b.url)
    if b.source and url:
        meta.append(f"{L('source')}: [{inline(b.source)}]({url})")
    elif url:
        meta.append(f"[{L('source')}]({url})")
    elif b.source:
        meta.append(f"{L('source')}: {inline(b.source)}")
    out += [" · ".join(meta), "", f"> {inline(b.summary)}", ""]

    def name_link(a) -> str:
        target = actor_link(a) if actor_link else None
        if not target:
            return inline(a.name)
        return html_link(a.name, urls.href(page, *target_path(page, target))) if urls else f"[{inline(a.name)}]({target})"

    if b.actors:
        out += [f"## {L('key_actors')}", ""]
        items = []
        for a in b.actors[:KEY_ACTORS]:
            kind = L(a.kind if a.kind in ACTOR_KINDS else "other")
            roles = f" — {inline(', '.join(a.roles))}" if a.roles else ""
            if urls:
                where = f" {evidence_html(a.sentences[0])}" if a.sentences else ""
                items.append(f"<strong>{name_link(a)}</strong> ({kind}){roles} · {mentions(lang, a.mentions)}{where}")
            else:
                where = f" {evidence_link(a.sentences[0])}" if a.sentences else ""
                out.append(f"- **{name_link(a)}** ({kind}){roles} · {mentions(lang, a.mentions)}{where}")
        if urls:
            out += html_list(items)
        rest = b.actors[KEY_ACTORS:]
        if rest:
            names = ", ".join(name_link(a) for a in rest)
            out += [f"<p>{L('more_actors')}: {names}</p>" if urls else f"\n{L('more_actors')}: {names}"]
        if rest or not urls:
            out.append("")

    if b.events:
        out += [f"## {L('timeline')}", ""]
        out += html_list([
            f"<strong>{time_html(e.date, lang)}</strong> — {inline(e.text)}"
            + (f" <em>({L('hedged')})</em>" if e.stance == "hedged" else "")
            + f" <small>„{inline(e.expression)}“</small> {evidence_html(e.sentence)}"
            for e in b.events], search=False)  # the sentences are indexed with the article text

    if b.quotes:
        out += [f"## {L('quotes')}", ""]
        by_speaker: dict[str, list] = defaultdict(list)
        for q in b.quotes:
            by_speaker[q.speaker or L("unknown_speaker")].append(q)
        names = name_index(b)
        for speaker, quotes in by_speaker.items():
            actor = resolve(names, speaker) if quotes[0].speaker else None
            target = actor_link(actor) if actor is not None and actor_link else None
            out += [f"### {md_link(speaker, target) if target else inline(speaker)}", ""]
            out += html_list([
                (f"„{inline(q.text)}“" if q.kind == "direct" else inline(q.text))
                + f" <small>{L(q.kind)}</small>"
                + (f" <em>({L('hedged')})</em>" if q.stance == "hedged" else "")
                + f" {evidence_html(q.sentence_index)}"
                for q in quotes], search=False)

    if b.questions:
        out += [f"## {L('questions')}", ""]
        out += html_list([f"{inline(q.question)} {evidence_html(q.sentence)}" for q in b.questions], ordered=True)

    if related:
        out += [f"## {L('related')}", ""]
        items = []
        for other, shared in related:
            there = briefing_path(other.slug)
            title = html_link(other.title, urls.href(page, there)) if urls else md_link(other.title, relative(page, there))
            items.append(f"{title} · {time_html(other.date, lang)} · {L('shared_actors')}: {inline(', '.join(shared))}")
        out += html_list(items) if urls else [f"- {item}" for item in items] + [""]

    out += [f"## {L('article')}", ""]
    out += article_text(b)
    return "\n".join(out).rstrip() + "\n"


def article_text(b: Briefing) -> list[str]:
    """The body as paragraphs of sentence spans, each with its anchor `s-<index>`."""
    paragraphs: list[list[str]] = [[]]
    last_end = 0
    for s in b.sentences:
        if s.end <= s.start:
            continue
        if paragraphs[-1] and "\n\n" in b.body[last_end:s.start]:
            paragraphs.append([])
        paragraphs[-1].append(f'<span class="bg-s" id="s-{s.index}">{inline(b.body[s.start:s.end])}</span>')
        last_end = s.end
    return [f'<p class="bg-p">{" ".join(p)}</p>\n' for p in paragraphs if p]
