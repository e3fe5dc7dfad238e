"""spaCy, imported without its command line.

`import spacy` imports `spacy.cli` for one name, `spacy.info`, and with it typer, weasel,
requests and httpx: a third of the time spaCy takes to import, paid by every build that
extracts an article, though briefgen never uses spaCy's command line. This module imports
spaCy with stand-ins for `spacy.cli` and `spacy.cli.info` in `sys.modules` and removes them
again straight after, so that any later `import spacy.cli` imports the real one; `spacy.info`
imports it when it is called. Should a spaCy release use anything else of `spacy.cli` while it
is imported, the stand-in imports the real package then and hands that over: the import is
slower, never different.

Import spaCy through this module (`from .spacy_import import spacy`) before any other spaCy
import; if spaCy is imported already, it is simply returned.
"""
from __future__ import annotations

import importlib
import sys
import types


def _drop_stand_ins() -> None:
    for name in [name for name, module in sys.modules.items() if isinstance(module, _StandIn)]:
        del sys.modules[name]


class _StandIn(types.ModuleType):
    """A module that becomes the real one on the first name asked of it."""

    def __init__(self, name: str, *, package: bool) -> None:
        super().__init__(name)
        self._package = package

    def __getattr__(self, name: str):
        if name == "__path__" and not self._package:
            raise AttributeError(name)  # what `from module import name` asks first of a module
        _drop_stand_ins()
        return getattr(importlib.import_module(self.__name__), name)


def info(*args, **kwargs):
    """spaCy's `spacy.info`, imported when called."""
    from spacy.cli.info import info as real

    return real(*args, **kwargs)


def import_spacy() -> types.ModuleType:
    """The `spacy` module, imported without `spacy.cli` unless it was imported already."""
    if "spacy" in sys.modules:
        return sys.modules["spacy"]
    sys.modules["spacy.cli"] = _StandIn("spacy.cli", package=True)
    sys.modules["spacy.cli.info"] = _StandIn("spacy.cli.info", package=False)
    sys.modules["spacy.cli.info"].info = info
    try:
        import spacy
    finally:
        _drop_stand_ins()
    return spacy


spacy = import_spacy()
