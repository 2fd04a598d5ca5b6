"""The office's wording for a few texts of Django's admin and django-simple-history.

They are listed here so that makemessages keeps their German in the project catalogue, which
Django reads before the packages' own (LOCALE_PATHS come first): the change history has one
name everywhere ("Änderungshistorie"), and the save buttons say what the rest of the site says.
"""

from django.utils.translation import gettext_noop

ADMIN_WORDING = (
    gettext_noop("Change history: %s"),
    gettext_noop("History"),
    gettext_noop("History of changes"),
    gettext_noop("Reset password"),
    gettext_noop("Save and add another"),
    gettext_noop("Save and continue editing"),
    gettext_noop("Save as new"),
)
