#!/usr/bin/env python3
"""Validate annotated article sets (eval/dev, eval/wikinews): format like eval/seed, evidence copied exactly.

python scripts/corpus/check_dev_articles.py [SET_DIR ...]   (default: eval/dev eval/wikinews)
"""

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from service.evaluation.dataset import load_eval_set

ROOT = Path(__file__).resolve().parents[2] / "eval"
# Syria / US-Russia news of 2012-2014 (other than the seed) is held out: team-written
# articles never touch it, real articles from those years must not either.
EXCLUDED = r"Syria|Assad|Geneva|Lavrov|Kerry|missile (defen|shield)"


def norm(s):
    return re.sub(r"\s+", "", s)


def check(folder: Path) -> bool:
    ok = True
    for article in load_eval_set(folder):
        d = folder / article.slug if (folder / article.slug).is_dir() else folder
        issues = json.loads((d / "issues.json").read_text())
        assert all(k in i for i in issues for k in ("id", "name", "description", "keywords")), d
        rows = [json.loads(l) for l in (d / "stances.jsonl").read_text().splitlines() if l.strip()]
        names = {i["name"] for i in issues}
        text = article.text
        pairs = set()
        for r in rows:
            errs = []
            if r["issue"] not in names:
                errs.append("issue not in catalogue")
            if r["stance"] not in ("support", "oppose", "neutral"):
                errs.append("bad stance")
            if norm(r["evidence"]) not in norm(text):
                errs.append("evidence not in text")
            if r.get("confidence") not in ("clear", "arguable"):
                errs.append("bad confidence")
            if r.get("confidence") == "arguable" and not r.get("note"):
                errs.append("arguable without note")
            if not any(m.lower() in r["evidence"].lower() for m in r["actor_mentions"]) and not r.get("note"):
                errs.append("no mention in evidence (and no note)")
            for m in r["actor_mentions"]:
                if m not in text:
                    errs.append(f"mention {m!r} not in text")
            if (r["actor"], r["issue"]) in pairs:
                errs.append("duplicate pair")
            pairs.add((r["actor"], r["issue"]))
            if errs:
                ok = False
                print(article.slug, r["actor"], "/", r["issue"], "->", "; ".join(errs))
        recent = article.published is not None and 2012 <= article.published.year <= 2014
        if re.search(EXCLUDED, text) and (recent or article.published is None or "wikinews" not in str(d)):
            ok = False
            print(article.slug, "EXCLUDED TOPIC")
        if article.published is not None and article.published.year in (2019, 2020) and "wikinews" in str(d):
            ok = False
            print(article.slug, "WIKINEWS 2019/2020 IS HELD OUT")
        print(f"{article.slug}: {len(text.split())} words, {len(issues)} issues, {len(rows)} stances")
    return ok


if __name__ == "__main__":
    folders = [Path(a) for a in sys.argv[1:]] or [p for p in (ROOT / "dev", ROOT / "wikinews") if p.is_dir()]
    results = [check(f) for f in folders]
    sys.exit(0 if all(results) else 1)
