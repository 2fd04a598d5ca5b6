import django_filters
from django.utils.translation import gettext_lazy as _

from measures.models import MonitoringRound


class RoundFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=MonitoringRound.State.choices, empty_label=_("all states")
    )

    class Meta:
        model = MonitoringRound
        fields = ["state"]
