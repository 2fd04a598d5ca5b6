"""The public measure list's filter: action field, status and a free-text search (issue 14)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from core.widgets import text_matches
from measures.models import ActionField, Measure, Plan

SEARCHED_FIELDS = (
    "code__istartswith",
    "title__icontains",
    "description__icontains",
    "goal__icontains",
)


class PublicMeasureFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Search"), method="filter_text")
    action_field = django_filters.ModelChoiceFilter(
        label=_("Action field"),
        # The current plan's fields by code and title (not the guiding goal's long text).
        queryset=ActionField.objects.filter(plan__state=Plan.State.ADOPTED)
        .only("code", "title")
        .order_by("order", "code"),
        empty_label=_("all action fields"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Measure.Status.choices, empty_label=_("all statuses")
    )

    class Meta:
        model = Measure
        fields = ["q", "action_field", "status"]

    def filter_text(self, queryset, name, value):
        """Every word must occur in the code, title, description or goal."""
        return queryset.filter(text_matches(value[:200], *SEARCHED_FIELDS))
