"""Load the packaged actor catalogue (countries, organisations, groups, persons).

The catalogue is built from the Phoenix / PETRARCH2 dictionaries by
`scripts/build_actor_catalogue.py`; see `service/data/ACTORS_NOTICE.md`.
"""

from __future__ import annotations

import gzip
import json
from datetime import date
from functools import cache
from importlib import resources
from typing import Any, cast

from service.pipeline.types import ActorKind, ActorSpec, Affiliation

_PACKAGE = "service.data"


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _spec(row: dict[str, Any]) -> ActorSpec:
    return ActorSpec(
        key=row["key"],
        name=row["name"],
        kind=cast(ActorKind, row["kind"]),
        aliases=tuple(row["aliases"]),
        affiliations=tuple(
            Affiliation(
                actor_key=a["actor_key"],
                role=a["role"],
                valid_from=_day(a["valid_from"]),
                valid_to=_day(a["valid_to"]),
            )
            for a in row["affiliations"]
        ),
    )


@cache
def load_default_catalogue() -> list[ActorSpec]:
    """All catalogued actors, read once from `service/data/actors.json.gz`."""
    raw = resources.files(_PACKAGE).joinpath("actors.json.gz").read_bytes()
    rows = json.loads(gzip.decompress(raw))
    return [_spec(row) for row in rows]


@cache
def load_default_demonyms() -> dict[str, str]:
    """Demonym adjective -> country key ("Russian" -> "RUS"), from the same source."""
    text = resources.files(_PACKAGE).joinpath("demonyms.json").read_text(encoding="utf-8")
    return cast(dict[str, str], json.loads(text))
