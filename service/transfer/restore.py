"""Restoring an NDJSON stance export (see service.transfer.export) into a database.

Into an empty database (no issues, articles or stance records) every row keeps
its exported id, so a second export is byte-identical. Into a populated one,
issues are matched by slug, actors by key and articles by url or text hash;
articles already present are skipped with their records, the rest get new ids.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session

from service.store.actors import search_text
from service.store.orm import Actor, AnalysisRun, Article, Evidence, Issue, StanceRecord
from service.transfer.export import FORMAT, VERSION

TABLES = ("issues", "actors", "articles", "analysis_runs", "stance_records", "evidence")
COMMIT_EVERY = 200
T = TypeVar("T")


class RestoreError(ValueError):
    """A line of the export could not be restored."""


def _time(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value)


@dataclass
class RestoreReport:
    """What a restore added and skipped."""

    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TABLES, 0))
    skipped_articles: int = 0
    kept_ids: bool = False


@dataclass
class Restorer:
    """Restores export objects one at a time; ids map exported -> stored."""

    session: Session
    keep_ids: bool
    report: RestoreReport
    issues: dict[int, int] = field(default_factory=dict)
    actors: dict[str, int] = field(default_factory=dict)
    articles: dict[int, int | None] = field(default_factory=dict)
    runs: dict[int, int] = field(default_factory=dict)

    def _id(self, model: type[Any], exported: int) -> dict[str, int]:
        """{"id": exported} when ids are kept and it is free, else {} (a new id)."""
        if self.keep_ids and self.session.get(model, exported) is None:
            return {"id": exported}
        return {}

    def _add(self, row: T, table: str) -> T:
        self.session.add(row)
        self.session.flush()
        self.report.counts[table] += 1
        return row

    def issue(self, item: dict[str, Any]) -> None:
        found = self.session.scalar(sa.select(Issue.id).where(Issue.slug == item["slug"]))
        if found is None:
            row = Issue(
                **self._id(Issue, item["id"]),
                slug=item["slug"],
                name=item["name"],
                description=item.get("description", ""),
                keywords=item.get("keywords", []),
                created_at=_time(item["created_at"]),
                updated_at=_time(item["updated_at"]),
            )
            found = self._add(row, "issues").id
        self.issues[item["id"]] = found

    def actor(self, item: dict[str, Any] | None) -> int | None:
        if item is None:
            return None
        key = item["key"]
        if key not in self.actors:
            found = self.session.scalar(sa.select(Actor.id).where(Actor.key == key))
            if found is None:
                aliases = item.get("aliases", [])
                row = Actor(
                    **self._id(Actor, item["id"]),
                    key=key,
                    name=item["name"],
                    kind=item["kind"],
                    aliases=aliases,
                    search_text=search_text(item["name"], aliases),
                    origin=item.get("origin", "user"),
                    created_at=_time(item["created_at"]),
                    updated_at=_time(item["updated_at"]),
                )
                found = self._add(row, "actors").id
            self.actors[key] = found
        return self.actors[key]

    def _speakers(self, stored: list[dict[str, Any]] | None) -> list[dict[str, Any]] | None:
        """Speakers with their actor ids as this database has them (matched by key; None if absent)."""
        if stored is None:
            return None
        out = []
        for entry in stored:
            refs = {}
            for part in ("actor", "organisation"):
                ref = entry.get(part)
                if ref is not None:
                    found = self.session.scalar(sa.select(Actor.id).where(Actor.key == ref["key"]))
                    ref = {**ref, "id": found}
                refs[part] = ref
            out.append({**entry, **refs})
        return out

    def article(self, item: dict[str, Any]) -> None:
        clauses = [Article.content_hash == item["content_hash"]]
        if item.get("url"):
            clauses.append(Article.url == item["url"])
        if self.session.scalar(sa.select(Article.id).where(sa.or_(*clauses)).limit(1)) is not None:
            self.articles[item["id"]] = None
            self.report.skipped_articles += 1
            return
        fields = ("url", "title", "source", "language", "text", "content_hash", "status", "error", "attempts")
        times = ("published_at", "created_at", "updated_at", "analysed_at")
        row = Article(
            **self._id(Article, item["id"]),
            **{name: item[name] for name in fields},
            **{name: _time(item[name]) for name in times},
            kind=item.get("kind") or "news",
            speakers=self._speakers(item.get("speakers")),
        )
        article_id = self._add(row, "articles").id
        self.articles[item["id"]] = article_id
        for run in item.get("runs", []):
            stored = AnalysisRun(
                **self._id(AnalysisRun, run["id"]),
                article_id=article_id,
                model_name=run["model_name"],
                model_version=run["model_version"],
                sentences=run["sentences"],
                timings=run["timings"],
                created_at=_time(run["created_at"]),
            )
            self.runs[run["id"]] = self._add(stored, "analysis_runs").id

    def stance(self, item: dict[str, Any]) -> None:
        exported_article = item["article"]["id"]
        if exported_article not in self.articles:
            raise RestoreError(f"stance {item['id']} comes before its article {exported_article}")
        article_id = self.articles[exported_article]
        if article_id is None:
            return
        issue_id = self.issues.get(item["issue"]["id"])
        if issue_id is None:
            raise RestoreError(f"stance {item['id']} names issue {item['issue']['id']}, not exported")
        review = item.get("review") or {}
        record = StanceRecord(
            **self._id(StanceRecord, item["id"]),
            run_id=self.runs[item["run_id"]],
            article_id=article_id,
            actor_id=self.actor(item["actor"]),
            issue_id=issue_id,
            is_current=item["is_current"],
            observed_at=_time(item["observed_at"]),
            label=item["model_label"],
            effective_label=item["label"],
            confidence=item["confidence"],
            scores=item["scores"],
            model_name=item["model"]["name"],
            model_version=item["model"]["version"],
            review_label=review.get("label"),
            reviewer=review.get("reviewer"),
            review_note=review.get("note"),
            reviewed_at=_time(review.get("reviewed_at")),
            created_at=_time(item["created_at"]),
        )
        self._add(record, "stance_records")
        for e in item.get("evidence", []):
            evidence = Evidence(
                **self._id(Evidence, e["id"]),
                stance_id=record.id,
                sentence_index=e["sentence_index"],
                start=e["start"],
                end=e["end"],
                text=e["text"],
                label=e["label"],
                scores=e["scores"],
                is_quote=e["is_quote"],
                reporter_id=self.actor(e.get("reporter")),
            )
            self._add(evidence, "evidence")


def target_is_empty(session: Session) -> bool:
    """No issues, articles or stance records yet (actors may be loaded)."""
    return all(
        session.scalar(sa.select(model.id).limit(1)) is None for model in (Issue, Article, StanceRecord)
    )


def reset_sequences(session: Session) -> None:
    """After explicit ids, move PostgreSQL's id sequences past the largest id."""
    if session.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        session.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table}), 1), (SELECT MAX(id) FROM {table}) IS NOT NULL)"
            )
        )


def restore(session: Session, lines: Iterable[str]) -> RestoreReport:
    """Restore an NDJSON export, committing in chunks; raises RestoreError with
    the line number on a line it cannot use (earlier chunks stay committed)."""
    report = RestoreReport(kept_ids=target_is_empty(session))
    restorer = Restorer(session, report.kept_ids, report)
    handlers = {"issue": restorer.issue, "article": restorer.article, "stance": restorer.stance}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            kind = item.get("type")
            if kind == "header":
                if item.get("format") != FORMAT or item.get("version") != VERSION:
                    raise RestoreError(f"not a {FORMAT} v{VERSION} export")
            elif kind in handlers:
                handlers[kind](item)
            else:
                raise RestoreError(f"unknown line type {kind!r}")
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            session.rollback()
            raise RestoreError(f"line {number}: {type(exc).__name__}: {exc}") from exc
        if number % COMMIT_EVERY == 0:
            session.commit()
    reset_sequences(session)
    session.commit()
    return report
