from django import forms
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin
from core.widgets import (
    DateInput,
    PickerChoiceField,
    PickerMultipleChoiceField,
    PickerSelect,
    PickerSelectMultiple,
)
from network.languages import LANGUAGE_CHOICES, join_codes, split_codes
from network.search import ACTORS

from ..models import Offer, OfferTranslation
from ..search import MEASURES
from .services import DISCONTINUED, EDITABLE_FIELDS


def languages_field():
    return forms.MultipleChoiceField(
        label=_("Languages"),
        choices=LANGUAGE_CHOICES,
        required=False,
        help_text=_("Languages in which the offer is held."),
        widget=forms.CheckboxSelectMultiple(attrs={"class": "checkbox-columns"}),
    )


class LanguagesMixin:
    def init_languages(self):
        if not self.is_bound:
            self.initial["languages"] = split_codes(self.instance.languages)

    def clean_languages(self):
        return join_codes(self.cleaned_data["languages"])


class OfferForm(LanguagesMixin, VersionedFormMixin, forms.ModelForm):
    languages = languages_field()
    registration_url = forms.URLField(
        label=_("Registration online"), required=False, max_length=200, assume_scheme="https"
    )

    class Meta:
        model = Offer
        fields = [
            "provider",
            "category",
            "title",
            "description",
            "languages",
            "target_groups",
            "district",
            "address",
            "schedule",
            "is_free",
            "cost",
            "cost_note",
            "accessibility",
            "registration_phone",
            "registration_email",
            "registration_url",
            "valid_from",
            "valid_until",
            "measures",
            "is_published",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "schedule": forms.Textarea(attrs={"rows": 2}),
            "accessibility": forms.Textarea(attrs={"rows": 2}),
            "valid_from": DateInput(),
            "valid_until": DateInput(),
            "provider": PickerSelect(ACTORS),
            "measures": PickerSelectMultiple(MEASURES),
        }
        field_classes = {"provider": PickerChoiceField, "measures": PickerMultipleChoiceField}
        # The cost is typed as a German office writes it ("12,50").
        localized_fields = ["cost"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.init_languages()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_free") and cleaned.get("cost"):
            self.add_error("cost", _("An offer free of charge has no cost."))
        start, end = cleaned.get("valid_from"), cleaned.get("valid_until")
        if start and end and end < start:
            self.add_error("valid_until", _("The end of validity lies before its start."))
        return cleaned


class TranslationForm(forms.ModelForm):
    class Meta:
        model = OfferTranslation
        fields = ["language", "title", "description"]
        widgets = {
            "language": forms.Select(choices=[("", "–"), *LANGUAGE_CHOICES]),
            "description": forms.Textarea(attrs={"rows": 3}),
        }


TranslationFormSet = forms.inlineformset_factory(
    Offer, OfferTranslation, form=TranslationForm, extra=1, can_delete=True
)


class ProviderOfferForm(LanguagesMixin, forms.ModelForm):
    """The fields a provider may correct by link; only changed values become the proposal."""

    languages = languages_field()
    registration_url = forms.URLField(
        label=_("Registration online"), required=False, max_length=200, assume_scheme="https"
    )
    discontinued = forms.BooleanField(label=_("This offer no longer exists"), required=False)
    comment = forms.CharField(
        label=_("Note for the city"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    class Meta:
        model = Offer
        fields = EDITABLE_FIELDS
        localized_fields = ["cost"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 5}),
            "schedule": forms.Textarea(attrs={"rows": 2}),
            "valid_until": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.init_languages()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_free") and cleaned.get("cost"):
            self.add_error("cost", _("An offer free of charge has no cost."))
        return cleaned

    def proposed_changes(self):
        """{field: new value as JSON} for the fields that differ from the stored offer."""
        offer = Offer.objects.get(pk=self.instance.pk)
        changes = {}
        if self.cleaned_data.get("discontinued"):
            changes[DISCONTINUED] = True
        for name in EDITABLE_FIELDS:
            new = self.cleaned_data.get(name)
            old = getattr(offer, name)
            if (new in (None, "") and old in (None, "")) or new == old:
                continue
            changes[name] = to_json(new)
        return changes


def to_json(value):
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, bool | int | str):
        return value
    return str(value)


class InvitationForm(forms.Form):
    """Validity of the links; the providers and contacts are chosen on the page's rows."""

    expires_on = forms.DateField(label=_("Links valid until"), widget=DateInput())
