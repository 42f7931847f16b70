"""A person glued to the body they speak for in one NER span: spaCy's small model tags
"Lydia Buchtmann for Food Standards Australia" as one organisation, and stops the body's
name before a country ("... Australia New Zealand, says"). Both are split apart here,
before the other NER rules see the span, so the person is found and speaks for the body
("<Person> for <Body>, says": service.pipeline.affiliations)."""

from __future__ import annotations

import re
from typing import Any

from service.pipeline.actors.gender import given_names
from service.pipeline.actors.matching import Hit
from service.pipeline.actors.ner import new_actor
from service.pipeline.types import NewActor

_GLUED = re.compile(
    r"(?P<person>[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+){1,2})\s+for\s+(?:the\s+)?(?P<body>[A-Z][\w&'-]*(?:\s+[A-Z&][\w&'-]*)*)$"
)
# Capitalised words that go on the body's name after spaCy's span ends.
_NAME_GOES_ON = re.compile(r"(?:\s+[A-Z][\w'-]*)+")


def glued_person_hits(text: str, doc: Any, hits: list[Hit], new: dict[str, NewActor]) -> list[Hit]:
    """Hits for the person and the body of every "<Given name> <Surname> for <Body>" NER span;
    catalogue hits inside the body's full name ("New Zealand") are dropped from `hits`."""
    out: list[Hit] = []
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "PERSON"):
            continue
        match = _GLUED.match(ent.text)
        if match is None or match.group("person").split()[0].lower() not in given_names():
            continue
        start = ent.start_char
        person_end = start + match.end("person")
        body_start = start + match.start("body")
        body_end = ent.end_char
        more = _NAME_GOES_ON.match(text, body_end)
        if more is not None:
            body_end = more.end()
        inside = [h for h in hits if body_start <= h.start and h.end <= body_end]
        if any(h.start < body_end and body_start < h.end and h not in inside for h in hits):
            continue  # a name across the span's edge: leave it to the other rules
        for hit in inside:
            hits.remove(hit)
        person = new_actor(new, text[start:person_end], "person")
        body = new_actor(new, text[body_start:body_end], "organisation")
        out += [
            Hit(start, person_end, (person,), "ner", person),
            Hit(body_start, body_end, (body,), "ner", body),
        ]
    return out
