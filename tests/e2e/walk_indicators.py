"""The integration monitoring's pages in the page walk (issue 15), merged into PAGES and
NOT_PAGES of test_page_walk.py; one module per part, as in tests/url_permissions/."""

from tests.e2e.walk_indicators_analysis import ANALYSIS_NOT_PAGES, ANALYSIS_PAGES
from tests.e2e.walk_indicators_catalogue import CATALOGUE_NOT_PAGES, CATALOGUE_PAGES
from tests.e2e.walk_indicators_export import EXPORT_NOT_PAGES, EXPORT_PAGES
from tests.e2e.walk_indicators_report import REPORT_NOT_PAGES, REPORT_PAGES

PAGES = {**ANALYSIS_PAGES, **CATALOGUE_PAGES, **EXPORT_PAGES, **REPORT_PAGES}
NOT_PAGES = {**ANALYSIS_NOT_PAGES, **CATALOGUE_NOT_PAGES, **EXPORT_NOT_PAGES, **REPORT_NOT_PAGES}
