"""state.StateStore: a base pickle and a log of changes; what is loaded is what was saved."""
from __future__ import annotations

import pickle
import random

import briefgen.state as state
from briefgen.build import build
from briefgen.config import load_settings
from briefgen.state import PARTS, BuildState, StateStore


def parts(s: BuildState) -> dict:
    """Every entry, pickled: some values compare by identity (render.actors.ActorPlaces)."""
    return {name: {k: pickle.dumps(v) for k, v in getattr(s, name).items()} for name in PARTS} | {
        "started_ns": s.started_ns}


def test_saves_by_difference_and_loads_what_was_saved(tmp_path, monkeypatch):
    monkeypatch.setattr(state, "REWRITE", 0.5)
    rng = random.Random(3)
    store = StateStore(tmp_path)
    current = store.load("s")
    bases = set()
    for step in range(40):
        nxt = BuildState(version=current.version, started_ns=step)
        for name in PARTS:  # keep most entries (the same objects), change, add and drop some
            part = dict(getattr(current, name))
            for key in rng.sample(sorted(part), min(len(part), rng.randint(0, 3))):
                del part[key]
            for _ in range(rng.randint(0, 4)):
                part[f"k{rng.randrange(60)}"] = (step, "x" * rng.randrange(200))
            setattr(nxt, name, part)
        store.save(nxt)
        bases.add((tmp_path / state.FILE).read_bytes())
        again = StateStore(tmp_path)
        assert parts(again.load("s")) == parts(nxt), f"step {step}"
        store, current = again, nxt
    assert 1 < len(bases) < 40  # mostly logged; a new base now and then
    assert (tmp_path / state.LOG).exists()


def test_a_damaged_log_keeps_its_good_entries_and_the_next_save_starts_a_new_base(tmp_path):
    store = StateStore(tmp_path)
    first = store.load("s")
    first.values = {"a": 1}
    store.save(first)
    second = BuildState(version=first.version, values={"a": 1, "b": 2}, started_ns=2)
    store.save(second)
    log = tmp_path / state.LOG
    good = log.read_bytes()
    third = BuildState(version=first.version, values={"a": 1, "b": 2, "c": 3}, started_ns=3)
    store.save(third)
    log.write_bytes(log.read_bytes()[:len(good) + 5])  # the last entry cut short
    store = StateStore(tmp_path)
    assert store.load("s").values == {"a": 1, "b": 2}
    store.save(third)
    assert not log.exists() and StateStore(tmp_path).load("s").values == {"a": 1, "b": 2, "c": 3}


def test_a_hard_linked_log_is_not_appended_to(tmp_path):
    store = StateStore(tmp_path)
    first = store.load("s")
    store.save(first)
    store.save(BuildState(version=first.version, values={"a": 1}))
    copy = tmp_path / "copy"
    copy.mkdir()
    for name in (state.FILE, state.LOG):
        (copy / name).hardlink_to(tmp_path / name)  # `cp -al` of the project
    other = StateStore(copy)
    other.load("s")
    other.save(BuildState(version=first.version, values={"a": 2}))
    assert StateStore(tmp_path).load("s").values == {"a": 1}
    assert StateStore(copy).load("s").values == {"a": 2}


def test_log_entries_of_a_replaced_base_are_ignored(tmp_path):
    store = StateStore(tmp_path)
    old = store.load("s")
    old.values = {"a": 1}
    store.save(old)
    store.save(BuildState(version=old.version, values={"a": "logged"}))
    stale_log = (tmp_path / state.LOG).read_bytes()
    fresh = StateStore(tmp_path)
    fresh.load("s")
    fresh.log_bytes = -1  # a damaged log: a new base
    fresh.save(BuildState(version=old.version, values={"a": "new base"}))
    (tmp_path / state.LOG).write_bytes(stale_log)  # as if the build stopped before clearing the log
    assert StateStore(tmp_path).load("s").values == {"a": "new base"}


def test_each_build_saves_the_state_the_next_one_loads(project, monkeypatch):
    """End to end: the states a build hands to the store are what the next build loads."""
    monkeypatch.setattr(state, "RACY", 0.0)
    monkeypatch.setattr(state, "REWRITE", 100.0)  # two articles: every change is large against the base
    saved = []
    real_save = StateStore.save
    monkeypatch.setattr(StateStore, "save", lambda self, s: (saved.append(s), real_save(self, s)))
    settings = load_settings(project)
    articles = sorted((project / "articles").glob("*.md"))

    def check():
        assert parts(StateStore(settings.cache_dir).load(settings.fingerprint())) == parts(saved[-1])

    build(settings, site=False)
    check()
    articles[0].write_text(articles[0].read_text(encoding="utf-8").replace(".", "!", 1), encoding="utf-8")
    build(settings, site=False)
    check()
    articles[1].unlink()
    build(settings, site=False)
    check()
    assert (settings.cache_dir / state.LOG).exists()
