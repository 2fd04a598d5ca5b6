"""Reading Excel workbooks (.xlsx) as offices make them: several sheets, merged cells,
percentages, formulas and title rows above the headings.

The workbook is read row by row (openpyxl's read-only mode), so that a sheet claiming the whole
grid costs no more memory than its real cells.
"""

import io
import itertools
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from django.utils.translation import gettext as _
from openpyxl.utils.cell import range_boundaries

from .sheets import MergedRange, Sheet, SheetChoice, apply_merged, choose

# Errors of a workbook that is no workbook at all, or a broken one.
READ_ERRORS = (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, IndexError)
MERGE_CELL = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')
FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
CHUNK = 1024 * 1024
# The longest match of the patterns above; kept from one chunk to the next.
OVERLAP = 200


def unreadable_workbook() -> str:
    return _(
        "The file could not be read as an Excel workbook (.xlsx). Please save it "
        "again as .xlsx or as CSV."
    )


def read_xlsx(data: bytes, choice: SheetChoice, max_rows: int) -> Sheet:
    """The chosen sheet of the workbook (by default the one Excel shows when it opens).

    Raises ValueError subclasses and zipfile errors for a broken workbook; the caller turns them
    into ImportFileError.
    """
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        names = [sheet.title for sheet in workbook.worksheets]
        active = workbook.active
        default = active.title if active is not None and active.title in names else names[0]
        name = choose(names, default, choice)
        sheet = workbook[name]
        merged, has_formulas = scan_sheet(workbook, sheet)
        formulas = formula_cells(data, name, max_rows) if has_formulas else set()
    except BaseException:
        workbook.close()
        raise

    def rows() -> Iterator[tuple[int, list[Any]]]:
        # Read while the caller asks for rows; the workbook is closed when it stops.
        try:
            # The size the sheet claims may be the whole grid: every row would be padded to
            # 16,384 cells. Without it, each row is as wide as its last cell.
            sheet.reset_dimensions()
            yield from apply_merged(sheet_rows(sheet.iter_rows(), formulas), merged)
        finally:
            workbook.close()

    return Sheet(name=name, names=names, rows=rows())


def sheet_rows(rows: Iterator[Any], formulas: set[str]) -> Iterator[tuple[int, list[Any]]]:
    """(row number, values): percentages as Excel shows them (0.7 as 70), and an error for a
    formula whose result the file does not hold."""
    for number, cells in enumerate(rows, start=1):
        values = []
        for cell in cells:
            value = cell.value
            if value is None and formulas and getattr(cell, "coordinate", None) in formulas:
                raise FormulaWithoutValue(cell.coordinate)
            if is_percentage(cell, value):
                value = round(value * 100, 10)
            values.append(value)
        yield number, values


def is_percentage(cell: Any, value: Any) -> bool:
    number_format = getattr(cell, "number_format", None) or ""
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and "%" in number_format.replace("\\%", "").replace('"%"', "")
    )


class FormulaWithoutValue(ValueError):
    """A cell holds a formula but no result: Excel was never asked to calculate it."""

    def __init__(self, coordinate: str) -> None:
        self.coordinate = coordinate
        super().__init__(coordinate)

    def message(self) -> str:
        return _(
            "Cell %(cell)s holds a formula without a calculated value (the file was not saved "
            "by Excel or LibreOffice). Please open the file, save it again and upload it once "
            "more, or replace the formula by its value."
        ) % {"cell": self.coordinate}


def scan_sheet(workbook: Any, sheet: Any) -> tuple[list[MergedRange], bool]:
    """The merged ranges of the sheet and whether it holds formulas, read from its XML.

    openpyxl's read-only mode does not report merged cells; the sheet's XML lists them after
    its rows. The member is read in chunks: its size is bounded by the zip check before.
    """
    path = getattr(sheet, "_worksheet_path", None)
    if not path:
        return [], False
    merged: list[MergedRange] = []
    has_formulas = False
    tail = b""
    with workbook._archive.open(path) as member:
        while chunk := member.read(CHUNK):
            text = tail + chunk
            has_formulas = has_formulas or bool(FORMULA.search(text))
            last_end = 0
            for match in MERGE_CELL.finditer(text):
                min_col, min_row, max_col, max_row = range_boundaries(match.group(1).decode())
                merged.append(MergedRange(min_row, max_row, min_col, max_col))
                last_end = match.end()
            # Keep the end of the chunk for a tag cut in two, but not a tag already read.
            tail = text[max(last_end, len(text) - OVERLAP) :]
    return merged, has_formulas


def formula_cells(data: bytes, name: str, max_rows: int) -> set[str]:
    """The coordinates of formula cells in the first `max_rows` rows of the sheet `name`
    (a second pass, only for sheets with formulas)."""
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        sheet = workbook[name]
        sheet.reset_dimensions()
        return {
            cell.coordinate
            for row in itertools.islice(sheet.iter_rows(), max_rows)
            for cell in row
            if getattr(cell, "data_type", None) == "f"
        }
    finally:
        workbook.close()
