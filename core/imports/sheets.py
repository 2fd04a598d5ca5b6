"""What the workbook readers (XLSX, ODS) share: the chosen sheet, merged cells, file errors."""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

# The name of the sheet the user picked, or None for the one the workbook opens with.
SheetChoice = str | None


class ImportFileError(Exception):
    """The file as a whole cannot be imported; the message says why, in German.

    `sheets` names the workbook's sheets when it has several, so that the user can pick
    another one.
    """

    def __init__(self, message: str, sheets: list[str] | None = None) -> None:
        super().__init__(message)
        self.sheets = sheets or []


@dataclass
class Sheet:
    name: str
    names: list[str]
    rows: Iterator[tuple[int, list[Any]]]  # (row number as the program shows it, cells)


@dataclass(frozen=True)
class MergedRange:
    min_row: int
    max_row: int
    min_col: int
    max_col: int


@dataclass
class Filling:
    """A merged range being read: its value goes into every row it covers."""

    merged: MergedRange
    value: Any = field(default=None)


def choose(names: list[str], default: str, wanted: SheetChoice) -> str:
    """The sheet to read: `wanted` if the user picked one, else `default`."""
    if not names:
        raise ImportFileError(_("The workbook has no sheet with a table."))
    if wanted is None or wanted == "":
        return default
    if wanted not in names:
        raise ImportFileError(
            _("The workbook has no sheet named '%(name)s'.") % {"name": wanted}, sheets=names
        )
    return wanted


def apply_merged(
    rows: Iterable[tuple[int, list[Any]]], merged: list[MergedRange]
) -> Iterator[tuple[int, list[Any]]]:
    """Rows in which a merged cell's value stands in every row the merged cell covers.

    Offices merge the cells of a column ("Träger" over five rows); each row means that value.
    Across columns the value stays in the first column only: a title spread over the width of
    the table is one cell, not a value for each column.
    """
    if not merged:
        yield from rows
        return
    starting: dict[int, list[MergedRange]] = defaultdict(list)
    for item in merged:
        if item.max_row > item.min_row:
            starting[item.min_row].append(item)
    open_ranges: list[Filling] = []
    for number, cells in rows:
        open_ranges = [filling for filling in open_ranges if filling.merged.max_row >= number]
        for item in starting.pop(number, ()):
            index = item.min_col - 1
            open_ranges.append(Filling(item, cells[index] if index < len(cells) else None))
        for filling in open_ranges:
            index = filling.merged.min_col - 1
            if number > filling.merged.min_row and filling.value not in (None, ""):
                if len(cells) <= index:
                    cells = list(cells) + [None] * (index + 1 - len(cells))
                cells[index] = filling.value
        yield number, cells
