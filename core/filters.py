"""Filter pieces the apps' FilterSets share."""

from typing import Any

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _


class AllYesNoSelect(forms.NullBooleanSelect):
    """A yes/no filter offers "all", "yes" and "no": leaving it alone filters nothing.

    Django's NullBooleanSelect calls the empty choice "unknown", which reads as a third value.
    """

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs)
        self.choices = [("unknown", _("all")), ("true", _("yes")), ("false", _("no"))]


class YearFilter(django_filters.NumberFilter):
    """A calendar year of a date or date-time field; a year out of range is a form error.

    The database lookup turns the year into datetimes, which fail (500) beyond year 1…9999
    or, with time zones, at the very edges: the range accepts only plausible years.
    """

    field_class = forms.IntegerField
    FIRST, LAST = 1900, 2200

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("lookup_expr", "year")
        kwargs.setdefault("min_value", self.FIRST)
        kwargs.setdefault("max_value", self.LAST)
        super().__init__(*args, **kwargs)
