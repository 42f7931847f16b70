"""Sentence segmentation: exact offsets, kinds, joins and odd input."""

from __future__ import annotations

from pathlib import Path

import pytest

from service.pipeline.segment import plain_text, segment

SEED = Path(__file__).resolve().parents[3] / "shared" / "eval" / "seed" / "article.txt"


def check_offsets(text: str) -> None:
    for s in segment(text):
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()


@pytest.mark.skipif(not SEED.is_file(), reason="seed article not available")
def test_seed_article_kinds_and_join() -> None:
    text = SEED.read_text(encoding="utf-8")
    sentences = segment(text)
    check_offsets(text)
    kinds = [s.kind for s in sentences]
    assert kinds[:4] == ["headline", "byline", "dateline", "caption"]
    assert sentences[0].text == "U.S. and Russia to Organize Syria Conference"
    broken = next(s for s in sentences if s.text.startswith("Washington has so far only"))
    assert broken.text.endswith("refused to rule out sending arms.")
    assert all(
        s.kind == "boilerplate" for s in sentences if "Related articles" in s.text or "https://" in s.text
    )
    assert kinds.count("body") > 35
    assert [s.index for s in sentences] == list(range(len(sentences)))


def test_dateline_split_off() -> None:
    text = "MOSCOW (Reuters) - Russia opposes the plan. It said so twice."
    sentences = segment(text)
    assert [(s.kind, s.text) for s in sentences] == [
        ("dateline", "MOSCOW (Reuters) -"),
        ("body", "Russia opposes the plan."),
        ("body", "It said so twice."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON, May 7 (AP) — The U.S. said it backs talks.",
        "BEIRUT, Lebanon — Fighting raged on.",
        "UNITED NATIONS (Reuters) -- Envoys met.",
        "BERLIN/WASHINGTON (Dev Wire) — The two governments struck a deal.",
    ],
)
def test_dateline_variants(text: str) -> None:
    first, second = segment(text)[:2]
    assert first.kind == "dateline" and second.kind == "body"
    assert second.text[0].isupper()


def test_a_caption_ending_in_its_credit_is_a_caption() -> None:
    text = (
        "Pipeline deal struck\n\n"
        "A vessel lays pipe off the German coast. Dev Wire / Jana Falk\n\n"
        "Germany backs the pipeline. Poland / Ukraine talks were cancelled, officials said."
    )
    kinds = [(s.kind, s.text[:12]) for s in segment(text)]
    assert ("caption", "A vessel lay") in kinds
    assert [k for k, t in kinds if t.startswith(("Germany", "Poland"))] == ["body", "body"]


def test_no_dateline_in_running_text() -> None:
    assert [s.kind for s in segment("Russia - which opposes it - said no.")] == ["body"]


def test_abbreviations_initials_and_quotes() -> None:
    text = (
        "He met Gen. Petraeus in Jan. 2012 in the U.S. capital. John F. Kennedy was there. "
        '"Stop!" he said. “We will not,” the U.S. envoy said… then left. The U.N. agreed.'
    )
    got = [s.text for s in segment(text)]
    assert got == [
        "He met Gen. Petraeus in Jan. 2012 in the U.S. capital.",
        "John F. Kennedy was there.",
        '"Stop!" he said.',
        "“We will not,” the U.S. envoy said… then left.",
        "The U.N. agreed.",
    ]


def test_acronym_at_sentence_end_splits_before_opener() -> None:
    got = [s.text for s in segment("Russia beat the U.S. He was pleased.")]
    assert got == ["Russia beat the U.S.", "He was pleased."]


def test_caption_after_image_and_bold_credit() -> None:
    text = (
        "Headline Without Stop\n\n![photo](a.jpg)\n\nSoldiers patrol a street\n\n"
        "A man waves a flag in the square. **Jane Doe**\n\nThe body starts here. It goes on."
    )
    kinds = [(s.kind, s.text) for s in segment(text)]
    assert kinds[0] == ("headline", "Headline Without Stop")
    assert ("caption", "Soldiers patrol a street") in kinds
    assert ("caption", "A man waves a flag in the square. **Jane Doe**") in kinds
    assert kinds[-2:] == [("body", "The body starts here."), ("body", "It goes on.")]


def test_html_and_link_remnants() -> None:
    text = "<div></div>\n\n<p>Moscow backs the <b>talks</b>.</p>\n\nRead more:\n\n[Other story](#)\n\nhttps://x.org/a"
    sentences = segment(text)
    check_offsets(text)
    body = [s for s in sentences if s.kind == "body"]
    assert len(body) == 1 and plain_text(body[0].text) == "Moscow backs the talks."
    assert all(s.kind == "boilerplate" for s in sentences if s is not body[0])


def test_join_only_when_lowercase_continues() -> None:
    text = "The army has so far only\n\nsupplied food. New paragraph\n\nAnother One starts."
    sentences = segment(text)
    assert sentences[0].text == "The army has so far only\n\nsupplied food."
    assert sentences[0].paragraph == sentences[1].paragraph
    assert sentences[-1].text == "Another One starts."


@pytest.mark.parametrize("text", ["", "   ", "\n\n\n", "...", "**", "a", "\u200b\ufeff"])
def test_degenerate_inputs(text: str) -> None:
    check_offsets(text)


def test_unicode_and_crlf() -> None:
    text = "Kyiv\u2019s envoy said\u00a0“no” \u2014 firmly.\r\n\r\n\u0391\u03b8\u03ae\u03bd\u03b1 said yes. 北京 said maybe.\r\n"
    check_offsets(text)
    assert len([s for s in segment(text) if s.kind == "body"]) >= 2


def test_plain_text() -> None:
    raw = "Kerry said, according to a [transcript](#), **bold** <b>x</b>\n\nsupplied"
    assert plain_text(raw) == "Kerry said, according to a transcript, bold x supplied"
