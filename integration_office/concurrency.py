"""Detecting concurrent edits of records that keep a change history.

A form remembers the newest history entry of its record when it is opened; saving is refused
when the record's history has moved on since, so that nobody silently overwrites a colleague's
change. (Measures use their own version counter and show both versions; see measures.services.)
"""

from django import forms
from django.utils.translation import gettext_lazy as _

CONFLICT_MESSAGE = _(
    "Someone else has changed this record since you opened the form. Your changes have not been "
    "saved. Please reload the page, check the current data and enter your changes again."
)


def latest_revision(instance):
    """The id of the record's newest history entry, 0 when it has none."""
    newest = instance.history.order_by("-history_id").values_list("history_id", flat=True)
    return newest.first() or 0


class ConcurrentEditMixin:
    """For ModelForms of models with simple-history: refuse a save over a newer change.

    A request without the hidden field (no browser form) is not checked.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loaded_revision"] = forms.IntegerField(
            widget=forms.HiddenInput, required=False
        )
        if not self.is_bound and self.instance.pk is not None:
            self.initial["loaded_revision"] = latest_revision(self.instance)

    def clean(self):
        cleaned = super().clean()
        loaded = cleaned.get("loaded_revision")
        known = self.instance.pk is not None and loaded is not None
        if known and loaded != latest_revision(self.instance):
            raise forms.ValidationError(CONFLICT_MESSAGE, code="conflict")
        return cleaned
