from django.shortcuts import render
from django.views.decorators.http import require_GET

from core.permissions import requires


@require_GET
@requires("measures.view_measure")
def benchmark_floor(request):
    """The cheapest staff page: the layout (base.html) for the logged-in user and a heading,
    the floor the page benchmark compares every other page with (docs/benchmarks.md)."""
    return render(request, "demo/benchmark_floor.html")
