import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Meeting


class MeetingFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=Meeting.State.choices, empty_label=_("all states")
    )
    year = django_filters.NumberFilter(label=_("Year"), field_name="start", lookup_expr="year")

    class Meta:
        model = Meeting
        fields = ["state", "year"]
