"""Properties of the pipeline on random text (hypothesis, derandomised):
segmentation offsets are always exact and the Analyser never crashes."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.nlp.protocol import ClassifierConfig
from service.pipeline.issues import LinkerConfig
from service.pipeline.language import UnsupportedLanguage
from service.pipeline.segment import segment
from service.pipeline.types import ActorSpec, IssueSpec
from tests.model_factory import build_tiny_stance_model

# Pieces of scraped news: prose, quotes, abbreviations, markup, odd whitespace.
FRAGMENTS = [
    "Russia said on Tuesday it supports peace talks.", "Lavrov said Moscow opposes plans to arm the rebels.",
    "\u201cWe will not back down,\u201d he said.", "U.S. Secretary of State", "Mr. Kerry", "e.g.", "...",
    "\n", "\n\n", "\r\n", " ", "\t", "\u00a0", "\u200b", "**Photo Credit**", "[link](http://x.y)",
    "<p>", "</div>", "- ", "1) ", "Related articles:", "MOSCOW (Reuters) -", "!?", "\u2026", "\U0001f600",
    "(AP)", "\"", "'", "\u2019", "Washington", "lethal aid",
]  # fmt: skip
NEWS_TEXT = st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join)
ANY_TEXT = st.text(max_size=400)
TEXTS = st.one_of(NEWS_TEXT, ANY_TEXT, st.tuples(NEWS_TEXT, ANY_TEXT).map("".join))
PROPERTY = settings(max_examples=150, derandomize=True, deadline=None)


@PROPERTY
@given(TEXTS)
def test_segment_offsets_are_exact(text: str) -> None:
    previous_end = 0
    for index, sentence in enumerate(segment(text)):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.index == index
        assert previous_end <= sentence.start <= sentence.end <= len(text)
        previous_end = sentence.end


@pytest.fixture(scope="module")
def analyse(tmp_path_factory: pytest.TempPathFactory) -> object:
    from service.pipeline.actors import build_actor_index
    from service.pipeline.analyse import Analyser, AnalyserConfig

    folder = build_tiny_stance_model(tmp_path_factory.mktemp("tiny") / "model", favour="support")
    analyser = Analyser(
        AnalyserConfig(
            classifier=ClassifierConfig(path=str(folder), quantize=False),
            linker=LinkerConfig(max_similarity_sentences=10),
            max_chars=5_000,
            max_pairs=20,
        )
    )
    index = build_actor_index(
        [
            ActorSpec("RUS", "Russia", "country", ("Russia", "Moscow")),
            ActorSpec("USA", "United States", "country", ("United States", "U.S.", "Washington")),
            ActorSpec("LAVROV", "Sergei Lavrov", "person", ("Sergei Lavrov", "Lavrov")),
        ]
    )
    issues = [
        IssueSpec("talks", "peace talks", "Negotiations to end the war.", ("peace talks",)),
        IssueSpec("arm", "arming the rebels", "Supplying weapons.", ("arm the rebels", "lethal aid")),
    ]
    return lambda text: analyser.analyse(text, date(2013, 5, 7), index, issues)


@settings(max_examples=40, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS)
def test_the_analyser_never_crashes(analyse: object, text: str) -> None:
    try:
        result = analyse(text)  # type: ignore[operator]
    except UnsupportedLanguage:
        return
    for stance in result.stances:
        assert stance.label in ("support", "oppose", "neutral")
        for evidence in stance.evidence:
            assert text[evidence.start : evidence.end] == evidence.text
