"""Issue linking's shared types and thresholds (see service.pipeline.issues and
bench/candidate_recall.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from service.pipeline.types import LinkVia


@dataclass(frozen=True)
class LinkerConfig:
    """Thresholds, tuned on the seed article (see bench/candidate_recall.py).

    Scores are in [0, 1]: a full keyword match scores `keyword_score`, a
    partial one `partial_keyword_score`; similarity links score the cosine.
    """

    keyword_score: float = 1.0
    partial_keyword_score: float = 0.7
    # A sentence this similar to an issue is about it, whatever else it says.
    similarity_threshold: float = 0.55
    # Lower similarity links when the issue stands out among the catalogue's
    # issues by at least `margin_threshold` above their mean similarity.
    relative_floor: float = 0.40
    margin_threshold: float = 0.12
    # ... and only the sentence's best issue (or one this close to it): against a large,
    # varied catalogue every issue of the article's topic stands out, and without this
    # cap a sentence about one of them was linked to all of them (the seed with 19
    # distractor issues: triple F1 0.55 -> 0.67; gaps 0.03 / 0.06 gave 0.62 / 0.55).
    relative_top_gap: float = 0.0
    # Short sentence + previous sentence embedded together ("Critics called
    # it reckless." says nothing on its own).
    pair_threshold: float = 0.60
    short_sentence_words: int = 15
    # Sentences after this many are linked by keywords and context only.
    max_similarity_sentences: int = 400
    # An issue named after a person or place ("Assad staying in power"):
    # sentences naming it are candidates at this score.
    anchor_score: float = 0.45
    # "the directive" for the one issue whose name ends in "directive" (_head_links).
    head_score: float = 0.8
    # Words of an issue's keywords scattered over the sentence: at least two
    # distinct ones whose weights (see _IssueProfile.bag) sum to bag_weight.
    bag_weight: float = 1.5
    bag_score: float = 0.6
    context_decay: float = 0.8
    # Topic links (signal 4): issues directly linked in this many sentences are the
    # article's topics (at most topic_max_issues, most linked first); a sentence up to
    # topic_window sentences after one linked to a topic gets it at topic_score. The
    # analyser makes candidates of them only for holders who speak in the sentence, and
    # aggregation needs a sure classifier (aggregate.TOPIC_MIN_POSITION). The article's
    # main topic only: eval/dev pair recall 0.69 -> 0.79, triple F1 0.51 -> 0.52;
    # eval/wikinews 0.38 -> 0.38; two topics, or topic links for every holder, cost
    # more precision than they gained.
    topic_min_sentences: int = 2
    topic_max_issues: int = 1
    topic_window: int = 4
    topic_score: float = 0.32
    min_score: float = 0.3
    max_links_per_sentence: int = 4
    # A holder's candidates in one sentence: the best-linked issue, issues linked
    # almost as well (within candidate_gap) and issues the sentence names outright
    # (score >= explicit_score). A weaker link is most often a neighbouring issue
    # ("opposed the EU directive" linked by similarity to "raising Germany's minimum
    # wage"), on which the classifier still reads a position. Tuned on the development
    # sets with stance-minilm 3.1.0 (README, Analysis quality): 0.2 gave triple F1
    # eval/dev 0.52 -> 0.55, eval/wikinews 0.41 -> 0.44, eval/speeches 0.59 -> 0.65,
    # seed 0.74 -> 0.76; 0.1 cost the seed, 0.3-0.5 gained less; None turns it off.
    # Re-checked with stance-minilm 3.2.0: 0.1 and 0.3 lower again (seed 0.70 / 0.74).
    candidate_gap: float | None = 0.2
    explicit_score: float = 0.95


@dataclass(frozen=True)
class IssueLink:
    """One sentence's link to one issue."""

    issue_key: str
    score: float
    via: LinkVia


class Adder(Protocol):
    """Records a link of sentence `i` to issue `key` (kept when it beats an earlier one)."""

    def __call__(self, i: int, key: str, score: float, via: LinkVia) -> None: ...
