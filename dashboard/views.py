from django.shortcuts import render
from django.utils import timezone

from core.caching import Deferred
from core.permissions import requires

from .services import dashboard_data, upcoming_meetings


@requires("measures.view_measure")
def dashboard(request):
    today = timezone.localdate()
    # Gathered only when the cached figures are missing or out of date (templates/dashboard.html).
    data = Deferred(lambda: dashboard_data(today))
    return render(request, "dashboard.html", {"data": data, "meetings": upcoming_meetings()})
