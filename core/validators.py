"""Validators the apps' forms and imports share."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Cc: C0/C1 controls such as NUL, tab, line breaks; Cf: invisible format characters such as the
# right-to-left override, which can disguise a code in file names and lists.
CONTROL_CATEGORIES = {"Cc", "Cf"}


def has_control_characters(value: str) -> bool:
    return any(unicodedata.category(character) in CONTROL_CATEGORIES for character in value)


def reject_control_characters(value: str) -> None:
    """A code identifies a record in lists, file names and imports: it holds only visible text."""
    if has_control_characters(value):
        raise ValidationError(
            _("The code must not contain control characters."), code="control_characters"
        )
