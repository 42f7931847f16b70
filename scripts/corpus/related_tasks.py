"""Second annotation round: each labelled sentence against a related issue and its inverse framing.

The service links sentences to catalogued issues by similarity, so the
classifier constantly sees a sentence next to an issue *close to* the one it
speaks to; and polarity must follow the issue's framing ("ousting Assad" on
"Assad staying in power" is oppose). For every (sentence, issue) of the first
round (`real_labels/labels.jsonl`) this writes a task with

- `related`: up to three other issues of the pool whose MiniLM similarity to
  the labelled issue is between RELATED_LOW and RELATED_HIGH (related, not a
  rephrasing); the annotator picks one (or writes a better related issue)
  and labels every candidate on it: mostly none, sometimes a real position;
- `inverse`: the annotator writes the labelled issue in the opposite framing
  (name and what support/oppose mean); the labels are then flipped
  mechanically (support <-> oppose) by `collect_related.py`.

    python scripts/corpus/related_tasks.py --out /tmp/ann2 --batches 6
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from scripts.corpus.build_real import LABELS_FILE, sentences_by_key  # noqa: E402

RELATED_LOW, RELATED_HIGH = 0.35, 0.62


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--batches", type=int, default=6)
    args = parser.parse_args()
    from service.nlp.encoder import get_encoder

    texts = sentences_by_key()
    records = [json.loads(line) for line in LABELS_FILE.open(encoding="utf-8")]
    issues = sorted({r["issue"] for r in records})
    desc = {r["issue"]: r["desc"] for r in records}
    vectors = np.asarray(get_encoder().encode(issues), dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    position = {issue: i for i, issue in enumerate(issues)}
    rng = random.Random(13)
    tasks: list[dict[str, Any]] = []
    for n, record in enumerate(records):
        source = texts.get(record["key"])
        if source is None:
            continue
        sims = vectors @ vectors[position[record["issue"]]]
        near = [i for i in np.argsort(-sims) if RELATED_LOW <= sims[i] < RELATED_HIGH][:12]
        picked = rng.sample(near, min(3, len(near)))
        tasks.append(
            {
                "tid": f"t{n:05d}",
                "key": record["key"],
                "context": source["context"],
                "sentence": source["sentence"],
                "issue": record["issue"],
                "desc": record["desc"],
                "labels": [[m, a, lab] for m, a, lab, _ in record["labels"]],
                "related": [{"issue": issues[i], "desc": desc[issues[i]]} for i in picked],
            }
        )
    rng.shuffle(tasks)
    args.out.mkdir(parents=True, exist_ok=True)
    for b in range(args.batches):
        with (args.out / f"tasks{b:02d}.jsonl").open("w", encoding="utf-8") as handle:
            for task in tasks[b :: args.batches]:
                handle.write(json.dumps(task, ensure_ascii=False) + "\n")
    print(f"{len(tasks)} tasks in {args.batches} batches under {args.out}")


if __name__ == "__main__":
    main()
