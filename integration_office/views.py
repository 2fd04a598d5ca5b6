from django.shortcuts import render

from measures.models import ArchivedReport, MonitoringRound

from .dashboard import dashboard_data
from .permissions import requires


@requires("measures.view_measure")
def dashboard(request):
    return render(request, "dashboard.html", dashboard_data())


@requires("measures.view_measure")
def reports(request):
    """The page to choose a monitoring report, with the latest archived ones."""
    rounds = MonitoringRound.objects.exclude(state=MonitoringRound.State.DRAFT)
    return render(
        request,
        "reports.html",
        {
            "rounds": list(rounds.order_by("-reporting_date", "-pk")),
            "archived": list(ArchivedReport.objects.order_by("-created_at", "-pk")[:5]),
        },
    )
