"""Projects, funding and offers (issue 17)."""

TABLE: dict = {}
