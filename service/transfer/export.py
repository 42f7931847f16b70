"""Streaming every stance record with its provenance as NDJSON or CSV.

Records are read in keyset batches ordered by (article id, record id), so
memory stays flat however large the database. The NDJSON stream is also the
backup format that `stance-tracker import-stances` restores:

1. a header line ``{"type": "header", "format": "stance-tracker/stances", "version": 1}``;
2. one ``issue`` line per issue;
3. per article, one ``article`` line (text and analysis runs included) followed
   by its ``stance`` lines (evidence nested);
4. unfiltered exports end with the articles that have no stance records.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session, selectinload

from service.store.orm import Actor, AnalysisRun, Article, Evidence, Issue, StanceRecord

FORMAT = "stance-tracker/stances"
VERSION = 1
BATCH = 500


@dataclass(frozen=True)
class ExportFilter:
    """Which records to export; an empty filter exports everything."""

    issue_id: int | None = None
    actor_id: int | None = None
    since: datetime | None = None
    until: datetime | None = None
    current_only: bool = False

    @property
    def is_empty(self) -> bool:
        return self == ExportFilter()


def _time(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def actor_payload(actor: Actor | None) -> dict[str, Any] | None:
    if actor is None:
        return None
    return {
        "id": actor.id,
        "key": actor.key,
        "name": actor.name,
        "kind": actor.kind,
        "aliases": list(actor.aliases or []),
        "origin": actor.origin,
        "created_at": _time(actor.created_at),
        "updated_at": _time(actor.updated_at),
    }


def issue_payload(issue: Issue) -> dict[str, Any]:
    return {
        "type": "issue",
        "id": issue.id,
        "slug": issue.slug,
        "name": issue.name,
        "description": issue.description,
        "keywords": list(issue.keywords or []),
        "created_at": _time(issue.created_at),
        "updated_at": _time(issue.updated_at),
    }


def run_payload(run: AnalysisRun) -> dict[str, Any]:
    return {
        "id": run.id,
        "model_name": run.model_name,
        "model_version": run.model_version,
        "sentences": run.sentences,
        "timings": run.timings,
        "created_at": _time(run.created_at),
    }


def article_payload(article: Article, runs: list[AnalysisRun]) -> dict[str, Any]:
    return {
        "type": "article",
        "id": article.id,
        "url": article.url,
        "title": article.title,
        "source": article.source,
        "published_at": _time(article.published_at),
        "language": article.language,
        "kind": article.kind,
        "speakers": article.speakers,
        "content_hash": article.content_hash,
        "status": article.status,
        "error": article.error,
        "attempts": article.attempts,
        "created_at": _time(article.created_at),
        "updated_at": _time(article.updated_at),
        "analysed_at": _time(article.analysed_at),
        "text": article.text,
        "runs": [run_payload(r) for r in runs],
    }


def evidence_payload(evidence: Evidence) -> dict[str, Any]:
    return {
        "id": evidence.id,
        "sentence_index": evidence.sentence_index,
        "start": evidence.start,
        "end": evidence.end,
        "text": evidence.text,
        "label": evidence.label,
        "scores": evidence.scores,
        "is_quote": evidence.is_quote,
        "reporter": actor_payload(evidence.reporter),
    }


def stance_payload(record: StanceRecord, article: Article) -> dict[str, Any]:
    return {
        "type": "stance",
        "id": record.id,
        "run_id": record.run_id,
        "article": {
            "id": article.id,
            "url": article.url,
            "title": article.title,
            "source": article.source,
            "published_at": _time(article.published_at),
            "content_hash": article.content_hash,
        },
        "actor": actor_payload(record.actor),
        "issue": {"id": record.issue.id, "slug": record.issue.slug, "name": record.issue.name},
        "is_current": record.is_current,
        "observed_at": _time(record.observed_at),
        "label": record.effective_label,
        "model_label": record.label,
        "confidence": record.confidence,
        "scores": record.scores,
        "model": {"name": record.model_name, "version": record.model_version},
        "review": {
            "label": record.review_label,
            "reviewer": record.reviewer,
            "note": record.review_note,
            "reviewed_at": _time(record.reviewed_at),
        },
        "created_at": _time(record.created_at),
        "evidence": [evidence_payload(e) for e in record.evidence],
    }


def _record_filter(flt: ExportFilter) -> list[sa.ColumnElement[bool]]:
    clauses: list[sa.ColumnElement[bool]] = []
    if flt.current_only:
        clauses.append(StanceRecord.is_current.is_(True))
    if flt.issue_id is not None:
        clauses.append(StanceRecord.issue_id == flt.issue_id)
    if flt.actor_id is not None:
        clauses.append(StanceRecord.actor_id == flt.actor_id)
    if flt.since is not None:
        clauses.append(StanceRecord.observed_at >= flt.since)
    if flt.until is not None:
        clauses.append(StanceRecord.observed_at <= flt.until)
    return clauses


def _record_batches(session: Session, flt: ExportFilter) -> Iterator[list[StanceRecord]]:
    """Keyset pages of records, (article id, id) ascending, provenance eager-loaded."""
    last: tuple[int, int] | None = None
    while True:
        stmt = sa.select(StanceRecord).where(*_record_filter(flt))
        if last is not None:
            stmt = stmt.where(sa.tuple_(StanceRecord.article_id, StanceRecord.id) > sa.tuple_(*last))
        stmt = (
            stmt.order_by(StanceRecord.article_id, StanceRecord.id)
            .limit(BATCH)
            .options(
                selectinload(StanceRecord.actor),
                selectinload(StanceRecord.issue),
                selectinload(StanceRecord.evidence).selectinload(Evidence.reporter),
            )
        )
        batch = list(session.scalars(stmt))
        if not batch:
            return
        yield batch
        last = (batch[-1].article_id, batch[-1].id)


def _articles(session: Session, ids: set[int]) -> dict[int, tuple[Article, list[AnalysisRun]]]:
    """The articles with these ids, each with its analysis runs in id order."""
    found: dict[int, tuple[Article, list[AnalysisRun]]] = {
        a.id: (a, []) for a in session.scalars(sa.select(Article).where(Article.id.in_(ids)))
    }
    runs = sa.select(AnalysisRun).where(AnalysisRun.article_id.in_(ids)).order_by(AnalysisRun.id)
    for run in session.scalars(runs):
        found[run.article_id][1].append(run)
    return found


def _unrecorded_articles(session: Session) -> Iterator[tuple[Article, list[AnalysisRun]]]:
    """Articles with no stance record at all, in id order, keyset-paged."""
    last = 0
    has_records = sa.exists().where(StanceRecord.article_id == Article.id)
    while True:
        ids = list(
            session.scalars(
                sa.select(Article.id).where(Article.id > last, ~has_records).order_by(Article.id).limit(BATCH)
            )
        )
        if not ids:
            return
        found = _articles(session, set(ids))
        for article_id in ids:
            yield found[article_id]
        last = ids[-1]


def stance_items(session: Session, flt: ExportFilter) -> Iterator[tuple[StanceRecord, Article]]:
    """Every matching record with its article, in export order."""
    for batch in _record_batches(session, flt):
        articles = {
            a.id: a
            for a in session.scalars(sa.select(Article).where(Article.id.in_({r.article_id for r in batch})))
        }
        for record in batch:
            yield record, articles[record.article_id]


def ndjson_objects(session: Session, flt: ExportFilter) -> Iterator[dict[str, Any]]:
    """The export as JSON objects, in stream order (see the module docstring)."""
    yield {"type": "header", "format": FORMAT, "version": VERSION}
    issues = sa.select(Issue).order_by(Issue.id)
    if flt.issue_id is not None:
        issues = issues.where(Issue.id == flt.issue_id)
    for issue in session.scalars(issues):
        yield issue_payload(issue)
    current: Article | None = None
    for batch in _record_batches(session, flt):
        fresh = {r.article_id for r in batch} - ({current.id} if current is not None else set())
        articles = _articles(session, fresh) if fresh else {}
        for record in batch:
            if current is None or record.article_id != current.id:
                current, runs = articles[record.article_id]
                yield article_payload(current, runs)
            yield stance_payload(record, current)
    if flt.is_empty:
        for article, runs in _unrecorded_articles(session):
            yield article_payload(article, runs)


def ndjson_lines(session: Session, flt: ExportFilter) -> Iterator[str]:
    """The NDJSON export, one line per object."""
    for item in ndjson_objects(session, flt):
        yield json.dumps(item, ensure_ascii=False, separators=(",", ":")) + "\n"


CSV_COLUMNS = (
    "record_id", "run_id", "is_current", "observed_at", "label", "model_label", "confidence", "scores",
    "model_name", "model_version", "review_label", "reviewer", "review_note", "reviewed_at",
    "actor_id", "actor_key", "actor_name", "actor_kind", "issue_id", "issue_slug", "issue_name",
    "article_id", "article_url", "article_title", "article_source", "article_published_at",
    "article_text_sha256", "evidence_count", "evidence", "created_at",
)  # fmt: skip


def csv_row(record: StanceRecord, article: Article) -> list[Any]:
    """One record as a CSV row; scores and evidence (with offsets) as JSON cells."""
    evidence = [
        {
            "id": e.id,
            "sentence_index": e.sentence_index,
            "start": e.start,
            "end": e.end,
            "text": e.text,
            "label": e.label,
            "is_quote": e.is_quote,
            "reporter": None if e.reporter is None else {"key": e.reporter.key, "name": e.reporter.name},
        }
        for e in record.evidence
    ]
    return [
        record.id, record.run_id, record.is_current, _time(record.observed_at), record.effective_label,
        record.label, record.confidence, json.dumps(record.scores, sort_keys=True), record.model_name,
        record.model_version, record.review_label, record.reviewer, record.review_note,
        _time(record.reviewed_at), record.actor.id, record.actor.key, record.actor.name, record.actor.kind,
        record.issue.id, record.issue.slug, record.issue.name, article.id, article.url, article.title,
        article.source, _time(article.published_at), article.content_hash, len(evidence),
        json.dumps(evidence, ensure_ascii=False), _time(record.created_at),
    ]  # fmt: skip


def csv_lines(session: Session, flt: ExportFilter) -> Iterator[str]:
    """The CSV export: a header row, then one row per record."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def flush() -> str:
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    writer.writerow(CSV_COLUMNS)
    yield flush()
    for record, article in stance_items(session, flt):
        writer.writerow(["" if v is None else v for v in csv_row(record, article)])
        yield flush()
