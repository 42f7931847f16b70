"""Schemas of the time views: an actor's history and an issue's positions."""

from __future__ import annotations

import marshmallow as ma
from marshmallow import fields, validate

from service.schemas.common import ID_RANGE, ActorRef, DateOrDateTime, Flexible, IssueRef
from service.schemas.stances import StanceOut

INTERVALS = ("day", "week", "month", "year")


class HistoryQuery(Flexible):
    issue = fields.Integer(validate=ID_RANGE)
    interval = fields.String(load_default="month", validate=validate.OneOf(INTERVALS))
    from_ = DateOrDateTime(data_key="from")
    to = DateOrDateTime()


class LabelCounts(ma.Schema):
    support = fields.Integer()
    oppose = fields.Integer()
    neutral = fields.Integer()


class HistoryPeriod(ma.Schema):
    issue = fields.Nested(IssueRef)
    start = fields.Date()
    end = fields.Date(metadata={"description": "Exclusive"})
    n = fields.Integer()
    counts = fields.Nested(LabelCounts)
    net = fields.Float(metadata={"description": "(support - oppose) / n"})
    mean_confidence = fields.Float()
    record_ids = fields.List(fields.Integer())


class HistoryOut(ma.Schema):
    actor = fields.Nested(ActorRef)
    interval = fields.String()
    periods = fields.List(fields.Nested(HistoryPeriod))


class PositionsQuery(Flexible):
    as_of = DateOrDateTime()


class Position(ma.Schema):
    actor = fields.Nested(ActorRef)
    stance = fields.Nested(StanceOut)


class PositionsOut(ma.Schema):
    issue = fields.Nested(IssueRef)
    as_of = fields.DateTime(allow_none=True)
    positions = fields.List(fields.Nested(Position))
