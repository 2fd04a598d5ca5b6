from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.permissions import requires


@require_GET
@requires("measures.view_measure")
def benchmark_floor(request):
    """The cheapest staff page: the layout (base.html) for the logged-in user and a heading,
    the floor the page benchmark compares every other page with (docs/benchmarks.md)."""
    return render(request, "demo/benchmark_floor.html")


@login_not_required
@require_GET
def benchmark_public_floor(request):
    """The cheapest public page: the public layout and a heading, uncached and nothing from the
    database; the public load test compares /public/ with it (docs/benchmarks.md)."""
    return render(request, "demo/benchmark_public_floor.html")
