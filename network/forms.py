from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.widgets import (
    PickerChoiceField,
    PickerMultipleChoiceField,
    PickerSelect,
    PickerSelectMultiple,
)
from measures.forms import DateInput
from measures.models import ActionField, Measure, Plan
from measures.search import MEASURES

from .languages import LANGUAGE_CHOICES, join_codes, split_codes
from .models import Actor, ContactPerson, Event, WorkingGroup
from .search import ACTORS, CONTACTS


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


def current_action_fields(instance=None, attribute="action_fields"):
    """The current plan's action fields, and those `instance` links already (older plans)."""
    linked = Q()
    if instance is not None and instance.pk:
        linked = Q(pk__in=getattr(instance, attribute).values("pk"))
    return ActionField.objects.filter(Q(plan__state=Plan.State.ADOPTED) | linked)


class ActorForm(VersionedFormMixin, forms.ModelForm):
    website = forms.URLField(
        label=_("Website"), required=False, max_length=200, assume_scheme="https"
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkbox-columns"}),
    )

    class Meta:
        model = Actor
        fields = [
            "name",
            "short_name",
            "kind",
            "action_fields",
            "is_active",
            "street",
            "postal_code",
            "city",
            "website",
            "email",
            "phone",
            "languages",
            "communities",
            "founded_year",
            "member_count",
            "notes",
        ]
        widgets = {
            "action_fields": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action_fields"].queryset = current_action_fields(self.instance)
        if not self.is_bound:
            self.initial["languages"] = split_codes(self.instance.languages)

    def clean_languages(self):
        return join_codes(self.cleaned_data["languages"])


class ContactPersonForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = ContactPerson
        fields = [
            "actor",
            "salutation",
            "first_name",
            "last_name",
            "function",
            "email",
            "phone",
            "preferred_language",
            "legal_basis",
            "consent_date",
            "consent_scope",
            "source",
            "last_confirmed",
        ]
        widgets = {
            "actor": PickerSelect(ACTORS),
            "consent_date": DateInput(),
            "last_confirmed": DateInput(),
        }
        field_classes = {"actor": PickerChoiceField}


class WorkingGroupForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = WorkingGroup
        fields = [
            "title",
            "action_field",
            "description",
            "chair",
            "member_actors",
            "member_contacts",
            "is_active",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "chair": PickerSelect(CONTACTS),
            "member_actors": PickerSelectMultiple(ACTORS),
            "member_contacts": PickerSelectMultiple(CONTACTS),
        }
        field_classes = {
            "chair": PickerChoiceField,
            "member_actors": PickerMultipleChoiceField,
            "member_contacts": PickerMultipleChoiceField,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["action_field"].queryset = ActionField.objects.filter(
            Q(plan__state=Plan.State.ADOPTED) | Q(pk=self.instance.action_field_id)
        )


class EventForm(VersionedFormMixin, forms.ModelForm):
    participant_actors = PickerMultipleChoiceField(
        label=_("Participating actors"),
        queryset=Actor.objects.all(),
        required=False,
        widget=PickerSelectMultiple(ACTORS),
    )
    participant_contacts = PickerMultipleChoiceField(
        label=_("Participating persons"),
        queryset=ContactPerson.objects.all(),
        required=False,
        widget=PickerSelectMultiple(CONTACTS),
    )

    class Meta:
        model = Event
        fields = [
            "title",
            "kind",
            "start",
            "end",
            "location",
            "action_fields",
            "measures",
            "summary",
        ]
        widgets = {
            "start": DateTimeInput(),
            "end": DateTimeInput(),
            "action_fields": forms.CheckboxSelectMultiple,
            "measures": PickerSelectMultiple(MEASURES),
            "summary": forms.Textarea(attrs={"rows": 6}),
        }
        field_classes = {"measures": PickerMultipleChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        event = self.instance
        self.fields["action_fields"].queryset = current_action_fields(event)
        linked = Q(pk__in=event.measures.values("pk")) if event.pk else Q()
        self.fields["measures"].queryset = Measure.objects.filter(
            Q(plan__state=Plan.State.ADOPTED) | linked
        ).order_by("plan", "code")
        if event.pk and not self.is_bound:
            participants = list(event.participants.all())
            self.initial["participant_actors"] = [p.actor_id for p in participants if p.actor_id]
            self.initial["participant_contacts"] = [
                p.contact_id for p in participants if p.contact_id
            ]


class AttendanceForm(forms.Form):
    """One checkbox per participant: who came. Saved at once."""

    attended = forms.MultipleChoiceField(
        label=_("Attended"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkbox-columns"}),
    )

    def __init__(self, participants, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].choices = [(p.pk, str(p)) for p in participants]
        if not self.is_bound:
            self.initial["attended"] = [p.pk for p in participants if p.attended]

    def attended_ids(self):
        return {int(pk) for pk in self.cleaned_data["attended"]}
