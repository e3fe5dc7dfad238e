"""Every article's briefing into the site: from the build state, from the cache, or from the NLP.

`Filing` starts extracting the articles that have no briefing yet (worker processes that start
at once), files the others meanwhile (`file_cached`: from the previous build's state, each as
its card with its slim briefing still pickled, else briefings from the cache), and then the new
ones as they come (`file_fresh`). A page that shows a whole briefing asks for it in full
(`briefing`).
"""
from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable

from . import gcpause
from .cache import BriefingCache
from .config import Settings
from .model import Article, Briefing
from .parallel import Worker, extract_many
from .render import Site, slim
from .render.scope import Change


class Filing:
    def __init__(self, site: Site, articles: list[Article], keys: list[str], settings: Settings,
                 known: dict[str, bytes], *, jobs: int | None = None, worker: Worker | None = None) -> None:
        """`keys`: the articles' cache keys; `known`: key -> pickled (card, pickled details) as
        `Site.add` returned them for the slim briefing, as the previous build kept them. `jobs`:
        worker processes (None: one per free core, as many as there is work for; 1: extract in
        this process, in `file_fresh`); `worker`: one started earlier (parallel.extract_many)."""
        self.site, self.articles, self.keys = site, articles, keys
        self.cache = BriefingCache(settings.cache_dir, settings.fingerprint())
        self.models = settings.model_map()
        self.known = known
        self.slim: dict[str, bytes] = {}  # key -> pickled (card, pickled details), for the next build's state
        self.full: dict[str, Briefing] = {}  # the full briefings at hand
        self.missing = [i for i, key in enumerate(keys) if key not in known and not self.cache.has(key)]
        self.extracted = 0  # articles run through the NLP
        self._broken: list[int] = []
        self._fresh = extract_many([articles[i] for i in self.missing], jobs=jobs, models=self.models, worker=worker)

    def _add(self, key: str, briefing: Briefing | None, blob: bytes | None = None) -> None:
        if briefing is None:  # from the state: the card, and the slim briefing's details pickled
            self.slim[key] = blob
            self.site.file(key, *pickle.loads(blob))
            return
        self.full[key] = briefing
        card, details = self.site.add(slim(briefing), key)  # the slim one shares its parts with the full
        self.slim[key] = pickle.dumps((card, pickle.dumps(details, protocol=pickle.HIGHEST_PROTOCOL)),
                                      protocol=pickle.HIGHEST_PROTOCOL)

    def file_cached(self) -> None:
        """File the briefings that need no NLP (while the workers extract the others)."""
        todo = set(self.missing)
        with gcpause.paused(freeze=True):  # filed briefings live as long as the build
            for i, key in enumerate(self.keys):
                if i in todo:
                    continue
                if key in self.known:
                    self._add(key, None, self.known[key])
                elif (b := self.cache.load(key)) is not None:
                    self._add(key, b)
                else:
                    self._broken.append(i)  # unreadable after all: the cache removed it

    def file_fresh(self, progress: Callable[[Iterable], Iterable] | None = None) -> None:
        """File the new briefings as the extraction delivers them; `progress` wraps the articles."""
        for i in (progress(self.missing) if progress else self.missing):
            self._store(self.keys[i], next(self._fresh))
        if hasattr(self._fresh, "close"):
            self._fresh.close()  # the workers stop now, not when the build's objects go
        for i, b in zip(self._broken, extract_many([self.articles[i] for i in self._broken], jobs=1,
                                                    models=self.models)):
            self._store(self.keys[i], b)

    def _store(self, key: str, b: Briefing) -> None:
        self.cache.store(key, b)
        self._add(key, b)
        self.extracted += 1

    def change(self) -> Change:
        """The briefings added and removed since the build whose state `known` is."""
        current = set(self.keys)
        return Change(added=current - set(self.known),
                      removed={k: pickle.loads(pickle.loads(blob)[1])[0] for k, blob in self.known.items()
                               if k not in current})

    def briefing(self, key: str) -> Briefing:
        """The full briefing of `key`: at hand, or from the cache, or extracted again (the cache
        lost it since the previous build)."""
        b = self.full.get(key) or self.cache.load(key)
        if b is None:
            article = self.articles[self.keys.index(key)]
            b = next(extract_many([article], jobs=1, models=self.models))
            self.cache.store(key, b)
            self.extracted += 1
        return b
