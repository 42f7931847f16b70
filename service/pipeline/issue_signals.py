"""Article-level issue signals: the article's topics (signal 4 of issue linking), the
sentences near them, and definite references to an issue's head noun ("the directive").
Used by service.pipeline.issues."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from service.pipeline.linker_config import Adder, IssueLink, LinkerConfig
from service.pipeline.stems import STOPWORDS, TOKEN, stem

# A name's head noun comes before its first preposition ("raising Germany's minimum wage
# to 12 euros" -> "wage").
_NAME_PREPOSITION = re.compile(
    r"\s(?:of|on|for|to|in|at|with|through|from|by|against|over|into|under|as|between|after)\s"
)


def name_head(name: str) -> str | None:
    words = TOKEN.findall(_NAME_PREPOSITION.split(f" {name} ", maxsplit=1)[0])
    # A common noun only: "NATO as an intervention force" names NATO, not a thing called "the NATO".
    if (
        not words
        or not words[-1].islower()
        or words[-1] in STOPWORDS
        or len(words[-1]) < 3
        or not words[-1].isalpha()
    ):
        return None
    return stem(words[-1])


def direct_links(analysed: Sequence[int], links: Sequence[Mapping[str, IssueLink]]) -> dict[str, list[int]]:
    """Issue -> the sentences, in order, that name it (keyword) or are about it (similarity):
    what the article's topics and head references are read from."""
    direct: dict[str, list[int]] = {}
    for i in analysed:
        for link in links[i].values():
            if link.via in ("keyword", "similarity"):
                direct.setdefault(link.issue_key, []).append(i)
    return direct


def article_topics(
    direct: Mapping[str, Sequence[int]],
    links: Sequence[Mapping[str, IssueLink]],
    config: LinkerConfig,
    body: Collection[int] = (),
) -> list[str]:
    """The article's topics (signal 4): the issues linked directly (`direct_links`) in the
    most sentences, at least `topic_min_sentences`, at most `topic_max_issues`."""
    strength = {key: sum(links[i][key].score for i in rows) for key, rows in direct.items()}
    # Most linked first; between issues linked as often, the one the body names first
    # (the lede states a news story's subject; a headline often names two issues), then
    # the more strongly linked (full keyword matches over partial ones), then the one the
    # article names first. The lede rule: eval/dev 0.56 -> 0.58 (the steel-tariff story's
    # topic is the tariffs, not the retaliation), no other set moved.
    return sorted(
        (key for key, rows in direct.items() if len(rows) >= config.topic_min_sentences),
        key=lambda key: (
            -len(direct[key]),
            min((i for i in direct[key] if i in body), default=len(links)),
            -round(strength[key], 3),
            direct[key][0],
            key,
        ),
    )[: config.topic_max_issues]


def topic_links(
    analysed: Sequence[int],
    links: Sequence[Mapping[str, IssueLink]],
    config: LinkerConfig,
    add: Adder,
    topics: Sequence[str],
    direct: Mapping[str, Sequence[int]],
) -> None:
    """Signal 4 (see the module docstring of service.pipeline.issues): the article's
    topics near the sentences that name them."""
    for key in topics:
        for i in analysed:
            if key in links[i]:
                continue
            if any(0 < i - j <= config.topic_window for j in direct[key]):
                add(i, key, config.topic_score, "topic")


# "the directive", "this mechanism": a definite reference to a thing named before.
_DEFINITE = re.compile(
    r"\b(?:the|this|that|these|those)\s+([a-z][\w-]*)\b(?!\s+(?:of|on|for)\b)", re.IGNORECASE
)


def head_links(
    analysed: Sequence[int],
    texts: Mapping[int, str],
    name_heads: Sequence[tuple[str, str | None]],
    direct: Mapping[str, Sequence[int]],
    links: Sequence[Mapping[str, IssueLink]],
    config: LinkerConfig,
    add: Adder,
    body: Collection[int] = (),
) -> None:
    """A definite reference to an issue's head noun ("Heil said Berlin strongly supported
    the directive") links the sentence to that issue at `head_score`, when the article
    links the issue directly elsewhere (by keyword or similarity): a large catalogue
    holds many agreements and bills that an article never mentions. `name_heads`: each
    issue's key and its name's head noun (`name_head`); `direct`: the sentences that
    link each issue directly (`direct_links`); `links`: every sentence's links so far;
    `body`: the article's body sentences."""
    by_head: dict[str, list[str]] = {}
    for key, head in name_heads:
        if head is not None and key in direct:
            by_head.setdefault(head, []).append(key)

    # Several issues end in the noun ("US steel tariffs", "retaliatory tariffs"): "the
    # tariffs" are the ones the body names outright first, the story's subject ("called
    # the tariffs a step in the wrong direction" in a story that opens on the US tariffs);
    # none named outright (a catalogue without keywords): the one linked first; then the
    # one the article links more often.
    def first_named(key: str) -> tuple[int, int, int, str]:
        rows = [i for i in direct[key] if i in body]
        named = [i for i in rows if links[i][key].score >= config.explicit_score]
        return (min(named, default=len(links)), min(rows, default=len(links)), -len(direct[key]), key)

    heads = {head: min(keys, key=first_named) for head, keys in by_head.items()}
    if not heads:
        return
    for i in analysed:
        for match in _DEFINITE.finditer(texts[i]):
            referred = heads.get(stem(match.group(1)))
            if referred is not None:
                add(i, referred, config.head_score, "anchor")
