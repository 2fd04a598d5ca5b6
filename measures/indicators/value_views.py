"""The values of one monitoring indicator: the list with its filter, and a value's create,
edit and delete pages. Imports go through the shared import pages (kind "indicator-values")."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.views import CreateRecordView, DeleteRecordView, ListView, UpdateRecordView

from ..models import CityIndicatorValue
from .catalogue_services import delete_value
from .catalogue_views import MONITORING, get_indicator
from .filters import CityIndicatorValueFilter
from .forms import CityIndicatorValueForm

IMPORT_KIND = "indicator-values"


class IndicatorValuesView(ListView):
    permission_required = "measures.view_cityindicatorvalue"
    filterset_class = CityIndicatorValueFilter
    template_name = "measures/indicators/catalogue/value_list.html"
    paginate_by = 50

    @cached_property
    def indicator(self):
        return get_indicator(self.kwargs["pk"])

    def get_queryset(self):
        return self.indicator.values.select_related("area").order_by(
            "-period", "-area__kind", "area__sort_order", "area__name", "breakdown", "group"
        )

    def get_context_data(self, **kwargs):
        import_url = reverse("network:import_upload", args=[IMPORT_KIND])
        return super().get_context_data(
            indicator=self.indicator,
            import_url=f"{import_url}?indicator={self.indicator.pk}",
            breadcrumbs=[
                (reverse("indicators:overview"), MONITORING),
                (self.indicator.get_absolute_url(), str(self.indicator)),
            ],
            **kwargs,
        )


class ValueRecord:
    """A value's pages: the breadcrumb, Cancel and the way back lead to its indicator's values."""

    model = CityIndicatorValue
    form_class = CityIndicatorValueForm
    success_message = gettext_lazy("The value has been saved.")

    def get_object(self, queryset=None):
        return get_object_or_404(
            CityIndicatorValue.objects.select_related("indicator", "area"), pk=self.kwargs["pk"]
        )

    @cached_property
    def indicator(self):
        if self.object is not None:
            return self.object.indicator
        return get_indicator(self.kwargs["pk"])

    def values_url(self):
        return reverse("indicators:values", args=[self.indicator.pk])

    def get_breadcrumbs(self):
        return [
            (reverse("indicators:overview"), MONITORING),
            (self.indicator.get_absolute_url(), str(self.indicator)),
            (self.values_url(), _("Values")),
        ]

    def get_cancel_url(self):
        return self.values_url()

    def get_success_url(self):
        return self.values_url()


class ValueFormMixin(ValueRecord):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "indicator": self.indicator}


class ValueCreateView(ValueFormMixin, CreateRecordView):
    permission_required = "measures.add_cityindicatorvalue"
    object = None

    def get_title(self):
        return _("New value of “%s”") % self.indicator


class ValueUpdateView(ValueFormMixin, UpdateRecordView):
    permission_required = "measures.change_cityindicatorvalue"

    def get_title(self):
        return _("Edit the value %(area)s, %(period)s of “%(indicator)s”") % {
            "area": self.object.area,
            "period": self.object.period_label,
            "indicator": self.indicator,
        }


class ValueDeleteView(ValueRecord, DeleteRecordView):
    permission_required = "measures.delete_cityindicatorvalue"
    template_name = "measures/indicators/catalogue/value_delete.html"
    success_message = gettext_lazy("The value has been deleted.")

    def delete_record(self, record, user):
        delete_value(record, user)
