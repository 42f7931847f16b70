"""`find_holders`: an article's actor mentions, the stance holders of each
sentence, new actors and text-stated affiliations, in one pass."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from service.pipeline.actors.acronyms import link_acronyms
from service.pipeline.actors.anaphora import described_bodies
from service.pipeline.actors.glued import glued_person_hits
from service.pipeline.actors.holders import (
    SILENT_KINDS,
    is_outlet,
    kind_of,
    sentence_holders,
    speaker_resolver,
)
from service.pipeline.actors.index import ActorIndex, tokens
from service.pipeline.actors.matching import (
    STATE_BODY,
    demonym_hits,
    lexical_hits,
    resolve_hits,
    with_article,
)
from service.pipeline.actors.ner import court_hits, ner_hits, new_actor, surname_hits
from service.pipeline.actors.repeats import honorific_names, repeated_names
from service.pipeline.actors.roles import apply_titles
from service.pipeline.affiliations import (
    TextAffiliation,
    bare_spokesperson_affiliations,
    state_title_affiliations,
    text_affiliations,
)
from service.pipeline.quotes import quote_spans
from service.pipeline.segment import sentence_at
from service.pipeline.speakers import detect_speakers, first_person_holders
from service.pipeline.speech import speaks_as_subject
from service.pipeline.turns import apply_turns, interview_turns
from service.pipeline.types import ActorKind, Document, Holder, Mention, NewActor, Sentence, Speaker


# ---------------------------------------------------------------- findings
@dataclass(frozen=True)
class ActorFindings:
    """Mentions, per-sentence stance holders and actors new to the catalogue."""

    mentions: tuple[Mention, ...]
    holders: tuple[Holder, ...]
    new_actors: tuple[NewActor, ...]
    # Persons the article says speak for an organisation ("CEO of the Refugee Council X").
    affiliations: tuple[TextAffiliation, ...] = ()


def find_holders(
    text: str,
    sentences: Sequence[Sentence],
    doc: Any | None,
    index: ActorIndex,
    published: date | None,
    document: Document | None = None,
) -> ActorFindings:
    """Mentions of actors, the stance holders of each sentence and new NER actors.

    `doc` is spaCy's parse of the whole `text` (or None: surface rules only).
    Holders favour recall; the classifier drops holders without a stance.
    A document with a speaker (given in `document`, or described by the text
    itself) adds the speaker's first-person sentences (`service.pipeline.speakers`);
    interview turns, where the text has them, decide instead.
    """
    toks = tokens(text)
    hits = lexical_hits(text, toks, index)
    hits += demonym_hits(text, index, [(h.start, h.end) for h in hits])
    resolve_hits(hits, index, published)
    for hit in hits:
        # "Russia's Foreign Ministry", "the U.S. Embassy": the state's own body.
        agent = STATE_BODY.match(text, hit.end) if index.specs[hit.key].kind == "country" else None
        if agent is not None:
            hit.end, hit.via = agent.end(), "metonym"
    hits = apply_titles(text, hits, index, published)
    new: dict[str, NewActor] = {}
    if doc is not None:
        glued = glued_person_hits(text, doc, hits, new)
        ner = ner_hits(text, doc, sentences, index, hits, new)
        ner = [h for h in ner if not any(g.start < h.end and h.start < g.end for g in glued)]
        resolve_hits(ner, index, published)
        hits += glued + ner
        hits += repeated_names(text, hits, new)
    hits += court_hits(text, index, hits, new)
    hits += described_bodies(text, hits)
    hits += surname_hits(text, hits, index, new)
    hits += honorific_names(text, hits, new)
    hits = link_acronyms(text, hits)
    for hit in hits:
        if hit.via in ("metonym", "role") and index.specs.get(hit.key, None) is not None:
            hit.start = with_article(text, hit) if index.specs[hit.key].kind != "person" else hit.start

    mentions: list[Mention] = []
    by_sentence: dict[int, list[Mention]] = {}
    for hit in hits:
        sentence = sentence_at(sentences, hit.start)
        if sentence is None:
            continue
        mention = Mention(hit.key, hit.start, hit.end, sentence.index, text[hit.start : hit.end], hit.via)
        mentions.append(mention)
        by_sentence.setdefault(sentence.index, []).append(mention)

    holders = sentence_holders(text, sentences, doc, index, new, by_sentence, mentions)
    turns = interview_turns(text, sentences)
    affiliations = text_affiliations(text, mentions, lambda key: kind_of(key, index, new))
    affiliations += bare_spokesperson_affiliations(
        text, mentions, lambda key: kind_of(key, index, new), lambda key: is_outlet(key, index, new)
    )
    affiliations += state_title_affiliations(
        text, mentions, lambda key: kind_of(key, index, new), lambda words: state_named(index, words)
    )
    speakers = [] if turns else _speakers(text, document, index, new)
    if turns:
        holders = apply_turns(holders, turns, sentences, speaker_resolver(mentions, index, new))
    elif speakers:
        personal = document is not None and document.kind == "op-ed"
        spoken, roll_up = first_person_holders(
            text,
            sentences,
            quote_spans(text),
            speakers[0],
            lambda s: s.kind not in SILENT_KINDS,
            personal,
            lambda start, end: speaks_as_subject(doc, start, end),
        )
        holders = _merged(holders, spoken)
        affiliations = [*affiliations, *roll_up]
    used = {m.actor_key for m in mentions} | {h.actor_key for h in holders}
    used |= {key for s in speakers for key in (s.actor_key, s.organisation_key) if key}
    return ActorFindings(
        mentions=tuple(sorted(mentions, key=lambda m: (m.start, m.end))),
        holders=tuple(holders),
        new_actors=tuple(a for k, a in new.items() if k in used),
        affiliations=tuple(affiliations),
    )


def _speakers(
    text: str, document: Document | None, index: ActorIndex, new: dict[str, NewActor]
) -> list[Speaker]:
    """The speakers given with the document, else the one its text describes."""
    if document is not None and document.speakers:
        return list(document.speakers)
    return [
        Speaker(
            _actor_key(described.name, "person", index, new),
            described.name,
            _actor_key(described.organisation, "organisation", index, new),
            described.organisation,
            described.role,
        )
        for described in detect_speakers(text)
    ]


def _actor_key(name: str, kind: ActorKind, index: ActorIndex, new: dict[str, NewActor]) -> str:
    """The catalogued actor called `name`, else a new one (as NER would add it)."""
    known = index.lookup(name)
    return known[0] if known else new_actor(new, name, kind)


def _merged(holders: Sequence[Holder], spoken: Sequence[Holder]) -> list[Holder]:
    """`holders` plus the first-person ones for (sentence, actor) slots still free."""
    taken = {(h.sentence_index, h.actor_key) for h in holders}
    extra = [h for h in spoken if (h.sentence_index, h.actor_key) not in taken]
    return sorted([*holders, *extra], key=lambda h: (h.sentence_index, h.actor_key))


def state_named(index: ActorIndex, words: str) -> str | None:
    """The country a demonym or a name stands for ("French", "Britain", "U.S."), or None."""
    for form in dict.fromkeys((words, words.rstrip("."), words.replace(".", ""))):
        if form in index.demonyms:
            return index.demonyms[form]
        spec = next((index.spec(key) for key in index.lookup(form)), None)
        if spec is not None and spec.kind == "country":
            return spec.key
    return None
