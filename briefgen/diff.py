"""Compare the briefings of two revisions: what a change does to actors, timeline, quotes, questions.

A *side* of the comparison is either a git revision (the briefing JSON committed under
``<docs>/briefings/`` at that revision, read with ``git ls-tree`` and ``git cat-file``) or a folder of
briefing JSON (the JSON files in it, or in its ``briefings/`` subfolder). No NLP runs here: the
committed JSON is the record of what the pipeline produced.

Items are matched by what a reader sees:
  actors     by (name, kind, roles)
  events     by (date, text)
  quotes     by (speaker, kind, text)
  questions  by question
An item that is gone and one that is new which agree on what identifies them to a reader are shown
as one *changed* item: an actor with the same name and kind (other roles), an event with the same
text (another date), a quote with the same text (another speaker or kind).
Articles are matched by slug; a briefing whose slug changed but whose article path is the same (a
retitled article) counts as changed, not as one removed and one added.

    diff = compare(load_side("origin/main"), load_side(None))   # None: the working tree
    print(render_markdown(diff))
"""
from __future__ import annotations

import json
import posixpath
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .model import SCHEMA, Briefing

DIFF_SCHEMA = "briefgen.diff/1"
CATEGORIES = ("actors", "events", "quotes", "questions")
# top-level fields reported as "also changed" when they differ (the four categories are itemised)
OTHER_FIELDS = ("title", "date", "language", "summary", "time_expressions", "tags", "source", "url", "body")
DEFAULT_TOP = 10    # changed articles shown in detail
DEFAULT_LIMIT = 8   # items listed per article and category before "… and N more"
MARKER = "<!-- briefgen-diff -->"  # first line of the Markdown report; CI finds its PR comment by it


class DiffError(Exception):
    """A side cannot be read: unknown revision, not a git repository, broken briefing JSON."""


# ---------------------------------------------------------------------------------------- loading
@dataclass(frozen=True)
class Side:
    label: str                      # how the report names it: the revision or the folder
    briefings: dict[str, dict[str, Any]]  # slug -> briefing JSON


def _parse(text: str, where: str) -> dict[str, Any] | None:
    """Briefing JSON, validated through the model; None for JSON that is not a briefing."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise DiffError(f"{where}:{err.lineno}: not valid JSON: {err.msg}") from None
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        return None
    try:
        Briefing.from_json(data)
    except (KeyError, TypeError, ValueError) as err:
        raise DiffError(f"{where}: not a valid briefing: {err!r}") from None
    return data


def _collect(items: Iterable[tuple[str, str]]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for where, text in items:
        data = _parse(text, where)
        if data is not None:
            slug = data.get("slug") or Path(where).stem
            if slug in out:
                raise DiffError(f"{where}: slug {slug!r} appears twice")
            out[slug] = data
    return out


def load_folder(folder: Path | str) -> dict[str, dict[str, Any]]:
    """Briefings in FOLDER: its *.json files, or those of FOLDER/briefings when that exists."""
    folder = Path(folder)
    if not folder.is_dir():
        raise DiffError(f"{folder}: no such folder")
    if (folder / "briefings").is_dir():
        folder = folder / "briefings"
    files = sorted(folder.rglob("*.json"))
    return _collect((str(p), p.read_text(encoding="utf-8")) for p in files)


def _git(args: list[str], cwd: Path, stdin: bytes | None = None) -> bytes:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise DiffError("git is not installed") from None
    if proc.returncode != 0:
        msg = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise DiffError(msg[-1] if msg else f"git {' '.join(args)} failed")
    return proc.stdout


def load_revision(rev: str, docs: str = "docs", cwd: Path | str = ".") -> dict[str, dict[str, Any]]:
    """Briefings committed at REV under DOCS/briefings/ (DOCS relative to CWD inside the repository).

    A revision where the folder does not exist yet has no briefings (everything is "added").
    """
    cwd = Path(cwd)
    if not _is_revision(rev, cwd):
        raise DiffError(f"{rev}: not a git revision here (a shallow clone needs fetch-depth 0)")
    prefix = _git(["rev-parse", "--show-prefix"], cwd).decode().strip()
    folder = posixpath.normpath(posixpath.join(prefix, Path(docs).as_posix(), "briefings"))
    if folder.startswith("..") or posixpath.isabs(folder):
        raise DiffError(f"{docs}: not a folder inside the repository")
    folder += "/"
    listing = _git(["ls-tree", "-r", "-z", "--full-tree", rev, "--", folder], cwd)
    entries = []  # (object id, path)
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, path = record.split(b"\t", 1)
        _mode, kind, oid = meta.split()
        name = path.decode("utf-8", "surrogateescape")
        if kind == b"blob" and name.endswith(".json"):
            entries.append((oid.decode(), name))
    if not entries:
        return {}
    out = _git(["cat-file", "--batch"], cwd, stdin="".join(f"{oid}\n" for oid, _ in entries).encode())
    texts, pos = [], 0
    for _oid, name in entries:
        header_end = out.index(b"\n", pos)
        size = int(out[pos:header_end].split()[2])
        start = header_end + 1
        texts.append((f"{rev}:{name}", out[start:start + size].decode("utf-8")))
        pos = start + size + 1  # the blob is followed by a newline
    return _collect(texts)


def load_side(spec: str | None, docs: str = "docs", cwd: Path | str = ".") -> Side:
    """None: the working tree's DOCS folder; an existing folder: its JSON; anything else: a git revision."""
    cwd = Path(cwd)
    if spec is None:
        folder = cwd / docs
        return Side("working tree", load_folder(folder) if folder.is_dir() else {})
    if (cwd / spec).is_dir():
        return Side(spec, load_folder(cwd / spec))
    if ("/" in spec or "\\" in spec) and not (cwd / spec).exists() and not _is_revision(spec, cwd):
        raise DiffError(f"{spec}: neither a folder nor a git revision here (a shallow clone needs fetch-depth 0)")
    return Side(spec, load_revision(spec, docs=docs, cwd=cwd))


def _is_revision(spec: str, cwd: Path) -> bool:
    try:
        _git(["rev-parse", "--verify", "--quiet", f"{spec}^{{commit}}"], cwd)
    except DiffError:
        return False
    return True


# ------------------------------------------------------------------------------------- comparing
def _actor_key(a: dict) -> tuple:
    return (a.get("name"), a.get("kind"), tuple(a.get("roles") or ()))


def _event_key(e: dict) -> tuple:
    return (e.get("date"), e.get("text"))


def _quote_key(q: dict) -> tuple:
    return (q.get("speaker"), q.get("kind"), q.get("text"))


def _question_key(q: dict) -> tuple:
    return (q.get("question"),)


KEYS = {"actors": _actor_key, "events": _event_key, "quotes": _quote_key, "questions": _question_key}
# what identifies an item to a reader, within its key: name+kind, the event's text, the quote's text
IDENTITY = {"actors": lambda k: k[:2], "events": lambda k: k[1], "quotes": lambda k: k[2]}


def _as_item(category: str, key: tuple) -> dict[str, Any]:
    if category == "actors":
        return {"name": key[0], "kind": key[1], "roles": list(key[2])}
    if category == "events":
        return {"date": key[0], "text": key[1]}
    if category == "quotes":
        return {"speaker": key[0], "kind": key[1], "text": key[2]}
    return {"question": key[0]}


@dataclass
class CategoryDiff:
    added: list[dict[str, Any]] = field(default_factory=list)
    removed: list[dict[str, Any]] = field(default_factory=list)
    changed: list[dict[str, Any]] = field(default_factory=list)  # {"before": item, "after": item}

    @property
    def size(self) -> int:
        return len(self.added) + len(self.removed) + len(self.changed)

    def to_json(self) -> dict[str, Any]:
        return {"added": self.added, "removed": self.removed, "changed": self.changed}


def compare_items(category: str, before: list[dict], after: list[dict]) -> CategoryDiff:
    """Multiset difference of the items' keys, in each side's order."""
    key = KEYS[category]
    old, new = Counter(map(key, before)), Counter(map(key, after))
    gone, came = old - new, new - old
    removed = [k for k in dict.fromkeys(map(key, before)) for _ in range(gone.get(k, 0))]
    added = [k for k in dict.fromkeys(map(key, after)) for _ in range(came.get(k, 0))]
    diff = CategoryDiff()
    identity = IDENTITY.get(category)
    if identity:  # a removed and an added item that a reader takes for the same one: changed
        unpaired = list(removed)
        still_added = []
        for k in added:
            match = next((i for i, o in enumerate(unpaired) if identity(o) == identity(k)), None)
            if match is None:
                still_added.append(k)
                continue
            o = unpaired.pop(match)
            diff.changed.append({"before": _as_item(category, o), "after": _as_item(category, k)})
        added, removed = still_added, unpaired
    diff.added = [_as_item(category, k) for k in added]
    diff.removed = [_as_item(category, k) for k in removed]
    return diff


@dataclass
class ArticleDiff:
    slug: str
    title: str
    date: str | None
    status: str                     # added | removed | changed
    categories: dict[str, CategoryDiff]
    fields: list[str] = field(default_factory=list)  # other top-level fields that differ
    old_slug: str | None = None     # a retitled article: its slug at the base

    @property
    def size(self) -> int:
        return sum(c.size for c in self.categories.values())

    def to_json(self) -> dict[str, Any]:
        out = {"slug": self.slug, "title": self.title, "date": self.date, "status": self.status}
        if self.old_slug:
            out["old_slug"] = self.old_slug
        if self.status == "changed":
            out["fields"] = self.fields
        out.update({c: self.categories[c].to_json() for c in CATEGORIES})
        return out


@dataclass
class Diff:
    base: str
    head: str
    before: int
    after: int
    added: list[ArticleDiff]
    removed: list[ArticleDiff]
    changed: list[ArticleDiff]      # most affected first

    @property
    def unchanged(self) -> int:
        return self.after - len(self.added) - len(self.changed)

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.changed)

    def totals(self) -> dict[str, dict[str, int]]:
        """Items added/removed/changed across all briefings (added and removed articles included)."""
        out = {c: {"added": 0, "removed": 0, "changed": 0} for c in CATEGORIES}
        for art in (*self.added, *self.removed, *self.changed):
            for c in CATEGORIES:
                cd = art.categories[c]
                out[c]["added"] += len(cd.added)
                out[c]["removed"] += len(cd.removed)
                out[c]["changed"] += len(cd.changed)
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": DIFF_SCHEMA,
            "base": self.base,
            "head": self.head,
            "articles": {"before": self.before, "after": self.after, "added": len(self.added),
                         "removed": len(self.removed), "changed": len(self.changed),
                         "unchanged": self.unchanged},
            "totals": self.totals(),
            "added": [a.to_json() for a in self.added],
            "removed": [a.to_json() for a in self.removed],
            "changed": [a.to_json() for a in self.changed],
        }


def _article(slug: str, old: dict | None, new: dict | None, status: str) -> ArticleDiff:
    cur = new if new is not None else old
    cats = {c: compare_items(c, (old or {}).get(c) or [], (new or {}).get(c) or []) for c in CATEGORIES}
    fields = []
    if old is not None and new is not None:
        fields = [f for f in OTHER_FIELDS if old.get(f) != new.get(f)]
        if any(old.get(c) != new.get(c) and not cats[c].size for c in CATEGORIES):
            fields.append("item details")  # e.g. mentions, aliases, sentence numbers, order
    return ArticleDiff(slug=slug, title=cur.get("title", ""), date=cur.get("date"), status=status,
                       categories=cats, fields=fields)


def compare(base: Side, head: Side) -> Diff:
    old, new = base.briefings, head.briefings
    removed_slugs = [s for s in sorted(old) if s not in new]
    added_slugs = [s for s in sorted(new) if s not in old]
    # a retitled article keeps its path: pair it up instead of "removed + added"
    by_path = {old[s].get("path"): s for s in removed_slugs if old[s].get("path")}
    renamed = {}
    for s in added_slugs:
        p = new[s].get("path")
        if p and p in by_path:
            renamed[s] = by_path.pop(p)
    changed = []
    for slug in sorted(new):
        if slug in old and old[slug] != new[slug]:
            changed.append(_article(slug, old[slug], new[slug], "changed"))
        elif slug in renamed:
            art = _article(slug, old[renamed[slug]], new[slug], "changed")
            art.old_slug = renamed[slug]
            changed.append(art)
    changed.sort(key=lambda a: (-a.size, a.slug))
    gone = set(renamed.values())
    return Diff(
        base=base.label, head=head.label, before=len(old), after=len(new),
        added=[_article(s, None, new[s], "added") for s in added_slugs if s not in renamed],
        removed=[_article(s, old[s], None, "removed") for s in removed_slugs if s not in gone],
        changed=changed,
    )


# -------------------------------------------------------------------------------------- reports
_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|#~"})
MAX_CHARS = 60000  # a GitHub comment holds 65536 characters


def _md(text: Any, width: int = 180) -> str:
    """One line of Markdown-safe text, shortened to WIDTH characters."""
    s = " ".join(str(text).split())
    if len(s) > width:
        s = s[: width - 1].rstrip() + "…"
    return s.translate(_MD_SPECIAL)


def _code(text: Any) -> str:
    """An inline code span (no escapes are possible inside one)."""
    return "`" + " ".join(str(text).split()).replace("`", "'") + "`"


def _fmt(category: str, item: dict) -> str:
    if category == "actors":
        roles = "; ".join(item["roles"])
        return f"{_md(item['name'])} ({item['kind']}{'; ' + _md(roles) if roles else ''})"
    if category == "events":
        return f"{_code(item['date'] or 'undated')} {_md(item['text'])}"
    if category == "quotes":
        return f"**{_md(item['speaker'] or 'unknown speaker')}** ({item['kind']}): “{_md(item['text'])}”"
    return _md(item["question"])


def _fmt_changed(category: str, old: dict, new: dict) -> str:
    if category == "actors":
        return (f"{_md(new['name'])} ({new['kind']}): roles {_md('; '.join(old['roles']) or '–')}"
                f" → {_md('; '.join(new['roles']) or '–')}")
    if category == "events":
        return f"{_code(old['date'] or 'undated')} → {_code(new['date'] or 'undated')} {_md(new['text'])}"
    who = lambda q: f"**{_md(q['speaker'] or 'unknown speaker')}** ({q['kind']})"  # noqa: E731
    return f"“{_md(new['text'])}”: {who(old)} → {who(new)}"


def _delta(cd: CategoryDiff) -> str:
    bits = [f"+{len(cd.added)}" if cd.added else "", f"−{len(cd.removed)}" if cd.removed else "",
            f"~{len(cd.changed)}" if cd.changed else ""]
    return " ".join(b for b in bits if b)


def _counts(art: ArticleDiff) -> str:
    parts = [f"{c} {_delta(art.categories[c])}" for c in CATEGORIES if art.categories[c].size]
    if parts:
        return ", ".join(parts)
    return "no item changes" if art.status == "changed" else "no actors, events, quotes or questions"


def _article_block(art: ArticleDiff, limit: int) -> list[str]:
    meta = _code(art.slug) + (f" · {art.date}" if art.date else "")
    if art.old_slug:
        meta += f" · was {_code(art.old_slug)}"
    lines = [f"#### {_md(art.title or art.slug, 120)}", "", f"{meta} · {_counts(art)}", ""]
    if art.fields:
        lines += [f"Also changed: {', '.join(art.fields)}.", ""]
    for c in CATEGORIES:
        cd = art.categories[c]
        entries = [f"- + {_fmt(c, x)}" for x in cd.added] + [f"- − {_fmt(c, x)}" for x in cd.removed]
        entries += [f"- ~ {_fmt_changed(c, x['before'], x['after'])}" for x in cd.changed]
        if not entries:
            continue
        lines += [f"**{c.capitalize()}**", ""] + entries[:limit]
        if len(entries) > limit:
            lines.append(f"- … and {len(entries) - limit} more {c} not listed")
        lines.append("")
    return lines


def _slug_list(arts: list[ArticleDiff], limit: int) -> str:
    names = ", ".join(_code(a.slug) for a in arts[:limit])
    return names + (f" and {len(arts) - limit} more" if len(arts) > limit else "")


def render_markdown(diff: Diff, top: int = DEFAULT_TOP, limit: int = DEFAULT_LIMIT,
                    max_chars: int = MAX_CHARS) -> str:
    """The review report: summary line, totals, most affected articles, then per-article detail.

    At most TOP added and TOP changed articles are shown in detail (most affected first), at most
    LIMIT items per category and article, and the report stays under MAX_CHARS characters; whatever
    is left out is counted in a note, never dropped silently (`--format json` has everything).
    """
    out = [MARKER, f"## Briefing diff: {_code(diff.base)} → {_code(diff.head)}", "",
           f"{diff.before} briefing(s) before, {diff.after} after: {len(diff.added)} added, "
           f"{len(diff.removed)} removed, {len(diff.changed)} changed, {diff.unchanged} unchanged.", ""]
    if diff.empty:
        return "\n".join(out + ["No briefing changed."]) + "\n"
    totals = diff.totals()
    out += ["### Totals across all briefings", "", "| | added | removed | changed |", "|---|---:|---:|---:|"]
    for c in CATEGORIES:
        t = totals[c]
        out.append(f"| {c} | {t['added']} | {t['removed']} | {t['changed'] if c in IDENTITY else '–'} |")
    out.append("")
    if len(diff.changed) > 1:
        out += ["### Most affected articles", "", "| article | " + " | ".join(CATEGORIES) + " |",
                "|---|" + "---:|" * len(CATEGORIES)]
        for art in diff.changed[:top]:
            cells = [_delta(art.categories[c]) or "–" for c in CATEGORIES]
            out.append(f"| {_code(art.slug)} | " + " | ".join(cells) + " |")
        if len(diff.changed) > top:
            out += ["", f"… and {len(diff.changed) - top} more changed article(s) with fewer changes."]
        out.append("")
    if diff.removed:  # short: one line each
        out += [f"### Removed ({len(diff.removed)})", ""]
        out += [f"- {_code(a.slug)} {_md(a.title, 120)} ({_counts(a)})" for a in diff.removed[: top * limit]]
        if len(diff.removed) > top * limit:
            out.append(f"- … and {len(diff.removed) - top * limit} more")
        out.append("")
    used = sum(len(x) + 1 for x in out)
    cut: list[ArticleDiff] = []
    for title, arts in ((f"### Added ({len(diff.added)})", diff.added),
                        (f"### Changed ({len(diff.changed)})", diff.changed)):
        if not arts:
            continue
        out += [title, ""]
        for art in arts[:top]:
            block = _article_block(art, limit)
            size = sum(len(x) + 1 for x in block)
            if used + size > max_chars - 500:
                cut.append(art)
                continue
            out += block
            used += size
        rest = arts[top:]
        if rest:
            out += [f"{len(rest)} more not shown in detail: {_slug_list(rest, limit)}.", ""]
    if cut:
        out += [f"Left out to keep this report under {max_chars} characters: {_slug_list(cut, limit)} "
                "(`briefgen diff --format json` lists everything).", ""]
    return "\n".join(out).rstrip("\n") + "\n"


def render_json(diff: Diff) -> str:
    """Every difference, uncapped, for machines."""
    return json.dumps(diff.to_json(), ensure_ascii=False, indent=1) + "\n"
