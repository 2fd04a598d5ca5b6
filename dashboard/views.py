from django.shortcuts import render

from core.permissions import requires

from .services import dashboard_data


@requires("measures.view_measure")
def dashboard(request):
    return render(request, "dashboard.html", dashboard_data())
