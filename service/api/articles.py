"""Articles: submit one or many for analysis, read their status and stances."""

from __future__ import annotations

import json
from typing import Any, NoReturn

import sqlalchemy as sa
from flask import Response, current_app, request
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from service.api.lookup import get_or_404
from service.api.submission import Submitted, accept, submit
from service.config import DEFAULT_MAX_BATCH_ITEMS
from service.schemas.articles import (
    ArticleIn,
    ArticleOut,
    ArticleQuery,
    ArticleSummary,
    BatchOut,
    SubmitQuery,
)
from service.schemas.common import page_schema
from service.schemas.runs import RunList
from service.store.articles import enqueue_analysis, wait_for_analysis
from service.store.db import db
from service.store.orm import AnalysisRun, Article, ArticleStatus, StanceRecord
from service.store.speakers import public_speakers
from service.views.stance_payload import stance_payloads
from service.web.json_response import json_response
from service.web.keyset import decode_cursor, page

blp = Blueprint("articles", __name__, url_prefix="/api/v1/articles", description="News articles")

ArticlePage = page_schema(ArticleSummary, "ArticlePage")


def _settings() -> Any:
    return current_app.config["SETTINGS"]


SUMMARY_FIELDS = tuple(ArticleSummary().fields)


def _article_body(article: Article, just_created: bool = False) -> dict[str, Any]:
    """ArticleOut's shape, built directly (sent with json_response, no marshmallow dump).
    An article `just_created` (and still queued in this answer) has no stances to look up."""
    body = {c: getattr(article, c) for c in SUMMARY_FIELDS}
    body["speakers"] = public_speakers(article.speakers)
    body["text"] = article.text
    if just_created:
        body["stances"] = []
        return body
    ids = db.session.scalars(
        sa.select(StanceRecord.id)
        .where(StanceRecord.article_id == article.id, StanceRecord.is_current)
        .order_by(StanceRecord.id)
    ).all()
    body["stances"] = stance_payloads(db.session, ids)
    return body


@blp.route("")
class Articles(MethodView):
    @blp.arguments(ArticleQuery, location="query")
    @blp.response(200, ArticlePage)
    def get(self, query: dict[str, Any]) -> dict[str, Any]:
        """List articles, newest id first, with filters; cursor-paginated"""
        limit = query.get("limit") or _settings().page_size
        stmt = sa.select(Article).order_by(Article.id.desc())
        if "status" in query:
            stmt = stmt.where(Article.status == query["status"])
        if "source" in query:
            stmt = stmt.where(Article.source == query["source"])
        if "from_" in query:
            stmt = stmt.where(Article.published_at >= query["from_"])
        if "to" in query:
            stmt = stmt.where(Article.published_at <= query["to"])
        if "cursor" in query:
            (last_id,) = decode_cursor(query["cursor"], (int,))
            stmt = stmt.where(Article.id < last_id)
        rows = list(db.session.scalars(stmt.limit(limit + 1)))
        return page(rows, limit, lambda a: (a.id,), lambda a: a)

    @blp.arguments(ArticleIn)
    @blp.arguments(SubmitQuery, location="query")
    @blp.response(202, ArticleOut, description="Queued for analysis")
    @blp.alt_response(200, schema=ArticleOut, description="The same url or text was already submitted")
    def post(self, data: dict[str, Any], query: dict[str, Any]) -> Response:
        """Submit an article for analysis"""
        outcome = accept(db.session, data, _settings())
        article, created = outcome.article, outcome.created
        if article is None:
            _refuse(outcome)
        waited = bool(query.get("wait"))
        if waited:
            seconds = min(query["wait"], _settings().max_wait_seconds)
            waited_for = wait_for_analysis(db.session, article.id, seconds)
            if waited_for is None:
                abort(404, message=f"Article {article.id} was deleted while waiting for its analysis.")
                raise AssertionError("abort raises")
            article = waited_for
        headers = {"Location": f"/api/v1/articles/{article.id}"}
        body = _article_body(article, just_created=created and not waited)
        return json_response(body, 202 if created else 200, headers)


def _refuse(outcome: Submitted) -> NoReturn:
    """A refused submission as problem+json (413 too long, 422 a bad speaker)."""
    if outcome.status == 413:
        abort(413, message=f"Text longer than {_settings().max_article_chars} characters.")
    details = [f"{field}: {' '.join(map(str, errors))}" for field, errors in (outcome.errors or {}).items()]
    abort(outcome.status, message="; ".join(details) or None)
    raise AssertionError("abort raises")


def _batch_items() -> list[Any]:
    raw = request.get_data(cache=False, as_text=True)
    mimetype = request.mimetype
    try:
        if mimetype in ("application/x-ndjson", "application/jsonl", "application/ndjson"):
            return [json.loads(line) for line in raw.splitlines() if line.strip()]
        if mimetype != "application/json":
            abort(415, message="Send a JSON array (application/json) or NDJSON (application/x-ndjson).")
        items = json.loads(raw)
    except json.JSONDecodeError as exc:
        abort(400, message=f"Malformed JSON: {exc.msg} at line {exc.lineno}.")
    if not isinstance(items, list):
        abort(422, message="The body must be a JSON array of articles.")
    return items


@blp.route("/batch")
class ArticleBatch(MethodView):
    @blp.doc(
        requestBody={
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "array",
                        "items": {"$ref": "#/components/schemas/ArticleIn"},
                        "maxItems": DEFAULT_MAX_BATCH_ITEMS,
                        "description": "At most STANCE_MAX_BATCH_ITEMS articles (default 500; 413 beyond)",
                    }
                },
                "application/x-ndjson": {"schema": {"type": "string"}},
            },
        }
    )
    @blp.response(200, BatchOut)
    def post(self) -> dict[str, Any]:
        """Submit many articles (JSON array or NDJSON); one result per item"""
        items = _batch_items()
        limit = _settings().max_batch_items
        if len(items) > limit:
            abort(413, message=f"At most {limit} articles per batch.")
        results = []
        for index, item in enumerate(items):
            outcome = submit(db.session, item, _settings())
            results.append(
                {
                    "index": index,
                    "status": outcome.status,
                    "created": outcome.created,
                    "article": outcome.article,
                    "errors": outcome.errors,
                }
            )
        return {"results": results}


@blp.route("/<int:article_id>")
class ArticleById(MethodView):
    @blp.response(200, ArticleOut)
    def get(self, article_id: int) -> Response:
        """Read an article: its status, error, text and current stance records"""
        return json_response(_article_body(get_or_404(Article, article_id, "article")))


@blp.route("/<int:article_id>/reanalyse")
class ArticleReanalyse(MethodView):
    @blp.response(202, ArticleSummary)
    def post(self, article_id: int) -> tuple[Article, int]:
        """Queue the article for analysis again (after a failure or a model upgrade)"""
        article = get_or_404(Article, article_id, "article")
        if article.status == ArticleStatus.processing.value:
            abort(409, message="The article is being analysed now.")
        article.status = ArticleStatus.queued.value
        article.error = None
        db.session.commit()
        enqueue_analysis(article.id)
        db.session.refresh(article)
        return article, 202


@blp.route("/<int:article_id>/runs")
class ArticleRuns(MethodView):
    @blp.response(200, RunList)
    def get(self, article_id: int) -> dict[str, Any]:
        """Every analysis of the article, newest first, each with the records it made
        (older runs are kept when the article is analysed again, e.g. by a newer model)"""
        get_or_404(Article, article_id, "article")
        runs = list(
            db.session.scalars(
                sa.select(AnalysisRun)
                .where(AnalysisRun.article_id == article_id)
                .order_by(AnalysisRun.id.desc())
            )
        )
        records = db.session.execute(
            sa.select(StanceRecord.id, StanceRecord.run_id)
            .where(StanceRecord.article_id == article_id)
            .order_by(StanceRecord.id)
        ).all()
        payloads = stance_payloads(db.session, [record.id for record in records])
        by_run: dict[int, list[dict[str, Any]]] = {run.id: [] for run in runs}
        for record, payload in zip(records, payloads, strict=True):
            by_run.setdefault(record.run_id, []).append(payload)
        return {
            "items": [
                {
                    "id": run.id,
                    "model": {"name": run.model_name, "version": run.model_version},
                    "sentences": run.sentences,
                    "created_at": run.created_at,
                    "is_current": index == 0,
                    "stances": by_run[run.id],
                }
                for index, run in enumerate(runs)
            ]
        }
