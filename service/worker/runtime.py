"""The worker's loaded state: the analyser (models loaded once) and the actor
index, rebuilt only when the stored catalogue changes."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from service.config import Settings
from service.nlp.protocol import ClassifierConfig
from service.pipeline.types import ActorSpec, AnalysisResult, Document, IssueSpec
from service.pipeline.types import Affiliation as AffiliationSpec
from service.store.orm import Actor, Affiliation

log = logging.getLogger(__name__)


def model_threads(settings: Settings) -> int | None:
    """Threads per worker process for the models: STANCE_TORCH_THREADS, else, with
    several worker processes (STANCE_WORKER_THREADS > 1), the cores shared among
    them, so two processes on two cores do not fight over four threads; None (all
    cores) for one process. Two single-thread processes analyse the seed article
    1.3x faster than one process with two threads: spaCy, which runs on one
    core, then overlaps the other process's model calls."""
    if settings.torch_threads:
        return settings.torch_threads
    if settings.worker_threads > 1:
        return max(1, (os.cpu_count() or 1) // settings.worker_threads)
    return None


def classifier_config(settings: Settings) -> ClassifierConfig:
    return ClassifierConfig(
        backend="zero-shot" if settings.model_backend == "zero-shot" else "sequence",
        path=settings.model_path,
        expected_sha256=settings.model_sha256 or None,
        hypothesis_template=settings.hypothesis_template,
        threads=model_threads(settings),
        quantize=settings.quantize,
        cache_size=settings.classifier_cache_size,
    )


def load_actor_specs(session: Session) -> list[ActorSpec]:
    """Every stored actor except those NER found (NER finds them again)."""
    actors = session.scalars(
        sa.select(Actor)
        .where(Actor.origin != "ner")
        .options(selectinload(Actor.affiliations).selectinload(Affiliation.parent))
    )
    return [
        ActorSpec(
            key=a.key,
            name=a.name,
            kind=a.kind,  # type: ignore[arg-type]
            aliases=tuple(a.aliases or ()),
            affiliations=tuple(
                AffiliationSpec(f.parent.key, f.role, f.valid_from, f.valid_to) for f in a.affiliations
            ),
        )
        for a in actors
    ]


class AnalysisRuntime:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._lock = threading.Lock()
        self._analyser: Any = None
        self._index: Any = None
        self._index_version: tuple[Any, ...] | None = None

    @property
    def analyser(self) -> Any:
        with self._lock:
            if self._analyser is None:
                from service.nlp.encoder import EncoderConfig
                from service.pipeline.analyse import Analyser, AnalyserConfig

                self._analyser = Analyser(
                    AnalyserConfig(
                        classifier=classifier_config(self.settings),
                        encoder=EncoderConfig(
                            onnx_dir=self.settings.encoder_onnx_dir,
                            threads=model_threads(self.settings),
                        ),
                        min_confidence=self.settings.min_confidence,
                        min_position=self.settings.min_position if self.settings.min_position >= 0 else None,
                    )
                )
            return self._analyser

    def ensure_default_actors(self, session: Session) -> int:
        """Load the packaged catalogue into an empty database."""
        from service.store.actors import actor_count, import_catalogue
        from service.store.catalogue import load_default_catalogue

        if not self.settings.load_default_actors or actor_count(session) > 0:
            return 0
        added = import_catalogue(session, load_default_catalogue())
        log.info("imported %d catalogue actors into an empty database", added)
        return added

    def actor_index(self, session: Session) -> Any:
        version = (
            str(session.get_bind().engine.url),
            *tuple(
                session.execute(
                    sa.select(sa.func.count(Actor.id), sa.func.max(Actor.updated_at)).where(
                        Actor.origin != "ner"
                    )
                ).one()
            ),
        )
        with self._lock:
            if self._index is None or version != self._index_version:
                from service.pipeline.actors import build_actor_index

                self._index = build_actor_index(load_actor_specs(session))
                self._index_version = version
            return self._index

    def analyse(
        self, session: Session, text: str, published: date | None, issues: Sequence[IssueSpec]
    ) -> AnalysisResult:
        self.ensure_default_actors(session)
        index = self.actor_index(session)
        result: AnalysisResult = self.analyser.analyse(text, published, index, issues)
        return result

    def analyse_many(
        self,
        session: Session,
        items: Sequence[tuple[str, date | None, Document | None]],
        issues: Sequence[IssueSpec],
    ) -> list[AnalysisResult | Exception]:
        """Several articles in shared model calls; one result or error per item."""
        self.ensure_default_actors(session)
        index = self.actor_index(session)
        results: list[AnalysisResult | Exception] = self.analyser.analyse_many(items, index, issues)
        return results
