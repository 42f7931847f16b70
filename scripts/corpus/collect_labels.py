"""Turn annotators' batch outputs into the committed label file (corpus step 2 of 3).

Annotators label the batches of `real_candidates.py` by `real_labels/ANNOTATION.md`
and write `<batch>.labels.jsonl` (sid -> issues and labels). This joins each
output line with its input line and writes `real_labels/labels.jsonl`: one
line per (sentence, issue) with the sentence's source, document and sha1 but
**not its text** (the text stays in ../shared/data and is joined back by
`build_real.py`). Lines annotated twice (the overlap of neighbouring
batches) go to `real_labels/double.jsonl` for the agreement figure.

    python scripts/corpus/collect_labels.py --inputs /tmp/ann --outputs /tmp/ann/out
"""

from __future__ import annotations

import argparse
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

LABELS = ("support", "oppose", "neutral", "none")
HERE = Path(__file__).resolve().parent / "real_labels"


def sentence_key(sentence: str) -> str:
    """Stable id of a sentence: sha1 of its exact text."""
    return hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:16]


def clean_labels(row: dict[str, Any], item: dict[str, Any]) -> list[list[str]]:
    """Valid [mention, actor, label, origin] rows: mentions in the sentence, known labels."""
    pipeline = {c["mention"]: c["actor"] for c in item["candidates"]}
    out: list[list[str]] = []
    for triple in row.get("labels") or []:
        if not isinstance(triple, list) or len(triple) < 3:
            continue
        mention, actor, label = (str(x) for x in triple[:3])
        if label not in LABELS or mention not in item["sentence"]:
            continue
        added = len(triple) > 3 or mention not in pipeline
        if actor in ("-", "", "?"):
            actor = pipeline.get(mention, mention)
            actor = mention if actor == "?" else actor
        out.append([mention, actor, label, "added" if added else "pipeline"])
    return out


def read_keyed(folder: Path, pattern: str, key: str) -> dict[str, dict[str, Any]]:
    """Every JSON line of the files matching `pattern`, by its `key` field."""
    rows: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.glob(pattern)):
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            rows[str(row[key])] = row
    return rows


def annotated_lines(outputs: Path, pattern: str, prefix: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(annotator id, parsed line) of every output file matching `pattern`; the id is
    `prefix` + the file's two-digit batch number; lines that do not parse are skipped."""
    for path in sorted(outputs.glob(pattern)):
        annotator = prefix + "".join(ch for ch in path.name if ch.isdigit())[:2]
        for line in path.open(encoding="utf-8"):
            try:
                yield annotator, json.loads(line)
            except json.JSONDecodeError:
                continue


def collect(
    inputs: Path, outputs: Path
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    items = read_keyed(inputs, "batch*.jsonl", "sid")
    records: list[dict[str, Any]] = []
    seen: dict[str, dict[str, Any]] = {}
    double: list[dict[str, Any]] = []
    no_issue: list[dict[str, Any]] = []
    for annotator, row in annotated_lines(outputs, "batch*.labels.jsonl", "A"):
        item = items.get(str(row.get("sid")))
        if item is None:
            continue
        entry = {"sid": item["sid"], "annotator": annotator, "issues": row.get("issues") or []}
        if item["sid"] in seen:
            double.append({"first": seen[item["sid"]], "second": entry})
            continue
        seen[item["sid"]] = entry
        if not entry["issues"]:
            # The annotator saw no policy issue: no candidate states a position on any issue.
            candidates = [
                [c["mention"], c["mention"] if c["actor"] == "?" else c["actor"]] for c in item["candidates"]
            ]
            no_issue.append(
                {
                    "key": sentence_key(item["sentence"]),
                    "source": item["source"],
                    "doc": item["doc"],
                    "annotator": annotator,
                    "candidates": candidates,
                }
            )
        for issue in entry["issues"]:
            labels = clean_labels(issue, item)
            if not labels or not issue.get("issue"):
                continue
            records.append(
                {
                    "key": sentence_key(item["sentence"]),
                    "source": item["source"],
                    "doc": item["doc"],
                    "annotator": annotator,
                    "issue": str(issue["issue"]).strip(),
                    "desc": str(issue.get("desc") or "").strip(),
                    "labels": labels,
                }
            )
    pairs = []
    for pair in double:
        item = items[pair["first"]["sid"]]
        pairs.append(
            {
                "key": sentence_key(item["sentence"]),
                "first": {**pair["first"], "issues": _clean_issues(pair["first"]["issues"], item)},
                "second": {**pair["second"], "issues": _clean_issues(pair["second"]["issues"], item)},
            }
        )
    return records, pairs, no_issue


def _clean_issues(issues: list[dict[str, Any]], item: dict[str, Any]) -> list[dict[str, Any]]:
    return [{"issue": i.get("issue"), "labels": clean_labels(i, item)} for i in issues]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--inputs", type=Path, required=True)
    parser.add_argument("--outputs", type=Path, required=True)
    args = parser.parse_args()
    records, double, no_issue = collect(args.inputs, args.outputs)
    HERE.mkdir(exist_ok=True)
    for name, rows in (("labels.jsonl", records), ("double.jsonl", double), ("no_issue.jsonl", no_issue)):
        with (HERE / name).open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    n = sum(len(r["labels"]) for r in records)
    print(
        f"{len(records)} (sentence, issue) records, {n} labels; {len(double)} double-annotated lines; "
        f"{len(no_issue)} sentences with no policy issue"
    )


if __name__ == "__main__":
    main()
