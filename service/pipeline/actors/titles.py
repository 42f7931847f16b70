"""Titles before a name or standing for one ("Foreign Minister", "Russia's foreign
minister") and their canonical forms."""

from __future__ import annotations

import re

# Titles before a name or standing for one ("Foreign Minister", "Russia's foreign minister").
TITLE = (
    r"(?:[Dd]eputy\s+|[Vv]ice\s+|[Ff]ormer\s+|[Aa]cting\s+)?"
    r"(?:[Ff]oreign\s+[Mm]inister|[Ff]oreign\s+[Ss]ecretary|[Ss]ecretary\s+of\s+[Ss]tate|"
    r"[Pp]rime\s+[Mm]inister|[Pp]resident|[Dd]efen[cs]e\s+(?:[Mm]inister|[Ss]ecretary)|"
    r"[Ss]ecretary\s+of\s+[Dd]efen[cs]e|[Aa]mbassador(?:\s+to\s+the\s+[A-Z][\w.]*)?|[Ee]nvoy|"
    r"[Ss]pokes(?:man|woman|person)|[Cc]hancellor|[Pp]remier|[Kk]ing|[Ee]mir|[Ll]eader|"
    r"[Ss]ecretary[- ][Gg]eneral|(?:[A-Z][a-z]+\s+)?[Mm]inister|[Ss]enator|[Gg]eneral)"
)
TITLE_AT_END = re.compile(rf"(?:\bthe\s+)?(?P<title>{TITLE})\s+$")
TITLE_START = re.compile(TITLE)
TITLE_AT_START = re.compile(rf"(?:'s|\u2019s)?\s+(?P<title>{TITLE})\b")
_CANONICAL_TITLES = (
    ("foreign minister", ("foreign minister", "foreign secretary", "secretary of state")),
    ("prime minister", ("prime minister", "premier", "chancellor")),
    (
        "defense minister",
        (
            "defense minister",
            "defence minister",
            "defense secretary",
            "defence secretary",
            "secretary of defense",
            "secretary of defence",
        ),
    ),
    ("spokesperson", ("spokesman", "spokeswoman", "spokesperson")),
    ("ambassador", ("ambassador", "envoy")),
    ("secretary-general", ("secretary-general", "secretary general")),
    ("president", ("president", "king", "emir")),
)
TITLE_ROLE_FALLBACK = {"president": "head_of_state", "prime minister": "head_of_government"}


def canonical_title(phrase: str) -> str | None:
    """Map a title phrase to a canonical title ("Secretary of State" -> "foreign minister")."""
    low = re.sub(r"\s+", " ", phrase.lower())
    if re.match(r"(deputy|vice|former|acting)\b", low):
        return None
    for canonical, variants in _CANONICAL_TITLES:
        if any(re.search(rf"\b{re.escape(v)}\b", low) for v in variants):
            return canonical
    return None
