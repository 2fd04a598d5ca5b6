"""The comparison page, its workbook and PDF, and the Beschlussvorlage (issue 13)."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header

from core.exports import CONTENT_TYPES
from core.permissions import requires
from measures.models import Plan

from . import compare_files
from .compare import Comparison, compare
from .plan_views import get_plan


def chosen_against(request: HttpRequest, plan: Plan) -> Plan | None:
    """The plan named by ?against=<id>, by default the predecessor (None when it has none)."""
    value = request.GET.get("against", "")
    if not value:
        return plan.predecessor
    if not value.isdigit():
        raise Http404
    return get_object_or_404(Plan.objects.exclude(pk=plan.pk), pk=value)


def download(
    content: bytes, content_type: str, filename: str, attachment: bool = True
) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    disposition = "attachment" if attachment else "inline"
    response["Content-Disposition"] = (
        content_disposition_header(attachment, filename) or disposition
    )
    return response


def comparison_or_404(request: HttpRequest, pk: int) -> Comparison:
    plan = get_plan(pk)
    against = chosen_against(request, plan)
    if against is None:
        raise Http404
    return compare(plan, against)


@requires("measures.view_plan")
def compare_page(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan(pk)
    against = chosen_against(request, plan)
    others = Plan.objects.exclude(pk=plan.pk).order_by("-adopted_on", "title", "pk")
    return render(
        request,
        "measures/plans/compare.html",
        {
            "plan": plan,
            "against": against,
            "others": list(others),
            "comparison": compare(plan, against) if against else None,
            "query": f"?against={against.pk}" if against and against != plan.predecessor else "",
        },
    )


@requires("measures.view_plan")
def compare_xlsx(request: HttpRequest, pk: int) -> HttpResponse:
    comparison = comparison_or_404(request, pk)
    return download(
        compare_files.comparison_workbook(comparison),
        CONTENT_TYPES["xlsx"],
        compare_files.filename(comparison.plan, "vergleich", "xlsx"),
    )


@requires("measures.view_plan")
def compare_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    comparison = comparison_or_404(request, pk)
    return download(
        compare_files.comparison_pdf(comparison),
        "application/pdf",
        compare_files.filename(comparison.plan, "vergleich", "pdf"),
        attachment=False,
    )


@requires("measures.view_plan")
def beschlussvorlage(request: HttpRequest, pk: int) -> HttpResponse:
    plan = get_plan(pk)
    return download(
        compare_files.beschlussvorlage_pdf(plan),
        "application/pdf",
        compare_files.filename(plan, "beschlussvorlage", "pdf"),
        attachment=False,
    )
