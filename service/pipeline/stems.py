"""Light stemming for keyword matching: content words of a text, reduced the same
way on the catalogue's side and the article's (no dependency)."""

from __future__ import annotations

import re

STOPWORDS = frozenset(
    """a an the of to in on at for by with from and or but not no nor as is are was
    were be been being has have had do does did it its this that these those which
    who whom whose what when where why how than then there their they them he she
    his her we our you your i me my us so such into over under about after before
    between against during without within also more most other some any all each
    both either neither own same very can could may might must shall should will
    would e.g i.e vs via per up out off""".split()
)
TOKEN = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")
_SUFFIXES = (
    "ations", "ation", "tions", "tion", "ments", "ment", "ings", "ing",
    "ies", "ied", "ers", "er", "es", "ed", "s",
)  # fmt: skip


def stem(word: str) -> str:
    """A deliberately light suffix stripper (no dependency, same on both sides)."""
    word = word.lower().replace("\u2019", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = word.strip("'-")
    for _ in range(2):
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                if suffix in ("ies", "ied"):
                    word += "i"
                break
        else:
            break
    return word.rstrip("e") if len(word) > 3 else word


def content_stems(text: str) -> list[str]:
    """Stems of the non-stopword tokens of `text`, in order."""
    out: list[str] = []
    for token in TOKEN.findall(text):
        low = token.lower()
        if low in STOPWORDS or low.isdigit():
            continue
        out.append(stem(low))
    return out
