"""Projects, funding and offers (issue 17)."""

TABLE: dict = {}

# Offers and the providers' links (measures/offers/).
from tests.url_permissions.projects_offers import OFFER_TABLE  # noqa: E402

TABLE.update(OFFER_TABLE)

# The projects' own pages, documents and results (measures/projects/project_urls.py).
from tests.url_permissions.projects_pages import PAGES_TABLE  # noqa: E402

TABLE.update(PAGES_TABLE)

# Funding programmes, applications and deadlines (measures/projects/funding_urls.py).
from tests.url_permissions.projects_funding import FUNDING_TABLE  # noqa: E402

TABLE.update(FUNDING_TABLE)
