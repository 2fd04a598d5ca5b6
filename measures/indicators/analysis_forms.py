"""The analysis pages' GET forms: the overview's filter and the indicator page's choice of
areas and breakdown."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from ..models import CityIndicator, Topic
from ..models.city_indicators import BREAKDOWN_CHOICES, DISTRICT


class IndicatorFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    topic = django_filters.ChoiceFilter(
        label=_("Topic"), choices=Topic.choices, empty_label=_("all topics")
    )

    class Meta:
        model = CityIndicator
        fields = ["q", "topic"]

    def filter_text(self, queryset, name, value):
        return queryset.filter(
            Q(code__icontains=value) | Q(title__icontains=value) | Q(definition__icontains=value)
        )


class SeriesChoiceForm(forms.Form):
    """Which areas the indicator page's chart shows, and optionally a breakdown by group."""

    area = forms.TypedMultipleChoiceField(
        label=_("Areas in the chart"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    breakdown = forms.ChoiceField(label=_("Groups of the city"), required=False)

    def __init__(self, *args, indicator, areas, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [(area.pk, area.name) for area in areas]
        groups = [
            (key, label)
            for key, label in BREAKDOWN_CHOICES
            if key != DISTRICT and key in indicator.breakdowns
        ]
        if groups:
            self.fields["breakdown"].choices = [("", _("none (areas in total)")), *groups]
        else:
            del self.fields["breakdown"]
