"""Ranking actors for a name search (GET /actors?q=): how well the name or
an alias matches, then what kind of actor it is.

`search_text` holds the lower-cased name and aliases joined by \\x1f (see
`service.store.actors.search_text`), so an exact alias is `\\x1f<q>\\x1f`
inside the padded column and an alias prefix is `\\x1f<q>`.
"""

from __future__ import annotations

import sqlalchemy as sa

from service.store.orm import Actor

NO_MATCH = 9
_KIND_ORDER = {"country": 0, "organisation": 1, "group": 2, "person": 3}


def like_escape(value: str) -> str:
    """`value` with the LIKE wildcards escaped, for `like(..., escape="\\")`."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _padded() -> sa.ColumnElement[str]:
    return sa.literal("\x1f") + Actor.search_text + sa.literal("\x1f")


def named(name: str) -> sa.ColumnElement[bool]:
    """Actors whose name or one alias is `name` exactly (case and spacing aside)."""
    low = like_escape(" ".join(name.lower().split()))
    return _padded().like(f"%\x1f{low}\x1f%", escape="\\")


def search_ranks(q: str) -> tuple[sa.ColumnElement[int], sa.ColumnElement[int]]:
    """(match rank, kind rank) SQL expressions for query `q`; match rank
    NO_MATCH means the actor does not contain `q` at all."""
    low = like_escape(" ".join(q.lower().split()))
    padded = _padded()
    name = sa.func.lower(Actor.name)
    match_rank = sa.case(
        (name == q.lower().strip(), 0),
        (named(q), 1),
        (name.like(f"{low}%", escape="\\"), 2),
        (padded.like(f"%\x1f{low}%", escape="\\"), 3),
        (Actor.search_text.like(f"%{low}%", escape="\\"), 4),
        else_=NO_MATCH,
    )
    kind_rank = sa.case(_KIND_ORDER, value=Actor.kind, else_=4) + sa.case(
        (Actor.origin == "ner", 10), else_=0
    )
    return match_rank, kind_rank
