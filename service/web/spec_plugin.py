"""The marshmallow plugin of the OpenAPI document, plus the constraints a
schema checks in code (`@validates_schema`) that fields cannot express.

A schema states them as JSON Schema keywords in a `JSON_SCHEMA_EXTRA` class
attribute (for instance "exactly one of actor_id and name" as a `oneOf`);
they are merged into its component, so the document allows what the API
accepts and nothing more.
"""

from __future__ import annotations

from typing import Any

from apispec.ext.marshmallow import MarshmallowPlugin


class ConstraintsPlugin(MarshmallowPlugin):
    """MarshmallowPlugin that adds each schema's JSON_SCHEMA_EXTRA to its component."""

    # The signature of MarshmallowPlugin, which itself differs from BasePlugin's.
    def schema_helper(self, name: Any, _: Any, schema: Any = None, **kwargs: Any) -> Any:  # type: ignore[override]
        json_schema = super().schema_helper(name, _, schema=schema, **kwargs)
        extra = getattr(schema, "JSON_SCHEMA_EXTRA", None)
        if json_schema is not None and extra:
            json_schema.update(extra)
        return json_schema
