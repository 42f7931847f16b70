"""Schemas of the comparison views: aligned series, networks and stance changes."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate
from webargs.fields import DelimitedList

from service.schemas.common import ID_RANGE, ActorRef, DateOrDateTime, Flexible, IssueRef
from service.schemas.history import INTERVALS, LabelCounts
from service.schemas.stances import StanceOut

MAX_COMPARED = 12


class CompareQuery(Flexible):
    actors = DelimitedList(
        fields.Integer(validate=ID_RANGE),
        required=True,
        validate=validate.Length(min=2, max=MAX_COMPARED),
        metadata={"description": "Comma-separated actor ids, 2 to 12, each once", "uniqueItems": True},
    )
    issue = fields.Integer(required=True, validate=ID_RANGE)
    interval = fields.String(load_default="month", validate=validate.OneOf(INTERVALS))
    from_ = DateOrDateTime(data_key="from")
    to = DateOrDateTime()

    @ma.validates("actors")
    def _distinct(self, value: list[int], **_: object) -> None:
        if len(set(value)) != len(value):
            raise ma.ValidationError("Actors are repeated.")


class ActorPeriod(ma.Schema):
    actor_id = fields.Integer()
    n = fields.Integer()
    counts = fields.Nested(LabelCounts)
    net = fields.Float(allow_none=True, metadata={"description": "(support - oppose) / n; null when n = 0"})
    label = fields.String(
        allow_none=True, metadata={"description": "The sign of net as a label; null when n = 0"}
    )
    record_ids = fields.List(fields.Integer())


class ComparePeriod(ma.Schema):
    start = fields.Date()
    end = fields.Date(metadata={"description": "Exclusive"})
    agreement = fields.Float(
        allow_none=True,
        metadata={
            "description": "Mean over pairs of actors with records in the period of "
            "1 - |net_a - net_b| / 2 (1 = same position, 0 = opposite); null when fewer than two"
        },
    )
    values = fields.List(fields.Nested(ActorPeriod), metadata={"description": "One per actor, in order"})


class CompareOut(ma.Schema):
    issue = fields.Nested(IssueRef)
    interval = fields.String()
    actors = fields.List(fields.Nested(ActorRef))
    periods = fields.List(fields.Nested(ComparePeriod), metadata={"description": "Periods with any record"})


class NetworkQuery(Flexible):
    issues = DelimitedList(
        fields.Integer(validate=ID_RANGE),
        validate=validate.Length(min=1, max=100),
        metadata={"description": "Comma-separated issue ids (default: every issue)"},
    )
    from_ = DateOrDateTime(data_key="from")
    to = DateOrDateTime()
    min_weight = fields.Integer(load_default=1, validate=ID_RANGE)


class NetworkNode(ma.Schema):
    id = fields.Integer()
    name = fields.String()
    kind = fields.String()
    counts = fields.Nested(LabelCounts)


class NetworkEdge(ma.Schema):
    source = fields.Integer(metadata={"description": "Actor id (the smaller of the two)"})
    target = fields.Integer()
    kind = fields.String(metadata={"description": "agreement or conflict"})
    weight = fields.Integer(
        metadata={
            "description": "Summed over issues: the smaller of the two actors' numbers of "
            "records with the matching labels"
        }
    )
    issue_ids = fields.List(fields.Integer())
    record_ids = fields.List(fields.Integer())
    evidence_ids = fields.List(fields.Integer())


class NetworkOut(ma.Schema):
    issues = fields.List(fields.Nested(IssueRef))
    from_ = fields.DateTime(data_key="from", allow_none=True)
    to = fields.DateTime(allow_none=True)
    nodes = fields.List(fields.Nested(NetworkNode))
    edges = fields.List(fields.Nested(NetworkEdge))


class ChangesQuery(Flexible):
    issue = fields.Integer(validate=ID_RANGE)
    from_ = DateOrDateTime(data_key="from")
    to = DateOrDateTime()


class StanceChange(ma.Schema):
    issue = fields.Nested(IssueRef)
    at = fields.DateTime(metadata={"description": "When the new stance was observed"})
    from_label = fields.String()
    to_label = fields.String()
    before = fields.Nested(StanceOut, metadata={"description": "The last record with the old stance"})
    after = fields.Nested(StanceOut, metadata={"description": "The first record with the new stance"})


class ChangesOut(ma.Schema):
    actor = fields.Nested(ActorRef)
    changes = fields.List(fields.Nested(StanceChange))
