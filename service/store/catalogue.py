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
from pathlib import Path
from typing import Any, cast

from service.pipeline.types import ActorKind, ActorSpec, Affiliation

_PACKAGE = "service.data"


@cache
def _day(value: str | None) -> date | None:
    # Many affiliations share dates; caching keeps the load well under a second.
    return date.fromisoformat(value) if value else None


def _spec(row: dict[str, Any]) -> ActorSpec:
    return ActorSpec(
        row["key"],
        row["name"],
        cast(ActorKind, row["kind"]),
        tuple(row["aliases"]),
        tuple(
            Affiliation(a["actor_key"], a["role"], _day(a["valid_from"]), _day(a["valid_to"]))
            for a in row["affiliations"]
        ),
    )


def parse_catalogue(raw: bytes) -> list[ActorSpec]:
    """Actors from catalogue bytes: a JSON list, gzip-compressed or not."""
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    return [_spec(row) for row in json.loads(raw)]


def load_catalogue_file(path: Path) -> list[ActorSpec]:
    """A user-supplied catalogue in the same format (`import-actors --file`)."""
    return parse_catalogue(path.read_bytes())


@cache
def load_default_catalogue() -> list[ActorSpec]:
    """All catalogued actors, read once from `service/data/actors.json.gz`."""
    return parse_catalogue(resources.files(_PACKAGE).joinpath("actors.json.gz").read_bytes())


@cache
def load_default_demonyms() -> dict[str, str]:
    """Demonym adjective -> country key ("Russian" -> "RUS"), from the same source."""
    text = resources.files(_PACKAGE).joinpath("demonyms.json").read_text(encoding="utf-8")
    return cast(dict[str, str], json.loads(text))
