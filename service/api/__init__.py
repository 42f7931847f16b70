"""HTTP resources, one blueprint module per resource, all under /api/v1."""

import marshmallow as ma
from flask_smorest import Blueprint

from service.api.body_parser import RequiredBodyParser

Blueprint.ARGUMENTS_PARSER = RequiredBodyParser()
# An unknown query parameter is a client error (a typo like ?isue= would
# otherwise silently return unfiltered data).
Blueprint.ARGUMENTS_PARSER.DEFAULT_UNKNOWN_BY_LOCATION["query"] = ma.RAISE
Blueprint.ARGUMENTS_PARSER.DEFAULT_UNKNOWN_BY_LOCATION["querystring"] = ma.RAISE
