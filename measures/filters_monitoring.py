import django_filters
from django.utils.translation import gettext_lazy as _

from .models import ArchivedReport, MonitoringRound


class RoundFilter(django_filters.FilterSet):
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=MonitoringRound.State.choices, empty_label=_("all states")
    )

    class Meta:
        model = MonitoringRound
        fields = ["state"]


class ArchiveFilter(django_filters.FilterSet):
    round = django_filters.ModelChoiceFilter(
        label=_("Monitoring round"),
        queryset=MonitoringRound.objects.exclude(state=MonitoringRound.State.DRAFT),
        empty_label=_("all rounds"),
    )
    edition = django_filters.ChoiceFilter(
        label=_("Edition"), choices=ArchivedReport.Edition.choices, empty_label=_("both editions")
    )

    class Meta:
        model = ArchivedReport
        fields = ["round", "edition"]
