"""Key actors: who is in the story, with roles, merged names and salience (German and English).

Writes doc._.actors (list[model.Actor], most salient first) and doc.spans["actors"] (every mention:
label_ = kind, kb_id_ = the actor's canonical name), which quotes and events use to find speakers
and participants.

German relies on briefgen_tagger's HanTa tags (NE = proper noun, lemmas undo inflection);
English on capitalisation. Both share the merging and ranking in actors_merge.py. Where a trained
pipeline set doc.ents, its entities are merged in as mentions too.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .actors_common import MEDIUM, STRONG, Mention, mark_affiliations, share_kinds, unsubject_locators
from .actors_de import GermanRules
from .actors_en import EnglishRules
from .actors_events import drop_events
from .actors_lexicon import load
from .actors_merge import build_actors, merge
from .actors_speakers import mark_speakers
from .extensions import sentence_index

ENT_KINDS = {"PER": "person", "PERSON": "person", "ORG": "organization", "LOC": "place", "GPE": "place",
             "NORP": "group", "FAC": "place"}
DEFAULT_KIND = "organization"  # a lone name with no cue: companies and bodies are the commonest


@Language.factory("briefgen_actors", default_config={"keep_groups": True, "use_ents": True,
                                                     "default_kind": DEFAULT_KIND})
def make_actors(nlp: Language, name: str, *, keep_groups: bool = True, use_ents: bool = True,
                default_kind: str = DEFAULT_KIND) -> "ActorFinder":
    return ActorFinder(nlp.lang, keep_groups=keep_groups, use_ents=use_ents, default_kind=default_kind)


class ActorFinder:
    def __init__(self, lang: str, *, keep_groups: bool = True, use_ents: bool = True,
                 default_kind: str = DEFAULT_KIND) -> None:
        self.lang = lang if lang in ("de", "en") else "en"
        self.lex = load(self.lang)
        self.rules = GermanRules(self.lex) if self.lang == "de" else EnglishRules(self.lex)
        self.keep_groups = keep_groups
        self.use_ents = use_ents
        self.default_kind = default_kind

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            doc._.actors = []
            doc.spans["actors"] = []
            return doc
        if doc.has_annotation("SENT_START"):
            sent_of = sentence_index(doc)
            sent_starts = [i == 0 or sent_of[i] != sent_of[i - 1] for i in range(len(doc))]
        else:
            sent_starts = [i == 0 for i in range(len(doc))]
            sent_of = [0] * len(doc)
        mentions = drop_events(doc, self.rules(doc, sent_starts), self.lang)
        if self.use_ents and doc.ents:
            mentions = merge_ents(doc, mentions)
        share_kinds(doc, mentions)
        mark_affiliations(doc, mentions)
        unsubject_locators(doc, mentions)
        mark_speakers(doc, mentions, self.lex.speech_verbs, self.lang)
        entities = merge(mentions, default_kind=self.default_kind)
        ranked = build_actors(entities, sent_of, default_kind=self.default_kind,
                              std_names=self.lex.std_names, keep_groups=self.keep_groups,
                              drop_uncued=self.lang == "en", title=doc._.title or "")
        doc._.actors = [a for a, _e in ranked]
        spans = [Span(doc, m.start, m.end, label=a.kind, kb_id=a.name)
                 for a, e in ranked for m in e.mentions if not m.virtual]
        spans.sort(key=lambda s: (s.start, -s.end))
        doc.spans["actors"] = spans
        return doc


def merge_ents(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Add a trained model's entities: a rule mention they cover gets the model's kind when the
    rules were unsure; an entity no rule found becomes a mention of its own."""
    covered = {}
    for m in mentions:
        for i in range(m.start, m.end):
            covered[i] = m
    out = list(mentions)
    for ent in doc.ents:
        kind = ENT_KINDS.get(ent.label_)
        if kind is None:
            continue
        hit = next((covered[i] for i in range(ent.start, ent.end) if i in covered), None)
        if hit is not None:
            if hit.strength < STRONG and hit.start == ent.start and hit.end == ent.end:
                hit.kind, hit.strength = kind, STRONG
            continue
        key = tuple((t.lemma_ or t.text).lower().rstrip("'’") for t in ent if not t.is_punct)
        if not key:
            continue
        out.append(Mention(ent.start, ent.end, ent.text, kind, key, strength=MEDIUM))
    return out
