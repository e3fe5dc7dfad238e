"""The faster start of a fresh process gives the same tables as the slow way."""
from __future__ import annotations

import gc

from briefgen import gcpause
from briefgen.pipeline import derived, hanta


def test_reachable_states_equal_hantas_own():
    from HanTa import HanoverTagger as ht

    fast = hanta.model(hanta.GERMAN)
    slow = ht.HanoverTagger.__new__(ht.HanoverTagger)
    slow.LP_trans, slow.int2tag = fast.LP_trans, fast.int2tag
    ht.HanoverTagger.reachable(slow)  # HanTa's own computation on the same model
    assert fast.reachability == slow.reachability
    assert len(fast.reachability) > 10


def test_gc_paused_restores_the_collector():
    assert gc.isenabled()
    with hanta.gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    try:
        with hanta.gc_paused():
            raise KeyError("x")
    except KeyError:
        pass
    assert gc.isenabled()


def test_frozen_objects_are_the_collectors_again_after_the_build():
    assert gc.get_freeze_count() == 0
    with gcpause.frozen_while():
        with gcpause.paused(freeze=True):
            made = [[i] for i in range(1000)]
        assert gc.get_freeze_count() >= len(made) and gc.isenabled()
    assert gc.get_freeze_count() == 0
    gc.freeze()  # a process that froze objects itself keeps them frozen
    try:
        with gcpause.frozen_while():
            with gcpause.paused(freeze=True):
                pass
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_derived_cache_builds_once_and_follows_its_sources(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path / "cache"))
    src = tmp_path / "words.tsv"
    src.write_text("Haus\nBaum\n", encoding="utf-8")
    builds = []

    def build():
        builds.append(1)
        return {"words": set(src.read_text(encoding="utf-8").split()), "n": (1, 2.5, None)}

    first = derived.cached("t", [src], build)
    again = derived.cached("t", [src], build)
    assert first == again == {"words": {"Haus", "Baum"}, "n": (1, 2.5, None)}
    assert len(builds) == 1  # the second came from the cache
    src.write_text("Haus\nBaum\nWald\n", encoding="utf-8")
    assert derived.cached("t", [src], build)["words"] == {"Haus", "Baum", "Wald"}
    assert len(builds) == 2
    assert derived.cached("t", [src], build, extra=("v2",)) and len(builds) == 3


def test_derived_cache_damaged_or_off_means_building(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(folder))
    src = tmp_path / "a.txt"
    src.write_text("x", encoding="utf-8")
    assert derived.cached("d", [src], lambda: [1]) == [1]
    for entry in folder.iterdir():
        entry.write_bytes(b"\xff garbage")
    assert derived.cached("d", [src], lambda: [2]) == [2]
    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", "")
    assert derived.cache_dir() is None
    assert derived.cached("d", [src], lambda: [3]) == [3]


def test_actor_lexicon_from_the_cache_equals_the_files(tmp_path, monkeypatch):
    from briefgen.pipeline import actors_lexicon

    monkeypatch.setenv("BRIEFGEN_CACHE_DIR", str(tmp_path))
    for lang in ("de", "en"):
        actors_lexicon.load.cache_clear()
        actors_lexicon.load(lang)  # writes the entry
        actors_lexicon.load.cache_clear()
        cached, built = actors_lexicon.load(lang), actors_lexicon.build(lang)
        for name in actors_lexicon.TABLES:
            a, b = getattr(cached, name), getattr(built, name)
            assert type(a) is type(b), name
            if name == "title_suffixes":  # longest first; equal lengths in set order (any() reads it)
                assert sorted(a) == sorted(b) and [len(s) for s in a] == [len(s) for s in b]
            else:
                assert a == b, name
        assert cached.is_city(next(iter(built.cities)))
    actors_lexicon.load.cache_clear()


def _fresh_python(code: str) -> str:
    import subprocess
    import sys

    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout


def test_spacy_is_imported_without_its_command_line_which_still_works():
    out = _fresh_python(
        "import sys\n"
        "from briefgen.extract import Extractor\n"
        "print('typer' in sys.modules, 'spacy.cli' in sys.modules)\n"
        "import spacy\n"
        "assert isinstance(spacy.info(), dict)\n"  # spaCy's own `spacy.info`, imported on the call
        "import spacy.cli\n"
        "print(callable(spacy.cli.setup_cli), type(sys.modules['spacy.cli']).__name__)\n")
    assert out.split() == ["False", "False", "True", "module"]


def test_a_stand_in_asked_for_a_name_hands_over_the_real_module():
    out = _fresh_python(
        "import sys\n"
        "from briefgen.pipeline import spacy_import\n"
        "stand_in = spacy_import._StandIn('json', package=True)\n"
        "sys.modules['json'] = stand_in\n"
        "print(stand_in.dumps([1]), type(sys.modules['json']).__name__)\n")
    assert out.split() == ["[1]", "module"]
