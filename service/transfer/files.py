"""Articles from files for `stance-tracker ingest`: .txt (one article), .json
(an object or an array of them), .jsonl / .ndjson (one object a line) and
.csv (columns title, url, published_at, source, text, and optionally kind),
and folders of them, read recursively in name order.

Each item is what a client would POST to /articles, or the reason it could
not be read (`Unreadable`); nothing is validated here.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SUFFIXES = (".txt", ".json", ".jsonl", ".ndjson", ".csv")
CSV_COLUMNS = ("title", "url", "published_at", "source", "text", "kind")


@dataclass(frozen=True)
class Unreadable:
    """An item that could not be read, and where."""

    where: str
    reason: str


def article_files(paths: list[Path]) -> list[Path]:
    """The files to read: each path itself, or the article files under a folder."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            out.append(path)
    return out


def read_items(path: Path) -> Iterator[dict[str, Any] | Unreadable]:
    """The articles in one file, in order."""
    suffix = path.suffix.lower()
    try:
        if suffix == ".txt":
            yield _text_article(path.read_text(encoding="utf-8"))
        elif suffix == ".json":
            yield from _json_items(path)
        elif suffix in (".jsonl", ".ndjson"):
            yield from _json_lines(path)
        elif suffix == ".csv":
            yield from _csv_rows(path)
        else:
            yield Unreadable(str(path), f"not an article file (one of {', '.join(SUFFIXES)})")
    except (OSError, UnicodeDecodeError) as exc:
        yield Unreadable(str(path), f"cannot read: {exc}")


def _text_article(text: str) -> dict[str, Any]:
    """A plain text: its first non-empty line, if short, is the title."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    return {"text": text, "title": first} if 0 < len(first) <= 300 else {"text": text}


def _json_items(path: Path) -> Iterator[dict[str, Any] | Unreadable]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        yield Unreadable(str(path), f"malformed JSON: {exc.msg} at line {exc.lineno}")
        return
    for number, item in enumerate(data if isinstance(data, list) else [data]):
        yield item if isinstance(item, dict) else Unreadable(f"{path}[{number}]", "not a JSON object")


def _json_lines(path: Path) -> Iterator[dict[str, Any] | Unreadable]:
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                yield Unreadable(f"{path}:{number}", f"malformed JSON: {exc.msg}")
                continue
            yield item if isinstance(item, dict) else Unreadable(f"{path}:{number}", "not a JSON object")


def _csv_rows(path: Path) -> Iterator[dict[str, Any] | Unreadable]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if "text" not in (reader.fieldnames or []):
            yield Unreadable(str(path), f"no text column (columns: {', '.join(CSV_COLUMNS)})")
            return
        for row in reader:
            yield {
                name: value for name, value in row.items() if name in CSV_COLUMNS and value not in (None, "")
            }
