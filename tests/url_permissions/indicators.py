"""The integration monitoring under /indicators/ (issue 15). Builders take the shared objects
from tests/indicators/world.py through `indicator_world`, made once per test."""

from tests.indicators.world import indicator_world

TABLE: dict = {}


def world(d):
    """The shared objects, with the integration monitoring's added on the first call."""
    if "city_indicator" not in d:
        d |= indicator_world()
    return d


from tests.url_permissions.indicators_analysis import ANALYSIS_TABLE  # noqa: E402
from tests.url_permissions.indicators_catalogue import CATALOGUE_TABLE  # noqa: E402
from tests.url_permissions.indicators_export import EXPORT_TABLE  # noqa: E402
from tests.url_permissions.indicators_report import REPORT_TABLE  # noqa: E402

TABLE.update(ANALYSIS_TABLE)
TABLE.update(CATALOGUE_TABLE)
TABLE.update(EXPORT_TABLE)
TABLE.update(REPORT_TABLE)
