"""The comparison's files and the council's Beschlussvorlage (issue 13).

The workbook has one row per changed field, or one per measure where nothing is listed field by
field; its cells are typed (dates are dates, amounts are numbers). The PDFs go through the
project's one PDF helper from a data snapshot read with a fixed number of queries.
"""

import datetime
import io
import re
from collections import defaultdict
from decimal import Decimal
from typing import Any

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.pdf import render_pdf
from core.typed_xlsx import NUMBER_FORMATS, SHEET_TITLE_FORBIDDEN
from measures.models import Measure, Plan

from .compare import Comparison, Kind, Row, catalogue, compare, euro

EURO_FORMAT = '#,##0.00 "€"'
MAX_WIDTH = 60
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def filename(plan: Plan, kind: str, extension: str) -> str:
    return f"{kind}-{slugify(plan.version_label) or plan.pk}.{extension}"


def measure_name(measure: Measure | None) -> str:
    return f"{measure.code} {measure.title}" if measure else ""


def workbook_rows(comparison: Comparison) -> list[list[Any]]:
    """Handlungsfeld, Art, Maßnahme (neu), Maßnahme (bisher), Feld, bisher, neu, Grund."""
    rows = []
    for section in comparison.sections:
        for row in section.rows:
            start = [
                section.label,
                row.kind_label,
                measure_name(row.measure),
                "; ".join(measure_name(measure) for measure in row.previous),
            ]
            reason = row_reason(row)
            if row.changes:
                for change in row.changes:
                    rows.append([*start, change.label, change.old_value, change.new_value, reason])
            else:
                rows.append([*start, None, None, None, reason])
    return rows


def row_reason(row: Row) -> str:
    if row.kind == Kind.ENDED:
        return f"{row.reason}: {row.note}" if row.note else row.reason
    if row.kind == Kind.SPLIT:
        names = ", ".join(measure_name(measure) for measure in row.siblings)
        return _("also split into: %(measures)s") % {"measures": names}
    return ""


def comparison_workbook(comparison: Comparison) -> bytes:
    """The comparison as XLSX: the rows on the first sheet, the counts on the second."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    sheet = workbook.active
    headers = [
        _("Action field"),
        _("Kind"),
        _("Measure (new)"),
        _("Measure (earlier)"),
        _("Field"),
        _("Earlier"),
        _("New"),
        _("Reason"),
    ]
    sheet.title = sheet_title(_("Comparison"))
    write_sheet(sheet, headers, workbook_rows(comparison), Font, get_column_letter)
    counts = workbook.create_sheet(sheet_title(_("Overview")))
    write_sheet(
        counts,
        [_("Kind"), _("Measures")],
        [[label, count] for _kind, label, count in comparison.counts],
        Font,
        get_column_letter,
    )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def sheet_title(title: str) -> str:
    return SHEET_TITLE_FORBIDDEN.sub("-", title)[:31]


def write_sheet(sheet: Any, headers: list, rows: list, font: Any, column_letter: Any) -> None:
    sheet.append([str(header) for header in headers])
    for cell in sheet[1]:
        cell.font = font(bold=True)
    widths = [len(str(header)) for header in headers]
    for number, values in enumerate(rows, start=2):
        for index, value in enumerate(values):
            cell = sheet.cell(row=number, column=index + 1, value=value)
            cell.number_format = cell_format(value)
            if isinstance(value, str):
                cell.data_type = "s"  # a text starting with "=" stays text
            widths[index] = max(widths[index], len(str(value or "")))
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[column_letter(index)].width = min(width + 2, MAX_WIDTH)
    sheet.freeze_panes = "A2"


def cell_format(value: Any) -> str:
    if isinstance(value, Decimal):
        return EURO_FORMAT
    if isinstance(value, int):
        return NUMBER_FORMATS["integer"]
    if isinstance(value, datetime.date):
        return NUMBER_FORMATS["date"]
    return NUMBER_FORMATS["text"]


def comparison_pdf_data(comparison: Comparison) -> dict:
    plan, against = comparison.plan, comparison.against
    return {
        "title": _("Comparison of %(plan)s with %(against)s")
        % {"plan": plan.version_label, "against": against.version_label},
        "plan": plan,
        "against": against,
        "comparison": comparison,
        "created": timezone.localdate(),
    }


def comparison_pdf(comparison: Comparison) -> bytes:
    return render_pdf("measures/plans/pdf_compare.html", comparison_pdf_data(comparison))


def beschlussvorlage_data(plan: Plan) -> dict:
    """The draft for the council: introduction, the catalogue by action field, and the
    comparison with the predecessor as its annex (a fixed number of queries)."""
    by_field = defaultdict(list)
    measures = catalogue(plan)
    for measure in measures:
        cost = euro(measure.cost_estimate) if measure.cost_estimate is not None else ""
        by_field[measure.action_field_id].append(
            {"measure": measure, "cost": cost, "period": period(measure)}
        )
    fields = [
        {"field": action_field, "measures": by_field[action_field.pk]}
        for action_field in plan.action_fields.order_by("order", "code")
    ]
    predecessor = plan.predecessor
    return {
        "title": _("Draft resolution: update of the integration plan"),
        "plan": plan,
        "paragraphs": [
            part.strip() for part in PARAGRAPH_BREAK.split(plan.introduction) if part.strip()
        ],
        "fields": fields,
        "measure_count": len(measures),
        "comparison": compare(plan, predecessor) if predecessor else None,
        "created": timezone.localdate(),
    }


def period(measure: Measure) -> str:
    """01.09.2019 – 30.06.2029, "ab 01.09.2019", "bis …", "dauerhaft"; "–" when unknown."""
    start = measure.start.strftime("%d.%m.%Y") if measure.start else ""
    if measure.is_continuous:
        end = _("continuous")
    else:
        end = measure.end.strftime("%d.%m.%Y") if measure.end else ""
    if start and end:
        return f"{start} – {end}"
    if start:
        return _("from %(date)s") % {"date": start}
    if end and measure.is_continuous:
        return end
    return _("until %(date)s") % {"date": end} if end else "–"


def beschlussvorlage_pdf(plan: Plan) -> bytes:
    return render_pdf("measures/plans/pdf_beschlussvorlage.html", beschlussvorlage_data(plan))
