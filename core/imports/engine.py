"""Reading spreadsheets as German offices write them, and running an import all or nothing.

The user does not choose encoding, separator or format: XLSX is recognised by its content,
CSV text by its byte order mark or by trying UTF-8 before Windows-1252, the separator by which
of ; , and tab splits the header line into the most known columns.
"""

import codecs
import csv
import io
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext as _

from core.zipcheck import check_zip

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
# No import kind has half as many columns; a heading far to the right would make every row wide.
MAX_COLUMNS = 100
SEPARATORS = (";", "\t", ",")
NOT_SPREADSHEETS = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"Rar!", b"7z")


class ImportFileError(Exception):
    """The file as a whole cannot be imported; the message says why, in German."""


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[Any]]]  # (row number as a spreadsheet shows it, cells)


@dataclass
class RowReport:
    number: int
    key: str
    status: str  # new, changed, unchanged
    changes: list[tuple[str, Any, Any]] = field(default_factory=list)  # (column, old, new)


@dataclass
class ImportReport:
    rows: list[RowReport] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def counts(self) -> dict[str, int]:
        return {status: self.count(status) for status in ("new", "changed", "unchanged")}


def read_table(data: bytes, known: frozenset[str] = frozenset()) -> Table:
    """The first sheet of an XLSX file or the rows of a CSV file; ImportFileError if neither.

    `known` are the normalised headers the caller expects; they decide the CSV separator.
    """
    if not data or not data.strip():
        raise ImportFileError(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise ImportFileError(
            _("The file is too large (%(size)s); files up to %(limit)s can be imported.")
            % {"size": filesizeformat(len(data)), "limit": filesizeformat(MAX_BYTES)}
        )
    if data.startswith(b"PK\x03\x04"):
        table = read_xlsx(data)
    elif data.startswith(b"\xd0\xcf\x11\xe0"):
        raise ImportFileError(
            _(
                "Old Excel files (.xls) cannot be read. Please save the file as Excel "
                "workbook (.xlsx) or as CSV."
            )
        )
    elif data.startswith(NOT_SPREADSHEETS) or is_binary(data):
        raise ImportFileError(not_a_spreadsheet())
    else:
        table = read_csv(decode(data), known)
    if not any(str(header or "").strip() for header in table.headers):
        raise ImportFileError(_("The file is empty."))
    if not table.rows:
        raise ImportFileError(_("The file has column headings but no rows."))
    return table


def not_a_spreadsheet() -> str:
    return _(
        "The file is not a spreadsheet. Please upload an Excel workbook (.xlsx) or a CSV file."
    )


def is_binary(data: bytes) -> bool:
    sample = data[:8192]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in sample


def decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="strict")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            pass
    else:
        for encoding in ("utf-8", "cp1252"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
    raise ImportFileError(
        _(
            "The characters of the file could not be read. Please save it as "
            "“CSV UTF-8” or “CSV (semicolon separated)”."
        )
    )


def read_csv(text: str, known: frozenset[str] = frozenset()) -> Table:
    separator = guess_separator(text, known)
    records = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        return to_table(enumerate(records, start=1))
    except csv.Error as error:
        raise ImportFileError(
            _("The CSV file could not be read: %(error)s") % {"error": error}
        ) from None


def guess_separator(text: str, known: frozenset[str]) -> str:
    """The separator that splits the first non-blank line into the most known columns."""
    # Line by line (any line end): a million empty lines never become a million strings.
    header_line = next((line for line in io.StringIO(text, newline=None) if line.strip()), "")
    return max(
        SEPARATORS,
        key=lambda sep: (
            len(set(map(normalise, split_line(header_line, sep))) & known),
            len(split_line(header_line, sep)),
        ),
    )


def split_line(line: str, separator: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=separator))
    except (csv.Error, StopIteration):
        return []


def read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        check_zip(io.BytesIO(data))
    except ValidationError as error:
        raise ImportFileError(error.messages[0]) from None
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise ImportFileError(
            _(
                "The file could not be read as an Excel workbook (.xlsx). Please save it "
                "again as .xlsx or as CSV."
            )
        ) from error
    try:
        sheet = workbook.worksheets[0]
        # The size the sheet claims may be the whole grid: every row would be padded to
        # 16,384 cells. Without it, each row is as wide as its last cell.
        sheet.reset_dimensions()
        return to_table(enumerate(sheet.iter_rows(values_only=True), start=1))
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError) as error:
        raise ImportFileError(not_a_spreadsheet()) from error
    finally:
        workbook.close()


def to_table(numbered_rows: Iterable[tuple[int, Sequence[Any]]]) -> Table:
    """Headers and non-empty rows; ImportFileError once more than MAX_ROWS rows were read.

    Empty rows count as well, so that a file of endless empty rows is stopped at the limit
    instead of being read to its end.
    """
    headers: list[str] | None = None
    rows: list[tuple[int, list[Any]]] = []
    for number, cells in numbered_rows:
        if number > MAX_ROWS + 1:  # the heading and MAX_ROWS rows
            raise ImportFileError(
                _(
                    "The file has more than %(max)s rows (empty rows included); please split "
                    "it or delete the empty rows."
                )
                % {"max": f"{MAX_ROWS:,}".replace(",", ".")}
            )
        if headers is None:
            if any(cell not in (None, "") for cell in cells):
                headers = read_headers(cells)
            continue
        if all(cell is None or str(cell).strip() == "" for cell in cells):
            continue
        # Cells right of the headings belong to no column; a row whose last cell lies far
        # right would otherwise keep thousands of empty ones.
        rows.append((number, list(cells[: len(headers)])))
    return Table(headers=headers or [], rows=rows)


def read_headers(cells: Sequence[Any]) -> list[str]:
    headers = [str(cell).strip() if cell is not None else "" for cell in cells]
    while headers and not headers[-1]:
        headers.pop()
    if len(headers) > MAX_COLUMNS:
        raise ImportFileError(
            _("The file has more than %(max)s columns; is it the right file?")
            % {"max": MAX_COLUMNS}
        )
    return headers


def normalise(header: Any) -> str:
    return " ".join(str(header or "").replace("*", " ").split()).casefold()


def column_aliases(resource: Any) -> dict[str, str]:
    """Each accepted header spelling → field name: German, English, the current language."""
    aliases: dict[str, str] = {}
    for name, resource_field in resource.fields.items():
        aliases[normalise(name)] = name
        for language in ("de", "en", translation.get_language()):
            with translation.override(language):
                aliases[normalise(resource_field.column_name)] = name
    return aliases


def match_columns(headers: list[str], resource: Any) -> tuple[dict[int, str], list[str]]:
    """(column index → field name, ignored headers), or ImportFileError."""
    aliases = column_aliases(resource)
    columns: dict[int, str] = {}
    ignored: list[str] = []
    seen: dict[str, int] = {}
    for index, header in enumerate(headers):
        name = aliases.get(normalise(header))
        if name is None:
            if str(header).strip():
                ignored.append(str(header).strip())
            continue
        if name in seen:
            raise ImportFileError(
                _("The column '%(column)s' appears more than once.") % {"column": header}
            )
        seen[name] = index
        columns[index] = name
    if not columns:
        expected = ", ".join(f"'{resource.column(name)}'" for name in resource.required)
        raise ImportFileError(
            _(
                "The file has none of the expected columns (at least %(columns)s). "
                "Is it the right file, with the column headings in the first row?"
            )
            % {"columns": expected}
        )
    missing = [name for name in resource.required if name not in seen]
    if missing:
        raise ImportFileError(
            _("Required columns are missing: %(columns)s.")
            % {"columns": ", ".join(f"'{resource.column(name)}'" for name in missing)}
        )
    return columns, ignored


def cell_error(number: int, column: str, message: object) -> str:
    return _("Row %(row)s, column '%(column)s': %(message)s") % {
        "row": number,
        "column": column,
        "message": message,
    }


def row_error(number: int, message: object) -> str:
    return _("Row %(row)s: %(message)s") % {"row": number, "message": message}
