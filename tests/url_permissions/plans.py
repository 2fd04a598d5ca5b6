"""The Fortschreibung (issue 13): plans, the draft, the comparison, proposals."""

TABLE: dict = {}
