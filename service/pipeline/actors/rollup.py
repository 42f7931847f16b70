"""Role roll-up: whom a person speaks for on a day (catalogue affiliations,
plus those the article states), used by aggregation."""

from __future__ import annotations

from datetime import date

from service.pipeline.actors.findings import ActorFindings
from service.pipeline.actors.index import SPEAKING_ROLES, ActorIndex


# ---------------------------------------------------------------- roll-up
def speaks_for(index: ActorIndex, actor_key: str, day: date | None) -> tuple[tuple[str, ...], bool]:
    """States/organisations a person speaks for on `day`, and whether they keep a record.

    Spokespersons count only as their state (False); legislators, members and
    the opposition speak for nobody but themselves.
    """
    spec = index.spec(actor_key)
    if spec is None or spec.kind != "person":
        return (), True
    owners: list[str] = []
    own_record = True
    for aff in spec.affiliations:
        if aff.role in SPEAKING_ROLES and aff.valid_on(day) and aff.actor_key != actor_key:
            if aff.actor_key not in owners:
                owners.append(aff.actor_key)
            if aff.role == "spokesperson":
                own_record = False
    return tuple(owners), own_record if owners else True


def speaks_for_in(
    findings: ActorFindings, index: ActorIndex, actor_key: str, day: date | None
) -> tuple[tuple[str, ...], bool]:
    """`speaks_for`, plus the organisations the article itself says the person speaks for."""
    owners, own_record = speaks_for(index, actor_key, day)
    local = [a for a in findings.affiliations if a.person_key == actor_key and a.org_key not in owners]
    if not local:
        return owners, own_record
    spokesperson = any(a.spokesperson for a in local)
    return (*owners, *(a.org_key for a in local)), own_record and not spokesperson
