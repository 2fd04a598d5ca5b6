"""Permission rows of the integration monitoring: export (issue 15)."""

EXPORT_TABLE: dict = {}
