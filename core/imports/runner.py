"""Runs one import: the preview (a dry run) and the real import, all or nothing."""

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _
from import_export.results import RowResult
from tablib import Dataset

from .base import KeepWhenEmptyField
from .engine import (
    ImportReport,
    RowReport,
    Table,
    cell_error,
    match_columns,
    read_table,
    row_error,
)
from .headers import known_headings
from .matching import match_key
from .widgets import cell_text

STATUS = {
    RowResult.IMPORT_TYPE_NEW: "new",
    RowResult.IMPORT_TYPE_UPDATE: "changed",
    RowResult.IMPORT_TYPE_SKIP: "unchanged",
}
# The answer to "Similar: …" that creates a new record instead of linking an existing one.
CREATE_NEW = "new"


@dataclass
class ImportChoices:
    """What the user chose in the preview: the sheet, that the ignored columns may be ignored,
    and for each row with similar records ({row number: record id or CREATE_NEW})."""

    sheet: str | None = None
    ignored_confirmed: bool = False
    links: dict[int, str] = field(default_factory=dict)
    # The answers of the kind's options form on the upload page (ImportKind.options_form).
    options: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, values: dict[str, Any]) -> "ImportChoices":
        links = {int(number): str(chosen) for number, chosen in values["links"].items()}
        options = {str(name): str(value) for name, value in values.get("options", {}).items()}
        return cls(values["sheet"], bool(values["ignored_confirmed"]), links, options)


@dataclass
class Rows:
    """The file's rows as the resource reads them, with what the preview tells about them."""

    dataset: Dataset
    numbers: list[int] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    similar: dict[int, list[tuple[str, str]]] = field(default_factory=dict)
    linked: dict[int, str] = field(default_factory=dict)


def run_import(
    resource_class: type[Any],
    data: bytes,
    user: AbstractBaseUser | AnonymousUser | None,
    dry_run: bool = True,
    choices: ImportChoices | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Read `data` and import it through `resource_class`.

    With `dry_run` nothing is saved and the report previews every row. Without it the rows are
    saved in one transaction, unless any row has an error or a question of the preview is
    unanswered (`report.questions`): then nothing is saved. Raises ImportFileError when the
    file as a whole is unusable.
    """
    choices = choices or ImportChoices()
    resource = resource_class(user=user)
    resource.options = dict(choices.options)
    table = read_table(data, known=known_headings(resource), sheet=choices.sheet)
    if hasattr(resource, "reshape"):
        table = resource.reshape(table)
    columns, ignored = match_columns(table.headers, resource)
    report = ImportReport(
        ignored_columns=ignored,
        header_row=table.header_row,
        sheet=table.sheet,
        sheets=table.sheets,
    )
    rows = build_dataset(resource, table, columns, choices.links)
    rows.errors += table.errors
    report.notes = table.notes + notes(resource, table, columns)
    report.questions = questions(report, rows, choices)
    if report.questions:
        dry_run = True
    if rows.errors and not dry_run:
        report.errors = [message for _number, message in sorted(rows.errors)]
        return report
    if progress is not None:
        count_rows(resource, len(rows.dataset), progress)
    result = resource.import_data(
        rows.dataset,
        dry_run=dry_run,
        use_transactions=True,
        rollback_on_validation_errors=True,
    )
    errors = rows.errors + [(0, str(error.error)) for error in result.base_errors]
    columns_by_attribute = {
        item.attribute: str(item.column_name) for item in resource.fields.values()
    }
    for index, row_result in enumerate(result.rows):
        number = rows.numbers[index]
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
                    key=rows.labels[index],
                    status=STATUS.get(row_result.import_type, row_result.import_type),
                    changes=row_result.diff or [],
                    similar=rows.similar.get(number, []),
                    linked_to=rows.linked.get(number, ""),
                    chosen=choices.links.get(number, ""),
                )
            )
    report.errors = [message for _number, message in sorted(errors)]
    report.saved = not dry_run and report.ok
    return report


def count_rows(resource: Any, total: int, progress: Callable[[int, int], None]) -> None:
    """Call `progress(done, total)` as the resource imports its rows (every 1 %, at least
    every 50 rows)."""
    progress(0, total)
    step = max(50, total // 100)
    original = resource.after_import_row
    done = 0

    def counted(*args: Any, **kwargs: Any) -> Any:
        nonlocal done
        result = original(*args, **kwargs)
        done += 1
        if done % step == 0 or done == total:
            progress(done, total)
        return result

    resource.after_import_row = counted


def row_count(resource_class: type[Any], data: bytes, sheet: str | None = None) -> int:
    """How many rows the file's (chosen) sheet has below its headings."""
    resource = resource_class()
    return len(read_table(data, known=known_headings(resource), sheet=sheet).rows)


def questions(report: ImportReport, rows: Rows, choices: ImportChoices) -> list[str]:
    """What the user must answer before the file can be imported."""
    asked = []
    if report.ignored_columns and not choices.ignored_confirmed:
        asked.append(
            _("Please confirm that the columns %(columns)s are ignored.")
            % {"columns": ", ".join(f"'{column}'" for column in report.ignored_columns)}
        )
    for number, found in sorted(rows.similar.items()):
        if choices.links.get(number) == CREATE_NEW or number in rows.linked:
            continue
        asked.append(
            row_error(
                number,
                _(
                    "similar entries exist (%(names)s); please choose whether the row is one "
                    "of them or a new entry."
                )
                % {"names": "; ".join(name for _pk, name in found)},
            )
        )
    return asked


def notes(resource: Any, table: Table, columns: dict[int, str]) -> list[str]:
    """What the preview tells besides the rows: skipped title rows, empty optional numbers."""
    found = []
    if table.header_row > 1:
        found.append(
            _("The column headings are in row %(row)s; the rows above them are not imported.")
            % {"row": table.header_row}
        )
    model = resource._meta.model
    for index, name in columns.items():
        column = resource.fields[name]
        if isinstance(column, KeepWhenEmptyField) and any(
            index >= len(cells) or cell_text(cells[index]) == "" for _number, cells in table.rows
        ):
            found.append(
                _(
                    "Empty cells in the column '%(column)s' leave the saved value unchanged; "
                    "new entries get %(default)s."
                )
                % {"column": column.column_name, "default": column.model_default(model)}
            )
    return found


def build_dataset(
    resource: Any, table: Table, columns: dict[int, str], links: dict[int, str] | None = None
) -> Rows:
    """The rows as the resource reads them, checked for a usable, unique key in each row.

    A key that names an existing record in other case or spacing is written as stored; a row
    the user linked to a similar record gets that record's key.
    """
    links = links or {}
    names = list(columns.values())
    headers = [str(resource.column(name)) for name in names]
    rows = Rows(dataset=Dataset(headers=headers))
    first_rows: dict[str, int] = {}
    key_index = names.index(resource.key) if resource.key in names else None
    for number, cells in table.rows:
        values = [cells[index] if index < len(cells) else None for index in columns]
        row = dict(zip(headers, values, strict=True))
        key_label = str(resource.column(resource.key_field(row)))
        try:
            key = resource.row_key(row)
        except ValueError as error:
            rows.errors.append((number, cell_error(number, key_label, error)))
            continue
        if key in (None, ""):
            message = _("Please fill in this cell: it identifies the row.")
            rows.errors.append((number, cell_error(number, key_label, message)))
            continue
        stored = resource.existing_key(key) if key_index is not None else None
        if stored is None and key_index is not None:
            stored = link(resource, number, key, links, rows)
        if stored is not None and key_index is not None:
            values[key_index] = key = stored
        normalised = match_key(key)
        if normalised in first_rows:
            message = _("'%(value)s' appears already in row %(row)s.") % {
                "value": key,
                "row": first_rows[normalised],
            }
            rows.errors.append((number, cell_error(number, key_label, message)))
            continue
        first_rows[normalised] = number
        rows.dataset.append(values)
        rows.numbers.append(number)
        rows.labels.append(resource.row_label(row))
    return rows


def link(resource: Any, number: int, key: Any, links: dict[int, str], rows: Rows) -> Any | None:
    """The key of the similar record the user chose for the row, or None (a new record, or
    a question for the user)."""
    found = resource.similar_records(key)
    if not found:
        return None
    rows.similar[number] = found
    chosen = dict(found).get(links.get(number, ""))
    if chosen is not None:
        rows.linked[number] = chosen
    return chosen


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
