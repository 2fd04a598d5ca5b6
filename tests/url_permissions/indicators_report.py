"""Permission rows of the integration monitoring: report (issue 15)."""

from tests.url_permissions import READ
from tests.url_permissions.indicators import world


def with_values(d):
    """No URL arguments, but the monitoring's values, so that the PDF has something to show."""
    world(d)
    return {}


REPORT_TABLE: dict = {
    "indicators:report": (with_values, READ),
    "indicators:report_pdf": (with_values, READ),
}
