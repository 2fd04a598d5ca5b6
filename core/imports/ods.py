"""Reading OpenDocument spreadsheets (.ods, LibreOffice Calc) like Excel workbooks.

The table XML is read as a stream (defusedxml, no entities, no DTD), row by row: a document
model of a large sheet would take gigabytes. LibreOffice writes runs of equal or empty cells
and rows once with a repeat count (an empty sheet ends in a row "repeated" a million times);
these are counted, not unrolled.
"""

import datetime
import io
import zipfile
from dataclasses import dataclass, field
from typing import IO, Any
from xml.etree.ElementTree import Element

from defusedxml.ElementTree import iterparse
from openpyxl.utils.cell import get_column_letter

from .sheets import MergedRange, Sheet, SheetChoice, apply_merged, choose
from .xlsx import FormulaWithoutValue

MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
CONFIG = "{urn:oasis:names:tc:opendocument:xmlns:config:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
CELLS = {f"{TABLE}table-cell", f"{TABLE}covered-table-cell"}
# Far beyond any import (100 columns): a repeat count past it is the sheet's empty rest.
MAX_WIDTH = 1024


def is_ods(archive: zipfile.ZipFile) -> bool:
    try:
        return archive.read("mimetype").strip() == MIMETYPE
    except KeyError:
        return False


def is_encrypted(archive: zipfile.ZipFile) -> bool:
    try:
        return b"encryption-data" in archive.read("META-INF/manifest.xml")
    except KeyError:
        return False


@dataclass
class Reading:
    """The tables met so far and the rows of the one being read."""

    wanted: str | None
    max_rows: int
    names: list[str] = field(default_factory=list)
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)
    merged: list[MergedRange] = field(default_factory=list)
    number: int = 0
    done: bool = False


def read_ods(archive_data: bytes, choice: SheetChoice, max_rows: int) -> Sheet:
    """The chosen sheet (by default the one LibreOffice shows when it opens the file)."""
    with zipfile.ZipFile(io.BytesIO(archive_data)) as archive:
        active = active_table(archive)
        wanted = choice or active or None
        reading = Reading(wanted=wanted, max_rows=max_rows)
        with archive.open("content.xml") as content:
            read_tables(content, reading)
        if wanted and wanted not in reading.names and not choice and reading.names:
            # The view settings name a sheet the file does not have: read the first one.
            reading = Reading(wanted=reading.names[0], max_rows=max_rows)
            with archive.open("content.xml") as content:
                read_tables(content, reading)
    name = choose(reading.names, reading.wanted or "", choice)
    return Sheet(
        name=name, names=reading.names, rows=apply_merged(iter(reading.rows), reading.merged)
    )


def active_table(archive: zipfile.ZipFile) -> str:
    try:
        settings = archive.open("settings.xml")
    except KeyError:
        return ""
    with settings:
        for _event, element in iterparse(settings):
            if element.tag == f"{CONFIG}config-item" and element.get(f"{CONFIG}name") == (
                "ActiveTable"
            ):
                return element.text or ""
    return ""


def read_tables(content: IO[bytes], reading: Reading) -> None:
    """Names of all tables, and the rows of the wanted one (the first if none is wanted)."""
    tables: list[bool] = []  # for each open table: whether its rows are read
    parents: list[Element] = []
    for event, element in iterparse(content, events=("start", "end")):
        if event == "start":
            if element.tag == f"{TABLE}table":
                name = element.get(f"{TABLE}name") or ""
                reading.names.append(name)
                if reading.wanted is None and not tables:
                    reading.wanted = name
                tables.append(not reading.done and not tables and name == reading.wanted)
            parents.append(element)
            continue
        parents.pop()
        if element.tag == f"{TABLE}table":
            if tables.pop():
                reading.done = True
        elif element.tag == f"{TABLE}table-row" and tables and tables[-1]:
            read_row(element, reading)
            if reading.number > reading.max_rows:
                reading.done = True
                tables[-1] = False
        if element.tag in (f"{TABLE}table-row", f"{TABLE}table") and parents:
            # Rows already read are dropped: the tree never holds more than one row.
            parents[-1].remove(element)


def read_row(row: Element, reading: Reading) -> None:
    """Add the row (as often as it repeats) if it has content; else only count it."""
    repeat = int(row.get(f"{TABLE}number-rows-repeated") or 1)
    cells = row_cells(row, reading.number + 1, reading.merged)
    if not any(cell not in (None, "") for cell in cells):
        reading.number += repeat
        return
    for _copy in range(repeat):
        reading.number += 1
        reading.rows.append((reading.number, list(cells)))
        if reading.number > reading.max_rows:
            return


def row_cells(row: Element, number: int, merged: list[MergedRange]) -> list[Any]:
    cells: list[Any] = []
    empty_run = 0
    for cell in row:
        if cell.tag not in CELLS:
            continue
        repeat = int(cell.get(f"{TABLE}number-columns-repeated") or 1)
        covered = cell.tag == f"{TABLE}covered-table-cell"
        value = None if covered else cell_value(cell, number, len(cells) + empty_run)
        if value in (None, ""):
            # Empty cells only count once a filled cell follows them.
            empty_run += repeat
            continue
        column = len(cells) + empty_run + 1
        if column > MAX_WIDTH:
            break
        span = int(cell.get(f"{TABLE}number-rows-spanned") or 1)
        if span > 1:
            width = int(cell.get(f"{TABLE}number-columns-spanned") or 1)
            merged.append(MergedRange(number, number + span - 1, column, column + width - 1))
        cells.extend([None] * empty_run)
        empty_run = 0
        cells.extend([value] * min(repeat, MAX_WIDTH - len(cells)))
    return cells


def cell_value(cell: Element, number: int, column_index: int) -> Any:
    """The cell's value as Excel's reader gives it: numbers, dates, percentages as shown."""
    value_type = cell.get(f"{OFFICE}value-type")
    if value_type is None and cell.get(f"{TABLE}formula"):
        raise FormulaWithoutValue(f"{get_column_letter(column_index + 1)}{number}")
    if value_type in ("float", "currency", "percentage"):
        number_value = float(cell.get(f"{OFFICE}value") or 0)
        if value_type == "percentage":
            number_value = round(number_value * 100, 10)
        return int(number_value) if number_value.is_integer() else number_value
    if value_type == "date":
        return parse_date(cell.get(f"{OFFICE}date-value") or "")
    if value_type == "boolean":
        return cell.get(f"{OFFICE}boolean-value") == "true"
    return "\n".join(paragraph_text(p) for p in cell if p.tag == f"{TEXT}p")


def parse_date(text: str) -> Any:
    try:
        if "T" in text:
            return datetime.datetime.fromisoformat(text)
        return datetime.date.fromisoformat(text)
    except ValueError:
        return text


def paragraph_text(element: Element) -> str:
    """A text:p as shown: spans unwrapped, <text:s c="3"/> as three spaces, tabs, line breaks."""
    parts = [element.text or ""]
    for child in element:
        if child.tag == f"{TEXT}s":
            parts.append(" " * int(child.get(f"{TEXT}c") or 1))
        elif child.tag == f"{TEXT}tab":
            parts.append("\t")
        elif child.tag == f"{TEXT}line-break":
            parts.append("\n")
        else:
            parts.append(paragraph_text(child))
        parts.append(child.tail or "")
    return "".join(parts)
