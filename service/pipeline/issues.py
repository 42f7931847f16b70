"""Issue linking: which catalogued issues each sentence is about, with a score.

Three independent signals, any of which can link a sentence to an issue:

1. Keywords: a keyword (or the issue name) whose content words all occur
   in the sentence, compared by a light stemmer so "arming the rebels"
   matches the keyword "arm the rebels" and "sending arms to the rebels".
   Most keywords are two-word phrases, so the order-free match stays precise.
2. Similarity: cosine between MiniLM embeddings of the sentence and of the
   issue (name, and name + description). All sentences of an article share
   its topic, so besides an absolute threshold a sentence also links when
   the issue clearly stands out against the catalogue's other issues.
3. Context: a sentence that refers back ("such a move", "the plan", "But
   Moscow ...") inherits the previous sentence's links at a discount, and
   the sentence is also embedded together with its predecessor.
4. Topic (the main topic only, see LinkerConfig): an issue that the article is
   about (linked directly in at least `topic_min_sentences` sentences) is
   also a candidate for the sentences that follow such a sentence closely,
   at a low score: positions are often stated without naming the issue
   ("Minister Giannini said a more general reflection is needed"), and the
   classifier's "none" class has to drop the rest.

Linking favours recall: the stance classifier has a "none" class and
decides whether the holder takes a position; a missed link is unrecoverable.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import numpy.typing as npt

from service.pipeline.issue_signals import article_topics, direct_links, head_links, name_head, topic_links
from service.pipeline.linker_config import Adder, IssueLink, LinkerConfig
from service.pipeline.segment import plain_text
from service.pipeline.stems import STOPWORDS, TOKEN, content_stems, stem
from service.pipeline.types import IssueSpec, LinkVia, Sentence, SentenceKind

Matrix = npt.NDArray[np.float32]

ANALYSED_KINDS: frozenset[SentenceKind] = frozenset({"body", "headline"})


class Encoder(Protocol):
    """What linking needs from a sentence encoder (see service.nlp.encoder)."""

    def encode(self, texts: Sequence[str]) -> Matrix: ...


# Sentence openers and phrases that continue the previous sentence's topic.
_CONTINUES = re.compile(
    r"^\W*(?:but|however|yet|still|instead|meanwhile|nonetheless|nevertheless|"
    r"in response|in return|by contrast|on the other hand)\b"
    r"|\b(?:such an?|this|that|these|those|the)\s+(?:move|step|plan|proposal|idea|"
    r"measure|measures|policy|decision|initiative|option|offer|demand|call|effort|"
    r"efforts|approach|deal|agreement|request|suggestion|prospect)s?\b"
    r"|\b(?:such an? (?:move|step|thing)|the latter|the former)\b"
    r"|^\W*(?:it|this|that)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class _IssueProfile:
    key: str
    phrases: tuple[frozenset[str], ...]
    # Stem -> weight for the bag-of-words signal (1 if only this issue uses
    # the stem, 0.5 if other issues' phrases use it too).
    bag: Mapping[str, float]
    anchors: frozenset[str]
    # The stem of the name's head noun: "directive" for "the EU minimum wage directive"
    # (see _head_links).
    head: str | None = None
    # Its one-word keywords that other issues of the catalogue list too.
    shared: frozenset[frozenset[str]] = frozenset()


def _profiles(issues: Sequence[IssueSpec]) -> list[_IssueProfile]:
    phrase_sets = [[frozenset(content_stems(k)) for k in (issue.name, *issue.keywords)] for issue in issues]
    heads = [name_head(issue.name) for issue in issues]
    singles = Counter(p for sets in phrase_sets for p in set(sets) if len(p) == 1)
    shared = frozenset(p for p, count in singles.items() if count > 1)
    profiles: list[_IssueProfile] = []
    for n, issue in enumerate(issues):
        phrases = [p for p in phrase_sets[n] if p]
        others = {s for m, sets in enumerate(phrase_sets) if m != n for p in sets for s in p}
        other_names = {s for m, sets in enumerate(phrase_sets) if m != n for s in sets[0]}
        # The bag uses keywords only: names hold generic words ("government").
        own = {s for p in phrase_sets[n][1:] for s in p}
        bag = {s: (0.5 if s in others else 1.0) for s in own}
        # Anchors: capitalised words of the name (a person, a place) that the
        # keywords repeat and no other issue uses: they tell this issue apart.
        keyword_stems = {s for p in phrases[1:] for s in p}
        anchors = {
            stem(tok)
            for tok in TOKEN.findall(issue.name)
            if tok[:1].isupper() and tok.lower() not in STOPWORDS and len(tok) > 2
        }
        profiles.append(
            _IssueProfile(
                key=issue.key,
                phrases=tuple(phrases),
                bag=bag,
                anchors=frozenset(a for a in anchors if a in keyword_stems and a not in other_names),
                head=heads[n],
                shared=frozenset(p for p in phrases if p in shared),
            )
        )
    return profiles


def _keyword_score(stems: set[str], profile: _IssueProfile, config: LinkerConfig) -> float:
    best = 0.0
    for phrase in profile.phrases:
        hits = len(phrase & stems)
        if hits == len(phrase):
            # Single-word keywords ("veto", "Aegis") are the catalogue author's choice of
            # a distinctive term, so they count too; not one that other issues list as
            # well ("ratify" for three agreements): that only partly names this issue.
            if phrase in profile.shared:
                best = max(best, config.partial_keyword_score)
                continue
            return config.keyword_score
        if hits >= 2 and hits * 3 >= len(phrase) * 2:
            best = max(best, config.partial_keyword_score)
    if not best and len(stems & profile.bag.keys()) >= 2:
        weight = sum(profile.bag[s] for s in stems & profile.bag.keys())
        if weight >= config.bag_weight:
            best = config.bag_score
    return best


def _capitalised_stems(text: str) -> set[str]:
    return {stem(tok) for tok in TOKEN.findall(text) if tok[:1].isupper()}


def issue_texts(issue: IssueSpec) -> list[str]:
    """The texts whose embeddings represent an issue."""
    # The description's "support = ... oppose = ..." tail describes labels,
    # not the topic, and pulls embeddings towards generic stance language.
    topic = re.split(r"\bsupport\s*=", issue.description, maxsplit=1)[0].strip()
    return [issue.name, f"{issue.name}. {topic}" if topic else issue.name]


class IssueEmbeddings:
    """Caches issue embeddings by text; catalogues change rarely."""

    def __init__(self, encoder: Encoder, capacity: int = 4096) -> None:
        self.encoder = encoder
        self._cache: dict[str, npt.NDArray[np.float32]] = {}
        self._capacity = capacity

    def matrix(self, issues: Sequence[IssueSpec]) -> Matrix:
        """(issues, texts per issue, dim) embeddings."""
        texts = [t for issue in issues for t in issue_texts(issue)]
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]
        if missing:
            if len(self._cache) + len(missing) > self._capacity:
                self._cache.clear()
            for text, vec in zip(missing, self.encoder.encode(missing), strict=True):
                self._cache[text] = vec
        per_issue = len(texts) // max(1, len(issues))
        stacked = np.stack([self._cache[t] for t in texts]) if texts else np.zeros((0, 1))
        return stacked.reshape(len(issues), per_issue, -1).astype(np.float32)


def link_issues(
    sentences: Sequence[Sentence],
    issues: Sequence[IssueSpec],
    embeddings: IssueEmbeddings | None = None,
    config: LinkerConfig | None = None,
    embed: Collection[int] | None = None,
) -> list[tuple[IssueLink, ...]]:
    """For each sentence, the issues it is about, best first.

    Only "body" and "headline" sentences are linked; others get (). Without
    `embeddings` only keywords, anchors and context are used. `embed`: the
    sentences worth the similarity signal (None: all); keywords, cheap, still
    link every sentence, so the article's topics are counted over all of them.
    """
    config = config or LinkerConfig()
    links: list[dict[str, IssueLink]] = [{} for _ in sentences]
    if not issues or not sentences:
        return [() for _ in sentences]
    profiles = _profiles(issues)
    analysed = [i for i, s in enumerate(sentences) if s.kind in ANALYSED_KINDS]
    texts = {i: plain_text(sentences[i].text) for i in analysed}

    def add(i: int, key: str, score: float, via: LinkVia) -> None:
        if score >= config.min_score and (key not in links[i] or links[i][key].score < score):
            links[i][key] = IssueLink(key, round(float(score), 4), via)

    for i in analysed:
        stems = set(content_stems(texts[i]))
        for profile in profiles:
            kw = _keyword_score(stems, profile, config)
            if kw:
                add(i, profile.key, kw, "keyword")
            elif profile.anchors & _capitalised_stems(texts[i]):
                add(i, profile.key, config.anchor_score, "anchor")

    similar = analysed if embed is None else [i for i in analysed if i in embed]
    if embeddings is not None and similar:
        _similarity_links(sentences, similar, texts, issues, embeddings, config, add)

    body = {i for i in analysed if sentences[i].kind == "body"}
    direct = direct_links(analysed, links)
    topics = article_topics(direct, links, config, body)
    head_links(analysed, texts, [(p.key, p.head) for p in profiles], direct, links, config, add, body)
    topic_links(analysed, links, config, add, topics, direct)

    # Context last, so inherited links see the previous sentence's final set.
    for i in analysed:
        prev = i - 1
        if prev < 0 or sentences[prev].kind not in ANALYSED_KINDS:
            continue
        if not _CONTINUES.search(texts[i]):
            continue
        for link in list(links[prev].values()):
            if link.via != "context":
                add(i, link.issue_key, link.score * config.context_decay, "context")

    out: list[tuple[IssueLink, ...]] = []
    for found in links:
        ranked = sorted(found.values(), key=lambda link: (-link.score, link.issue_key))
        out.append(tuple(ranked[: config.max_links_per_sentence]))
    return out


def _similarity_links(
    sentences: Sequence[Sentence],
    analysed: list[int],
    texts: Mapping[int, str],
    issues: Sequence[IssueSpec],
    embeddings: IssueEmbeddings,
    config: LinkerConfig,
    add: Adder,
) -> None:
    # Encoding dominates the cost of linking (~1k tokens/s on 2 CPU cores),
    # so only the first sentences are embedded and sentence pairs only for
    # short follow-ups, where the pair embedding is informative: for a long
    # sentence it mostly repeats the previous sentence's topic.
    analysed = analysed[: config.max_similarity_sentences]
    issue_vecs = embeddings.matrix(issues)  # (issues, k, dim)
    short = [i for i in analysed if len(texts[i].split()) < config.short_sentence_words and texts.get(i - 1)]
    vecs = embeddings.encoder.encode(
        [texts[i] for i in analysed] + [f"{texts[i - 1]} {texts[i]}" for i in short]
    )
    single = vecs[: len(analysed)]
    sims = np.einsum("sd,ikd->sik", single, issue_vecs).max(axis=2)  # (sent, issues)
    many = len(issues) > 2
    for row, i in enumerate(analysed):
        mean = float(sims[row].mean())
        top = float(sims[row].max())
        for col, issue in enumerate(issues):
            sim = float(sims[row, col])
            if sim >= config.similarity_threshold:
                add(i, issue.key, sim, "similarity")
            elif (
                many
                and sim >= config.relative_floor
                and sim - mean >= config.margin_threshold
                and top - sim <= config.relative_top_gap
            ):
                add(i, issue.key, sim, "similarity")
    if short:
        pair_sims = np.einsum("sd,ikd->sik", vecs[len(analysed) :], issue_vecs).max(axis=2)
        for row, i in enumerate(short):
            for col, issue in enumerate(issues):
                pair = float(pair_sims[row, col])
                if pair >= config.pair_threshold:
                    add(i, issue.key, pair * config.context_decay, "context")


def strongest_links(links: Sequence[IssueLink], config: LinkerConfig) -> list[IssueLink]:
    """The links of one sentence worth classifying for one holder: see
    LinkerConfig.candidate_gap (all of them when it is None)."""
    if config.candidate_gap is None or not links:
        return list(links)
    floor = max(link.score for link in links) - config.candidate_gap
    return [link for link in links if link.score >= floor or link.score >= config.explicit_score]
