"""Export of the whole database (JSON lines, CSV) and restore from an export."""
