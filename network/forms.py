from django import forms
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.widgets import (
    DateInput,
    DateTimeInput,
    PickerChoiceField,
    PickerMultipleChoiceField,
    PickerSelect,
    PickerSelectMultiple,
)

from .languages import LANGUAGE_CHOICES, join_codes, split_codes
from .models import Actor, ContactPerson, Event, WorkingGroup
from .search import ACTORS, CONTACTS


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
        widgets = {"notes": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
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
            "summary",
        ]
        widgets = {
            "start": DateTimeInput(),
            "end": DateTimeInput(),
            "summary": forms.Textarea(attrs={"rows": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        event = self.instance
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
