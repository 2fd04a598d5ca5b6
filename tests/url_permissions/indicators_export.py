"""Permission rows of the integration monitoring: export (issue 15)."""

from tests.url_permissions import READ
from tests.url_permissions.indicators import world


def one_indicator(d):
    # The query string does not take part in reversing; the world gives the export rows.
    world(d)
    return {}


EXPORT_TABLE: dict = {
    "indicators:export": (one_indicator, READ),
}
