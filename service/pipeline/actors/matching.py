"""Mention matching: catalogue aliases and metonyms ("Moscow", "the Kremlin"),
demonym state bodies ("Russian Foreign Ministry"), one actor chosen per match."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from service.pipeline.actors.index import ActorIndex, Tok, name_gap, valid_on
from service.pipeline.holder_rules import no_longer

Via = Literal["alias", "metonym", "role", "pronoun", "ner", "title"]

# State bodies named with a demonym or a country ("Russian Foreign Ministry").
STATE_BODY = re.compile(
    r"(?:'s|\u2019s)?\s+(?:(?:[A-Z][a-z]+\s+){0,2}Ministry(?:\s+of\s+(?:[A-Z][a-z]+\s*){1,3})?|"
    r"(?:[Ff]oreign|[Dd]efen[cs]e|[Ii]nterior)\s+[Mm]inistry|[Gg]overnment|[Aa]dministration|"
    r"[Aa]uthorities|[Ll]eadership|[Mm]ilitary|[Aa]rmy|[Aa]rmed\s+[Ff]orces|[Nn]avy|[Aa]ir\s+[Ff]orce|"
    r"[Ee]mbassy|[Cc]abinet|[Pp]residency|[Dd]elegation|[Ss]ide)\b(?!\s+[A-Z][a-z])"
)


@dataclass
class Hit:
    start: int
    end: int
    keys: tuple[str, ...]
    via: Via
    key: str = ""


def lexical_hits(text: str, toks: list[Tok], index: ActorIndex) -> list[Hit]:
    hits: list[Hit] = []
    i = 0
    while i < len(toks):
        first = toks[i].text
        exact_ok = first in index.first_tokens
        fold_ok = first.casefold() in index.folded_first
        if not exact_ok and not fold_ok:
            i += 1
            continue
        key = first
        best: tuple[int, tuple[str, ...], str] | None = None
        for j in range(i, min(len(toks), i + index.max_tokens)):
            if j > i:
                gap = name_gap(text[toks[j - 1].end : toks[j].start])
                if gap is None:
                    break
                key += gap + toks[j].text
            found = index.phrases.get(key) if exact_ok else None
            if found is None and fold_ok:
                found = index.folded.get(key.casefold())
            if found:
                best = (j, found, key)
        if best is None:
            i += 1
            continue
        j, keys, key = best
        end = toks[j].end
        # "U.S." keeps its final period, which the token pattern leaves out.
        if end < len(text) and text[end] == "." and re.fullmatch(r"(?:[A-Z]\.)+[A-Z]", key):
            end += 1
        via: Via = "metonym" if all((key, k) in index.metonyms for k in keys) else "alias"
        hits.append(Hit(toks[i].start, end, keys, via))
        i = j + 1
    return hits


def demonym_hits(text: str, index: ActorIndex, taken: list[tuple[int, int]]) -> list[Hit]:
    """Demonym + state body ("Russian Foreign Ministry", "the Russian government")."""
    hits: list[Hit] = []
    if not index.demonyms:
        return hits
    pattern = re.compile(
        r"\b(" + "|".join(re.escape(d) for d in sorted(index.demonyms, key=len, reverse=True)) + r")\b"
    )
    for match in pattern.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        agent = STATE_BODY.match(text, match.end())
        if agent is None or no_longer(text, match.start()):
            continue
        hits.append(Hit(match.start(), agent.end(), (index.demonyms[match.group(1)],), "metonym"))
    return hits


def resolve_hits(hits: list[Hit], index: ActorIndex, day: date | None) -> None:
    """Choose one actor per hit: seen in the article, valid on the day, most prominent."""
    seen = {h.keys[0] for h in hits if len(h.keys) == 1}
    for hit in hits:
        if len(hit.keys) == 1:
            hit.key = hit.keys[0]
            continue

        def score(key: str) -> tuple[int, int, int]:
            spec = index.specs[key]
            return (0 if key in seen else 1, 0 if valid_on(spec, day) else 1, index.rank.get(key, 0))

        hit.key = min(hit.keys, key=score)


def with_article(text: str, hit: Hit) -> int:
    before = text[max(0, hit.start - 4) : hit.start]
    return hit.start - 4 if before.lower() == "the " else hit.start
