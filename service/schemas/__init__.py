"""marshmallow schemas: separate In (validation) and Out (serialisation) per resource."""
