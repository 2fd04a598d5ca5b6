"""Workbooks whose cells have the types of the data: dates are dates, numbers are numbers,
and text is text, so that postcodes and phone numbers keep their leading zeros and a text
starting with "=" is never a formula.

The type of a column comes from the model field it shows (through `attribute`, also across
relations), or from the queryset's annotation; a value that does not read as that type stays
text.
"""

import datetime
import io
import re
from decimal import Decimal
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import QuerySet

DATE = "date"
DATETIME = "datetime"
INTEGER = "integer"
DECIMAL = "decimal"
TEXT = "text"
NUMBER_FORMATS = {
    DATE: "DD.MM.YYYY",
    DATETIME: "DD.MM.YYYY HH:MM",
    INTEGER: "0",
    DECIMAL: "#,##0.00",
    TEXT: "@",
}
INTEGER_TEXT = re.compile(r"-?\d+")
DECIMAL_TEXT = re.compile(r"-?\d+([.,]\d+)?")
SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
MAX_WIDTH = 60


def kind_of(model_field: Any) -> str:
    if isinstance(model_field, models.DateTimeField):
        return DATETIME
    if isinstance(model_field, models.DateField):
        return DATE
    if isinstance(model_field, models.BooleanField):
        return TEXT  # written as "ja"/"nein", as the import reads it
    if isinstance(model_field, models.IntegerField | models.AutoField):
        return INTEGER
    if isinstance(model_field, models.DecimalField | models.FloatField):
        return DECIMAL
    return TEXT


def model_field(model: type[models.Model], attribute: str) -> Any:
    """The model field at the end of `attribute` ("lead_actor__name"), or None."""
    field = None
    for part in attribute.split("__"):
        if model is None:
            return None
        try:
            field = model._meta.get_field(part)
        except FieldDoesNotExist:
            return None
        model = field.related_model  # type: ignore[assignment]
    return None if field is not None and field.is_relation else field


def column_kinds(resource: Any, queryset: QuerySet) -> list[str]:
    """The type of each exported column, in the order of the export."""
    annotations = queryset.query.annotations
    kinds = []
    for field in resource.get_export_fields():
        attribute = field.attribute or ""
        if attribute in annotations:
            kinds.append(kind_of(annotations[attribute].output_field))
        else:
            found = model_field(queryset.model, attribute) if attribute else None
            kinds.append(kind_of(found) if found is not None else TEXT)
    return kinds


def typed_value(value: Any, kind: str) -> Any:
    """The exported text as a value of the column's type, or the text if it reads otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float | Decimal | datetime.date | datetime.time):
        return value
    value = str(value)  # also a translated label ("ja")
    text = value.strip()
    try:
        if kind == DATE:
            return datetime.datetime.strptime(text, "%d.%m.%Y").date()
        if kind == DATETIME:
            return datetime.datetime.strptime(text, "%d.%m.%Y %H:%M")
    except ValueError:
        return value
    if kind == INTEGER and INTEGER_TEXT.fullmatch(text):
        return int(text)
    if kind == DECIMAL and DECIMAL_TEXT.fullmatch(text):
        return Decimal(text.replace(",", "."))
    return value


def typed_workbook(dataset: Any, kinds: list[str], title: str) -> bytes:
    """The dataset as an XLSX workbook: a bold heading row that stays in view, typed cells."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE_FORBIDDEN.sub("-", str(title))[:31] or "Export"
    sheet.append([str(header) for header in dataset.headers or []])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(str(header)) for header in dataset.headers or []]
    for number, row in enumerate(dataset, start=2):
        for index, value in enumerate(row):
            kind = kinds[index] if index < len(kinds) else TEXT
            cell = sheet.cell(row=number, column=index + 1, value=typed_value(value, kind))
            if isinstance(cell.value, str):
                # openpyxl takes a text starting with "=" for a formula; it is text.
                cell.data_type = "s"
                cell.number_format = NUMBER_FORMATS[TEXT]
            elif cell.value is not None:
                cell.number_format = NUMBER_FORMATS[kind]
            if index < len(widths):
                widths[index] = max(widths[index], len(str(value or "")))
    for index, width in enumerate(widths, start=1):
        letter = get_column_letter(index)
        sheet.column_dimensions[letter].width = min(width + 2, MAX_WIDTH)
        if index <= len(kinds) and kinds[index - 1] == TEXT:
            # What is typed into the column later stays text too (no 1.3 turned into a date).
            sheet.column_dimensions[letter].number_format = NUMBER_FORMATS[TEXT]
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
