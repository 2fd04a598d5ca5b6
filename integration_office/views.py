from django.shortcuts import render

from .dashboard import dashboard_data
from .permissions import requires


@requires("measures.view_measure")
def dashboard(request):
    return render(request, "dashboard.html", dashboard_data())


@requires("measures.view_measure")
def reports(request):
    return render(request, "reports.html")
