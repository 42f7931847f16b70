"""The issue catalogue: create, list, read and edit issues."""

from __future__ import annotations

import re
from typing import Any

import sqlalchemy as sa
from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint, abort

from service.api.lookup import get_or_404
from service.schemas.common import page_schema
from service.schemas.issues import IssueIn, IssueOut, IssuePatch, IssueQuery
from service.store.actor_search import like_escape
from service.store.db import db
from service.store.orm import Issue
from service.web.keyset import decode_cursor, page

blp = Blueprint("issues", __name__, url_prefix="/api/v1/issues", description="The issue catalogue")


IssuePage = page_schema(IssueOut, "IssuePage")


def slugify(name: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:120].strip("-")
    return slug or "issue"


def _slug_taken(slug: str, except_id: int | None = None) -> bool:
    query = sa.select(Issue.id).where(Issue.slug == slug)
    if except_id is not None:
        query = query.where(Issue.id != except_id)
    return db.session.scalar(query) is not None


def _commit_or_conflict(slug: str) -> None:
    try:
        db.session.commit()
    except sa.exc.IntegrityError:
        db.session.rollback()
        abort(409, message=f"An issue with slug {slug!r} exists.", errors={"json": {"slug": ["Taken."]}})


@blp.route("")
class Issues(MethodView):
    @blp.arguments(IssueQuery, location="query")
    @blp.response(200, IssuePage)
    def get(self, query: dict[str, Any]) -> dict[str, Any]:
        """List the issues, oldest first, in the page envelope of every collection

        Until 2026-12 this answered a bare JSON array; it now answers
        `{"items": [...], "next_cursor": ...}` like /actors and /stances. The
        default page is the largest (500), so a catalogue usually fits one.
        """
        limit = query.get("limit") or current_app.config["SETTINGS"].max_page_size
        stmt = sa.select(Issue).order_by(Issue.id)
        if "q" in query:
            like = f"%{like_escape(query['q'].lower())}%"
            stmt = stmt.where(
                sa.or_(sa.func.lower(Issue.name).like(like, escape="\\"), Issue.slug.like(like, escape="\\"))
            )
        if "cursor" in query:
            (last_id,) = decode_cursor(query["cursor"], (int,))
            stmt = stmt.where(Issue.id > last_id)
        rows = list(db.session.scalars(stmt.limit(limit + 1)))
        return page(rows, limit, lambda issue: (issue.id,), lambda issue: issue)

    @blp.arguments(IssueIn)
    @blp.response(201, IssueOut)
    def post(self, data: dict[str, Any]) -> tuple[Issue, int, dict[str, str]]:
        """Add an issue to the catalogue"""
        slug = data.get("slug") or slugify(data["name"])
        if _slug_taken(slug):
            abort(409, message=f"An issue with slug {slug!r} exists.", errors={"json": {"slug": ["Taken."]}})
        issue = Issue(
            slug=slug,
            name=data["name"],
            description=data.get("description", ""),
            keywords=data.get("keywords", []),
        )
        db.session.add(issue)
        _commit_or_conflict(slug)
        return issue, 201, {"Location": f"/api/v1/issues/{issue.id}"}


@blp.route("/<int:issue_id>")
class IssueById(MethodView):
    @blp.response(200, IssueOut)
    def get(self, issue_id: int) -> Issue:
        """Read one issue"""
        return get_or_404(Issue, issue_id, "issue")

    @blp.arguments(IssuePatch)
    @blp.response(200, IssueOut)
    def patch(self, data: dict[str, Any], issue_id: int) -> Issue:
        """Edit an issue (name, description, keywords, slug)"""
        issue = get_or_404(Issue, issue_id, "issue")
        if "slug" in data and _slug_taken(data["slug"], issue.id):
            abort(409, message=f"An issue with slug {data['slug']!r} exists.")
        for name, value in data.items():
            setattr(issue, name, value)
        _commit_or_conflict(issue.slug)
        return issue
