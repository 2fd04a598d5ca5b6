"""Detecting concurrent edits: one version counter per editable record, claimed in the UPDATE.

Every editable model has a `VersionField` (django-concurrency). Its forms carry the version the
user started from; saving runs `UPDATE … WHERE id = … AND version = <started from>`, so of two
parallel saves exactly one matches and the other is refused. The refused editor sees their
entries next to the saved ones and can save again on purpose.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from concurrency.exceptions import RecordModifiedError
from concurrency.fields import AutoIncVersionField
from django import forms
from django.contrib import messages
from django.db import transaction
from django.db.models import Model
from django.http import Http404, HttpRequest, QueryDict
from django.utils.translation import gettext_lazy as _

from .history import display_value, recorded_by

# Type checkers see the mixin as the ModelForm it is mixed into; at run time it stays a mixin.
if TYPE_CHECKING:
    _FormBase = forms.ModelForm
else:
    _FormBase = object

CONFLICT_MESSAGE = _(
    "Someone else has changed this record since you opened the form. Your changes have not been "
    "saved. Compare both versions, then save again or leave the page."
)


def version_field() -> AutoIncVersionField:
    """The version counter of an editable record (1 for a new record, +1 on every save)."""
    return AutoIncVersionField(verbose_name=_("version"), help_text="")


class VersionedFormMixin(_FormBase):
    """For ModelForms of versioned models: the version the form was opened with, as a hidden
    field. A request without it (no browser form) is checked against the record's version as
    it was read for this request.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["version"] = forms.IntegerField(
            widget=forms.HiddenInput, required=False, min_value=0
        )
        if not self.is_bound:
            self.initial["version"] = self.instance.version

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("version") is not None and self.instance.pk is not None:
            self.instance.version = cleaned["version"]
        return cleaned


def save_versioned(
    request: HttpRequest, form: forms.ModelForm, save: Callable[[], object] | None = None
) -> list[dict[str, Any]] | None:
    """Save a versioned form in one transaction, by `save()` if given, else by `form.save()`.

    Returns None when saved; when someone else saved the record since the form was opened,
    returns the differing fields (label, your entry, saved entry), adds the conflict message and
    gives the form the newer version, so that saving again is a conscious choice.
    """
    instance = recorded_by(form.instance, request.user)
    try:
        with transaction.atomic():
            (save or form.save)()
    except RecordModifiedError:
        current = type(instance)._default_manager.filter(pk=instance.pk).first()
        if current is None:
            raise Http404 from None
        # A bound form's data is request.POST (a dict in some tests): both copy the same way.
        data = cast(QueryDict, form.data).copy()
        data[form.add_prefix("version")] = current.version
        form.data = data
        instance.version = current.version
        messages.error(request, CONFLICT_MESSAGE)
        return conflict_rows(form, current)
    return None


def conflict_rows(form: forms.ModelForm, current: Model) -> list[dict[str, Any]]:
    """Pairs of (label, your value, saved value) for every model field where they differ."""
    model = type(current)
    model_fields = {field.name for field in model._meta.get_fields()}
    rows = []
    for name, field in form.fields.items():
        if name == "version" or name not in model_fields:
            continue
        yours = form.cleaned_data.get(name)
        saved = getattr(current, name)
        if hasattr(saved, "all"):
            saved, yours = list(saved.all()), list(yours or [])
            if {obj.pk for obj in saved} == {obj.pk for obj in yours}:
                continue
            yours, saved = ", ".join(map(str, yours)), ", ".join(map(str, saved))
        elif yours == saved or (yours in (None, "") and saved in (None, "")):
            continue
        rows.append(
            {
                "label": field.label,
                "yours": display_value(model, name, yours),
                "saved": display_value(model, name, saved),
            }
        )
    return rows
