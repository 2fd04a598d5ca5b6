"""The Fortschreibung's staff pages under /plans/ (issue 13): plans and the draft (plan_urls),
the comparison and the council's documents (compare_urls), proposals (proposal_urls)."""

from .compare_urls import urlpatterns as compare_patterns
from .plan_urls import urlpatterns as plan_patterns
from .proposal_urls import urlpatterns as proposal_patterns

app_name = "plans"

urlpatterns = [*plan_patterns, *compare_patterns, *proposal_patterns]
