"""The Fortschreibung (issue 13): plans, the draft, the comparison, proposals."""

TABLE: dict = {}

# Plans and the draft (plan_urls.py).
from tests.url_permissions.plans_draft import DRAFT_TABLE  # noqa: E402

TABLE.update(DRAFT_TABLE)

# Proposals from the network (proposal_urls.py, partner_urls.py).
from tests.url_permissions.plans_proposals import PROPOSAL_TABLE  # noqa: E402

TABLE.update(PROPOSAL_TABLE)

# The comparison and the council's documents (compare_urls.py).
from tests.url_permissions.plans_compare import COMPARE_TABLE  # noqa: E402

TABLE.update(COMPARE_TABLE)
