"""Runs one import: the preview (a dry run) and the real import, all or nothing."""

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _
from import_export.results import RowResult
from tablib import Dataset

from .engine import (
    ImportReport,
    RowReport,
    Table,
    cell_error,
    column_aliases,
    match_columns,
    read_table,
    row_error,
)

STATUS = {
    RowResult.IMPORT_TYPE_NEW: "new",
    RowResult.IMPORT_TYPE_UPDATE: "changed",
    RowResult.IMPORT_TYPE_SKIP: "unchanged",
}


def run_import(
    resource_class: type[Any],
    data: bytes,
    user: AbstractBaseUser | AnonymousUser | None,
    dry_run: bool = True,
) -> ImportReport:
    """Read `data` and import it through `resource_class`.

    With `dry_run` nothing is saved and the report previews every row. Without it the rows are
    saved in one transaction, unless any row has an error: then nothing is saved. Raises
    ImportFileError when the file as a whole is unusable.
    """
    resource = resource_class(user=user)
    table = read_table(data, known=frozenset(column_aliases(resource)))
    columns, ignored = match_columns(table.headers, resource)
    report = ImportReport(ignored_columns=ignored)
    dataset, numbers, labels, errors = build_dataset(resource, table, columns)
    if errors and not dry_run:
        report.errors = [message for _number, message in sorted(errors)]
        return report
    result = resource.import_data(
        dataset,
        dry_run=dry_run,
        use_transactions=True,
        rollback_on_validation_errors=True,
    )
    errors += [(0, str(error.error)) for error in result.base_errors]
    columns_by_attribute = {
        item.attribute: str(item.column_name) for item in resource.fields.values()
    }
    for index, row_result in enumerate(result.rows):
        number = numbers[index]
        if row_result.import_type == RowResult.IMPORT_TYPE_INVALID:
            errors += validation_errors(number, row_result.validation_error, columns_by_attribute)
        elif row_result.import_type == RowResult.IMPORT_TYPE_ERROR:
            errors += [
                (number, row_error(number, _("the row could not be saved (%s).") % error.error))
                for error in row_result.errors
            ]
        else:
            report.rows.append(
                RowReport(
                    number=number,
                    key=labels[index],
                    status=STATUS.get(row_result.import_type, row_result.import_type),
                    changes=row_result.diff or [],
                )
            )
    report.errors = [message for _number, message in sorted(errors)]
    return report


def build_dataset(
    resource: Any, table: Table, columns: dict[int, str]
) -> tuple[Dataset, list[int], list[str], list[tuple[int, str]]]:
    """The rows as the resource reads them, checked for a usable, unique key in each row.

    Returns the dataset, each row's number and name for the preview, and (number, message)
    errors.
    """
    names = list(columns.values())
    headers = [str(resource.column(name)) for name in names]
    dataset = Dataset(headers=headers)
    numbers: list[int] = []
    labels: list[str] = []
    errors: list[tuple[int, str]] = []
    first_rows: dict[str, int] = {}
    for number, cells in table.rows:
        values = [cells[index] if index < len(cells) else None for index in columns]
        row = dict(zip(headers, values, strict=True))
        key_label = str(resource.column(resource.key_field(row)))
        try:
            key = resource.row_key(row)
        except ValueError as error:
            errors.append((number, cell_error(number, key_label, error)))
            continue
        if key in (None, ""):
            message = _("Please fill in this cell: it identifies the row.")
            errors.append((number, cell_error(number, key_label, message)))
            continue
        normalised = str(key).casefold()
        if normalised in first_rows:
            message = _("'%(value)s' appears already in row %(row)s.") % {
                "value": key,
                "row": first_rows[normalised],
            }
            errors.append((number, cell_error(number, key_label, message)))
            continue
        first_rows[normalised] = number
        dataset.append(values)
        numbers.append(number)
        labels.append(resource.row_label(row))
    return dataset, numbers, labels, errors


def validation_errors(
    number: int, error: ValidationError, labels: dict[str, str]
) -> list[tuple[int, str]]:
    """(row, message) for every message of a row's ValidationError, naming the column."""
    found: list[tuple[int, str]] = []
    details = error.error_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: [error]}
    for attribute, messages in details.items():
        for item in messages:
            for message in getattr(item, "messages", [str(item)]):
                if attribute in labels:
                    found.append((number, cell_error(number, labels[attribute], message)))
                else:
                    found.append((number, row_error(number, message)))
    return found
