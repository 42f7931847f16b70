"""Collect the second annotation round into `real_labels/round2.jsonl`.

Each task of `related_tasks.py` answered by `ANNOTATION_ROUND2.md` gives, for
one labelled (sentence, issue): the issue in its inverse framing (labels
flipped here: support <-> oppose, neutral and none kept), the sentence's
labels on a related issue, and fixes of clearly wrong first-round labels.
Sentences are referred to by sha1 only, as in `labels.jsonl`.

    python scripts/corpus/collect_related.py --tasks /tmp/ann2 --outputs /tmp/ann2/out
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scripts.corpus.collect_labels import annotated_lines, read_keyed

HERE = Path(__file__).resolve().parent / "real_labels"
LABELS = ("support", "oppose", "neutral", "none")
FLIP = {"support": "oppose", "oppose": "support", "neutral": "neutral", "none": "none"}


def _issue(entry: Any) -> tuple[str, str] | None:
    if not isinstance(entry, dict) or not entry.get("issue") or not entry.get("desc"):
        return None
    return str(entry["issue"]).strip(), str(entry["desc"]).strip()


def collect(tasks_dir: Path, outputs: Path) -> list[dict[str, Any]]:
    tasks = read_keyed(tasks_dir, "tasks*.jsonl", "tid")
    out: list[dict[str, Any]] = []
    for annotator, row in annotated_lines(outputs, "tasks*.out.jsonl", "R"):
        task = tasks.get(str(row.get("tid")))
        if task is None:
            continue
        by_mention = {m: (m, actor, label) for m, actor, label in task["labels"]}
        fixes = {
            str(f[0]): str(f[1])
            for f in row.get("fix") or []
            if isinstance(f, list) and len(f) >= 2 and str(f[1]) in LABELS and str(f[0]) in by_mention
        }
        base = [[m, actor, fixes.get(m, label)] for m, actor, label in task["labels"]]
        record: dict[str, Any] = {
            "key": task["key"],
            "issue": task["issue"],
            "annotator": annotator,
            "fixes": fixes,
        }
        inverse = _issue(row.get("inverse"))
        if inverse is not None:
            record["inverse"] = {
                "issue": inverse[0],
                "desc": inverse[1],
                "labels": [[m, actor, FLIP[label]] for m, actor, label in base],
            }
        related = row.get("related")
        named = _issue(related)
        if named is not None and named[0] != task["issue"]:
            labels = [
                [str(t[0]), by_mention[str(t[0])][1], str(t[2])]
                for t in related.get("labels") or []
                if isinstance(t, list) and len(t) >= 3 and str(t[0]) in by_mention and str(t[2]) in LABELS
            ]
            if labels:
                record["related"] = {"issue": named[0], "desc": named[1], "labels": labels}
        out.append(record)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tasks", type=Path, required=True)
    parser.add_argument("--outputs", type=Path, required=True)
    args = parser.parse_args()
    records = collect(args.tasks, args.outputs)
    with (HERE / "round2.jsonl").open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    inverse = sum("inverse" in r for r in records)
    related = sum(len(r.get("related", {}).get("labels", [])) for r in records)
    fixes = sum(len(r["fixes"]) for r in records)
    print(f"{len(records)} tasks: {inverse} inverse framings, {related} related-issue labels, {fixes} fixes")


if __name__ == "__main__":
    main()
