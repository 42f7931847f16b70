"""Documents with a speaker (testimony, speeches, statements, op-eds): who
speaks, and the first-person sentences they hold.

A speaker comes from the submission (`Document.speakers`) or, when none is
given, from what the text says of itself: "My name is X, and I am the
President of Y", a "Statement of X, Administrator, Y" header, an op-ed's
"X is the director of Y", a closing "- X, Secretary-General of Y".

In a document with a speaker, a sentence that speaks in the first person
outside quotes is held by the speaker ("I", "my") or by the organisation
they speak for ("we", "our", "this Administration"). The roll-up follows the
guidelines: the head of a body speaks for it (both get the record), a
spokesperson only for it, a legislator or a plain member only for themself,
and so does the author of an op-ed (a personal view, whatever their post).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from service.pipeline.affiliations import TextAffiliation
from service.pipeline.quotes import Span
from service.pipeline.types import Holder, Sentence, Speaker

Category = Literal["head", "spokesperson", "legislator", "member"]

_NAME = r"[A-Z][a-zA-Z'\u2019-]+\.?(?:\s+(?:[A-Z]\.|[A-Z][a-zA-Z'\u2019-]+\.?)){1,3}"
_ORG = r"[A-Z][\w&.'\u2019-]*(?:\s+(?:of|for|and|on|the|&|[A-Z][\w&.'\u2019-]*))*"
_ROLE = r"[A-Za-z][\w .'\u2019-]{1,60}?"
_DETECTORS = (
    re.compile(
        rf"\bMy name is (?P<name>{_NAME}),?\s+and\s+I\s+(?:am|serve as)\s+(?:the\s+)?(?P<role>{_ROLE})\s+"
        rf"(?:of|at|for)\s+(?:the\s+)?(?P<org>{_ORG})"
    ),
    re.compile(
        r"\b(?i:(?:Prepared\s+|Written\s+)?(?:Statement|Testimony|Remarks)\s+(?:of|by)\s+(?:the\s+Honorable\s+)?)"
        rf"(?P<name>{_NAME}),\s*(?P<role>{_ROLE}),\s*(?:the\s+)?(?P<org>{_ORG})"
    ),
    re.compile(
        rf"(?m)^\s*By (?P<name>{_NAME})\b[\s\S]{{0,4000}}?\b(?P=name) is (?:the |a |an )?(?P<role>{_ROLE})\s+"
        rf"(?:of|at)\s+(?:the\s+)?(?P<org>{_ORG})"
    ),
    re.compile(
        rf"(?m)^\s*[\u2014\u2013-]+\s*(?P<name>{_NAME}),\s*(?P<role>{_ROLE})(?:,\s*|\s+of\s+)(?:the\s+)?(?P<org>{_ORG})\s*$"
    ),
)
# How far into the text a self-description is looked for (a signature: the end).
_HEAD_CHARS = 6000
_TAIL_CHARS = 1500

_SINGULAR = re.compile(r"\b(?:I(?![.\w])|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b")
_PLURAL = re.compile(
    r"\b(?:[Ww]e|[Uu]s|[Oo]ur|[Oo]urs|[Oo]urselves)\b|\bthis\s+(?:Administration|Government|government)\b"
)
_LEGISLATOR = re.compile(
    r"\b(?:senator|representative|congress(?:man|woman|member)|member of (?:parliament|congress)|mp|mep|"
    r"legislator|deputy|councillor)\b",
    re.IGNORECASE,
)
_SPOKESPERSON = re.compile(r"\bspokes(?:man|woman|person)\b", re.IGNORECASE)
_HEAD = re.compile(
    r"\b(?:president|chair(?:man|woman|person)?|ceo|chief|director|administrator|secretary|minister|"
    r"premier|chancellor|commissioner|governor|mayor|head|leader|executive|general|ambassador|"
    r"founder|coordinator|manager|king|queen|emir)\b",
    re.IGNORECASE,
)


def role_category(role: str | None) -> Category:
    """What a free-text role means for the roll-up (see the module docstring)."""
    text = role or ""
    if _LEGISLATOR.search(text):
        return "legislator"
    if _SPOKESPERSON.search(text):
        return "spokesperson"
    if _HEAD.search(text):
        return "head"
    return "member"


@dataclass(frozen=True)
class Described:
    """A speaker as the text describes them (names, not yet actors)."""

    name: str
    role: str
    organisation: str


def detect_speakers(text: str) -> list[Described]:
    """The document's speaker where its text says who is speaking (at most one)."""
    for region in (text[:_HEAD_CHARS], text[-_TAIL_CHARS:]):
        for pattern in _DETECTORS:
            found = pattern.search(region)
            if found is not None:
                organisation = _organisation_name(found.group("org"))
                name, role = found.group("name").strip(" ."), found.group("role").strip()
                if name.isupper():  # a hearing's header in capitals: "STATEMENT OF JANE DOE, ADMINISTRATOR"
                    name, role, organisation = _untitled(name), role.capitalize(), _untitled(organisation)
                return [Described(name, role, organisation)]
    return []


def _untitled(words: str) -> str:
    """Capitals to title case ("U.S. ENVIRONMENTAL PROTECTION AGENCY" -> "U.S. Environmental
    Protection Agency"); initials and short abbreviations stay as they are."""
    return " ".join(w if len(w.strip(".")) <= 2 or "." in w else w.capitalize() for w in words.split())


def _organisation_name(matched: str) -> str:
    """The organisation as matched, cut where the pattern ran on past it ("...
    Borders. Our members", "..., before the Committee"); "U.S." keeps its dots."""
    name = re.split(r"(?<!\b[A-Z])\.\s|[,;:]\s|\n", matched)[0].strip(" ,")
    if not re.search(r"\b[A-Z]\.$", name):
        name = name.rstrip(".")
    return re.sub(r"\s+(?:the|of|for|and|on|&)$", "", name)


def first_person_holders(
    text: str,
    sentences: Sequence[Sentence],
    quotes: Sequence[Span],
    speaker: Speaker,
    analysed: Callable[[Sentence], bool],
    personal: bool = False,
    speaks: Callable[[int, int], bool] | None = None,
) -> tuple[list[Holder], list[TextAffiliation]]:
    """Holders of the first-person sentences outside quotes, and the roll-up
    of the speaker to their organisation (none for legislators and members).
    `personal`: the author writes in their own name (an op-ed), whatever
    their position: nothing rolls up to their organisation. `speaks(start, end)`:
    whether the words at these offsets are the subject of a speech or stance verb
    ("I strongly support", "we urge"); such a holder speaks (Holder.is_speaker)."""

    def speaker_in(pattern: re.Pattern[str], outside: str, start: int) -> bool:
        return speaks is not None and any(
            speaks(start + found.start(), start + found.end()) for found in pattern.finditer(outside)
        )

    category = "member" if personal else role_category(speaker.role)
    org = speaker.organisation_key if speaker.organisation_key != speaker.actor_key else None
    plural_holder = org if org and category in ("head", "spokesperson") else speaker.actor_key
    own_body = _own_body(speaker.organisation)
    # A head who never says "I" speaks in the body's voice (a statement "by the network",
    # signed by its Secretary-General): its "we" is theirs too, as a minister's words are
    # both theirs and their state's. A spokesperson is the body alone; a head who says "I"
    # elsewhere has positions of their own, and "we" stays the body's.
    spoken = [(s, _outside_quotes(text, s, quotes)) for s in sentences if analysed(s)]
    voice_of_body = (
        category == "head"
        and plural_holder != speaker.actor_key
        and not any(_SINGULAR.search(outside) for _, outside in spoken)
    )
    holders: list[Holder] = []
    for sentence, outside in spoken:
        singular = _SINGULAR.search(outside)
        plural = _PLURAL.search(outside) or (own_body.search(outside) if own_body else None)
        if singular is not None:
            holders.append(
                Holder(
                    speaker.actor_key,
                    sentence.index,
                    singular.group(),
                    is_speaker=speaker_in(_SINGULAR, outside, sentence.start),
                )
            )
        if plural is not None and (singular is None or plural_holder != speaker.actor_key):
            plural_speaks = speaker_in(_PLURAL, outside, sentence.start)
            holders.append(Holder(plural_holder, sentence.index, plural.group(), is_speaker=plural_speaks))
            if voice_of_body:
                holders.append(
                    Holder(speaker.actor_key, sentence.index, plural.group(), is_speaker=plural_speaks)
                )
    roll_up = (
        [TextAffiliation(speaker.actor_key, org, category == "spokesperson")]
        if org and category in ("head", "spokesperson")
        else []
    )
    return holders, roll_up


def _own_body(organisation: str | None) -> re.Pattern[str] | None:
    """ "the Agency", "the Association": the speaker's organisation by its head word."""
    if not organisation:
        return None
    words = re.findall(r"[A-Z][a-z]{3,}", organisation)
    return re.compile(rf"\b[Tt]he {re.escape(words[-1])}\b") if words else None


def _outside_quotes(text: str, sentence: Sentence, quotes: Sequence[Span]) -> str:
    """The sentence with its quoted stretches blanked out (offsets kept)."""
    chars = list(text[sentence.start : sentence.end])
    for quote in quotes:
        start, end = max(quote.start, sentence.start), min(quote.end, sentence.end)
        for at in range(start, end):
            chars[at - sentence.start] = " "
    return "".join(chars)
