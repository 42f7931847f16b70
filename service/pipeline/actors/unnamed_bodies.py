"""Bodies spaCy's NER does not tag that the text still shows to be bodies: a proper
noun described as one ("Gazprom, the Russian state gas company that owns the project,
said"), capitalised words before a body noun ("The Left party voted"), or a region
someone heads ("the president of the Lombardy region")."""

from __future__ import annotations

from typing import Any

from service.pipeline.speech_lexicon import BODY_NOUNS, PLACE_NOUNS, SPEAKS_FOR_NOUNS

# Head nouns that describe a body ("Gazprom, the Russian state gas company, said").
BODY_DESCRIPTIONS = BODY_NOUNS | {
    "company", "firm", "group", "operator", "producer", "maker", "manufacturer", "bank", "broadcaster",
    "network", "agency", "charity", "insurer", "airline", "carrier", "retailer", "utility", "giant",
    "conglomerate", "regulator", "watchdog", "club", "church", "body", "outfit", "newspaper", "channel",
}  # fmt: skip


# Bodies whose name is capitalised words before a common noun ("the Left party", "the
# Azimio la Umoja coalition"): spaCy tags no entity there.
_NAME_PARTICLES = {"la", "le", "de", "di", "del", "des", "da", "do", "von", "van"}
_NAMED_BODY_NOUNS = {
    "party",
    "coalition",
    "alliance",
    "movement",
    "union",
    "front",
    "association",
    "federation",
}


def _bodies_named_by_their_modifiers(doc: Any) -> list[tuple[int, int]]:
    """Offsets of "Left party" in "The Left party voted ...": a body noun that is a clause's
    subject, after "the" and capitalised words that are no entity (joined by particles:
    "the Azimio la Umoja coalition")."""
    found = []
    for token in doc:
        if token.dep_ != "nsubj" or token.text not in _NAMED_BODY_NOUNS:
            continue
        first = token
        while first.i > 1 and not doc[first.i - 1].ent_type_ and not doc[first.i - 1].is_sent_start:
            before = doc[first.i - 1]
            if before.text[:1].isupper() and before.pos_ in ("PROPN", "ADJ", "NOUN"):
                first = before
            elif (
                before.lower_ in _NAME_PARTICLES
                and first is not token
                and doc[first.i - 2].text[:1].isupper()
            ):
                first = before
            else:
                break
        if first is not token and first.text[:1].isupper() and doc[first.i - 1].lower_ == "the":
            found.append((first.idx, token.idx + len(token)))
    return found


def _described_bodies(doc: Any) -> list[tuple[int, int]]:
    """Proper nouns spaCy's NER missed that the text itself describes as a body, and
    that act as a clause's subject: "Gazprom, the Russian state gas company that owns the
    project, said ...". Offsets of the name (with its proper-noun compounds)."""
    found = []
    for token in doc:
        if token.pos_ != "PROPN" or token.dep_ != "nsubj" or token.ent_type_ or not token.text[:1].isupper():
            continue
        if not any(c.dep_ == "appos" and c.lemma_.lower() in BODY_DESCRIPTIONS for c in token.children):
            continue
        first = token
        while first.i > 0 and doc[first.i - 1].head is token and doc[first.i - 1].dep_ == "compound":
            first = doc[first.i - 1]
        if all(t.pos_ == "PROPN" and not t.ent_type_ for t in doc[first.i : token.i + 1]):
            found.append((first.idx, token.idx + len(token)))
    return found


def heads_of(token: Any) -> bool:
    """Whether `token` names what a head or spokesperson heads: "the president of [it]"."""
    return (
        token.dep_ == "pobj"
        and token.head.lower_ in ("of", "for")
        and token.head.head.lemma_.lower() in SPEAKS_FOR_NOUNS
    )


def _led_regions(doc: Any) -> list[tuple[int, int]]:
    """ "the president of the Lombardy region": the region's government is a body (the
    guidelines' regional governments); its name is the proper nouns before the place noun."""
    found: list[tuple[int, int]] = []
    for token in doc:
        if token.lemma_.lower() not in PLACE_NOUNS or not heads_of(token):
            continue
        # spaCy may tag the name an adjective ("Lombardy"): its capital says it is one.
        names = [c for c in token.children if c.dep_ in ("compound", "amod") and c.text[:1].isupper()]
        if names and names[-1].i == token.i - 1:
            found.append((names[0].idx, names[-1].idx + len(names[-1])))
    return found


def unnamed_bodies(doc: Any) -> list[tuple[int, int]]:
    """Offsets of the names of every kind, in the order found."""
    return _described_bodies(doc) + _bodies_named_by_their_modifiers(doc) + _led_regions(doc)
