"""The integration monitoring's values in long format, one row per value (docs/indicator-data.md):
the columns of the import kind "indicator-values", so that an exported file imports again and
other cities can put their figures beside ours."""

import django_filters
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from core.exports import export_response
from core.permissions import requires

from ..models import Area, CityIndicator, CityIndicatorValue
from .imports import IndicatorValueResource

BASENAME = "integrationsmonitoring"


class ValueExportFilter(django_filters.FilterSet):
    """?indicator=<pk> (repeatable) and ?area=<pk>."""

    indicator = django_filters.ModelMultipleChoiceFilter(
        queryset=CityIndicator.objects.all(), label=_("indicator")
    )
    area = django_filters.ModelChoiceFilter(queryset=Area.objects.all(), label=_("area"))

    class Meta:
        model = CityIndicatorValue
        fields = ["indicator", "area"]


def export_queryset():
    return CityIndicatorValue.objects.select_related("indicator", "area").order_by(
        "indicator__code",
        "area__kind",  # "city" before "district"
        "area__sort_order",
        "area__name",
        "period",
        "breakdown",
        "group",
    )


@require_safe
@requires("measures.view_cityindicatorvalue")
def export_values(request: HttpRequest) -> HttpResponse:
    """GET ?format=csv|xlsx (CSV by default), filtered by indicator and area."""
    filterset = ValueExportFilter(request.GET, queryset=export_queryset())
    if not filterset.is_valid():
        return HttpResponseBadRequest(_("Unknown indicator or area."))
    file_format = request.GET.get("format", "csv")
    return export_response(IndicatorValueResource(), filterset.qs, file_format, BASENAME)
