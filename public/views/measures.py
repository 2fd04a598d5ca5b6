"""The public measures: the list with filter and search, and a measure's page (issue 14)."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from measures.models import Plan
from public import data
from public.filters import PublicMeasureFilter
from public.pages import public_page

PAGE_SIZE = 25


@public_page
def measure_list(request):
    measures = PublicMeasureFilter(
        request.GET, queryset=data.public_measures().order_by("action_field__order", "code")
    )
    page_obj = Paginator(measures.qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "public/measure_list.html",
        {"filter": measures, "page_obj": page_obj, "filtered": measures.form.has_changed()},
    )


@public_page
def measure_detail(request, pk):
    measure = data.measure_page(pk)
    if measure is None:
        raise Http404
    # A measure of an archived plan points to where it goes on in the current plan.
    archived = measure.plan.state != Plan.State.ADOPTED
    return render(
        request,
        "public/measure_detail.html",
        {
            "measure": measure,
            "archived": archived,
            "successors": measure.public_successors if archived else [],
            "reports": measure.public_reports,
            "indicators": data.indicator_rows(measure),
        },
    )
