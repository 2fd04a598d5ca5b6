"""The integration monitoring under /indicators/ (issue 15): the analysis pages (overview,
indicator page, district profile, segregation), the catalogue with its areas and values, the
export and the indicator report."""

from .analysis_urls import urlpatterns as analysis_patterns
from .catalogue_urls import urlpatterns as catalogue_patterns
from .export_urls import urlpatterns as export_patterns
from .report_urls import urlpatterns as report_patterns

app_name = "indicators"

urlpatterns = [*catalogue_patterns, *export_patterns, *report_patterns, *analysis_patterns]
