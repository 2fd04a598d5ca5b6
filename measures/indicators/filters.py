import datetime

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import Area, Breakdown, CityIndicatorValue


class CityIndicatorValueFilter(django_filters.FilterSet):
    """One indicator's values by area, year and breakdown."""

    area = django_filters.ModelChoiceFilter(
        label=_("Area"), queryset=Area.objects.only("name", "kind"), empty_label=_("all areas")
    )
    year = django_filters.NumberFilter(
        label=_("Year"),
        method="filter_year",
        widget=forms.NumberInput(attrs={"min": 1900, "max": 2100}),
    )
    breakdown = django_filters.ChoiceFilter(
        label=_("Breakdown"), choices=Breakdown.choices, empty_label=_("all breakdowns")
    )

    class Meta:
        model = CityIndicatorValue
        fields = ["area", "year", "breakdown"]

    def filter_year(self, queryset, name, value):
        """Values of the year: the year itself and its reporting dates."""
        year = int(value)
        if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
            return queryset.none()
        return queryset.filter(period__year=year)
