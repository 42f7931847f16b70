"""Who speaks for which organisation, as the article itself says it.

The catalogue knows dated roles of well-known people (Lavrov for Russia);
most people in the news are not in it, but the article names their role:
"CEO of the Refugee Council Enver Solomon", "Steve Whitmore, a
representative for the LA Sheriff's office", "Lydia Buchtmann for Food
Standards Australia New Zealand", "Environment Canada spokeswoman Sujata
Raisinghani". The guidelines give the organisation the same record as a
person who speaks for it (head, official, representative), and only the
organisation for a spokesperson. `text_affiliations` finds such
(person, organisation) pairs from the mentions of one sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from service.pipeline.holder_rules import no_longer
from service.pipeline.speech_lexicon import PLACE_NOUNS
from service.pipeline.types import Mention

# Heads of an organisation. Portfolio titles ("Home Secretary", "Labour Minister",
# "Commerce Secretary") are not here: the word before them is a portfolio, not a body.
_HEAD = (
    r"(?:chief\s+executive(?:\s+officer)?|CEO|president|chair(?:man|woman|person)?|director(?:[- ]general)?|"
    r"executive\s+director|head|leader|secretary[- ]general|general\s+secretary|"
    r"founder|co-founder|owner|superintendent|principal|dean|provost)"
)
_VOICE = r"(?:spokes(?:man|woman|person)|representative|press\s+secretary|press\s+officer|campaigner)"
_ROLE = rf"(?:(?:deputy|vice|acting|senior|chief|top|former)\s+)?(?:{_HEAD}|{_VOICE})"
_LEAD = r"(?:the|a|an|its|their)\s+"

# "<Org>'s spokesman <Person>", "<Org> spokeswoman <Person>", "<Org> CEO <Person>".
_ORG_ROLE_PERSON = re.compile(rf"^(?:'s|\u2019s)?\s+(?P<role>{_ROLE})\s*,?\s*$", re.IGNORECASE)
# "<Person>, a spokesman for <Org>", "<Person>, president of the <Org>", "<Person>, <Org>'s".
_PERSON_ROLE_ORG = re.compile(
    rf"^\s*,\s*(?:{_LEAD})?(?P<role>{_ROLE})\s+(?:of|for|at|with)\s+(?:{_LEAD})?$", re.IGNORECASE
)
# "<Person> for <Org>, says": a representative.
_PERSON_FOR_ORG = re.compile(r"^\s+for\s+(?:the\s+)?$", re.IGNORECASE)
# "CEO of the <Org> <Person>", "president of the <Org>, <Person>": the role before the org.
_ROLE_OF_BEFORE = re.compile(rf"(?P<role>{_ROLE})\s+(?:of|for|at)\s+(?:{_LEAD})?$", re.IGNORECASE)
# "... of the Lombardy region, Roberto Maroni": a place's government named with its kind.
_BETWEEN_ORG_AND_PERSON = re.compile(
    rf"^\s*(?:{'|'.join(sorted(PLACE_NOUNS))})?\s*,?\s*(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$"
)


# Legislators are persons only (guidelines), party leaders included: chambers and
# parties are never spoken for this way.
_LEGISLATURE = re.compile(
    r"\b(?:Senate|House|Parliament|Congress|Assembly|Duma|Bundestag|Knesset|Diet|Commons|Lords|Caucus|"
    r"Party|Democrats?|Republicans?|GOP|Labour|Labor|Conservatives?|Tor(?:y|ies)|Liberals?|Greens?|"
    r"CDU|CSU|SPD|FDP|AfD|SNP|UKIP|BJP|Likud)\b"
)


@dataclass(frozen=True)
class TextAffiliation:
    """The article says `person_key` speaks for `org_key`; a spokesperson holds no record of their own."""

    person_key: str
    org_key: str
    spokesperson: bool


_IS_VOICE = re.compile(_VOICE, re.IGNORECASE)


def _is_voice(role: str) -> bool:
    return _IS_VOICE.search(role) is not None


def text_affiliations(
    text: str, mentions: Sequence[Mention], kind_of: Callable[[str], str]
) -> list[TextAffiliation]:
    """(person, organisation) pairs stated in the sentences of `mentions`.

    `kind_of(key)` gives an actor's kind ("person", "organisation", "group",
    "country"): only persons speak for organisations, groups or states here,
    and for a state only as its spokesperson ("Jeff Rathke, the State
    Department Spokesperson"): its heads and ministers come from dated
    catalogue roles or from their title (`state_title_affiliations`).
    """
    by_sentence = _named_by_sentence(mentions)
    found: dict[tuple[str, str], TextAffiliation] = {}
    for own in by_sentence.values():
        people = [m for m in own if kind_of(m.actor_key) == "person"]
        bodies = [
            m
            for m in own
            if kind_of(m.actor_key) in ("organisation", "group", "country")
            and not _LEGISLATURE.search(m.surface)
        ]
        for person in people:
            for body in bodies:
                role = _role_between(text, person, body)
                if role is None:
                    continue
                if kind_of(body.actor_key) == "country" and not _is_voice(role):
                    continue  # a state's heads and officials come from the catalogue's dated roles
                pair = (person.actor_key, body.actor_key)
                found.setdefault(pair, TextAffiliation(*pair, _is_voice(role)))
    return list(found.values())


# "French President Emmanuel Macron", "Britain's Prime Minister Boris Johnson", "Canadian
# Foreign Minister X": a head of state or government, or a minister, titled by their state.
_STATE_TITLE = re.compile(
    r"(?P<state>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}?)(?:'s|\u2019s)?\s+"
    r"(?:(?:Deputy|Vice|Acting|Interim)\s+)?"
    r"(?:President|Prime\s+Minister|Premier|Chancellor|Secretary\s+of\s+State|King|Queen|Emir|"
    r"(?:[A-Z][a-z]+\s+){1,2}Minister|Minister\s+of\s+[A-Z][a-z]+(?:\s+(?:and\s+)?[A-Z][a-z]+){0,3})"
    r"\s*,?\s*$"
)
# "Emmanuel Macron, the French president," / "Jacinda Ardern, New Zealand's prime minister,".
_TITLE_AFTER = re.compile(
    r"\s*,\s*(?:the\s+)?(?P<state>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}?)(?:'s|\u2019s)?\s+"
    r"(?:(?:deputy|vice|acting|interim)\s+)?"
    r"(?:president|prime\s+minister|premier|chancellor|secretary\s+of\s+state|king|queen|emir|"
    r"(?:[a-z]+\s+){0,2}minister)\b",
    re.IGNORECASE,
)


def state_title_affiliations(
    text: str,
    mentions: Sequence[Mention],
    kind_of: Callable[[str], str],
    state_of: Callable[[str], str | None],
) -> list[TextAffiliation]:
    """(person, state) pairs the article states by title: "French President Emmanuel Macron"
    speaks for France, as the catalogue's dated roles make Lavrov speak for Russia; most
    leaders in the news after 2014 are not in the catalogue. A former holder does not.
    `state_of(words)`: the country that a name or demonym names ("French", "Britain"), or None."""
    found: dict[tuple[str, str], TextAffiliation] = {}
    for person in mentions:
        if person.via == "pronoun" or kind_of(person.actor_key) != "person":
            continue
        before = text[max(0, person.start - 80) : person.start]
        match = _STATE_TITLE.search(before)
        if match is None or no_longer(before, match.start()):
            match = _TITLE_AFTER.match(text, person.end, min(len(text), person.end + 80))
            if match is None or not match.group("state")[:1].isupper():
                continue
        state = state_of(match.group("state"))
        if state is not None and state != person.actor_key:
            found.setdefault((person.actor_key, state), TextAffiliation(person.actor_key, state, False))
    return list(found.values())


def _role_between(text: str, person: Mention, body: Mention) -> str | None:
    """The role phrase that ties `person` to `body`, or None."""
    if body.end <= person.start:
        between = text[body.end : person.start]
        match = _ORG_ROLE_PERSON.match(between)
        if match is not None:
            return match.group("role")
        if _BETWEEN_ORG_AND_PERSON.match(between):
            before = _ROLE_OF_BEFORE.search(text[max(0, body.start - 60) : body.start])
            if before is not None:
                return before.group("role")
        return None
    if person.end <= body.start:
        between = text[person.end : body.start]
        voice = _IS_VOICE.search(body.surface)
        if body.via == "role" and voice is not None and re.fullmatch(r"\s*,\s*", between):
            # "Jeff Rathke, the State Department Spokesperson": the role is the body's mention.
            return voice.group()
        match = _PERSON_ROLE_ORG.match(between)
        if match is not None:
            return match.group("role")
        if _PERSON_FOR_ORG.match(between):
            return "representative"
    return None


# "Spokesman Dmitry Peskov said", "A spokeswoman, Jane Doe, said": the title alone, no body
# ("Representative Carla Mendes" is a legislator's title, "a campaigner" speaks for no one).
_BARE_VOICE = re.compile(
    r"(?:^|[.!?\"\u201d]\s+|\n)(?:(?:a|the)\s+)?(?:spokes(?:man|woman|person)|press\s+(?:secretary|officer))"
    r"\s*,?\s*$",
    re.IGNORECASE,
)


def bare_spokesperson_affiliations(
    text: str, mentions: Sequence[Mention], kind_of: Callable[[str], str], is_outlet: Callable[[str], bool]
) -> list[TextAffiliation]:
    """A spokesperson titled without a body ("The Kremlin's response was measured.
    Spokesman Dmitry Peskov said ...") speaks for the one body or state the previous
    sentence names: the guidelines record a spokesperson only as that body. Nothing
    when that sentence names none or several (the title alone does not say which)."""
    by_sentence = _named_by_sentence(mentions)
    found: list[TextAffiliation] = []
    for mention in mentions:
        if mention.via == "pronoun" or kind_of(mention.actor_key) != "person":
            continue
        if _BARE_VOICE.search(text[max(0, mention.start - 40) : mention.start]) is None:
            continue
        bodies = {
            m.actor_key
            for m in by_sentence.get(mention.sentence_index - 1, [])
            if kind_of(m.actor_key) in ("organisation", "group", "country")
            and not is_outlet(m.actor_key)
            and not _LEGISLATURE.search(m.surface)
        }
        if len(bodies) == 1:
            found.append(TextAffiliation(mention.actor_key, bodies.pop(), True))
    return found


def _named_by_sentence(mentions: Sequence[Mention]) -> dict[int, list[Mention]]:
    """Each sentence's mentions by name (pronouns left out)."""
    by_sentence: dict[int, list[Mention]] = {}
    for mention in mentions:
        if mention.via != "pronoun":
            by_sentence.setdefault(mention.sentence_index, []).append(mention)
    return by_sentence
