from django import forms
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.uploads import allowed_types_text, inspect_upload, max_upload_bytes
from core.widgets import (
    DateInput,
    DateTimeInput,
    FilterableCheckboxSelectMultiple,
    PickerChoiceField,
    PickerMultipleChoiceField,
    PickerSelect,
    PickerSelectMultiple,
)
from measures.models import Measure, Plan, StatusReport
from measures.search import MEASURES
from network.models import Actor
from network.search import ACTIVE_ACTORS

from .models import (
    AgendaItem,
    Attendance,
    Document,
    FollowUp,
    LegislativeTerm,
    Meeting,
    Member,
    Membership,
)


class MeetingForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Meeting
        fields = [
            "committee",
            "term",
            "number",
            "start",
            "end",
            "location",
            "room",
            "address",
            "is_public",
            "state",
            "guests",
        ]
        widgets = {
            "start": DateTimeInput(),
            "end": DateTimeInput(),
            "guests": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "term": _("Left empty: the term in which the meeting takes place."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["number"].required = False
        self.fields["number"].help_text = _("Left empty: the next number in the term.")
        if self.instance.state != Meeting.State.INVITED:
            # "Invited" is the result of sending the invitation, not a choice.
            self.fields["state"].choices = [
                choice for choice in Meeting.State.choices if choice[0] != Meeting.State.INVITED
            ]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end must not be before the start."))
        if start and not cleaned.get("term"):
            cleaned["term"] = LegislativeTerm.for_date(start.date())
        if cleaned.get("committee") and not cleaned.get("number"):
            cleaned["number"] = Meeting.next_number(cleaned["committee"], cleaned.get("term"))
        return cleaned


def measure_choices(item=None):
    """Measures of the current plan, plus any an item already links to."""
    plan = Plan.current()
    condition = Q(plan=plan) if plan else Q()
    if item is not None and item.pk:
        condition |= Q(agenda_items=item)
    return (
        Measure.objects.filter(condition)
        .distinct()
        .only("pk", "code", "title")
        .order_by("plan_id", "code")
    )


class UniqueNumberMixin:
    """The item's meeting is not a form field, so Django would skip the unique number check."""

    def clean_number(self):
        number = self.cleaned_data["number"].strip()
        taken = AgendaItem.objects.filter(meeting_id=self.instance.meeting_id, number=number)
        if number and taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This meeting already has an item with this number."))
        return number


class AgendaItemForm(UniqueNumberMixin, forms.ModelForm):
    """A new item in the agenda editor."""

    class Meta:
        model = AgendaItem
        fields = ["number", "title", "kind", "is_public", "measures"]
        widgets = {"measures": PickerSelectMultiple(MEASURES)}
        field_classes = {"measures": PickerMultipleChoiceField}

    def __init__(self, *args, meeting=None, **kwargs):
        super().__init__(*args, **kwargs)
        if meeting is not None:
            self.instance.meeting = meeting
        self.fields["number"].required = False
        self.fields["number"].help_text = _("Left empty: the next main item number.")
        self.fields["measures"].queryset = measure_choices(self.instance)

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("number") and self.instance.meeting_id:
            cleaned["number"] = self.instance.meeting.next_item_number()
        return cleaned


class AgendaItemEditForm(VersionedFormMixin, UniqueNumberMixin, forms.ModelForm):
    """An item with its minutes, resolution and vote."""

    class Meta:
        model = AgendaItem
        fields = [
            "number",
            "title",
            "kind",
            "is_public",
            "measures",
            "status_reports",
            "minutes",
            "resolution",
            "votes_yes",
            "votes_no",
            "votes_abstain",
            "unanimous",
            "result",
        ]
        widgets = {
            "measures": PickerSelectMultiple(MEASURES),
            "status_reports": FilterableCheckboxSelectMultiple,
            "minutes": forms.Textarea(attrs={"rows": 6}),
            "resolution": forms.Textarea(attrs={"rows": 4}),
        }
        field_classes = {"measures": PickerMultipleChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measures"].queryset = measure_choices(self.instance)
        # Only reports of the linked measures, so that the list stays short at any data size.
        self.fields["status_reports"].queryset = (
            StatusReport.objects.filter(
                Q(measure__agenda_items=self.instance) | Q(agenda_items=self.instance)
            )
            .distinct()
            .select_related("measure")
            .order_by("measure__code", "-reporting_date")
        )
        self.fields["status_reports"].help_text = _(
            "Reports of the linked measures; save after linking a measure to see its reports."
        )


class AttendanceForm(forms.Form):
    member = forms.IntegerField(widget=forms.HiddenInput)
    state = forms.ChoiceField(
        label=_("attendance"),
        choices=[("", _("not recorded")), *Attendance.State.choices],
        required=False,
        widget=forms.RadioSelect,
    )
    remark = forms.CharField(label=_("remark"), max_length=200, required=False)


AttendanceFormSet = forms.formset_factory(AttendanceForm, extra=0)


class MemberForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Member
        fields = ["salutation", "title", "first_name", "last_name", "email", "faction"]


class MembershipForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["committee", "member", "role", "kind", "deputy_for", "start", "end"]
        widgets = {"start": DateInput(), "end": DateInput()}


class EndMembershipForm(forms.Form):
    end = forms.DateField(label=_("until"), widget=DateInput())

    def __init__(self, *args, membership, **kwargs):
        super().__init__(*args, **kwargs)
        self.membership = membership

    def clean_end(self):
        end = self.cleaned_data["end"]
        if end < self.membership.start:
            raise forms.ValidationError(_("The end must not be before the start."))
        return end


class DocumentForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["title", "file"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("%(types)s; at most %(size)s MB.") % {
            "types": allowed_types_text(),
            "size": max_upload_bytes() // (1024 * 1024),
        }

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if not isinstance(uploaded, UploadedFile):
            return uploaded  # the stored file, unchanged
        mime_type, size, sha1 = inspect_upload(uploaded)
        self.instance.file_name = uploaded.name[:200]
        self.instance.mime_type = mime_type
        self.instance.size = size
        self.instance.sha1 = sha1
        return uploaded


class FollowUpForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = FollowUp
        fields = ["text", "owner_user", "owner_actor", "due_date", "done_on"]
        widgets = {
            "text": forms.Textarea(attrs={"rows": 3}),
            "due_date": DateInput(),
            "done_on": DateInput(),
            "owner_actor": PickerSelect(ACTIVE_ACTORS),
        }
        field_classes = {"owner_actor": PickerChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_user"].queryset = (
            get_user_model()
            .objects.filter(is_active=True, is_staff=True)
            .order_by("last_name", "first_name", "username")
        )
        self.fields["owner_user"].label_from_instance = lambda user: (
            user.get_full_name() or user.get_username()
        )
        self.fields["owner_actor"].queryset = Actor.objects.filter(
            Q(is_active=True) | Q(pk=self.instance.owner_actor_id)
        )
