"""Permission rows of the integration monitoring: analysis (issue 15)."""

ANALYSIS_TABLE: dict = {}
