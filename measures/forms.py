from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.validators import reject_control_characters
from core.widgets import (
    DateInput,
    PickerChoiceField,
    PickerMultipleChoiceField,
    PickerSelect,
    PickerSelectMultiple,
)
from network.models import Actor
from network.search import ACTIVE_ACTORS

from .models import ActionField, Measure, StatusReport


class MeasureForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Measure
        fields = [
            "action_field",
            "code",
            "title",
            "description",
            "goal",
            "target_groups",
            "lead_actor",
            "partner_actors",
            "responsible",
            "priority",
            "start",
            "end",
            "is_continuous",
            "status",
            "progress",
            "cost_estimate",
            "funding_source",
            "is_public",
        ]
        widgets = {
            "start": DateInput(),
            "end": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
            "goal": forms.Textarea(attrs={"rows": 3}),
            "lead_actor": PickerSelect(ACTIVE_ACTORS),
            "partner_actors": PickerSelectMultiple(ACTIVE_ACTORS),
            "progress": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 5}),
        }
        field_classes = {
            "lead_actor": PickerChoiceField,
            "partner_actors": PickerMultipleChoiceField,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The choices need code and title (and the plan, which clean() compares), no long texts.
        self.fields["action_field"].queryset = ActionField.objects.filter(
            plan_id=self.instance.plan_id
        ).only("plan", "code", "title")
        responsible = self.fields["responsible"]
        responsible.queryset = responsible.queryset.only("username")
        actors = Actor.objects.filter(Q(is_active=True) | Q(pk__in=self._current_actor_ids()))
        self.fields["lead_actor"].queryset = actors
        self.fields["partner_actors"].queryset = actors

    def _current_actor_ids(self):
        if not self.instance.pk:
            return []
        ids = list(self.instance.partner_actors.values_list("pk", flat=True))
        return [*ids, self.instance.lead_actor_id]

    def clean_code(self):
        code = self.cleaned_data["code"].strip()
        reject_control_characters(code)
        taken = Measure.objects.filter(plan_id=self.instance.plan_id, code__iexact=code)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("A measure with this code already exists in this plan."))
        return code

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_continuous") and cleaned.get("end"):
            self.add_error("end", _("A continuous measure has no end date."))
        return cleaned


class StatusReportForm(forms.ModelForm):
    class Meta:
        model = StatusReport
        fields = [
            "reporting_date",
            "status",
            "progress",
            "text",
            "next_steps",
            "obstacles",
            "public_summary",
        ]
        widgets = {
            "reporting_date": DateInput(),
            "progress": forms.NumberInput(attrs={"min": 0, "max": 100, "step": 5}),
            "text": forms.Textarea(attrs={"rows": 5}),
            "next_steps": forms.Textarea(attrs={"rows": 3}),
            "obstacles": forms.Textarea(attrs={"rows": 3}),
            "public_summary": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_reporting_date(self):
        date = self.cleaned_data["reporting_date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("The reporting date must not be in the future."))
        return date

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Measure.Status.DONE and cleaned.get("progress") != 100:
            self.add_error("progress", _("An implemented measure has a progress of 100 %."))
        return cleaned
