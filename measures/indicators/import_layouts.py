"""The two layouts of the monitoring's files (docs/indicator-data.md): the long one, one row
per value, and the wide one of statistics offices' tables, one row per area and one column per
year, which `reshape` turns into long rows before the columns are matched."""

import datetime
import re
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.imports.engine import ImportFileError, Table, cell_error
from core.imports.headers import column_aliases, normalise
from core.imports.widgets import cell_text

from ..models import CityIndicator
from .import_columns import FIRST_YEAR, LAST_YEAR, PeriodWidget, is_no_value, year_of

# A reporting date as a heading: "31.12.2023", "2023-12-31" or a date cell as read.
DATE_HEADING = re.compile(r"^(\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})( 00:00(:00)?)?$")


class TableLayouts:
    """The reshape step of the import kind "indicator-values" (core/imports/base.py); mixed
    into its resource, whose columns and options it reads."""

    # Years as headings mark the heading row of a wide table below its title rows.
    other_headings = tuple(
        heading for year in range(FIRST_YEAR, LAST_YEAR + 1) for heading in (str(year), f"{year}.0")
    )

    def reshape(self, table: Table) -> Table:
        aliases = column_aliases(self)
        names = [aliases.get(normalise(header)) for header in table.headers]
        periods = {
            index: found
            for index, header in enumerate(table.headers)
            if names[index] is None and (found := period_heading(header))
        }
        if periods and "period" not in names:
            return with_values(self.long_from_wide(table, names, periods))
        if "value" not in names:
            self.refuse_second_heading_row(table)
            return table  # the column check says what is missing
        table = self.without_empty_values(table, names.index("value"))
        if self.options.get("indicator") and not {"indicator", "indicator_title"} & set(names):
            code = self.chosen_indicator().code
            width = len(table.headers)
            table.headers = [*table.headers, self.column("indicator")]
            table.rows = [
                (number, [*cells, *[None] * (width - len(cells)), code])
                for number, cells in table.rows
            ]
        return with_values(table)

    def long_from_wide(self, table: Table, names: list, periods: dict[int, "Heading"]) -> Table:
        """One row per filled year cell, with the row's other cells, the indicator (from the
        upload page unless the file names it), the year and the cell as value."""
        kept = [index for index in range(len(table.headers)) if index not in periods]
        headers = [table.headers[index] for index in kept]
        if not {"area", "area_name"} & set(names) and kept and not headers[0]:
            # The row labels of a table by area often have no heading: they name the areas.
            headers[0] = self.column("area_name")
        chosen: list[str] = []
        if "indicator" not in names and "indicator_title" not in names:
            chosen = [self.chosen_indicator().code]
            headers.append(self.column("indicator"))
        headers += [
            self.column("period"),
            self.column("value"),
        ]
        rows, errors, skipped = [], [], 0
        widget = self.fields["value"].widget
        for number, cells in table.rows:
            others = [cells[index] if index < len(cells) else None for index in kept]
            for index, heading in periods.items():
                cell = cells[index] if index < len(cells) else None
                if is_no_value(cell):
                    skipped += 1
                    continue
                try:
                    widget.clean(cell)
                except ValueError as error:
                    errors.append((number, cell_error(number, table.headers[index], error)))
                    continue
                rows.append((number, [*others, *chosen, heading.period, cell]))
        ordered = sorted(periods.values(), key=lambda heading: heading.date)
        if all(heading.period.isdigit() for heading in ordered):
            message = _(
                "The file has one column per year (%(first)s to %(last)s): each filled cell "
                "is a value."
            )
        else:
            message = _(
                "The file has one column per period (%(first)s to %(last)s): each filled "
                "cell is a value."
            )
        notes = [message % {"first": ordered[0].label, "last": ordered[-1].label}]
        marked = [table.headers[index] for index, heading in periods.items() if heading.marked]
        if marked:
            notes.append(
                _(
                    "The headings %(columns)s carry a footnote mark; its footnote (such as "
                    "“vorläufig”) is not imported. Please add it as a note to the values if "
                    "it matters."
                )
                % {"columns": ", ".join(f"'{header}'" for header in marked)}
            )
        return Table(
            headers=headers,
            rows=rows,
            header_row=table.header_row,
            sheet=table.sheet,
            sheets=table.sheets,
            errors=table.errors + errors,
            notes=table.notes + notes + skipped_note(skipped),
        )

    def refuse_second_heading_row(self, table: Table) -> None:
        """A table whose years stand in a second row of headings (below a cell "Jahr" over
        them) cannot be read: its columns right of the first heading row are cut off."""
        if not table.rows:
            return
        _number, cells = table.rows[0]
        filled = [cell for cell in cells if cell_text(cell)]
        if filled and all(period_heading(cell) for cell in filled):
            raise ImportFileError(
                _(
                    "The years stand in a second row of headings. Please put them into the "
                    "row of the headings (for example Stadtteil, 2019, 2020, …), so that the "
                    "table has one row of headings, and upload the file again."
                )
            )

    def without_empty_values(self, table: Table, index: int) -> Table:
        rows = [
            (number, cells)
            for number, cells in table.rows
            if not is_no_value(cells[index] if index < len(cells) else None)
        ]
        table.notes = table.notes + skipped_note(len(table.rows) - len(rows))
        table.rows = rows
        return table

    def chosen_indicator(self) -> CityIndicator:
        chosen = CityIndicator.objects.filter(pk=self.options.get("indicator") or None).first()
        if chosen is None:
            raise ImportFileError(
                _(
                    "The file has one column per year but no column 'Indikator'. Please choose "
                    "the indicator of its values and upload the file again."
                )
            )
        return chosen


@dataclass(frozen=True)
class Heading:
    """A column heading that is a period: a year (with a footnote mark or not) or a
    reporting date ("31.12.2023")."""

    period: str  # as the period column reads it
    date: datetime.date
    label: str
    marked: bool = False


def period_heading(header: object) -> Heading | None:
    year = year_of(header)
    if year is not None:
        return Heading(str(year[0]), datetime.date(year[0], 12, 31), str(year[0]), year[1])
    if not isinstance(header, str | datetime.date) or not DATE_HEADING.match(cell_text(header)):
        return None
    try:
        found = PeriodWidget().clean(header)
    except ValueError:
        return None
    if found is None or not FIRST_YEAR <= found[0].year <= LAST_YEAR:
        return None
    return Heading(found[0].isoformat(), found[0], date_format(found[0], "SHORT_DATE_FORMAT"))


def with_values(table: Table) -> Table:
    """The table, unless no row is left with a value (a file of footnotes or empty cells)."""
    if not table.rows and not table.errors:
        raise ImportFileError(
            _(
                "The file has no values: each cell of its value columns is empty or marks a "
                "missing value (“-”, “.”, “x”)."
            )
        )
    return table


def skipped_note(count: int) -> list[str]:
    if not count:
        return []
    return [
        ngettext(
            "%(count)s cell without a value (empty, “-”, “.” or “x”) is skipped.",
            "%(count)s cells without a value (empty, “-”, “.” or “x”) are skipped.",
            count,
        )
        % {"count": count}
    ]
