"""Permission rows of the integration monitoring: catalogue (issue 15)."""

CATALOGUE_TABLE: dict = {}
