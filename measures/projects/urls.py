"""Projects and their funding under /projects/ (issue 17): the projects' own pages
(project_urls) and the funding pages (funding_urls)."""

from .funding_urls import urlpatterns as funding_patterns
from .project_urls import urlpatterns as project_patterns

app_name = "projects"

urlpatterns = [*funding_patterns, *project_patterns]
