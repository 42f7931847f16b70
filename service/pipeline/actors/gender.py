"""A person's likely gender from their given name, so that "she" and "he" find
the right antecedent: after "Thomas Sam ... their child, Gloria", "She died"
is Gloria, not Thomas Sam.

The names come from `service/data/given_names.tsv` (13,311 given names that
nomquamgender's data gives as clearly female or clearly male; see
`scripts/names/build_given_names.py`). A name the table does not know, or
one used for both, has no gender and agrees with either pronoun: only a clear
mismatch rules an antecedent out.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from typing import Literal

Gender = Literal["f", "m"]

_PRONOUN_GENDER: dict[str, Gender] = {"she": "f", "her": "f", "hers": "f", "he": "m", "him": "m", "his": "m"}
# Words before a given name that are not part of it ("President Joe Biden", "Dr. Jill Biden").
_TITLE_WORDS = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sen|Rep|Gen|Sir|Dame|Lady|Lord|President|Minister|Chancellor|"
    r"Senator|Governor|Mayor|Judge|Justice|Professor)\.?\s+)+"
)
_HONORIFIC_GENDER: dict[str, Gender] = {
    "mr": "m", "sir": "m", "lord": "m", "mrs": "f", "ms": "f", "miss": "f", "dame": "f", "lady": "f",
}  # fmt: skip


@cache
def given_names() -> dict[str, Gender]:
    """Given name (lower case) -> "f" or "m", read once from the package data."""
    text = resources.files("service.data").joinpath("given_names.tsv").read_text(encoding="utf-8")
    out: dict[str, Gender] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            out[name] = "f" if gender == "f" else "m"
    return out


def name_gender(name: str) -> Gender | None:
    """The gender a person's name shows: an honorific ("Mrs May"), else the given name."""
    words = name.strip().split()
    if not words:
        return None
    honorific = _HONORIFIC_GENDER.get(words[0].lower().rstrip("."))
    if honorific is not None:
        return honorific
    rest = _TITLE_WORDS.sub("", name.strip()).split()
    if len(rest) < 2:
        return None  # a lone surname tells nothing
    return given_names().get(rest[0].lower())


def pronoun_gender(pronoun: str) -> Gender | None:
    """ "she" -> "f", "he" -> "m"; None for any other word."""
    return _PRONOUN_GENDER.get(pronoun.lower())


def agrees(name: str, pronoun: str) -> bool:
    """False only when the name's gender and the pronoun's clearly differ."""
    wanted = pronoun_gender(pronoun)
    found = name_gender(name)
    return wanted is None or found is None or wanted == found
