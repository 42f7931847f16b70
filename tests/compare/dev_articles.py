"""Development articles (written for the dashboard test, not real reporting)
that follow Russia and the United States on arming the Syrian rebels."""

from __future__ import annotations

DEV_ARTICLES = [
    {
        "title": "Moscow warns against arming Syrian rebels",
        "url": "https://example.org/dev/moscow-warns-2013-03",
        "source": "Dev Wire",
        "published_at": "2013-03-14",
        "text": (
            "Moscow warns against arming Syrian rebels\n\n"
            "MOSCOW (Dev Wire) - Russia said on Thursday that supplying lethal aid to the Syrian "
            "opposition would breach international law and only prolong the war.\n\n"
            "Foreign Minister Sergei Lavrov said weapons to the opposition would end up with extremists.\n\n"
            "The United States said it had not decided whether to arm the rebels and would keep "
            "its options open."
        ),
    },
    {
        "title": "Washington to send small arms to Syrian rebels",
        "url": "https://example.org/dev/washington-arms-2013-06",
        "source": "Dev Wire",
        "published_at": "2013-06-14",
        "text": (
            "Washington to send small arms to Syrian rebels\n\n"
            "WASHINGTON (Dev Wire) - The United States will supply small arms and ammunition to the "
            "Syrian rebels, the White House said on Thursday, after concluding that Damascus had used "
            "chemical weapons.\n\n"
            "Russia criticised the decision, saying that lethal aid to the rebels would only fuel the conflict."
        ),
    },
    {
        "title": "U.S. presses allies on military assistance to the opposition",
        "url": "https://example.org/dev/us-presses-allies-2013-09",
        "source": "Dev Wire",
        "published_at": "2013-09-10",
        "text": (
            "U.S. presses allies on military assistance to the opposition\n\n"
            "LONDON (Dev Wire) - The United States urged European allies on Tuesday to step up "
            "military assistance to the opposition and to arm the rebels.\n\n"
            "Russia again rejected lethal aid, saying the arms embargo should stay in place."
        ),
    },
]

# The labels a reviewer gives, per actor name and publication day, on the arming issue.
REVIEWED = {
    "Russia": {
        "2013-03-14": "oppose",
        "2013-05-07": "oppose",
        "2013-06-14": "oppose",
        "2013-09-10": "oppose",
    },
    "United States": {
        "2013-03-14": "neutral",
        "2013-05-07": "support",
        "2013-06-14": "support",
        "2013-09-10": "support",
    },
}
