import django_filters
from django.utils.translation import gettext_lazy as _

from measures.models import ArchivedReport, MonitoringRound


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
