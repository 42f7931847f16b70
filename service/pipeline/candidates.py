"""Which (holder, issue) pairs of an article the stance classifier reads."""

from __future__ import annotations

from collections.abc import Sequence

from service.pipeline.issues import IssueLink, LinkerConfig, strongest_links
from service.pipeline.types import Holder


def candidate_pairs(
    holders: Sequence[Holder],
    links: Sequence[tuple[IssueLink, ...]],
    linker: LinkerConfig,
    max_pairs: int,
) -> list[tuple[Holder, IssueLink]]:
    """Each holder with the issues linked to its sentence, at most `max_pairs` (the
    best-linked kept).

    A topic link (an issue the article is about, not named in the sentence) makes a
    candidate only of a holder who speaks there ("Minister Giannini said a more
    general reflection is needed"), not of everyone the sentence names. Of the
    rest, only the sentence's strongest links make candidates (issues.strongest_links).
    """
    seen: set[tuple[str, str, int]] = set()
    pairs: list[tuple[Holder, IssueLink]] = []
    for holder in holders:
        if not 0 <= holder.sentence_index < len(links):
            continue
        usable = [link for link in links[holder.sentence_index] if link.via != "topic" or holder.speaks]
        for link in strongest_links(usable, linker):
            key = (holder.actor_key, link.issue_key, holder.sentence_index)
            if key in seen:
                continue
            seen.add(key)
            pairs.append((holder, link))
    if len(pairs) > max_pairs:
        ranked = sorted(range(len(pairs)), key=lambda i: (-pairs[i][1].score, pairs[i][0].sentence_index))
        keep = sorted(ranked[:max_pairs])
        pairs = [pairs[i] for i in keep]
    return pairs
