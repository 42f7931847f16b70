#!/usr/bin/env python3
"""Validate eval/dev/<slug>/ folders: format like eval/seed, evidence copied exactly."""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "eval" / "dev"


def norm(s):
    return re.sub(r"\s+", "", s)


ok = True
for d in sorted(p for p in ROOT.iterdir() if p.is_dir()):
    meta = json.loads((d / "article.json").read_text())
    text = (d / meta["text_file"]).read_text()
    issues = json.loads((d / "issues.json").read_text())
    names = {i["name"] for i in issues}
    assert all(k in i for i in issues for k in ("id", "name", "description", "keywords"))
    rows = [json.loads(l) for l in (d / "stances.jsonl").read_text().splitlines() if l.strip()]
    words = len(text.split())
    pairs = set()
    for r in rows:
        errs = []
        if r["issue"] not in names:
            errs.append("issue not in catalogue")
        if r["stance"] not in ("support", "oppose", "neutral"):
            errs.append("bad stance")
        if norm(r["evidence"]) not in norm(text):
            errs.append("evidence not in text")
        if r["confidence"] not in ("clear", "arguable"):
            errs.append("bad confidence")
        if r["confidence"] == "arguable" and not r.get("note"):
            errs.append("arguable without note")
        if not any(
            m in r["evidence"] or m.lower() in r["evidence"].lower() for m in r["actor_mentions"]
        ) and not r.get("note"):
            errs.append("no mention in evidence (and no note)")
        for m in r["actor_mentions"]:
            if m not in text:
                errs.append(f"mention {m!r} not in text")
        if (r["actor"], r["issue"]) in pairs:
            errs.append("duplicate pair")
        pairs.add((r["actor"], r["issue"]))
        if errs:
            ok = False
            print(d.name, r["actor"], "/", r["issue"], "->", "; ".join(errs))
    if re.search(r"Syria|Assad|Geneva|Lavrov|Kerry|missile (defen|shield)", text):
        ok = False
        print(d.name, "EXCLUDED TOPIC")
    print(f"{d.name}: {words} words, {len(issues)} issues, {len(rows)} stances")
sys.exit(0 if ok else 1)
