"""Forms of the monitoring rounds, the partner's page and the report choice."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.widgets import DateInput
from measures.forms import StatusReportForm
from measures.models import MonitoringRound, StatusReport
from measures.templatetags.report_numbers import plain_number, trimmed


class RoundForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = MonitoringRound
        fields = ["title", "reporting_date", "due_date", "invitation_text", "reminder_text"]
        widgets = {
            "reporting_date": DateInput(),
            "due_date": DateInput(),
            "invitation_text": forms.Textarea(attrs={"rows": 14}),
            "reminder_text": forms.Textarea(attrs={"rows": 12}),
        }
        help_texts = {
            "invitation_text": _(
                "Placeholders: {name} the contact person, {links} the measures with their "
                "links, {due_date}, {reporting_date}, {sender} your name and the office."
            ),
            "reminder_text": _("The same placeholders as in the invitation."),
        }


class RequestSelectionForm(forms.Form):
    """Which measures a round asks about, and whom: one checkbox and one choice per measure.

    `rows` are (measure, contacts, request or None); choices come from the contacts already
    loaded, so validating the form needs no query per measure.
    """

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for measure, contacts, request in rows:
            answered = request is not None and request.is_answered
            include = forms.BooleanField(
                label=_("Ask about %(code)s") % {"code": measure.code},
                required=False,
                initial=request is not None,
                disabled=answered,
            )
            contact = forms.TypedChoiceField(
                label=_("Contact person for %(code)s") % {"code": measure.code},
                choices=[("", _("without contact person"))]
                + [(str(person.pk), f"{person.full_name} <{person.email}>") for person in contacts],
                required=False,
                coerce=int,
                empty_value=None,
                initial=request.contact_id if request else (contacts[0].pk if contacts else ""),
                disabled=answered,
            )
            self.fields[f"include_{measure.pk}"] = include
            self.fields[f"contact_{measure.pk}"] = contact
            self.rows.append(
                {
                    "measure": measure,
                    "request": request,
                    "contacts": contacts,
                    "include": self[f"include_{measure.pk}"],
                    "contact": self[f"contact_{measure.pk}"],
                    "by_pk": {person.pk: person for person in contacts},
                }
            )

    def selection(self):
        """measure id → chosen contact (or None) for every measure to ask about."""
        chosen = {}
        for row in self.rows:
            measure = row["measure"]
            if self.cleaned_data[f"include_{measure.pk}"]:
                contact_id = self.cleaned_data[f"contact_{measure.pk}"]
                chosen[measure.pk] = row["by_pk"].get(contact_id)
        return chosen


class PartnerReportForm(StatusReportForm):
    """The partner's short form: the report and one field per indicator of the measure."""

    class Meta(StatusReportForm.Meta):
        fields = [
            "status",
            "progress",
            "text",
            "next_steps",
            "obstacles",
            "public_summary",
            "author_name",
        ]
        labels = {
            "status": _("How does the measure stand?"),
            "progress": _("How far has it got? (0 to 100 %)"),
            "text": _("What has happened since the last report?"),
            "next_steps": _("What are the next steps?"),
            "obstacles": _("Is anything in the way?"),
            "public_summary": _("Summary for the public pages (optional)"),
            "author_name": _("Your name"),
        }
        help_texts = {
            "progress": _("An estimate is enough: 0 means not started, 100 means finished."),
            "author_name": _("The person who fills in this form."),
        }
        widgets = {
            **StatusReportForm.Meta.widgets,
            "author_name": forms.TextInput(attrs={"autocomplete": "name"}),
        }

    def __init__(self, *args, indicators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["author_name"].required = True
        self.indicators = list(indicators)
        for indicator in self.indicators:
            latest = indicator.latest_value
            unit = f" ({indicator.unit})" if indicator.unit else ""
            self.fields[f"indicator_{indicator.pk}"] = forms.DecimalField(
                label=f"{indicator.title}{unit}",
                required=False,
                max_digits=12,
                decimal_places=2,
                localize=True,
                help_text=_("Last value: %(value)s of %(date)s")
                % {"value": plain_number(latest.value), "date": latest.date.strftime("%d.%m.%Y")}
                if latest
                else _("No value yet."),
            )

    def report_fields(self):
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def indicator_values(self):
        return [
            (indicator, self.cleaned_data[f"indicator_{indicator.pk}"])
            for indicator in self.indicators
            if self.cleaned_data.get(f"indicator_{indicator.pk}") is not None
        ]

    @classmethod
    def initial_from(cls, request, measure, reported_values):
        """Start from the submitted report when correcting it, else from the measure."""
        report = request.report
        if report is not None and report.review_state != StatusReport.ReviewState.ACCEPTED:
            initial = {name: getattr(report, name) for name in cls.Meta.fields}
            initial.update(
                {
                    f"indicator_{value.indicator_id}": trimmed(value.value)
                    for value in reported_values
                }
            )
            return initial
        return {"status": measure.status, "progress": measure.progress}


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What should the partner change?"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The partner receives this text by e-mail."),
    )
