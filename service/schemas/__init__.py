"""marshmallow schemas: separate In (validation) and Out (serialisation) per resource."""

from service.schemas import utc  # noqa: F401  (timestamps out as RFC 3339, with their UTC offset)
