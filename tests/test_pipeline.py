"""make_nlp: the default offline pipeline and the optional trained-model setting."""
from __future__ import annotations

import datetime as dt

import pytest
import spacy

from briefgen.articles import parse_article
from briefgen.extract import Extractor
from briefgen.pipeline import COMPONENTS, make_nlp


@pytest.mark.parametrize("lang", ["de", "en"])
def test_default_pipeline_is_blank_plus_our_components(lang):
    nlp = make_nlp(lang)
    expected = [c for c in COMPONENTS if lang == "de" or c != "briefgen_tagger"]
    assert nlp.pipe_names == expected
    assert nlp.meta["name"] == "pipeline"  # spacy.blank: nothing downloaded


def test_unknown_language_and_missing_model_are_clear_errors():
    with pytest.raises(ValueError, match="unsupported language 'fr'"):
        make_nlp("fr")
    with pytest.raises(ValueError, match="'no_such_model_xyz' is not installed"):
        make_nlp("de", model="no_such_model_xyz")


def test_trained_model_setting_loads_a_saved_pipeline(tmp_path):
    # a stand-in for an installed trained pipeline: a saved spaCy pipeline with an entity ruler
    trained = spacy.blank("en")
    trained.add_pipe("entity_ruler").add_patterns([{"label": "ORG", "pattern": "Harbour Board"}])
    trained.to_disk(tmp_path / "en_test_model")
    nlp = make_nlp("en", model=str(tmp_path / "en_test_model"))
    assert nlp.pipe_names[0] == "entity_ruler"
    assert nlp.pipe_names[1:] == [c for c in COMPONENTS if c != "briefgen_tagger"]
    with pytest.raises(ValueError, match="is for language 'en', not 'de'"):
        make_nlp("de", model=str(tmp_path / "en_test_model"))
    article = parse_article("---\ntitle: T\nlang: en\ndate: 2025-01-02\n---\nThe Harbour Board met on Monday.", "a.md")
    briefing = Extractor(models={"en": str(tmp_path / "en_test_model")})(article)
    assert briefing.date == dt.date(2025, 1, 2) and briefing.sentences


def test_briefing_events_keep_calendar_order_with_weeks():
    text = ("---\ntitle: T\nlang: de\ndate: 2025-08-21\n---\n"
            "Die Straße bleibt bis Anfang nächster Woche gesperrt. Im September soll sie saniert werden.")
    events = Extractor()(parse_article(text, "a.md")).events
    assert [e.date for e in events] == ["2025-W35", "2025-09"]
