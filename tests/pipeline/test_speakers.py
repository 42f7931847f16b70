"""Speakers described by the text itself, and what a role means for the roll-up."""

from __future__ import annotations

import pytest

from service.pipeline.speakers import Described, detect_speakers, role_category


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "My name is Dana Whitfield, and I am the President of the Coalition for Safe Borders. Our members agree.",
            Described("Dana Whitfield", "President", "Coalition for Safe Borders"),
        ),
        (
            "Statement of Katherine M. Alvarado, Administrator, U.S. Environmental Protection Agency, before the "
            "Committee on Environment and Public Works\n\nThank you.",
            Described("Katherine M. Alvarado", "Administrator", "U.S. Environmental Protection Agency"),
        ),
        (
            "STATEMENT OF JANE R. DOE, ADMINISTRATOR, U.S. ENVIRONMENTAL PROTECTION AGENCY\n\nThank you.",
            Described("Jane R. Doe", "Administrator", "U.S. Environmental Protection Agency"),
        ),
        (
            "By Meera Raghavan. Meera Raghavan is the director of the Centre for Trade and Climate Policy, "
            "an institute in New Delhi.\n\nI think the tax is unfair.",
            Described("Meera Raghavan", "director", "Centre for Trade and Climate Policy"),
        ),
        (
            "We call on ministers to act.\n\n\u2014 Sofia Lindqvist, Secretary-General, European Refugee Network\n",
            Described("Sofia Lindqvist", "Secretary-General", "European Refugee Network"),
        ),
    ],
)
def test_a_document_that_says_who_speaks(text: str, expected: Described) -> None:
    assert detect_speakers(text) == [expected]


def test_reported_speech_names_no_speaker() -> None:
    text = 'Senator Maria Lopez said on Tuesday that "we must act now", and the Agency agreed.'
    assert detect_speakers(text) == []


@pytest.mark.parametrize(
    ("role", "category"),
    [
        ("Administrator", "head"),
        ("President and CEO", "head"),
        ("Cabinet Secretary for Energy", "head"),
        ("Senator", "legislator"),
        ("Member of Parliament", "legislator"),
        ("Spokeswoman", "spokesperson"),
        ("senior fellow", "member"),
        (None, "member"),
    ],
)
def test_what_a_role_means_for_the_roll_up(role: str | None, category: str) -> None:
    assert role_category(role) == category
