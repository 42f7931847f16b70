"""Read stance examples (the team's corpus and optional auxiliary datasets) into labelled text pairs."""

from __future__ import annotations

import csv
import json
import random
from dataclasses import dataclass
from pathlib import Path

from service.nlp.inputs import MAX_CONTEXT_CHARS, build_pair
from service.pipeline.types import CLASSIFIER_LABELS

LABEL_TO_ID: dict[str, int] = {label: index for index, label in enumerate(CLASSIFIER_LABELS)}


@dataclass(frozen=True)
class Example:
    """One training pair in build_pair format, with its label id."""

    text_a: str
    text_b: str
    label: int
    source: str = "corpus"
    # The same sentence and holder under one issue and its inverse framing share this key
    # (empty: no partner); see training/framing.py.
    framing_pair: str = ""


def read_jsonl(path: Path) -> list[dict[str, object]]:
    """Every JSON object of a .jsonl file (blank lines skipped)."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def corpus_examples(
    path: Path, limit: int | None = None, context_chars: int = MAX_CONTEXT_CHARS
) -> list[Example]:
    """Records of data/stance/{split}.jsonl as Examples.

    Fields used: actor, mention, issue, context, sentence, label.

    Records whose label is not one of CLASSIFIER_LABELS are skipped so a
    half-written line from the corpus writer cannot break a run.
    """
    examples: list[Example] = []
    for record in read_jsonl(path):
        label = str(record.get("label", ""))
        if label not in LABEL_TO_ID:
            continue
        mention = record.get("mention")
        text_a, text_b = build_pair(
            str(record["actor"]),
            str(record["issue"]),
            str(record["sentence"]),
            str(mention) if mention else None,
            str(record.get("context") or ""),
            str(record.get("issue_description") or ""),
            context_chars,
        )
        examples.append(Example(text_a, text_b, LABEL_TO_ID[label], framing_pair=framing_pair_key(record)))
        if limit is not None and len(examples) >= limit:
            break
    return examples


def framing_pair_key(record: dict[str, object]) -> str:
    """What an example shares with its inverse-framing partner: the sentence, the holder and
    the original issue ("the Republican tax cut plan" for "blocking the Republican tax cut
    plan"). Empty for records without a sentence key (templated, hand-written)."""
    sentence = record.get("sentence_key")
    if not sentence:
        return ""
    inverse = str(record.get("phenomenon", "")).startswith("inverse")
    issue = record.get("base_issue") if inverse else record.get("issue")
    return f"{sentence}|{record.get('actor')}|{issue}"


def claim_stance_examples(aux_dir: Path, limit: int, seed: int) -> list[Example]:
    """IBM Claim Stance training claims as support/oppose pairs.

    The claim's author is unnamed, so the holder is "The author" and the issue
    is the motion's target ("the sale of violent video games to minors"). A
    motion like "should be banned" has topicSentiment -1: a PRO claim then
    *opposes* the target, so the label is flipped for such topics.
    """
    path = aux_dir / "ibm-claim-stance" / "claim_stance.csv"
    examples: list[Example] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row.get("split") != "train" or row.get("claims.stance") not in ("PRO", "CON"):
                continue
            pro = row["claims.stance"] == "PRO"
            if row.get("topicSentiment", "1").strip() == "-1":
                pro = not pro
            label = "support" if pro else "oppose"
            text_a, text_b = build_pair("The author", row["topicTarget"], row["claims.claimCorrectedText"])
            examples.append(Example(text_a, text_b, LABEL_TO_ID[label], "claim-stance"))
    random.Random(seed).shuffle(examples)
    return examples[:limit]


def newsmtsc_examples(aux_dir: Path, limit: int, seed: int) -> list[Example]:
    """NewsMTSC sentences as *neutral vs none* evidence only.

    Sentiment towards a person is not stance on an issue (see
    ../shared/data/README.md), so positive/negative targets are not used as
    support/oppose. Neutral-sentiment targets that are the grammatical subject
    of a report ("X said ...") teach nothing reliable either; we use them as
    "none" pairs against a generic issue so the model learns that mentioning an
    actor is not a stance.
    """
    path = aux_dir / "newsmtsc" / "train.jsonl"
    examples: list[Example] = []
    for record in read_jsonl(path):
        sentence = str(record.get("sentence_normalized", ""))
        targets = record.get("targets")
        for target in targets if isinstance(targets, list) else []:
            if not isinstance(target, dict) or target.get("polarity") != 4.0:
                continue
            mention = str(target.get("mention", ""))
            text_a, text_b = build_pair(mention, "the policy under discussion", sentence, mention)
            examples.append(Example(text_a, text_b, LABEL_TO_ID["none"], "newsmtsc"))
    random.Random(seed).shuffle(examples)
    return examples[:limit]


def auxiliary_examples(aux_dir: Path, sources: tuple[str, ...], limit: int, seed: int) -> list[Example]:
    """Examples from each named auxiliary source ("claim-stance", "newsmtsc")."""
    readers = {"claim-stance": claim_stance_examples, "newsmtsc": newsmtsc_examples}
    unknown = set(sources) - set(readers)
    if unknown:
        raise ValueError(f"unknown auxiliary sources {sorted(unknown)}; known: {sorted(readers)}")
    examples: list[Example] = []
    for source in sources:
        examples += readers[source](aux_dir, limit, seed)
    return examples
