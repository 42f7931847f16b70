"""Titles and roles: "Foreign Minister Lavrov" widens the person's mention;
"Russia's foreign minister" resolves to whoever held the office that day."""

from __future__ import annotations

import re
from datetime import date

from service.pipeline.actors.index import SPEAKING_ROLES, ActorIndex
from service.pipeline.actors.matching import Hit, with_article
from service.pipeline.actors.titles import (
    TITLE,
    TITLE_AT_END,
    TITLE_AT_START,
    TITLE_ROLE_FALLBACK,
    TITLE_START,
    canonical_title,
)
from service.pipeline.holder_rules import no_longer


def _country_before(text: str, start: int, hits: list[Hit], index: ActorIndex) -> Hit | None:
    """A country mention or demonym right before `start` ("Russian", "U.S.", "Russia's")."""
    for hit in hits:
        gap = text[hit.end : start]
        if index.specs[hit.key].kind in ("country", "organisation") and re.fullmatch(
            r"(?:'s|\u2019s)?\s+", gap
        ):
            return hit
    return None


def apply_titles(text: str, hits: list[Hit], index: ActorIndex, day: date | None) -> list[Hit]:
    """Fold titles into person mentions and resolve role-only references."""
    demonym_re = (
        re.compile(
            r"\b(" + "|".join(re.escape(d) for d in sorted(index.demonyms, key=len, reverse=True)) + r")\s+$"
        )
        if index.demonyms
        else None
    )
    hits.sort(key=lambda h: h.start)
    dropped: set[int] = set()
    for hit in hits:
        if index.specs[hit.key].kind != "person":
            continue
        before = text[max(0, hit.start - 80) : hit.start]
        title = TITLE_AT_END.search(before)
        if title is not None:
            new_start = title_start = hit.start - len(before) + title.start("title")
            new_start = hit.start - len(before) + title.start()
        elif TITLE_START.match(text, hit.start):
            # The alias carries the title itself ("Foreign Minister Sergei Lavrov").
            new_start = title_start = hit.start
        else:
            continue
        owner = _country_before(text, title_start, hits, index)
        if owner is not None:
            dropped.add(id(owner))
            new_start = with_article(text, owner)
        elif demonym_re is not None:
            dem = demonym_re.search(text[max(0, new_start - 40) : new_start])
            if dem is not None:
                new_start = new_start - (len(text[max(0, new_start - 40) : new_start]) - dem.start())
        hit.start, hit.via = new_start, "title"
    kept = [h for h in hits if id(h) not in dropped]
    # Role-only: "Russia's foreign minister", "the Russian president" with no name after.
    for hit in list(kept):
        spec = index.specs[hit.key]
        if spec.kind != "country":
            continue
        role = TITLE_AT_START.match(text, hit.end)
        if role is None or re.match(r"\s+(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+", text[role.end() : role.end() + 40]):
            continue  # a name follows: a title, handled above or by NER
        person = _role_holder(index, hit.key, role.group("title"), day)
        if person is not None:
            kept.remove(hit)
            kept.append(Hit(with_article(text, hit), role.end(), (person,), "role", person))
        else:
            hit.end, hit.via = role.end(), "role"
    for hit in _demonym_roles(text, index, day, kept):
        kept.append(hit)
    kept.sort(key=lambda h: h.start)
    return kept


def _demonym_roles(text: str, index: ActorIndex, day: date | None, hits: list[Hit]) -> list[Hit]:
    if not index.demonyms:
        return []
    pattern = re.compile(
        r"\b("
        + "|".join(re.escape(d) for d in sorted(index.demonyms, key=len, reverse=True))
        + rf")\s+(?P<title>{TITLE})\b(?!\s+(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+)"
    )
    out: list[Hit] = []
    for match in pattern.finditer(text):
        if any(h.start < match.end() and match.start() < h.end for h in hits) or no_longer(
            text, match.start()
        ):
            continue
        country = index.demonyms[match.group(1)]
        person = _role_holder(index, country, match.group("title"), day)
        start = (
            match.start() - 4
            if text[max(0, match.start() - 4) : match.start()].lower() == "the "
            else match.start()
        )
        out.append(Hit(start, match.end(), (person or country,), "role", person or country))
    return out


def _role_holder(index: ActorIndex, country: str, title: str, day: date | None) -> str | None:
    canonical = canonical_title(title)
    if canonical is None:
        return None
    candidates = [
        k
        for k in index.titled.get((country, canonical), ())
        if any(
            a.actor_key == country and a.valid_on(day) and a.role in SPEAKING_ROLES
            for a in index.specs[k].affiliations
        )
    ]
    role = TITLE_ROLE_FALLBACK.get(canonical)
    if not candidates and role is not None:
        candidates = (
            [
                k
                for k, spec in index.specs.items()
                if spec.kind == "person"
                and any(
                    a.actor_key == country and a.role == role and a.valid_on(day) and a.valid_from
                    for a in spec.affiliations
                )
            ]
            if day is not None
            else []
        )
    if not candidates:
        return None

    def latest(key: str) -> date:
        starts = [
            a.valid_from
            for a in index.specs[key].affiliations
            if a.actor_key == country and a.valid_from and a.valid_on(day)
        ]
        return max(starts, default=date.min)

    return max(candidates, key=latest)
