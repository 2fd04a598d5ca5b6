"""Spreadsheet files as Excel and LibreOffice write them, built in the tests.

Excel: openpyxl writes the same OOXML parts (typed cells, number formats for dates and
percentages, merged ranges, the active sheet in the workbook view). LibreOffice: odfpy writes
the OpenDocument table as Calc does, with runs of equal cells and rows stored once with a
repeat count, covered cells under a merged one, and the active sheet in settings.xml.
"""

import csv
import datetime
import io
import zipfile
from dataclasses import dataclass, field
from typing import Any

from openpyxl import Workbook


@dataclass
class Percent:
    """A cell Excel shows as "70 %": the stored value is 0.7."""

    value: float


@dataclass
class Formula:
    """A formula cell as a program writes it: without the value Excel would calculate."""

    text: str


@dataclass
class SheetSpec:
    rows: list[list[Any]]
    merged: list[str] = field(default_factory=list)  # "A2:A4"


def xlsx(sheets: dict[str, SheetSpec] | list[list[Any]], active: str | None = None) -> bytes:
    """An Excel workbook with the given sheets (or one sheet of rows)."""
    if isinstance(sheets, list):
        sheets = {"Tabelle1": SheetSpec(sheets)}
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, spec in sheets.items():
        sheet = workbook.create_sheet(name)
        for number, row in enumerate(spec.rows, start=1):
            for column, value in enumerate(row, start=1):
                write_xlsx_cell(sheet.cell(row=number, column=column), value)
        for cells in spec.merged:
            sheet.merge_cells(cells)
    if active:
        workbook.active = list(sheets).index(active)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_xlsx_cell(cell: Any, value: Any) -> None:
    if isinstance(value, Percent):
        cell.value = value.value
        cell.number_format = "0%"
    elif isinstance(value, Formula):
        cell.value = value.text
    elif isinstance(value, datetime.datetime):
        cell.value = value
        cell.number_format = "DD.MM.YYYY HH:MM"
    elif isinstance(value, datetime.date):
        cell.value = value
        cell.number_format = "DD.MM.YYYY"
    elif value is not None:
        cell.value = value


def ods(
    sheets: dict[str, SheetSpec] | list[list[Any]],
    active: str | None = None,
    trailing_empty_rows: int = 1_048_000,
) -> bytes:
    """A LibreOffice Calc spreadsheet. Like Calc, each row ends in an empty cell repeated to
    the sheet's width, and the sheet ends in one empty row repeated to its last row."""
    from odf.config import ConfigItem, ConfigItemMapEntry, ConfigItemMapIndexed, ConfigItemSet
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableColumn, TableRow

    if isinstance(sheets, list):
        sheets = {"Tabelle1": SheetSpec(sheets)}
    document = OpenDocumentSpreadsheet()
    for name, spec in sheets.items():
        table = Table(name=name)
        table.addElement(TableColumn(numbercolumnsrepeated=1024))
        spans = merged_spans(spec.merged)
        covered = {cell for span in spans.values() for cell in span[2]}
        for number, row in enumerate(spec.rows, start=1):
            element = TableRow()
            width = len(row)
            for column, value in enumerate(row, start=1):
                if (number, column) in covered:
                    element.addElement(CoveredTableCell())
                    continue
                cell = ods_cell(value, TableCell)
                if (number, column) in spans:
                    rows, columns, _covered = spans[(number, column)]
                    cell.setAttribute("numberrowsspanned", str(rows))
                    cell.setAttribute("numbercolumnsspanned", str(columns))
                element.addElement(cell)
            element.addElement(TableCell(numbercolumnsrepeated=1024 - width))
            table.addElement(element)
        rest = TableRow(numberrowsrepeated=trailing_empty_rows)
        rest.addElement(TableCell(numbercolumnsrepeated=1024))
        table.addElement(rest)
        document.spreadsheet.addElement(table)
    if active:
        view = ConfigItemSet(name="ooo:view-settings")
        views = ConfigItemMapIndexed(name="Views")
        entry = ConfigItemMapEntry()
        item = ConfigItem(name="ActiveTable", type="string")
        item.addText(active)
        entry.addElement(item)
        views.addElement(entry)
        view.addElement(views)
        document.settings.addElement(view)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def merged_spans(ranges: list[str]) -> dict[tuple[int, int], tuple[int, int, set]]:
    from openpyxl.utils.cell import range_boundaries

    spans = {}
    for cells in ranges:
        min_col, min_row, max_col, max_row = range_boundaries(cells)
        covered = {
            (row, column)
            for row in range(min_row, max_row + 1)
            for column in range(min_col, max_col + 1)
        } - {(min_row, min_col)}
        spans[(min_row, min_col)] = (max_row - min_row + 1, max_col - min_col + 1, covered)
    return spans


def ods_cell(value: Any, cell_class: Any) -> Any:
    from odf.text import P

    if value is None or value == "":
        return cell_class()
    if isinstance(value, Percent):
        cell = cell_class(valuetype="percentage", value=str(value.value))
        cell.addElement(P(text=f"{round(value.value * 100)} %"))
    elif isinstance(value, Formula):
        # Calc stores the result with the formula; a file without it was written by a program.
        cell = cell_class(formula="of:" + value.text)
    elif isinstance(value, bool):
        cell = cell_class(valuetype="boolean", booleanvalue=str(value).lower())
        cell.addElement(P(text="WAHR" if value else "FALSCH"))
    elif isinstance(value, int | float):
        cell = cell_class(valuetype="float", value=str(value))
        cell.addElement(P(text=str(value).replace(".", ",")))
    elif isinstance(value, datetime.datetime):
        cell = cell_class(valuetype="date", datevalue=value.strftime("%Y-%m-%dT%H:%M:%S"))
        cell.addElement(P(text=value.strftime("%d.%m.%Y %H:%M")))
    elif isinstance(value, datetime.date):
        cell = cell_class(valuetype="date", datevalue=value.isoformat())
        cell.addElement(P(text=value.strftime("%d.%m.%Y")))
    else:
        cell = cell_class(valuetype="string")
        for line in str(value).split("\n"):
            cell.addElement(P(text=line))
    return cell


def encrypted_ods() -> bytes:
    """An ODS saved with "Save with password": the manifest describes the encryption and the
    content is ciphertext."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
            ' manifest:version="1.2">'
            '<manifest:file-entry manifest:full-path="/" manifest:media-type='
            '"application/vnd.oasis.opendocument.spreadsheet"/>'
            '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"'
            ' manifest:size="2048"><manifest:encryption-data manifest:checksum-type="SHA1/1K"'
            ' manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name='
            '"http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/>'
            "</manifest:encryption-data></manifest:file-entry></manifest:manifest>",
        )
        archive.writestr("content.xml", bytes(range(256)) * 8)
    return buffer.getvalue()


def csv_file(rows: list[list[Any]], encoding: str = "cp1252", sep_line: bool = False) -> bytes:
    """CSV as German Excel saves it ("CSV (Trennzeichen-getrennt)"), optionally with the
    "sep=;" line Excel writes and reads, in Windows-1252 or UTF-8 with byte order mark."""
    buffer = io.StringIO()
    if sep_line:
        buffer.write("sep=;\r\n")
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    return buffer.getvalue().encode(encoding)
