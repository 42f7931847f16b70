"""The one way an article enters the service: validated by the API's schema,
bounded in size, its speakers resolved, stored (a duplicate url or text gives
back the stored article) and queued. POST /articles, POST /articles/batch and
`stance-tracker ingest` all go through here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import marshmallow as ma
from sqlalchemy.orm import Session

from service.config import Settings
from service.schemas.articles import ArticleIn
from service.store.articles import add_article, enqueue_analysis
from service.store.orm import Article
from service.store.speakers import SpeakerError, resolve_speakers


@dataclass(frozen=True)
class Submitted:
    """What became of one submission: 202 queued, 200 a duplicate (the stored
    article), 413 too long or 422 invalid (with the field errors)."""

    status: int
    article: Article | None = None
    errors: dict[str, Any] | None = None

    @property
    def created(self) -> bool:
        return self.status == 202


def submit(session: Session, raw: Any, settings: Settings) -> Submitted:
    """Validate `raw` (a JSON object as a client sends it) and accept it."""
    try:
        data = ArticleIn().load(raw)
    except ma.ValidationError as err:
        messages = err.messages if isinstance(err.messages, dict) else {"_schema": err.messages}
        return Submitted(422, errors=messages)
    return accept(session, data, settings)


def accept(session: Session, data: dict[str, Any], settings: Settings) -> Submitted:
    """Store and queue an article already loaded by ArticleIn."""
    if len(data["text"]) > settings.max_article_chars:
        return Submitted(413, errors={"text": [f"Longer than {settings.max_article_chars} characters."]})
    try:
        speakers = (
            resolve_speakers(session, data["speakers"], data.get("published_at"))
            if data.get("speakers")
            else None
        )
    except SpeakerError as exc:
        return Submitted(422, errors={"speakers": [str(exc)]})
    article, created = add_article(session, {**data, "speakers": speakers})
    if created:
        enqueue_analysis(article.id)
    return Submitted(202 if created else 200, article)
