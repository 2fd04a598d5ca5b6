"""The two layouts of the monitoring's files (docs/indicator-data.md): the long one, one row
per value, and the wide one of statistics offices' tables, one row per area and one column per
year, which `reshape` turns into long rows before the columns are matched."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.imports.engine import ImportFileError, Table, cell_error
from core.imports.headers import column_aliases, normalise

from ..models import CityIndicator
from .import_columns import FIRST_YEAR, LAST_YEAR, YEAR_HEADER, is_no_value


class TableLayouts:
    """The reshape step of the import kind "indicator-values" (core/imports/base.py); mixed
    into its resource, whose columns and options it reads."""

    def reshape(self, table: Table) -> Table:
        aliases = column_aliases(self)
        names = [aliases.get(normalise(header)) for header in table.headers]
        years = {
            index: int(match.group(1))
            for index, header in enumerate(table.headers)
            if names[index] is None
            and (match := YEAR_HEADER.match(header.strip()))
            and FIRST_YEAR <= int(match.group(1)) <= LAST_YEAR
        }
        if years and "period" not in names:
            return self.long_from_wide(table, names, years)
        if "value" not in names:
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
        return table

    def long_from_wide(self, table: Table, names: list, years: dict[int, int]) -> Table:
        """One row per filled year cell, with the row's other cells, the indicator (from the
        upload page unless the file names it), the year and the cell as value."""
        kept = [index for index in range(len(table.headers)) if index not in years]
        headers = [table.headers[index] for index in kept]
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
            for index, year in years.items():
                cell = cells[index] if index < len(cells) else None
                if is_no_value(cell):
                    skipped += 1
                    continue
                try:
                    widget.clean(cell)
                except ValueError as error:
                    errors.append((number, cell_error(number, table.headers[index], error)))
                    continue
                rows.append((number, [*others, *chosen, str(year), cell]))
        notes = [
            _(
                "The file has one column per year (%(first)s to %(last)s): each filled cell "
                "is a value."
            )
            % {"first": min(years.values()), "last": max(years.values())}
        ]
        return Table(
            headers=headers,
            rows=rows,
            header_row=table.header_row,
            sheet=table.sheet,
            sheets=table.sheets,
            errors=table.errors + errors,
            notes=table.notes + notes + skipped_note(skipped),
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
