from django import forms
from django.utils.translation import gettext_lazy as _

from measures.models import ArchivedReport, MonitoringRound


class ArchiveForm(forms.Form):
    round = forms.ModelChoiceField(
        label=_("Monitoring round"),
        queryset=MonitoringRound.objects.exclude(state=MonitoringRound.State.DRAFT),
        required=False,
        empty_label=_("current state"),
    )
    edition = forms.ChoiceField(
        label=_("Edition"),
        choices=ArchivedReport.Edition.choices,
        initial=ArchivedReport.Edition.INTERNAL,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, **kwargs):
        # The archive page also shows the filter form, whose fields have the same names.
        kwargs.setdefault("auto_id", "id_archive_%s")
        super().__init__(*args, **kwargs)
