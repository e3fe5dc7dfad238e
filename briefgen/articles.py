"""Read article files (Markdown or plain text, optional YAML front matter) into `Article`s.

Every problem in every file is collected as an `ArticleError` (file, line, message) so that
`briefgen check` can report them all at once; nothing is thrown away silently.

Decoding rule: files are UTF-8 (a byte-order mark is dropped, CRLF and CR become LF). Anything
else - other encodings, binary files, files over `MAX_BYTES` - is refused with the reason.
"""
from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import yaml

from .language import detect_language
from .model import LANGUAGES, Article

SUFFIXES = (".md", ".txt")
MAX_BYTES = 2 * 1024 * 1024  # 2 MiB: a long news article is 50 KB; larger files are refused
FRONT_MATTER_KEYS = ("title", "date", "lang", "source", "url", "tags")
TITLE_MAX = 200
SHORT_TITLE_LINE = 120


@dataclass(frozen=True)
class ArticleError:
    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


class ArticleErrors(Exception):
    """Raised by `load_article`; `errors` holds every problem of the file."""

    def __init__(self, errors: list[ArticleError]) -> None:
        super().__init__("\n".join(map(str, errors)))
        self.errors = errors


# ---------------------------------------------------------------- finding files
def find_articles(root: Path) -> tuple[list[Path], list[ArticleError]]:
    """Article files under `root` in a stable order; symlinks leading outside `root` are refused.
    Folders that are symlinks are not entered."""
    root = Path(root)
    errors: list[ArticleError] = []
    if not root.is_dir():
        return [], [ArticleError(str(root), None, "articles folder not found, expected a directory")]
    real_root = os.path.realpath(root)
    candidates = []
    for folder, _, names in os.walk(root):
        rel = os.path.relpath(folder, root)
        for name in names:
            if not name.startswith(".") and os.path.splitext(name)[1].lower() in SUFFIXES:
                posix = name if rel == "." else f"{rel}/{name}".replace(os.sep, "/")
                candidates.append((posix, os.path.join(folder, name)))
    found = []
    for rel, path in sorted(candidates, key=lambda c: c[0].split("/")):
        if os.path.islink(path) and os.path.commonpath([real_root, os.path.realpath(path)]) != real_root:
            errors.append(ArticleError(rel, None, "symlink points outside the articles folder, refused"))
        elif os.path.isfile(path):
            found.append(Path(path))
    return found, errors


def expand_paths(paths: Iterable[Path]) -> tuple[list[tuple[Path, str]], list[ArticleError]]:
    """Files and folders as given on a command line -> (file, display name); a folder stands for its articles."""
    out: list[tuple[Path, str]] = []
    errors: list[ArticleError] = []
    for p in map(Path, paths):
        if p.is_dir():
            files, errs = find_articles(p)
            out += [(f, str(f)) for f in files]
            errors += errs
        elif p.is_file():
            out.append((p, str(p)))
        else:
            errors.append(ArticleError(str(p), None, "no such file or folder"))
    return out, errors


# ---------------------------------------------------------------- reading one file
def read_text(path: Path, name: str) -> str:
    """Decode per the module's rule, or raise ArticleErrors naming the problem."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ArticleErrors([ArticleError(name, None, f"file is {size:,} bytes, over the limit of {MAX_BYTES:,} bytes")])
    raw = path.read_bytes()
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise ArticleErrors([ArticleError(name, line, "binary file (NUL byte), expected UTF-8 text")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        raise ArticleErrors([ArticleError(
            name, line, f"not UTF-8 (byte 0x{raw[err.start]:02x} at offset {err.start}), expected UTF-8 text; "
            "convert the file, e.g. `iconv -f cp1252 -t utf-8`")]) from None
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def load_article(path: Path, name: str | None = None, *, default_date: dt.date | None = None,
                 default_lang: str | None = None) -> Article:
    """Read and validate one file. `default_date`/`default_lang` fill in what front matter lacks."""
    name = name or str(path)
    text = read_text(Path(path), name)
    return parse_article(text, name, default_date=default_date, default_lang=default_lang)


def load_articles(files: Iterable[tuple[Path, str]], *, default_date: dt.date | None = None,
                  default_lang: str | None = None) -> tuple[list[Article], list[ArticleError]]:
    """Read (file, display name) pairs: the articles that are valid, and every problem of the rest."""
    articles: list[Article] = []
    errors: list[ArticleError] = []
    for path, name in files:
        try:
            articles.append(load_article(path, name, default_date=default_date, default_lang=default_lang))
        except ArticleErrors as err:
            errors += err.errors
    return articles, errors


def parse_article(text: str, name: str, *, default_date: dt.date | None = None,
                  default_lang: str | None = None) -> Article:
    errors: list[ArticleError] = []
    meta, body, body_line = split_front_matter(text, name, errors)
    fields = validate_front_matter(meta, name, errors)
    if body is None:  # unterminated front matter: where the body starts is unknown
        raise ArticleErrors(errors)
    # leading blank lines belong to no sentence
    stripped = body.lstrip("\n")
    body_line += body.count("\n", 0, len(body) - len(stripped))
    body = stripped.rstrip()
    title = fields.get("title")
    if not body.strip():
        errors.append(ArticleError(name, body_line, "article has no text, expected a body after the front matter"))
    elif title is None:
        title, body, body_line = title_from_body(body, body_line)
    if errors:
        raise ArticleErrors(errors)
    lang = fields.get("lang") or default_lang or detect_language(body)
    return Article(
        path=name,
        title=title,
        body=body,
        lang=lang,
        date=fields.get("date", default_date),
        source=fields.get("source"),
        url=fields.get("url"),
        tags=tuple(fields.get("tags", ())),
        body_line=body_line,
    )


def split_front_matter(text: str, name: str, errors: list[ArticleError]) -> tuple[dict, str | None, int]:
    """-> (mapping with key lines, body, line of the body). A file not starting with '---' has none."""
    if not (text.startswith("---\n") or text == "---"):
        return {}, text, 1
    lines = text.split("\n")
    for i in range(1, len(lines)):
        if lines[i].rstrip() in ("---", "..."):
            break
    else:
        errors.append(ArticleError(name, 1, "front matter is not closed, expected a line '---' after it"))
        return {}, None, 1
    meta = load_yaml_mapping("\n".join(lines[1:i]), name, first_line=2, errors=errors)
    return meta, "\n".join(lines[i + 1:]), i + 2


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe YAML (libyaml's parser where installed) that keeps dates as text, so that we validate
    them ourselves."""


_Loader.yaml_implicit_resolvers = {
    k: [(tag, rx) for tag, rx in v if tag != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml_mapping(source: str, name: str, *, first_line: int, errors: list[ArticleError]) -> dict:
    """Front matter -> {key: (value, line)}; syntax errors and non-mappings become ArticleErrors."""
    try:
        node = yaml.compose(source, Loader=_Loader)
    except yaml.YAMLError as err:
        # where the broken construct starts (a flow list, a quoted string) names the line to fix
        mark = getattr(err, "context_mark", None) or getattr(err, "problem_mark", None)
        line = first_line + mark.line if mark else first_line
        problem = getattr(err, "problem", None) or str(err).splitlines()[0]
        errors.append(ArticleError(name, line, f"front matter is not valid YAML: {problem}"))
        return {}
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        errors.append(ArticleError(name, first_line, "front matter must be a mapping of keys to values"))
        return {}
    out = {}
    loader = _Loader("")
    for key_node, value_node in node.value:
        line = first_line + key_node.start_mark.line
        try:
            key = loader.construct_object(key_node, deep=True)
            value = loader.construct_object(value_node, deep=True)
        except yaml.YAMLError as err:
            errors.append(ArticleError(name, line, f"front matter value not allowed: {getattr(err, 'problem', err)}"))
            continue
        if not isinstance(key, str):
            errors.append(ArticleError(name, line, f"front matter key {key!r} must be text"))
            continue
        if key in out:
            errors.append(ArticleError(name, line, f"duplicate front matter key {key!r}"))
        out[key] = (value, line)
    return out


# ---------------------------------------------------------------- validation (the schema)
def validate_front_matter(meta: dict[str, tuple[Any, int]], name: str, errors: list[ArticleError]) -> dict:
    fields: dict[str, Any] = {}
    for key, (value, line) in meta.items():
        if key not in FRONT_MATTER_KEYS:
            close = difflib.get_close_matches(key, FRONT_MATTER_KEYS, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"expected one of {', '.join(FRONT_MATTER_KEYS)}"
            errors.append(ArticleError(name, line, f"unknown front matter key '{key}', {hint}"))
            continue
        try:
            fields[key] = VALIDATORS[key](value)
        except ValueError as err:
            errors.append(ArticleError(name, line, f"{key}: {err}"))
    return fields


def _text(value: Any, what: str = "text") -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"got {_show(value)}, expected {what}")
    if "\x00" in value:
        raise ValueError("contains a NUL character, expected text")
    return " ".join(value.split())


def _title(value: Any) -> str:
    title = _text(value, "a title as text")
    if len(title) > TITLE_MAX:
        raise ValueError(f"title is {len(title)} characters, expected at most {TITLE_MAX}")
    return title


def _date(value: Any) -> dt.date:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        raise ValueError(f"got {_show(value)}, expected a date YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{value} is not a calendar date, expected a real date YYYY-MM-DD") from None


def _lang(value: Any) -> str:
    if value not in LANGUAGES:
        raise ValueError(f"got {_show(value)}, expected one of {', '.join(LANGUAGES)}")
    return value


def _url(value: Any) -> str:
    url = _text(value, "a URL")
    if not re.match(r"https?://[^\s/]+", url, flags=re.IGNORECASE) or any(c in url for c in "<>\"'`\\ "):
        raise ValueError(f"got {_show(url)}, expected an http:// or https:// URL")
    return url


def _tags(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list):
        raise ValueError(f"got {_show(value)}, expected a list of tags, e.g. [Politik, Berlin]")
    tags = []
    for tag in value:
        if isinstance(tag, (int, float)) and not isinstance(tag, bool):
            tag = str(tag)
        tags.append(_text(tag, "each tag as text"))
    return tuple(dict.fromkeys(tags))


def _show(value: Any) -> str:
    kind = type(value).__name__
    text = repr(value)
    return f"{kind} {text[:40]}" if value is not None else "nothing"


VALIDATORS = {"title": _title, "date": _date, "lang": _lang, "source": lambda v: _text(v, "a source name"),
              "url": _url, "tags": _tags}


# ---------------------------------------------------------------- titles without front matter
def title_from_body(body: str, body_line: int) -> tuple[str, str, int]:
    """The first line is the title when it is a heading or a short line; else the first sentence."""
    first, _, rest = body.partition("\n")
    heading = re.match(r"#{1,6}\s+(.*\S)", first)
    if heading or (len(first) <= SHORT_TITLE_LINE and rest.strip() and not first.rstrip().endswith((".", ","))):
        title = heading.group(1).strip("# ") if heading else first.strip()
        stripped = rest.lstrip("\n")
        return " ".join(title.split()), stripped, body_line + 1 + rest.count("\n", 0, len(rest) - len(stripped))
    sentence = re.split(r"(?<=[.!?])\s", first, maxsplit=1)[0]
    if len(sentence) > 90:
        sentence = sentence[:90].rsplit(" ", 1)[0] + " …"
    return " ".join(sentence.split()), body, body_line
