"""Load annotated evaluation articles (the format of shared/eval/seed/).

An article folder holds `article.txt`, `article.json` (metadata: published,
title, ...), `issues.json` (the issue catalogue: id, name, description,
keywords) and `stances.jsonl` (gold records: actor, actor_mentions, issue,
stance, evidence, confidence, optional note). A set is either one such
folder or a folder whose subfolders each are one (e.g. eval/dev/<slug>/).

Third-party text that may not be copied into the repository (the Wikinews
articles of `eval/wikinews/`) is read where it lies: `article.json` names a
JSON Lines file (`text_jsonl`, relative to the article folder) and the id of
the record whose `text` is the article (`text_id`) instead of `text_file`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from service.pipeline.types import IssueSpec

ARTICLE_FILES = ("issues.json", "stances.jsonl")


@dataclass(frozen=True)
class GoldStance:
    """One hand-made (actor, issue, stance) record."""

    actor: str
    mentions: tuple[str, ...]
    issue: str
    stance: str
    evidence: str = ""
    confidence: str = "clear"
    note: str = ""


@dataclass(frozen=True)
class EvalArticle:
    """One annotated article."""

    slug: str
    text: str
    published: date | None
    title: str
    issues: tuple[IssueSpec, ...]
    gold: tuple[GoldStance, ...]
    # Document metadata sent with the article (POST /articles "kind", "speakers").
    kind: str = "news"
    speakers: tuple[dict[str, Any], ...] = ()


class EvalSetError(ValueError):
    """The folder is not an evaluation set (names the file and the problem)."""


def is_article_dir(folder: Path) -> bool:
    has_text = (folder / "article.txt").is_file() or (folder / "article.json").is_file()
    return has_text and all((folder / name).is_file() for name in ARTICLE_FILES)


def load_eval_set(folder: str | Path) -> list[EvalArticle]:
    """All articles under `folder` (itself an article, or one per subfolder), by slug."""
    root = Path(folder)
    if is_article_dir(root):
        return [load_article(root)]
    if not root.is_dir():
        raise EvalSetError(f"{root} is not a folder")
    articles = [load_article(sub) for sub in sorted(root.iterdir()) if sub.is_dir() and is_article_dir(sub)]
    if not articles:
        raise EvalSetError(f"{root} holds no article folder ({', '.join(ARTICLE_FILES)})")
    return articles


def load_article(folder: Path) -> EvalArticle:
    meta: dict[str, Any] = {}
    if (folder / "article.json").is_file():
        meta = _json(folder / "article.json")
    text = _article_text(folder, meta)
    issues = tuple(_issue(row, folder) for row in _json(folder / "issues.json"))
    gold = tuple(
        _gold(json.loads(line), folder, n)
        for n, line in enumerate((folder / "stances.jsonl").read_text(encoding="utf-8").splitlines(), 1)
        if line.strip()
    )
    known = {issue.name for issue in issues}
    for record in gold:
        if record.issue not in known:
            raise EvalSetError(f"{folder}/stances.jsonl: issue {record.issue!r} is not in issues.json")
    published = meta.get("published")
    return EvalArticle(
        slug=folder.name,
        text=text,
        published=date.fromisoformat(str(published)[:10]) if published else None,
        title=str(meta.get("title") or ""),
        issues=issues,
        gold=gold,
        kind=str(meta.get("kind") or "news"),
        speakers=tuple(meta.get("speakers") or ()),
    )


def _article_text(folder: Path, meta: dict[str, Any]) -> str:
    """The article's text: its own file, or a record of a JSON Lines file kept outside the repository."""
    if meta.get("text_jsonl"):
        source = (folder / str(meta["text_jsonl"])).resolve()
        if not source.is_file():
            raise EvalSetError(
                f"{folder}/article.json: the article text lives in {source} (not part of the repository; "
                "see the set's README for where to get it)"
            )
        wanted = str(meta.get("text_id"))
        with source.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line) if line.strip() else {}
                if record.get("id") == wanted:
                    return str(record["text"])
        raise EvalSetError(f"{folder}/article.json: no record with id {wanted!r} in {source}")
    text_file = folder / str(meta.get("text_file") or "article.txt")
    if not text_file.is_file():
        raise EvalSetError(f"{folder}: {text_file.name} is missing")
    return text_file.read_text(encoding="utf-8")


def _json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise EvalSetError(f"{path}: invalid JSON ({exc})") from exc


def _issue(row: dict[str, Any], folder: Path) -> IssueSpec:
    try:
        return IssueSpec(
            key=str(row.get("id") or row.get("key")),
            name=str(row["name"]),
            description=str(row.get("description") or ""),
            keywords=tuple(str(k) for k in row.get("keywords") or ()),
        )
    except KeyError as exc:
        raise EvalSetError(f"{folder}/issues.json: an issue lacks {exc}") from exc


def _gold(row: dict[str, Any], folder: Path, line: int) -> GoldStance:
    try:
        return GoldStance(
            actor=str(row["actor"]),
            mentions=tuple(str(m) for m in row.get("actor_mentions") or ()),
            issue=str(row["issue"]),
            stance=str(row["stance"]),
            evidence=str(row.get("evidence") or ""),
            confidence=str(row.get("confidence") or "clear"),
            note=str(row.get("note") or ""),
        )
    except KeyError as exc:
        raise EvalSetError(f"{folder}/stances.jsonl line {line}: missing {exc}") from exc
