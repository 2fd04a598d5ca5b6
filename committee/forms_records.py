"""Forms of the official record: correcting finalised minutes on the staff page and in the
admin."""

import copy

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import AgendaItem, MinutesCorrection
from .records import CORRECTABLE_FIELDS


class MinutesCorrectionForm(forms.ModelForm):
    """A correction (Berichtigung) of an item of finalised minutes, with its reason."""

    reason = forms.CharField(
        label=_("Reason for the correction"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Listed with the correction in the appendix of the minutes."),
        error_messages={"required": _("Please state the reason for the correction.")},
    )

    class Meta:
        model = AgendaItem
        fields = list(CORRECTABLE_FIELDS)
        widgets = {
            "minutes": forms.Textarea(attrs={"rows": 6}),
            "resolution": forms.Textarea(attrs={"rows": 4}),
        }

    def changes(self):
        return {name: self.cleaned_data[name] for name in CORRECTABLE_FIELDS}


def correctable_choices():
    return [(name, AgendaItem._meta.get_field(name).verbose_name) for name in CORRECTABLE_FIELDS]


class MinutesCorrectionAdminForm(forms.ModelForm):
    """The admin's correction: one entry of an item of finalised minutes, its new value and
    the reason; checked as the staff page checks it."""

    field = forms.ChoiceField(label=_("corrected entry"), choices=correctable_choices)

    class Meta:
        model = MinutesCorrection
        fields = ["agenda_item", "field", "new_value", "reason"]
        help_texts = {
            "new_value": _("Votes as a number, unanimous as yes or no, a result by its name."),
        }

    def clean(self):
        cleaned = super().clean()
        item, name = cleaned.get("agenda_item"), cleaned.get("field")
        if item is None or not name:
            return cleaned
        if not item.meeting.is_finalised:
            self.add_error(
                "agenda_item",
                _("Only finalised minutes are corrected; until then, edit the item directly."),
            )
            return cleaned
        corrected = copy.copy(item)
        try:
            value = AgendaItem._meta.get_field(name).clean(
                entered_value(name, cleaned.get("new_value", "")), corrected
            )
            setattr(corrected, name, value)
            corrected.clean()
        except ValidationError as error:
            self.add_error("new_value", error.messages)
            return cleaned
        if value == getattr(item, name):
            self.add_error(
                "new_value", _("Nothing has been changed, so there is nothing to correct.")
            )
        cleaned["value"] = value
        return cleaned


def entered_value(name, text):
    """What a person types for an entry of an item, as the model field takes it."""
    field = AgendaItem._meta.get_field(name)
    text = text.strip()
    if isinstance(field, models.BooleanField):
        return text.lower() in ("1", "ja", "yes", "true", str(_("yes")).lower())
    if field.choices:
        labels = {str(label).lower(): value for value, label in field.flatchoices}
        return labels.get(text.lower(), text)
    return None if text == "" and field.null else text
