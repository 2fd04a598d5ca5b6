"""The forms of a project's own pages: the project, its documents and its results."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.uploads import allowed_types_text, inspect_upload, max_upload_bytes
from core.widgets import (
    DateInput,
    PickerChoiceField,
    PickerMultipleChoiceField,
    PickerSelect,
    PickerSelectMultiple,
)
from network.models import Actor
from network.search import ACTIVE_ACTORS

from ..models import ActionField, Measure, Plan, Project, ProjectDocument, ProjectResult
from ..search import MEASURES


def current_or_linked(queryset, linked):
    """The adopted plan's entries, and those the project links already (of older plans)."""
    return queryset.filter(Q(plan__state=Plan.State.ADOPTED) | Q(pk__in=linked))


class ProjectForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = Project
        fields = [
            "title",
            "status",
            "description",
            "goals",
            "target_groups",
            "action_fields",
            "measures",
            "lead_actor",
            "partner_actors",
            "responsible",
            "start",
            "end",
            "funding",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "goals": forms.Textarea(attrs={"rows": 3}),
            "action_fields": forms.CheckboxSelectMultiple,
            "measures": PickerSelectMultiple(MEASURES),
            "lead_actor": PickerSelect(ACTIVE_ACTORS),
            "partner_actors": PickerSelectMultiple(ACTIVE_ACTORS),
            "start": DateInput(),
            "end": DateInput(),
        }
        field_classes = {
            "measures": PickerMultipleChoiceField,
            "lead_actor": PickerChoiceField,
            "partner_actors": PickerMultipleChoiceField,
        }
        help_texts = {
            "funding": _("A short note; applications and grants are entered in the funding part."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        project = self.instance
        self.fields["action_fields"].queryset = current_or_linked(
            ActionField.objects.select_related("plan"), self._linked("action_fields")
        ).order_by("plan", "order", "code")
        self.fields["measures"].queryset = current_or_linked(
            Measure.objects.only("pk", "code", "title"), self._linked("measures")
        ).order_by("plan", "code")
        actors = Actor.objects.filter(
            Q(is_active=True) | Q(pk__in=[*self._linked("partner_actors"), project.lead_actor_id])
        )
        self.fields["lead_actor"].queryset = actors
        self.fields["partner_actors"].queryset = actors
        responsible = self.fields["responsible"]
        responsible.queryset = (
            get_user_model()
            .objects.filter(Q(is_active=True, is_staff=True) | Q(pk=project.responsible_id))
            .order_by("last_name", "first_name", "username")
        )
        responsible.label_from_instance = lambda user: user.get_full_name() or user.get_username()

    def _linked(self, relation):
        if self.instance.pk is None:
            return []
        return list(getattr(self.instance, relation).values_list("pk", flat=True))

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end must not be before the start."))
        return cleaned


class ProjectDocumentForm(forms.ModelForm):
    """A document with the committee documents' upload rules (core.uploads)."""

    class Meta:
        model = ProjectDocument
        fields = ["title", "file"]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "document")
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("%(types)s; at most %(size)s MB.") % {
            "types": allowed_types_text(),
            "size": max_upload_bytes() // (1024 * 1024),
        }

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if not isinstance(uploaded, UploadedFile):
            return uploaded  # the stored file, unchanged
        mime_type, size, _sha1 = inspect_upload(uploaded)
        self.instance.content_type = mime_type
        self.instance.size = size
        return uploaded


class ProjectResultForm(forms.ModelForm):
    class Meta:
        model = ProjectResult
        fields = ["year", "participants", "outcome"]
        widgets = {
            "year": forms.NumberInput(attrs={"min": 2000, "max": 2100}),
            "outcome": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, project, **kwargs):
        super().__init__(*args, **kwargs)
        self.project = project

    def clean_year(self):
        year = self.cleaned_data["year"]
        taken = ProjectResult.objects.filter(project=self.project, year=year)
        if taken.exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("The results of this year have already been entered."))
        return year
