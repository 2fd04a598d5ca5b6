"""Forms of the funding pages: programmes, a project's applications and their deadlines.

Amounts are typed as a German office writes them ("1.234,56"): the fields are localized.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.widgets import DateInput
from measures.models import FundingApplication, FundingDeadline, FundingProgramme

AMOUNTS = ("amount_applied", "own_share", "amount_granted")


class FundingProgrammeForm(forms.ModelForm):
    website = forms.URLField(
        label=_("website"), required=False, max_length=200, assume_scheme="https"
    )

    class Meta:
        model = FundingProgramme
        fields = [
            "name",
            "funder",
            "funder_kind",
            "funding_rate",
            "application_deadline",
            "deadlines_note",
            "website",
        ]
        localized_fields = ["funding_rate"]
        widgets = {
            "application_deadline": DateInput(),
            "deadlines_note": forms.Textarea(attrs={"rows": 3}),
        }


class FundingApplicationForm(forms.ModelForm):
    class Meta:
        model = FundingApplication
        fields = [
            "programme",
            "amount_applied",
            "own_share",
            "amount_granted",
            "submitted_on",
            "decision_date",
            "reference_number",
        ]
        localized_fields = list(AMOUNTS)
        widgets = {
            "submitted_on": DateInput(),
            "decision_date": DateInput(),
            **{name: forms.TextInput(attrs={"inputmode": "decimal"}) for name in AMOUNTS},
        }
        help_texts = {
            "amount_applied": _("In euro, e.g. 12.500,00."),
            "own_share": _("The part the city or the lead actor pays itself."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = FundingProgramme.objects.only("name")

    def clean(self):
        data = super().clean()
        applied = data.get("amount_applied")
        own_share = data.get("own_share")
        granted = data.get("amount_granted")
        if applied is not None and own_share is not None and own_share > applied:
            self.add_error(
                "own_share", _("The own share cannot be higher than the amount applied for.")
            )
        if applied is not None and granted is not None and granted > applied:
            self.add_error(
                "amount_granted",
                _("The amount granted cannot be higher than the amount applied for."),
            )
        submitted, decided = data.get("submitted_on"), data.get("decision_date")
        if submitted and decided and decided < submitted:
            self.add_error(
                "decision_date", _("The decision cannot be dated before the submission.")
            )
        return data


class FundingDeadlineForm(forms.ModelForm):
    class Meta:
        model = FundingDeadline
        fields = ["kind", "due_on", "done_on", "note"]
        widgets = {"due_on": DateInput(), "done_on": DateInput()}
