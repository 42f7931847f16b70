"""The actor index: every alias of the catalogued actors as a token-level
matcher (built once, cached by the worker), with titled office holders."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from service.pipeline.actors.titles import canonical_title
from service.pipeline.types import ActorSpec

# Roles that make a person speak for the state or organisation they serve.
SPEAKING_ROLES = frozenset(
    {
        "head_of_state",
        "head_of_government",
        "minister",
        "deputy_minister",
        "official",
        "spokesperson",
        "military",
        "diplomat",
    }
)

_TOKEN = re.compile(r"[^\W_]+")
_KIND_RANK = {"country": 0, "organisation": 1, "group": 2, "person": 3}


# ---------------------------------------------------------------- tokens
@dataclass(frozen=True)
class Tok:
    text: str
    start: int
    end: int


def tokens(text: str) -> list[Tok]:
    return [Tok(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def name_gap(between: str) -> str | None:
    """Normalise the characters between two tokens of a name; None ends the name."""
    core = between.strip()
    if core in ("", "-"):
        return " " if between else ""
    if core in (".", "'", "\u2019"):
        return core.replace("\u2019", "'") + (" " if core != between else "")
    return None


def phrase_key(alias: str) -> tuple[str, int] | None:
    toks = tokens(alias)
    if not toks:
        return None
    parts = [toks[0].text]
    for prev, tok in itertools.pairwise(toks):
        gap = name_gap(alias[prev.end : tok.start])
        if gap is None:
            return None
        parts.append(gap + tok.text)
    return "".join(parts), len(toks)


# ---------------------------------------------------------------- index
@dataclass
class ActorIndex:
    """A matcher over every alias of the catalogued actors; build once, reuse."""

    specs: dict[str, ActorSpec]
    phrases: dict[str, tuple[str, ...]]
    folded: dict[str, tuple[str, ...]]
    first_tokens: frozenset[str]
    folded_first: frozenset[str]
    max_tokens: int
    metonyms: frozenset[tuple[str, str]]
    demonyms: dict[str, str]
    titled: dict[tuple[str, str], tuple[str, ...]]
    rank: dict[str, int] = field(default_factory=dict)

    def spec(self, key: str) -> ActorSpec | None:
        return self.specs.get(key)

    def lookup(self, name: str) -> tuple[str, ...]:
        """The actors called `name` exactly (case aside where the alias allows it)."""
        return self.phrases.get(name) or self.folded.get(name.casefold()) or ()


def _is_case_sensitive(alias: str, tokens: int) -> bool:
    # Short or single-word aliases ("US", "Will", "Chad") are ambiguous in lower case.
    return tokens < 2 or len(alias) < 10 or alias.isupper()


def _alias_via(spec: ActorSpec, alias: str) -> bool:
    """True when the alias is a metonym (capital, institution) rather than a name."""
    if spec.kind not in ("country", "organisation"):
        return False
    stem = spec.name[:4].lower()
    return not (
        alias.lower().startswith(stem)
        or alias.lower().removeprefix("the ").startswith(stem)
        or alias.isupper()
        or "." in alias
        or len(alias) <= 4
    )


def build_actor_index(actors: Iterable[ActorSpec], demonyms: dict[str, str] | None = None) -> ActorIndex:
    """Index every alias of `actors`; `demonyms` defaults to the packaged table."""
    if demonyms is None:
        from service.store.catalogue import load_default_demonyms

        demonyms = load_default_demonyms()
    specs: dict[str, ActorSpec] = {}
    phrases: dict[str, list[str]] = {}
    folded: dict[str, list[str]] = {}
    metonyms: set[tuple[str, str]] = set()
    titled: dict[tuple[str, str], list[str]] = {}
    max_tokens = 1
    for spec in actors:
        specs[spec.key] = spec
        names = set(spec.aliases) | {spec.name}
        for alias in names:
            found = phrase_key(alias)
            if found is None:
                continue
            key, count = found
            max_tokens = max(max_tokens, count)
            bucket = phrases.setdefault(key, [])
            if spec.key not in bucket:
                bucket.append(spec.key)
            if not _is_case_sensitive(alias, count):
                fold = folded.setdefault(key.casefold(), [])
                if spec.key not in fold:
                    fold.append(spec.key)
            if _alias_via(spec, alias):
                metonyms.add((key, spec.key))
        if spec.kind == "person":
            for alias in spec.aliases:
                for name in names:
                    if alias != name and alias.endswith(" " + name):
                        title = canonical_title(alias[: -len(name)])
                        for aff in spec.affiliations:
                            if title and aff.role not in ("legislator", "other", "member"):
                                bucket = titled.setdefault((aff.actor_key, title), [])
                                if spec.key not in bucket:
                                    bucket.append(spec.key)
    rank = {key: _KIND_RANK[spec.kind] * 1000 - min(len(spec.aliases), 999) for key, spec in specs.items()}
    return ActorIndex(
        specs=specs,
        phrases={k: tuple(v) for k, v in phrases.items()},
        folded={k: tuple(v) for k, v in folded.items()},
        first_tokens=frozenset(k.split(" ")[0].split(".")[0].split("'")[0] for k in phrases),
        folded_first=frozenset(k.split(" ")[0].split(".")[0].split("'")[0] for k in folded),
        max_tokens=max_tokens,
        metonyms=frozenset(metonyms),
        demonyms=dict(demonyms),
        titled={k: tuple(v) for k, v in titled.items()},
        rank=rank,
    )


def valid_on(spec: ActorSpec, day: date | None) -> bool:
    if spec.kind != "person" or not spec.affiliations:
        return True
    return any(a.valid_on(day) for a in spec.affiliations if a.role not in ("other",))
