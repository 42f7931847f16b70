"""Data passed between the analysis stages: plain frozen dataclasses, no I/O.

The pipeline is a chain of pure functions over these types:
segment -> actors (mentions, speakers, holders) -> issues (linking) ->
classify -> aggregate. The worker turns an `AnalysisResult` into rows.
Actors and issues are referred to by string keys (`ActorSpec.key`,
`IssueSpec.key`), never by database ids, so the stages run without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

Label = Literal["support", "oppose", "neutral"]
LABELS: tuple[Label, ...] = ("support", "oppose", "neutral")
# The classifier has a fourth class, "none": the sentence mentions the actor
# and the issue but expresses no position of that actor on it. Such evidence
# is dropped before aggregation and never stored.
CLASSIFIER_LABELS: tuple[str, ...] = ("support", "oppose", "neutral", "none")
ActorKind = Literal["person", "country", "organisation", "group"]
SentenceKind = Literal["headline", "byline", "dateline", "caption", "body", "boilerplate"]
# How a sentence was linked to an issue (service.pipeline.issues).
LinkVia = Literal["keyword", "similarity", "context", "anchor", "topic"]


@dataclass(frozen=True)
class Sentence:
    """One sentence; `text == article_text[start:end]` always holds."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int
    kind: SentenceKind = "body"


@dataclass(frozen=True)
class Affiliation:
    """A dated role of a person (or body) inside a state or organisation.

    `role` is one of: "head_of_state", "head_of_government", "minister",
    "deputy_minister", "official", "spokesperson", "military", "diplomat",
    "legislator", "member", "judiciary", "opposition", "other".
    Dates are inclusive; None means open-ended.
    """

    actor_key: str
    role: str
    valid_from: date | None = None
    valid_to: date | None = None

    def valid_on(self, day: date | None) -> bool:
        if day is None:
            return self.valid_to is None
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_to is None or day <= self.valid_to


@dataclass(frozen=True)
class ActorSpec:
    """An actor as the pipeline knows it (from the catalogue or the database)."""

    key: str
    name: str
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()


@dataclass(frozen=True)
class IssueSpec:
    """A catalogued issue: what support and oppose mean, and its keywords."""

    key: str
    name: str
    description: str = ""
    keywords: tuple[str, ...] = ()


DOCUMENT_KINDS = ("news", "speech", "testimony", "statement", "interview", "op-ed", "letter")


@dataclass(frozen=True)
class Speaker:
    """Who speaks in a document, as given on submission or detected in the text.

    `role` is free text ("Administrator", "President and CEO"); what it means
    for the roll-up comes from `service.pipeline.speakers.role_category`.
    """

    actor_key: str
    name: str
    organisation_key: str | None = None
    organisation: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Document:
    """What the analyser knows of a text besides the text: its kind and speakers."""

    kind: str = "news"
    speakers: tuple[Speaker, ...] = ()


@dataclass(frozen=True)
class Mention:
    """A span of the article that refers to an actor."""

    actor_key: str
    start: int
    end: int
    sentence_index: int
    surface: str
    via: Literal["alias", "metonym", "role", "pronoun", "ner", "title"] = "alias"


@dataclass(frozen=True)
class Holder:
    """An actor that may hold a stance expressed in one sentence.

    `reporter_key` is set when someone else reports the holder's position
    ("Kerry said Moscow opposes X": holder Russia, reporter John Kerry).
    `is_quote` is True when the evidence is the holder's direct quote.
    `mention` is the surface form used in the sentence (for the classifier).
    `is_speaker` is True when the holder is the subject of a speech or stance
    verb in the sentence ("X said", "X called the ruling dangerous").
    """

    actor_key: str
    sentence_index: int
    mention: str
    is_quote: bool = False
    reporter_key: str | None = None
    is_speaker: bool = False

    @property
    def speaks(self) -> bool:
        """The holder's own words or position are in the sentence (quoted or reported)."""
        return self.is_quote or self.is_speaker


@dataclass(frozen=True)
class NewActor:
    """An actor found by NER that is not in the catalogue yet."""

    key: str
    name: str
    kind: ActorKind


@dataclass(frozen=True)
class Evidence:
    """One classified piece of evidence, with offsets into the article text."""

    sentence_index: int
    start: int
    end: int
    text: str
    label: Label
    scores: dict[str, float]
    is_quote: bool = False
    reporter_key: str | None = None
    # How strongly the sentence was linked to the issue (service.pipeline.issues): 1.0 names it.
    link_score: float = 1.0


@dataclass(frozen=True)
class StanceResult:
    """One (actor, issue) stance for the article, derived from its evidence."""

    actor_key: str
    issue_key: str
    label: Label
    confidence: float
    scores: dict[str, float]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class AnalysisResult:
    """Everything the worker stores for one article."""

    language: str
    stances: tuple[StanceResult, ...] = ()
    new_actors: tuple[NewActor, ...] = ()
    sentences: int = 0
    model_name: str = ""
    model_version: str = ""
    timings: dict[str, float] = field(default_factory=dict)
