#!/usr/bin/env python3
"""Build the in-domain actor-issue stance corpus.

    python scripts/corpus/build.py

rebuilds data/stance/{train,dev,test}.jsonl and models/DATA_CARD_TEMPLATED.md
deterministically (fixed seeds, standard library only). Sources:
  handwritten.txt            hand-written news-style sentences (origin=handwritten)
  handwritten_hard.txt       hand-written sentences for hard phenomena (origin=handwritten_hard)
  templates.py + lexicons    compositional templates (origin=templated)
  newsmtsc_labels.py         NewsMTSC sentences re-annotated for stance (origin=newsmtsc_reannotated)
  claimstance.py             IBM Claim Stance claims as reported speech (origin=claimstance_transformed)
Split is by issue: every issue belongs to exactly one of train/dev/test.
"""

from __future__ import annotations

import collections
import json
import random
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))

import actors as actors_mod  # noqa: E402
import claimstance  # noqa: E402
import newsmtsc_labels  # noqa: E402
import templates  # noqa: E402
from issues import ISSUES  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
if not SHARED.exists():
    SHARED = Path("/work/shared/data")
OUT = ROOT / "data" / "stance"
SEED = 20240611
LABELS = ("support", "oppose", "neutral", "none")
TARGET = {"support": 0.30, "oppose": 0.30, "neutral": 0.15, "none": 0.25}

# Exclusion rule: held-out evaluation territory (Syria; US-Russia relations 2012-2014).
FORBIDDEN = re.compile(
    r"Syria|\bAssad\b|Damascus|Aleppo|Geneva|Lavrov|\bKerry\b|missile (defen[cs]e|shield)|interceptor|"
    r"Magnitsky|Snowden|Crimea|S-300|Hezbollah|Ghouta|chemical weapon",
    re.I,
)


def find_like_inputs(sentence: str, mention: str) -> int:
    at = sentence.find(mention)
    if at < 0:
        at = sentence.lower().find(mention.lower())
    return at


# ------------------------------------------------------------------ sources
def load_handwritten():
    """handwritten.txt (origin=handwritten) and handwritten_hard.txt (origin=handwritten_hard)."""
    return _load_handwritten_file("handwritten.txt", "handwritten") + _load_handwritten_file(
        "handwritten_hard.txt", "handwritten_hard"
    )


def _load_handwritten_file(name, origin):
    groups, issue, cur = [], None, None
    path = HERE / name
    for ln, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("@issue"):
            issue = line.split()[1]
            if issue not in ISSUES:
                raise SystemExit(f"{name}:{ln}: unknown issue {issue}")
            continue
        tag, _, rest = line.partition(":")
        rest = rest.strip()
        if tag == "C":
            cur = dict(context=rest, sentence=None, records=[], issue=issue, line=ln)
            groups.append(cur)
        elif tag == "S":
            if cur is None or cur["sentence"] is not None:
                cur = dict(context="", sentence=None, records=[], issue=issue, line=ln)
                groups.append(cur)
            cur["sentence"] = rest
        elif tag == "A":
            parts = [p.strip() for p in rest.split("|")]
            if len(parts) == 5:
                actor, mention, label, phen, other = parts
            else:
                actor, mention, label, phen = parts
                other = None
            if label not in LABELS:
                raise SystemExit(f"{name}:{ln}: bad label {label}")
            if actor not in actors_mod.ACTORS and not actor.startswith("~"):
                pass  # persons/organisations outside the lexicon are fine for hand-written data
            rec = dict(actor=actor.lstrip("~"), mention=mention, label=label, phenomenon=phen)
            if other:
                if other not in ISSUES:
                    raise SystemExit(f"{name}:{ln}: unknown issue {other}")
                rec["issue"] = other
            cur["records"].append(rec)
        else:
            raise SystemExit(f"{name}:{ln}: cannot parse {raw!r}")
    for g in groups:
        g["origin"] = origin
    return groups


def load_templated():
    groups = []
    # hand-written-only issues (empty inf) are skipped before numbering, so adding them keeps the seeds
    for i, key in enumerate(k for k in sorted(ISSUES) if ISSUES[k]["inf"]):
        scale = 1.0
        for g in templates.generate(key, SEED + 7919 * i, scale):
            g["origin"] = "templated"
            groups.append(g)
    return groups


# ----------------------------------------------------------------- helpers
def add_other_issue_nones(groups, rng, frac):
    """none_other_issue: a clear stance sentence paired with a *different* issue."""
    by_split = collections.defaultdict(list)
    for k, v in ISSUES.items():
        # hand-written-only issues (some are inverse framings of templated ones) are never paired
        if v["inf"]:
            by_split[v["split"]].append(k)
    extra = []
    for g in groups:
        if g["origin"] not in ("templated", "handwritten") or g["issue"] not in ISSUES:
            continue
        stance_recs = [r for r in g["records"] if r["label"] in ("support", "oppose") and "issue" not in r]
        if not stance_recs or rng.random() > frac:
            continue
        r = rng.choice(stance_recs)
        issue = ISSUES[g["issue"]]
        pool = [k for k in by_split[issue["split"]] if k != g["issue"]]
        fam = [
            k for k in pool if ISSUES[k]["family"] == issue["family"] or ISSUES[k]["topic"] == issue["topic"]
        ]
        other = rng.choice(fam if fam and rng.random() < 0.6 else pool)
        # never pair an issue whose phrases occur in the sentence
        if any(np.lower() in g["sentence"].lower() for np in ISSUES[other]["np"]):
            continue
        extra.append(
            dict(
                sentence=g["sentence"],
                context=g["context"],
                origin=g["origin"],
                issue=other,
                records=[dict(r, label="none", phenomenon="none_other_issue")],
            )
        )
    return extra


def flatten(groups, issue_table):
    recs = []
    for g in groups:
        for r in g["records"]:
            key = r.get("issue", g["issue"])
            iss = issue_table[key]
            recs.append(
                dict(
                    actor=r["actor"],
                    mention=r["mention"],
                    issue=iss["name"],
                    issue_description=iss["desc"],
                    context=g.get("context", "") or "",
                    sentence=g["sentence"],
                    label=r["label"],
                    phenomenon=r["phenomenon"],
                    topic=iss["topic"],
                    origin=g["origin"],
                    _key=key,
                    _split=iss["split"],
                )
            )
    return recs


def validate(recs):
    ok, dropped = [], collections.Counter()
    for r in recs:
        text = r["sentence"] + " " + r["context"]
        if FORBIDDEN.search(text) or FORBIDDEN.search(r["issue"]):
            dropped["excluded_topic"] += 1
            m = FORBIDDEN.search(text) or FORBIDDEN.search(r["issue"])
            dropped["excluded:" + r["origin"] + ":" + m.group(0)] += 1
            continue
        if find_like_inputs(r["sentence"], r["mention"]) < 0:
            dropped["mention_not_found"] += 1
            print(
                f"  mention not found: {r['origin']} {r['mention']!r} in {r['sentence'][:90]!r}",
                file=sys.stderr,
            )
            continue
        ok.append(r)
    return ok, dropped


def balance(recs, rng):
    """Down-sample templated records so labels approach TARGET overall."""
    total = collections.Counter(r["label"] for r in recs)
    fixed = collections.Counter(r["label"] for r in recs if r["origin"] != "templated")
    # largest N such that for every label fixed[l] + templated[l] >= TARGET[l]*N
    n_max = min((total[l]) / TARGET[l] for l in LABELS)
    keep_n = {l: max(0, round(TARGET[l] * n_max) - fixed[l]) for l in LABELS}
    out = [r for r in recs if r["origin"] != "templated"]
    for l in LABELS:
        pool = [r for r in recs if r["origin"] == "templated" and r["label"] == l]
        # stratify by phenomenon so rare hard cases survive
        by_ph = collections.defaultdict(list)
        for r in pool:
            by_ph[r["phenomenon"]].append(r)
        ratio = min(1.0, keep_n[l] / max(1, len(pool)))
        for ph in sorted(by_ph):
            items = by_ph[ph]
            rng.shuffle(items)
            out += items[: round(len(items) * ratio)]
    return out


def write_card(splits, dropped):
    allr = [r for s in splits.values() for r in s]

    def table(field, rows=None):
        rows = rows or allr
        c = collections.Counter(r[field] for r in rows)
        lines = [f"| {field} | n | support | oppose | neutral | none |", "|---|---|---|---|---|---|"]
        for k, v in sorted(c.items(), key=lambda x: (-x[1], x[0])):
            lc = collections.Counter(r["label"] for r in rows if r[field] == k)
            lines.append(f"| {k} | {v} | " + " | ".join(str(lc[l]) for l in LABELS) + " |")
        return "\n".join(lines)

    split_lines = [
        "| split | n | issues | support | oppose | neutral | none |",
        "|---|---|---|---|---|---|---|",
    ]
    for s in ("train", "dev", "test"):
        rows = splits[s]
        lc = collections.Counter(r["label"] for r in rows)
        split_lines.append(
            f"| {s} | {len(rows)} | {len(set(r['issue'] for r in rows))} | "
            + " | ".join(str(lc[l]) for l in LABELS)
            + " |"
        )
    issues_by_split = {s: sorted(set(r["issue"] for r in splits[s])) for s in splits}
    tmpl = (HERE / "DATA_CARD.template.md").read_text(encoding="utf-8")
    card = tmpl.replace("{{TOTAL}}", str(len(allr)))
    card = card.replace("{{SPLITS}}", "\n".join(split_lines))
    card = card.replace("{{LABELS}}", table("label"))
    card = card.replace("{{ORIGINS}}", table("origin"))
    card = card.replace("{{PHENOMENA}}", table("phenomenon"))
    card = card.replace("{{TOPICS}}", table("topic"))
    card = card.replace("{{DEV_ISSUES}}", "; ".join(issues_by_split["dev"]))
    card = card.replace("{{TEST_ISSUES}}", "; ".join(issues_by_split["test"]))
    card = card.replace("{{N_ISSUES}}", str(len(set(r["issue"] for r in allr))))
    card = card.replace("{{N_ACTORS}}", str(len(set(r["actor"] for r in allr))))
    card = card.replace("{{DROPPED}}", ", ".join(f"{k}: {v}" for k, v in sorted(dropped.items())) or "none")
    (ROOT / "models").mkdir(exist_ok=True)
    (ROOT / "models" / "DATA_CARD_TEMPLATED.md").write_text(card, encoding="utf-8")


def main():
    random.Random(SEED)
    issue_table = {
        k: dict(name=v["name"], desc=v["desc"], topic=v["topic"], split=v["split"]) for k, v in ISSUES.items()
    }
    issue_table.update(newsmtsc_labels.issue_table())
    issue_table.update(claimstance.issue_table())

    hand = load_handwritten()
    temp = load_templated()
    nm = newsmtsc_labels.load(SHARED / "newsmtsc" / "train.jsonl")
    cs = claimstance.load(SHARED / "ibm-claim-stance" / "claim_stance.csv", rng=random.Random(SEED + 1))
    extra = add_other_issue_nones(hand + temp, random.Random(SEED + 2), frac=0.15)

    recs = flatten(hand + temp + extra + nm + cs, issue_table)
    recs, dropped = validate(recs)
    seen, uniq = set(), []
    for r in recs:
        k = (r["actor"], r["_key"], r["sentence"], r["context"])
        if k in seen:
            dropped["duplicate"] += 1
            continue
        seen.add(k)
        uniq.append(r)
    recs = balance(uniq, random.Random(SEED + 3))

    splits = {"train": [], "dev": [], "test": []}
    for r in recs:
        splits[r["_split"]].append(r)
    OUT.mkdir(parents=True, exist_ok=True)
    for s, rows in splits.items():
        rows.sort(key=lambda r: (r["_key"], r["origin"], r["sentence"], r["actor"]))
        random.Random(SEED + hash(s) % 1 + len(s)).shuffle(rows)
        counters = collections.Counter()
        with open(OUT / f"{s}.jsonl", "w", encoding="utf-8") as f:
            for r in rows:
                counters[r["_key"]] += 1
                rid = f"{s}-{r['origin'][:4]}-{r['_key']}-{counters[r['_key']]:04d}"
                row = {"id": rid}
                row.update(
                    {
                        k: r[k]
                        for k in (
                            "actor",
                            "mention",
                            "issue",
                            "issue_description",
                            "context",
                            "sentence",
                            "label",
                            "phenomenon",
                            "topic",
                            "origin",
                        )
                    }
                )
                f.write(json.dumps(row, ensure_ascii=False) + "\n")
    write_card(splits, dropped)

    # report
    allr = [r for s in splits.values() for r in s]
    print(f"total {len(allr)}")
    for s in splits:
        print(s, len(splits[s]), dict(collections.Counter(r["label"] for r in splits[s])))
    print("labels", dict(collections.Counter(r["label"] for r in allr)))
    print("origin", dict(collections.Counter(r["origin"] for r in allr)))
    print(
        "phenomenon",
        dict(sorted(collections.Counter(r["phenomenon"] for r in allr).items(), key=lambda x: -x[1])),
    )
    print("issues", len(set(r["issue"] for r in allr)), "dropped", dict(dropped))
    # split leakage check
    iss = {s: set(r["issue"] for r in splits[s]) for s in splits}
    assert (
        not (iss["train"] & iss["test"])
        and not (iss["train"] & iss["dev"])
        and not (iss["dev"] & iss["test"])
    )


if __name__ == "__main__":
    main()
