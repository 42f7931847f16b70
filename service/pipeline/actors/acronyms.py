"""An acronym defined in the text is the same actor as the name it stands for.

News introduces an organisation once with its short form in parentheses,
"The Union of Rationalist Atheists and Agnostics (UAAR) has launched a
petition" (square brackets in quotations: "the Korean People's Army [KPA]"), or the other way round, "CEI (Italian Episcopal Conference)", and
then uses either. Without this pass spaCy's two spans become two actors, and
each gets its own stance record. The acronym counts as defined when its
letters are initials of the name's words, in any order (Italian and French
bodies keep the order of their own language: UAAR, CEI).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from service.pipeline.actors.matching import Hit

_ACRONYM = r"[A-Z][A-Z0-9&]{1,9}"
_INITIALS = re.compile(r"[^\W_]+")
_NEW = "ner:"


def is_initialism(acronym: str, name: str) -> bool:
    """True when every letter of `acronym` is the initial of a different word of
    `name` and the acronym covers all but at most one of its capitalised words."""
    letters = Counter(c for c in acronym.upper() if c.isalnum())
    words = _INITIALS.findall(name)
    initials = Counter(w[0].upper() for w in words)
    capitalised = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return sum(letters.values()) >= 2 and not letters - initials and sum(letters.values()) >= capitalised - 1


def link_acronyms(text: str, hits: Sequence[Hit]) -> list[Hit]:
    """`hits` with every mention of a defined acronym keyed to the actor of its
    name, plus mentions of the acronym that no hit covers yet. The catalogue's
    actor wins over a new one ("ner:..."), else the long name's."""
    pairs = _definitions(text, hits)
    if not pairs:
        return list(hits)
    keys: dict[str, str] = {}
    rekey: dict[str, str] = {}
    for short, full in pairs:
        winner = full.key if not full.key.startswith(_NEW) or short.key.startswith(_NEW) else short.key
        acronym = text[short.start : short.end]
        keys[acronym] = winner
        # Both forms' new actors (spaCy's "CAIR" elsewhere in the text included) become the winner.
        same = {h.key for h in hits if text[h.start : h.end] == acronym} | {short.key, full.key}
        rekey.update({loser: winner for loser in same - {winner} if loser.startswith(_NEW)})
    out = [replace(h, keys=(rekey[h.key],), key=rekey[h.key]) if h.key in rekey else h for h in hits]
    taken = [(h.start, h.end) for h in out]
    pattern = re.compile(r"\b(" + "|".join(re.escape(a) for a in keys) + r")\b")
    for match in pattern.finditer(text):
        if not any(s < match.end() and match.start() < e for s, e in taken):
            key = keys[match.group(1)]
            out.append(Hit(match.start(), match.end(), (key,), "alias", key))
    return sorted(out, key=lambda h: h.start)


def _definitions(text: str, hits: Sequence[Hit]) -> list[tuple[Hit, Hit]]:
    """(acronym hit or a new one, name hit) for "Name (ACR)" and "ACR (Name)"."""
    by_start = {h.start: h for h in hits}
    by_end = {h.end: h for h in hits}
    found: list[tuple[Hit, Hit]] = []
    # Square brackets too: quotations carry the editor's "[KPA]".
    for match in re.finditer(rf"(?:\(\s*({_ACRONYM})\s*\)|\[\s*({_ACRONYM})\s*\])", text):
        group = 1 if match.group(1) else 2
        before = _hit_ending_at(text, match.start(), by_end)
        if before is not None and is_initialism(match.group(group), text[before.start : before.end]):
            start, end = match.span(group)
            short = by_start.get(start) or Hit(start, end, before.keys, "alias", before.key)
            found.append((short, before))
    for match in re.finditer(rf"\b({_ACRONYM})\s*\(([^()]{{3,120}})\)", text):
        inner = by_start.get(match.start(2) + len(match.group(2)) - len(match.group(2).lstrip()))
        if inner is None or not is_initialism(match.group(1), text[inner.start : inner.end]):
            continue
        short = by_start.get(match.start(1)) or Hit(
            match.start(1), match.end(1), inner.keys, "alias", inner.key
        )
        found.append((short, inner))
    return found


def _hit_ending_at(text: str, at: int, by_end: dict[int, Hit]) -> Hit | None:
    """The hit that ends right before `at` (whitespace between them allowed)."""
    stripped = len(text[:at].rstrip())
    return by_end.get(stripped)
