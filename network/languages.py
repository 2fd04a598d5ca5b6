"""Languages as ISO 639 codes with German names.

Actors store their languages as a comma-separated list of codes ("tr,ku,de"): it filters the
same way on SQLite and PostgreSQL, is copied with the row, and its changes appear in the
change history like any other field. Codes are ISO 639-1 where one exists, else ISO 639-3.
"""

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

# (code, display name, German name). The German name is spelled out as well, so that data
# migrations and imports recognise it without depending on compiled catalogues.
LANGUAGE_TABLE = [
    ("sq", _("Albanian"), "Albanisch"),
    ("am", _("Amharic"), "Amharisch"),
    ("ar", _("Arabic"), "Arabisch"),
    ("hy", _("Armenian"), "Armenisch"),
    ("az", _("Azerbaijani"), "Aserbaidschanisch"),
    ("bs", _("Bosnian"), "Bosnisch"),
    ("bg", _("Bulgarian"), "Bulgarisch"),
    ("zh", _("Chinese"), "Chinesisch"),
    ("prs", _("Dari"), "Dari"),
    ("de", _("German"), "Deutsch"),
    ("gsg", _("German Sign Language"), "Deutsche Gebärdensprache"),
    ("en", _("English"), "Englisch"),
    ("fr", _("French"), "Französisch"),
    ("ka", _("Georgian"), "Georgisch"),
    ("el", _("Greek"), "Griechisch"),
    ("hi", _("Hindi"), "Hindi"),
    ("it", _("Italian"), "Italienisch"),
    ("hr", _("Croatian"), "Kroatisch"),
    ("ku", _("Kurdish"), "Kurdisch"),
    ("mk", _("Macedonian"), "Mazedonisch"),
    ("ps", _("Pashto"), "Paschtu"),
    ("fa", _("Persian (Farsi)"), "Persisch (Farsi)"),
    ("pl", _("Polish"), "Polnisch"),
    ("pt", _("Portuguese"), "Portugiesisch"),
    ("rom", _("Romani"), "Romanes"),
    ("ro", _("Romanian"), "Rumänisch"),
    ("ru", _("Russian"), "Russisch"),
    ("sr", _("Serbian"), "Serbisch"),
    ("so", _("Somali"), "Somali"),
    ("es", _("Spanish"), "Spanisch"),
    ("ta", _("Tamil"), "Tamil"),
    ("ti", _("Tigrinya"), "Tigrinya"),
    ("tr", _("Turkish"), "Türkisch"),
    ("uk", _("Ukrainian"), "Ukrainisch"),
    ("hu", _("Hungarian"), "Ungarisch"),
    ("ur", _("Urdu"), "Urdu"),
    ("vi", _("Vietnamese"), "Vietnamesisch"),
]

LANGUAGE_CHOICES = [(code, name) for code, name, _german in LANGUAGE_TABLE]
LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)
SEPARATOR = ","


def language_lookup():
    """Every accepted spelling (code, German and English name, lower case) → code."""
    lookup = {}
    for code, name, german in LANGUAGE_TABLE:
        with translation.override("en"):
            english = str(name)
        for spelling in (code, german, english, str(name)):
            lookup[spelling.casefold()] = code
    return lookup


def split_codes(value):
    """The codes of a stored list, in their stored order."""
    return [code for code in (value or "").split(SEPARATOR) if code]


def join_codes(codes):
    """The stored form of `codes`: unique, in the given order."""
    return SEPARATOR.join(dict.fromkeys(code.strip().lower() for code in codes if code.strip()))


def language_names(value):
    """The display names of a stored list, e.g. "Türkisch, Kurdisch"."""
    return ", ".join(str(LANGUAGE_NAMES.get(code, code)) for code in split_codes(value))


def validate_language_codes(value):
    unknown = [code for code in split_codes(value) if code not in LANGUAGE_NAMES]
    if unknown:
        raise ValidationError(
            _("Unknown language code: %(codes)s."),
            params={"codes": ", ".join(unknown)},
            code="unknown_language",
        )


def has_language_q(field_name, code):
    """Condition "the comma-separated list in `field_name` contains `code`"."""
    return (
        Q(**{field_name: code})
        | Q(**{f"{field_name}__startswith": f"{code}{SEPARATOR}"})
        | Q(**{f"{field_name}__endswith": f"{SEPARATOR}{code}"})
        | Q(**{f"{field_name}__contains": f"{SEPARATOR}{code}{SEPARATOR}"})
    )
