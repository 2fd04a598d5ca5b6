"""Cell conversion for spreadsheets as German offices write them, with German error messages.

Every widget reads what our own export writes (so that export → import changes nothing) and
what people type in Excel: dd.mm.yyyy dates, decimal commas, "ja"/"nein", German labels.
A ValueError's text becomes the message for the cell ("Zeile 7, Spalte 'E-Mail': …").
"""

import datetime
import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import translation
from django.utils.translation import gettext as _
from import_export import widgets

from core.exports import FORMULA_PREFIXES

from .matching import match_key

LIST_SEPARATORS = re.compile(r"[;,\n]")
NAME_SEPARATORS = re.compile(r"[;\n]")
THOUSANDS = re.compile(r"^-?\d{1,3}(\.\d{3})+$")


def cell_text(value: Any) -> str:
    """A cell as trimmed text; numbers as Excel shows them; our export's formula guard undone."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d.%m.%Y")
    text = str(value).strip()
    # The export prefixes "=", "+", "-", "@" with an apostrophe; the stored text has none.
    if text.startswith("'") and text[1:].startswith(FORMULA_PREFIXES):
        text = text[1:]
    return text


def spellings(label: object) -> set[str]:
    """A choice label in German, English and the current language, also without its
    parenthesis ("Einwilligung" for "Einwilligung (Art. 6 Abs. 1 lit. a DSGVO)")."""
    names: set[str] = set()
    for language in ("de", "en", translation.get_language()):
        with translation.override(language):
            name = str(label).casefold()
        names |= {name, name.split(" (")[0].strip()}
    return names


class TextWidget(widgets.Widget):
    def __init__(self, max_length: int | None = None, **kwargs: Any) -> None:
        self.max_length = max_length
        super().__init__(**kwargs)

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
        text = cell_text(value)
        if self.max_length and len(text) > self.max_length:
            raise ValueError(
                _("The text is too long (at most %(max)s characters).") % {"max": self.max_length}
            )
        return text

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> Any:
        return "" if value is None else str(value)


class EmailWidget(TextWidget):
    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
        text = super().clean(value, row, **kwargs).lower()
        if text:
            try:
                validate_email(text)
            except ValidationError:
                raise ValueError(
                    _("'%(value)s' is not a valid e-mail address.") % {"value": text}
                ) from None
        return text


class URLWidget(TextWidget):
    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
        text = super().clean(value, row, **kwargs)
        if text and "://" not in text:
            text = f"https://{text}"
        if text:
            try:
                URLValidator()(text)
            except ValidationError:
                raise ValueError(
                    _("'%(value)s' is not a valid web address.") % {"value": text}
                ) from None
        return text


class CodeWidget(TextWidget):
    """A code such as a measure number ("1.3"), which Excel turns into a date (1 March) unless
    the column is formatted as text: such a cell is refused, never read as another code."""

    MONTH = r"(jan|feb|mär|mrz|mar|apr|mai|may|jun|jul|aug|sep|okt|oct|nov|dez|dec)[a-zä]*\.?"
    DATE_TEXT = re.compile(
        r"^(\d{1,2}\.\d{1,2}\.\d{4}( \d{1,2}:\d{2}(:\d{2})?)?"  # 01.03.2024, … 00:00
        rf"|\d{{1,2}}\.? ?{MONTH}|\d{{1,2}}-{MONTH}|{MONTH}-\d{{1,2}}"  # 01. Mrz, 1-Mar, Mar-01
        r"|\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?)$",  # 2024-03-01
        re.IGNORECASE,
    )

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
        text = super().clean(value, row, **kwargs)
        if isinstance(value, datetime.date) or self.DATE_TEXT.match(text):
            raise ValueError(
                _(
                    "Excel has turned the entry into a date (%(value)s). Please format the "
                    "column as text, enter the code again (for example 1.3) and save the file."
                )
                % {"value": text}
            )
        return text


class DateWidget(widgets.Widget):
    # Excel and LibreOffice write a date cell with its time ("01.04.2019 00:00") into CSV.
    FORMATS = (
        "%d.%m.%Y",
        "%d.%m.%y",
        "%Y-%m-%d",
        "%d.%m.%Y %H:%M",
        "%d.%m.%Y %H:%M:%S",
        "%d.%m.%y %H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%dT%H:%M:%S",
    )

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = cell_text(value)
        if not text:
            return None
        for date_format in self.FORMATS:
            try:
                return datetime.datetime.strptime(text, date_format).date()
            except ValueError:
                continue
        raise ValueError(_("'%(value)s' is not a valid date (DD.MM.YYYY).") % {"value": text})

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> Any:
        return value.strftime("%d.%m.%Y") if value else ""


class IntegerWidget(widgets.Widget):
    def __init__(
        self, minimum: int | None = None, maximum: int | None = None, **kwargs: Any
    ) -> None:
        self.minimum, self.maximum = minimum, maximum
        super().__init__(**kwargs)

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
        text = cell_text(value).replace(" ", "").removesuffix("%")
        if not text:
            return None
        if THOUSANDS.match(text):
            text = text.replace(".", "")
        text = re.sub(r",0+$", "", text)
        if not re.fullmatch(r"-?\d+", text):
            raise ValueError(_("'%(value)s' is not a whole number.") % {"value": cell_text(value)})
        number = int(text)
        if self.minimum is not None and number < self.minimum:
            raise ValueError(_("The number must be at least %(min)s.") % {"min": self.minimum})
        if self.maximum is not None and number > self.maximum:
            raise ValueError(_("The number must be at most %(max)s.") % {"max": self.maximum})
        return number

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> Any:
        return "" if value is None else str(value)


class DecimalWidget(widgets.Widget):
    """German "1.234,56" and "1234,56", and "1234.56" as a program writes it."""

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
        if isinstance(value, int | float) and not isinstance(value, bool):
            return Decimal(str(value))
        # Thousands may be parted by any space (also the non-breaking ones of statistics
        # offices' files); a minus may be the typographic one.
        text = "".join(cell_text(value).split()).replace("€", "").replace("\u2212", "-")
        if not text:
            return None
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
        elif THOUSANDS.match(text):
            text = text.replace(".", "")
        try:
            return Decimal(text)
        except InvalidOperation:
            raise ValueError(
                _("'%(value)s' is not a number (for example 1.234,50).") % {"value": value}
            ) from None

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> Any:
        return "" if value is None else f"{value:f}".replace(".", ",")


class BooleanWidget(widgets.Widget):
    TRUE = {"ja", "yes", "j", "y", "x", "1", "wahr", "true"}
    FALSE = {"nein", "no", "n", "0", "falsch", "false", "-"}

    def __init__(self, default: bool = False, **kwargs: Any) -> None:
        self.default = default
        super().__init__(**kwargs)

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
        if isinstance(value, bool):
            return value
        text = cell_text(value).casefold()
        if not text:
            return self.default
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValueError(_("'%(value)s' is neither yes nor no.") % {"value": cell_text(value)})

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> Any:
        return _("yes") if value else _("no")


def choice_labels(choices: Any) -> str:
    """The labels of `choices`, as the import page and its error messages list them."""
    return ", ".join(str(label) for _value, label in choices)


class ChoiceWidget(widgets.Widget):
    """A choice by its label (German or English), its stored value or one of `aliases`, the
    short or gendered words offices use ({"Stadträtin": "councillor"})."""

    def __init__(
        self,
        choices: Sequence[tuple[Any, object]],
        default: Any = "",
        required: bool = False,
        aliases: dict[Any, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        self.choices = choices
        self.default = default
        self.required = required
        self.aliases = aliases or {}
        self._lookup: dict[Any, Any] | None = None
        super().__init__(**kwargs)

    def clean(self, value: Any, row: Any = None, **kwargs: Any) -> Any:
        text = cell_text(value)
        allowed = choice_labels(self.choices)
        if not text:
            if self.required:
                raise ValueError(_("Please fill in this cell; allowed are: %s.") % allowed)
            return self.default
        if self._lookup is None:
            self._lookup = {stored: stored for stored, _label in self.choices}
            for stored, label in self.choices:
                self._lookup.update(dict.fromkeys(map(match_key, spellings(label)), stored))
            for alias, stored in self.aliases.items():
                self._lookup.update(dict.fromkeys(map(match_key, spellings(alias)), stored))
        if match_key(text) in self._lookup:
            return self._lookup[match_key(text)]
        raise ValueError(
            _("Unknown value '%(value)s'; allowed are: %(allowed)s.")
            % {"value": text, "allowed": allowed}
        )

    def render(self, value: Any, obj: Any = None, **kwargs: Any) -> Any:
        return str(dict(self.choices).get(value, value or ""))
