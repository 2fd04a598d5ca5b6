"""The feedback form of the accessibility statement and the office's form for the public texts."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.concurrency import VersionedFormMixin

from .models import AccessibilityFeedback, PublicText


class FeedbackForm(forms.ModelForm):
    """A barrier on our pages, reported without an account. `website` is a trap for robots:
    it is hidden from people (by CSS and from assistive technology) and must stay empty."""

    website = forms.CharField(
        label=_("Please leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    class Meta:
        model = AccessibilityFeedback
        fields = ["message", "page", "name", "email"]
        labels = {
            "message": _("Which barrier did you find?"),
            "page": _("Page concerned"),
            "name": _("Your name"),
            "email": _("Your e-mail address"),
        }
        help_texts = {
            "message": _("Describe what did not work for you, and how you use the pages."),
            "page": _("The address or the title of the page (optional)."),
            "name": _("Optional."),
            "email": _("Optional. We can only answer you if you give your e-mail address."),
        }
        widgets = {
            "message": forms.Textarea(attrs={"rows": 6}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
        }

    def is_robot(self) -> bool:
        """Whether the hidden trap field was filled in (only robots see it)."""
        return bool(self.cleaned_data.get("website"))


class PublicTextForm(VersionedFormMixin, forms.ModelForm):
    class Meta:
        model = PublicText
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 16})}
