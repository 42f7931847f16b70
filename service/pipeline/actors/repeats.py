"""Later mentions of a name spaCy found once: its NER tags the same words as an
entity in one sentence and not in the next, so "Environment Canada spokeswoman
Sujata Raisinghani" left only the catalogue's "Canada" after "a sensitive
Environment Canada document" had made Environment Canada an actor."""

from __future__ import annotations

import re

from service.pipeline.actors.matching import Hit
from service.pipeline.actors.ner import new_actor
from service.pipeline.types import NewActor


def repeated_names(text: str, hits: list[Hit], new: dict[str, NewActor]) -> list[Hit]:
    """Hits for every other occurrence of a new actor's name of two words or more that no
    hit covers yet; catalogue hits inside such an occurrence ("Canada") are dropped from
    `hits`."""
    out: list[Hit] = []
    for actor in new.values():
        if len(actor.name.split()) < 2:
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(actor.name)}(?![\w-])", text):
            start, end = match.span()
            overlapping = [h for h in hits + out if h.start < end and start < h.end]
            if any(not (start <= h.start and h.end <= end) or h.key == actor.key for h in overlapping):
                continue  # covered already, or part of a longer name
            if any(h.key in new for h in overlapping):
                continue  # another new actor's name inside: spaCy's own split stands
            for inner in overlapping:
                hits.remove(inner)
            out.append(Hit(start, end, (actor.key,), "ner", actor.key))
    return out


# "Mr. Toccafondi says", "Dr Li warned": an honorific before capitalised words names a person.
_HONORIFIC_NAME = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr)\.?\s+(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?)"
)


def honorific_names(text: str, hits: list[Hit], new: dict[str, NewActor]) -> list[Hit]:
    """A person whom the text names only with an honorific ("Undersecretary for Education
    Mr. Toccafondi says ...") and whom neither spaCy nor the catalogue found: a new person.
    Run after the surname rule, so "Mr. Smith" after "John Smith" is already his."""
    out: list[Hit] = []
    for match in _HONORIFIC_NAME.finditer(text):
        start, end = match.span("name")
        if any(h.start < end and start < h.end for h in hits + out):
            continue
        key = new_actor(new, match.group("name"), "person")
        out.append(Hit(start, end, (key,), "ner", key))
    return out
