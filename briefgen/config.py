"""Settings, validated once: read from the `extra: briefgen:` mapping of mkdocs.yml.

    extra:
      briefgen:
        articles: articles          # folder of article files
        site_language: de           # language of the site's own words (de | en)
        models:                     # optional: an installed trained spaCy model per language
          de: de_core_news_md

Every other setting has a default; an unknown key is an error naming it.
"""
from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .model import LANGUAGES

CONFIG_FILE = "mkdocs.yml"


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Settings:
    root: Path = Path(".")
    articles: str = "articles"
    docs: str = "docs"
    site: str = "site"
    cache: str = ".briefgen-cache"
    site_language: str = "de"
    models: tuple[tuple[str, str], ...] = ()  # (lang, installed trained spaCy model name)

    @property
    def articles_dir(self) -> Path:
        return self.root / self.articles

    @property
    def docs_dir(self) -> Path:
        return self.root / self.docs

    @property
    def site_dir(self) -> Path:
        return self.root / self.site

    @property
    def cache_dir(self) -> Path:
        return self.root / self.cache

    @property
    def config_file(self) -> Path:
        return self.root / CONFIG_FILE

    def model_map(self) -> dict[str, str]:
        return dict(self.models)

    def fingerprint(self) -> str:
        """What, besides the article and briefgen itself, changes a briefing."""
        return repr(sorted(self.models))


KEYS = ("articles", "docs", "site", "cache", "site_language", "models")


class _PermissiveLoader(yaml.SafeLoader):
    """mkdocs.yml may carry tags such as !!python/name for MkDocs; briefgen only needs plain values."""


_PermissiveLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_PermissiveLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def load_settings(root: Path | str = ".") -> Settings:
    root = Path(root)
    path = root / CONFIG_FILE
    if not path.is_file():
        raise ConfigError(f"{path}: not found; run briefgen in the folder that holds {CONFIG_FILE}")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_PermissiveLoader) or {}
    except yaml.YAMLError as err:
        raise ConfigError(f"{path}: not valid YAML: {err}") from None
    raw = ((data.get("extra") or {}).get("briefgen")) or {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: extra.briefgen must be a mapping")
    values: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"expected one of {', '.join(KEYS)}"
            raise ConfigError(f"{path}: unknown setting extra.briefgen.{key}, {hint}")
        if key == "models":
            values[key] = _models(value, path)
        elif key == "site_language":
            if value not in LANGUAGES:
                raise ConfigError(f"{path}: extra.briefgen.site_language is {value!r}, expected de or en")
            values[key] = value
        else:
            if not isinstance(value, str) or not value or Path(value).is_absolute() or ".." in Path(value).parts:
                raise ConfigError(f"{path}: extra.briefgen.{key} must be a folder inside the project, got {value!r}")
            values[key] = value
    return dataclasses.replace(Settings(root=root), **values)


def _models(value: Any, path: Path) -> tuple[tuple[str, str], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: extra.briefgen.models must map a language to a spaCy model name")
    out = []
    for lang, name in value.items():
        if lang not in LANGUAGES:
            raise ConfigError(f"{path}: extra.briefgen.models.{lang}: unknown language, expected de or en")
        if name is None:
            continue
        if not isinstance(name, str):
            raise ConfigError(f"{path}: extra.briefgen.models.{lang} must be a model name, got {name!r}")
        out.append((lang, name))
    return tuple(sorted(out))
