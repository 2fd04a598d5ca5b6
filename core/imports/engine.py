"""Reading spreadsheets as German offices write them, and running an import all or nothing.

The user does not choose encoding, separator or format: XLSX and ODS are recognised by their
content, CSV text by its byte order mark or by trying UTF-8 before Windows-1252, the separator
by a first line "sep=;" (Excel writes it) or else by which of ; , and tab splits the header line
into the most known columns. The headings may stand below title rows and empty rows.
"""

import codecs
import csv
import io
import json
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any
from xml.etree.ElementTree import ParseError

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from core.zipcheck import check_zip

from . import ods, xlsx
from .headers import (
    HEADER_SEARCH_ROWS,
    MAX_COLUMNS,
    column_aliases,
    is_empty,
    match_columns,
    normalise,
    pick_header,
    read_headers,
)
from .sheets import ImportFileError, Sheet, SheetChoice

__all__ = [
    "MAX_COLUMNS",
    "ImportFileError",
    "column_aliases",
    "match_columns",
    "normalise",
]

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
SEPARATORS = (";", "\t", ",")
NOT_SPREADSHEETS = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"Rar!", b"7z")
OLE = b"\xd0\xcf\x11\xe0"
# An encrypted Office file is an OLE container with this stream (its name in UTF-16).
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
# What a broken workbook raises in openpyxl or in the ODS reader's XML parser.
WORKBOOK_ERRORS = (*xlsx.READ_ERRORS, ParseError)
SEP_LINE = re.compile(r"^\s*sep=(.)\s*$", re.IGNORECASE)


@dataclass
class Table:
    headers: list[str]
    rows: list[tuple[int, list[Any]]]  # (row number as a spreadsheet shows it, cells)
    header_row: int = 1
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)  # every sheet of a workbook
    # What a resource's reshape step (ImportResource.reshape) found: (row, message) of cells it
    # refused, and notes for the preview.
    errors: list[tuple[int, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass
class RowReport:
    number: int
    key: str
    status: str  # new, changed, unchanged
    changes: list[tuple[str, Any, Any]] = field(default_factory=list)  # (column, old, new)
    # (id, name) of existing records the new row may mean; the user decides.
    similar: list[tuple[str, str]] = field(default_factory=list)
    linked_to: str = ""  # the existing record the user linked the row to
    chosen: str = ""  # the user's answer: a record's id or "new"


@dataclass
class ImportReport:
    rows: list[RowReport] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    # What the user must answer before the import (ignored columns, similar records).
    questions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    header_row: int = 1
    sheet: str = ""
    sheets: list[str] = field(default_factory=list)
    saved: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def counts(self) -> dict[str, int]:
        return {status: self.count(status) for status in ("new", "changed", "unchanged")}

    def as_json(self) -> bytes:
        """The report as JSON, for a preview made by the worker (tasks.preview_file)."""
        return json.dumps(asdict(self), cls=DjangoJSONEncoder, ensure_ascii=False).encode()

    @classmethod
    def from_json(cls, data: bytes) -> "ImportReport":
        values = json.loads(data)
        rows = [
            RowReport(
                **{
                    **row,
                    "changes": [tuple(change) for change in row["changes"]],
                    "similar": [tuple(found) for found in row["similar"]],
                }
            )
            for row in values.pop("rows")
        ]
        return cls(rows=rows, **values)


def read_table(
    data: bytes, known: frozenset[str] = frozenset(), sheet: SheetChoice = None
) -> Table:
    """A sheet of an XLSX or ODS workbook (the one it opens with, or `sheet`) or the rows of a
    CSV file; ImportFileError if neither.

    `known` are the normalised headers the caller expects; they find the heading row and decide
    the CSV separator.
    """
    if not data or not data.strip():
        raise ImportFileError(_("The file is empty."))
    if len(data) > MAX_BYTES:
        raise ImportFileError(
            _("The file is too large (%(size)s); files up to %(limit)s can be imported.")
            % {"size": filesizeformat(len(data)), "limit": filesizeformat(MAX_BYTES)}
        )
    if data.startswith(b"PK\x03\x04"):
        table = read_workbook(data, known, sheet)
    elif data.startswith(OLE):
        raise ImportFileError(old_excel_message(data))
    elif data.startswith(NOT_SPREADSHEETS) or is_binary(data):
        raise ImportFileError(not_a_spreadsheet())
    else:
        table = read_csv(decode(data), known)
    if not any(str(header or "").strip() for header in table.headers):
        raise ImportFileError(_("The file is empty."), sheets=table.sheets)
    if not table.rows:
        raise ImportFileError(_("The file has column headings but no rows."), sheets=table.sheets)
    return table


def old_excel_message(data: bytes) -> str:
    if ENCRYPTED_PACKAGE in data:
        return password_protected()
    return _(
        "Old Excel files (.xls) cannot be read. Please save the file as Excel "
        "workbook (.xlsx) or as CSV."
    )


def password_protected() -> str:
    return _(
        "The workbook is protected with a password and cannot be read. Please remove the "
        "password (in Excel: File › Info › Protect Workbook › Encrypt with Password; in "
        "LibreOffice: File › Save As without “Save with password”) and upload the file again."
    )


def not_a_spreadsheet() -> str:
    return _(
        "The file is not a spreadsheet. Please upload an Excel workbook (.xlsx), a "
        "LibreOffice spreadsheet (.ods) or a CSV file."
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
    first_line, _end, rest = text.partition("\n")
    declared = SEP_LINE.match(first_line)
    if declared:
        # Excel's "sep=;" line names the separator and is no row of the table.
        text, separator = rest, declared.group(1)
    else:
        separator = guess_separator(text, known)
    records = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        return to_table(enumerate(records, start=1), known)
    except csv.Error as error:
        raise ImportFileError(
            _("The CSV file could not be read: %(error)s") % {"error": error}
        ) from None


def guess_separator(text: str, known: frozenset[str]) -> str:
    """The separator that splits the first non-blank lines into the most known columns."""
    # Line by line (any line end): a million empty lines never become a million strings.
    lines = []
    for line in io.StringIO(text, newline=None):
        if line.strip():
            lines.append(line)
            if len(lines) == HEADER_SEARCH_ROWS:
                break
    header_line = lines[0] if lines else ""

    def score(sep: str) -> tuple[int, int]:
        most_known = max(
            (len(set(map(normalise, split_line(line, sep))) & known) for line in lines),
            default=0,
        )
        return most_known, len(split_line(header_line, sep))

    return max(SEPARATORS, key=score)


def split_line(line: str, separator: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=separator))
    except (csv.Error, StopIteration):
        return []


def read_workbook(data: bytes, known: frozenset[str], sheet: SheetChoice) -> Table:
    """An Excel (.xlsx) or LibreOffice (.ods) workbook's chosen sheet."""
    try:
        check_zip(io.BytesIO(data))
    except ValidationError as error:
        raise ImportFileError(error.messages[0]) from None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            is_ods = ods.is_ods(archive)
            if is_ods and ods.is_encrypted(archive):
                raise ImportFileError(password_protected())
    except zipfile.BadZipFile as error:
        raise ImportFileError(xlsx.unreadable_workbook()) from error
    names: list[str] = []
    try:
        found: Sheet = (
            ods.read_ods(data, sheet, MAX_ROWS + 2)
            if is_ods
            else xlsx.read_xlsx(data, sheet, MAX_ROWS + 2)
        )
        names = found.names
        table = to_table(found.rows, known)
    except xlsx.FormulaWithoutValue as error:
        raise ImportFileError(error.message(), sheets=names) from None
    except ImportFileError as error:
        error.sheets = error.sheets or names
        raise
    except WORKBOOK_ERRORS as error:
        message = _(
            "The file could not be read as a LibreOffice spreadsheet (.ods). Please save it "
            "again as .ods, .xlsx or CSV."
        )
        raise ImportFileError(
            message if is_ods else xlsx.unreadable_workbook(), sheets=names
        ) from error
    table.sheet, table.sheets = found.name, found.names
    return table


def to_table(numbered_rows: Iterable[tuple[int, Sequence[Any]]], known: frozenset[str]) -> Table:
    """Headers and non-empty rows; ImportFileError once more than MAX_ROWS rows were read.

    The headings are the first of the first non-empty rows that holds known headings: title
    rows and notes above them are skipped. Empty rows count as well, so that a file of endless
    empty rows is stopped at the limit instead of being read to its end.
    """
    headers: list[str] | None = None
    header_row = 1
    candidates: list[tuple[int, Sequence[Any]]] = []
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
        if is_empty(cells):
            continue
        if headers is None:
            candidates.append((number, cells))
            if len(candidates) < HEADER_SEARCH_ROWS:
                continue
            headers, header_row, rows = split_header(candidates, known)
            continue
        # Cells right of the headings belong to no column; a row whose last cell lies far
        # right would otherwise keep thousands of empty ones.
        rows.append((number, list(cells[: len(headers)])))
    if headers is None and candidates:
        headers, header_row, rows = split_header(candidates, known)
    return Table(headers=headers or [], rows=rows, header_row=header_row)


def split_header(
    candidates: list[tuple[int, Sequence[Any]]], known: frozenset[str]
) -> tuple[list[str], int, list[tuple[int, list[Any]]]]:
    """(headings, their row number, the rows below them) of the first non-empty rows."""
    index = pick_header(candidates, known)
    number, cells = candidates[index]
    headers = read_headers(cells)
    rows = [(below, list(row[: len(headers)])) for below, row in candidates[index + 1 :]]
    return headers, number, rows


def cell_error(number: int, column: str, message: object) -> str:
    return _("Row %(row)s, column '%(column)s': %(message)s") % {
        "row": number,
        "column": column,
        "message": message,
    }


def row_error(number: int, message: object) -> str:
    return _("Row %(row)s: %(message)s") % {"row": number, "message": message}
