"""`find_holders`: an article's actor mentions, the stance holders of each
sentence, new actors and text-stated affiliations, in one pass."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from service.pipeline.actors.holders import kind_of, sentence_holders, speaker_resolver
from service.pipeline.actors.index import ActorIndex, tokens
from service.pipeline.actors.matching import (
    STATE_BODY,
    demonym_hits,
    lexical_hits,
    resolve_hits,
    with_article,
)
from service.pipeline.actors.ner import ner_hits, surname_hits
from service.pipeline.actors.roles import apply_titles
from service.pipeline.affiliations import TextAffiliation, text_affiliations
from service.pipeline.segment import sentence_at
from service.pipeline.turns import apply_turns, interview_turns
from service.pipeline.types import Holder, Mention, NewActor, Sentence


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
) -> ActorFindings:
    """Mentions of actors, the stance holders of each sentence and new NER actors.

    `doc` is spaCy's parse of the whole `text` (or None: surface rules only).
    Holders favour recall; the classifier drops holders without a stance.
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
        ner = ner_hits(text, doc, sentences, index, hits, new)
        resolve_hits(ner, index, published)
        hits += ner
    hits += surname_hits(text, hits, index, new)
    hits.sort(key=lambda h: h.start)
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
    if turns:
        holders = apply_turns(holders, turns, sentences, speaker_resolver(mentions, index, new))
    used = {m.actor_key for m in mentions} | {h.actor_key for h in holders}
    return ActorFindings(
        mentions=tuple(sorted(mentions, key=lambda m: (m.start, m.end))),
        holders=tuple(holders),
        new_actors=tuple(a for k, a in new.items() if k in used),
        affiliations=tuple(text_affiliations(text, mentions, lambda key: kind_of(key, index, new))),
    )
