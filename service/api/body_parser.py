"""The request parser of every blueprint: webargs' Flask parser, except that
a JSON body the operation requires must be there.

webargs reads a missing body, or one sent as another media type, as `{}`;
for a PATCH whose fields are all optional that would be a silent no-op
answered 200. Every JSON body of this API is required (the OpenAPI document
says so), so a request without one is refused: 415 when the body has another
media type, 422 when there is no body at all.
"""

from __future__ import annotations

from typing import Any

import marshmallow as ma
from flask import Request
from flask_smorest import abort
from webargs import core
from webargs.flaskparser import FlaskParser, is_json_request


class RequiredBodyParser(FlaskParser):
    """FlaskParser whose json location refuses an absent or non-JSON body."""

    def load_json(self, req: Request, schema: ma.Schema) -> Any:
        data = super().load_json(req, schema)
        if data is not core.missing:
            return data
        if req.get_data(cache=True) and not is_json_request(req):
            abort(415, message="Send the body as application/json.")
        abort(422, message="A JSON body is required.", errors={"json": ["A JSON body is required."]})
