"""Definite descriptions that stand for a body named earlier: "the bloc" is the
European Union (or ASEAN, the African Union...) that the article last named,
"the alliance" NATO. "The bloc will take the dispute to the WTO, he said" is
the EU's position, though the sentence never names it."""

from __future__ import annotations

import re

from service.pipeline.actors.matching import Hit

# Description -> the catalogue keys it can stand for.
_DESCRIBED = {
    "bloc": frozenset({"EU", "ASEAN", "AU", "ARAB_LEAGUE", "GCC", "OAS", "CIS"}),
    "alliance": frozenset({"NATO"}),
}
# "the bloc", "the 27-nation bloc", "the trading bloc", "the Western alliance".
_DESCRIPTION = re.compile(r"\b[Tt]he(?:\s+[\w-]+){0,2}?\s+(?P<noun>bloc|alliance)\b(?!\s+of\b)")


def described_bodies(text: str, hits: list[Hit]) -> list[Hit]:
    """Hits for "the bloc" / "the alliance" where the text named such a body before."""
    out: list[Hit] = []
    ordered = sorted(hits, key=lambda h: h.start)
    for match in _DESCRIPTION.finditer(text):
        start, end = match.span()
        if any(h.start < end and start < h.end for h in hits):
            continue  # part of a name ("the Atlantic Alliance")
        kinds = _DESCRIBED[match.group("noun")]
        earlier = [h for h in ordered if h.end <= start and h.key in kinds]
        if earlier:
            key = earlier[-1].key
            out.append(Hit(start, end, (key,), "metonym", key))
    return out
