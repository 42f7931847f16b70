"""`stance-tracker eval DIR`: score the real service on an annotated set.

A throw-away instance (SQLite in a temporary folder, the default actor
catalogue, the configured model, jobs run inline) receives the set's issue
catalogues and articles through its HTTP API, exactly as a user would send
them; the stance records it answers are scored against the gold records.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from flask.testing import FlaskClient

from service.evaluation import EvalArticle, PredictedStance, format_report, load_eval_set, score


class EvalError(RuntimeError):
    """The service refused part of the evaluation set."""


def _check(response: Any, what: str) -> Any:
    if response.status_code >= 400:
        raise EvalError(f"{what}: HTTP {response.status_code} {response.get_data(as_text=True)[:300]}")
    return response.json


def _create_issues(
    client: FlaskClient, articles: list[EvalArticle], distractors: list[EvalArticle], keywords: bool = True
) -> None:
    seen: set[str] = set()
    for article in [*articles, *distractors]:
        for issue in article.issues:
            if issue.name in seen:
                continue
            seen.add(issue.name)
            slug = re.sub(r"[^a-z0-9]+", "-", f"{article.slug}-{issue.key}".lower()).strip("-")[:120]
            body = {
                "slug": slug,
                "name": issue.name,
                "description": issue.description,
                "keywords": list(issue.keywords) if keywords else [],
            }
            _check(client.post("/api/v1/issues", json=body), f"issue {issue.name!r}")


def _predictions(client: FlaskClient, article: EvalArticle, record: dict[str, Any]) -> list[PredictedStance]:
    """The article's stance records on its own catalogue's issues: the gold
    annotates only those, so records on other articles' issues are ignored."""
    names = {issue.name for issue in article.issues}
    aliases: dict[int, tuple[str, ...]] = {}
    out = []
    for stance in record["stances"]:
        if stance["issue"]["name"] not in names:
            continue
        actor_id = stance["actor"]["id"]
        if actor_id not in aliases:
            aliases[actor_id] = tuple(_check(client.get(f"/api/v1/actors/{actor_id}"), "actor")["aliases"])
        out.append(
            PredictedStance(
                actor=stance["actor"]["name"],
                issue=stance["issue"]["name"],
                stance=stance["label"],
                aliases=aliases[actor_id],
                evidence=stance["evidence"][0]["text"] if stance["evidence"] else "",
            )
        )
    return out


def run_eval(
    folder: Path, details: bool = True, distractors: tuple[Path, ...] = (), keywords: bool = True
) -> tuple[str, dict[str, Any]]:
    """Analyse every article of the set through a fresh instance; return the
    printable report and a JSON-able summary.

    The issues of the `distractors` sets join the catalogue (their articles
    are not analysed), as a real deployment's catalogue holds many issues an
    article does not speak to: the seed alone has 8 issues, with eval/dev's
    19 it has 27. `keywords=False` sends the catalogue without its keywords (name and
    description only): how much the figures owe to keywords written for these articles.
    """
    from service.worker.queue import huey

    articles = load_eval_set(folder)
    extra = [article for path in distractors for article in load_eval_set(path)]
    # Jobs run inline: the throw-away instance has no worker of its own.
    was_immediate, huey.immediate = huey.immediate, True
    try:
        return _run(articles, details, extra, keywords)
    finally:
        huey.immediate = was_immediate


def _run(
    articles: list[EvalArticle], details: bool, distractors: list[EvalArticle], keywords: bool
) -> tuple[str, dict[str, Any]]:
    from service.store.bootstrap import initialise_database
    from service.web.app import create_app

    with tempfile.TemporaryDirectory(prefix="stance-eval-") as tmp:
        # A private, in-process instance: no keys, no rate limits.
        app = create_app(
            {
                "data_dir": Path(tmp),
                "database_url": f"sqlite:///{tmp}/eval.db",
                "queue_url": "immediate://",
                "auth_enabled": False,
                "ratelimit_enabled": False,
            }
        )
        with app.app_context():
            initialise_database()
        client = app.test_client()
        _create_issues(client, articles, distractors, keywords)
        predicted: dict[str, list[PredictedStance]] = {}
        for article in articles:
            body: dict[str, Any] = {
                "text": article.text,
                "title": article.title or article.slug,
                "kind": article.kind,
            }
            if article.speakers:
                body["speakers"] = list(article.speakers)
            if article.published:
                body["published_at"] = article.published.isoformat()
            record = _check(client.post("/api/v1/articles?wait=600", json=body), f"article {article.slug}")
            if record["status"] not in ("done", "unsupported"):
                raise EvalError(f"article {article.slug}: status {record['status']} ({record['error']})")
            predicted[article.slug] = _predictions(client, article, record)
        from service.store.db import db

        with app.app_context():
            db.engine.dispose()
    report = score(articles, predicted)
    summary = {
        "articles": report.articles,
        "catalogue": {
            "issues": len({i.name for a in [*articles, *distractors] for i in a.issues}),
            "keywords": keywords,
        },
        "overall": asdict(report.overall),
        "clear": asdict(report.clear),
        "per_issue": {k: asdict(v) for k, v in report.per_issue.items()},
    }
    return format_report(report, details=details), summary
