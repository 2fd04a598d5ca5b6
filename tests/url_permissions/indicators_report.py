"""Permission rows of the integration monitoring: report (issue 15)."""

REPORT_TABLE: dict = {}
