"""Filter pieces the apps' FilterSets share."""

from django import forms
from django.utils.translation import gettext_lazy as _


class AllYesNoSelect(forms.NullBooleanSelect):
    """A yes/no filter offers "all", "yes" and "no": leaving it alone filters nothing.

    Django's NullBooleanSelect calls the empty choice "unknown", which reads as a third value.
    """

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [("unknown", _("all")), ("true", _("yes")), ("false", _("no"))]
