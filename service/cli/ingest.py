"""`stance-tracker ingest PATH...`: articles from files and folders, submitted
through the same path as POST /articles (service.api.submission), with a
progress bar, an optional second one following the analyses (--wait), and a
summary line."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import with_appcontext
from tqdm import tqdm

from service.api.submission import submit
from service.store.articles import TERMINAL
from service.store.db import db
from service.store.orm import Article
from service.transfer.files import Unreadable, article_files, read_items


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--wait", is_flag=True, help="Follow the analyses until every new article is done")
@click.option("--timeout", type=float, default=3600.0, show_default=True, help="Seconds --wait waits at most")
@click.option("--quiet", is_flag=True, help="No progress bars, only the summary")
@with_appcontext
def ingest(paths: tuple[Path, ...], wait: bool, timeout: float, quiet: bool) -> None:
    """Submit the articles in PATHS (.txt, .json, .jsonl/.ndjson, .csv, or folders of them)."""
    settings = current_app.config["SETTINGS"]
    counts: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    queued: list[int] = []
    files = article_files(list(paths))
    with tqdm(total=len(files), unit="file", disable=quiet, desc="submitting") as bar:
        for path in files:
            for item in read_items(path):
                if isinstance(item, Unreadable):
                    counts["rejected"] += 1
                    reasons[item.reason] += 1
                    continue
                outcome = submit(db.session, item, settings)
                if outcome.created and outcome.article is not None:
                    counts["queued"] += 1
                    queued.append(outcome.article.id)
                elif outcome.status == 200:
                    counts["duplicates"] += 1
                else:
                    counts["rejected"] += 1
                    reasons[_reason(outcome.status, outcome.errors)] += 1
                bar.set_postfix(articles=sum(counts.values()), refresh=False)
            bar.update()
    if wait and queued:
        _follow(queued, timeout, quiet, counts)
    summary = ", ".join(f"{counts[name]} {name}" for name in ("queued", "duplicates", "rejected"))
    if wait:
        summary += ", " + ", ".join(
            f"{counts[name]} {name}" for name in ("done", "failed", "unsupported", "pending")
        )
    click.echo(summary)
    for reason, count in reasons.most_common():
        click.echo(f"  rejected {count}: {reason}")


def _reason(status: int, errors: dict[str, object] | None) -> str:
    fields = ", ".join(sorted(errors or {})) or "body"
    return f"{status} ({'too long' if status == 413 else 'invalid ' + fields})"


def _follow(ids: list[int], timeout: float, quiet: bool, counts: Counter[str]) -> None:
    """A second bar: how many of `ids` reached a final status."""
    pending = set(ids)
    deadline = time.monotonic() + timeout
    with tqdm(total=len(ids), unit="article", disable=quiet, desc="analysed") as bar:
        while pending and time.monotonic() < deadline:
            db.session.rollback()  # a fresh snapshot
            rows = db.session.execute(
                sa.select(Article.id, Article.status).where(
                    Article.id.in_(pending), Article.status.in_(TERMINAL)
                )
            ).all()
            for article_id, status in rows:
                pending.discard(article_id)
                counts[status] += 1
            bar.update(len(rows))
            if pending:
                time.sleep(0.5)
    counts["pending"] = len(pending)
