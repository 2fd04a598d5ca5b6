"""The integration monitoring in the Django admin (issue 15), imported by measures/admin.py."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from core.admin import HistoryAdmin
from measures.models import Area, CityIndicator, CityIndicatorValue
from measures.models.city_indicators import BREAKDOWN_CHOICES

from .forms import INDICATOR_FIELDS


@admin.register(Area)
class AreaAdmin(HistoryAdmin):
    """Boundaries are uploaded on the staff pages, where the GeoJSON is validated."""

    list_display = ["name", "code", "kind", "sort_order"]
    list_filter = ["kind"]
    search_fields = ["name", "code"]
    readonly_fields = ["boundary"]


class CityIndicatorAdminForm(forms.ModelForm):
    breakdowns = forms.MultipleChoiceField(
        label=_("breakdowns"),
        choices=BREAKDOWN_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = CityIndicator
        fields = INDICATOR_FIELDS


@admin.register(CityIndicator)
class CityIndicatorAdmin(HistoryAdmin):
    form = CityIndicatorAdminForm
    list_display = ["code", "title", "topic", "unit", "direction", "in_report"]
    list_filter = ["topic", "direction", "in_report", "is_population"]
    search_fields = ["code", "title", "definition", "source"]
    autocomplete_fields = ["action_fields", "measures"]
    readonly_fields = ["updated_at"]


@admin.register(CityIndicatorValue)
class CityIndicatorValueAdmin(HistoryAdmin):
    list_display = ["indicator", "area", "period", "period_kind", "breakdown", "group", "value"]
    list_filter = ["indicator__topic", "breakdown", "period_kind", "area"]
    search_fields = ["indicator__code", "indicator__title", "area__name", "group", "note"]
    list_select_related = ["indicator", "area"]
    autocomplete_fields = ["indicator", "area"]
