"""Spreadsheet export of any list, shared by all apps (CSV for German Excel and XLSX).

CSV is text: cells a spreadsheet would run as formulas get an apostrophe. XLSX cells are typed
(dates as dates, numbers as numbers, text as text), so they need none.
"""

from collections.abc import Callable
from typing import Any

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.http import content_disposition_header

from .extensions import extended
from .permissions import requires
from .typed_xlsx import column_kinds, typed_workbook

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def neutralise(value: Any) -> Any:
    """Prefix cell text a spreadsheet would run as a formula (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def export_response(
    resource: Any, queryset: QuerySet, file_format: str, basename: str
) -> HttpResponse:
    """Export `queryset` through the import-export `resource` as a download."""
    if file_format not in CONTENT_TYPES:
        raise Http404
    dataset = resource.export(queryset)
    content: str | bytes
    if file_format == "csv":
        neutralised = dataset.__class__(headers=dataset.headers, title=basename)
        for row in dataset:
            neutralised.append([neutralise(value) for value in row])
        # German Excel opens UTF-8 with a byte order mark and semicolons correctly.
        content = "\ufeff" + neutralised.export("csv", delimiter=";")
    else:
        # In a workbook text stays text: typed cells need no apostrophe against formulas.
        content = typed_workbook(dataset, column_kinds(resource, queryset), basename)
    stamp = timezone.localdate().strftime("%Y-%m-%d")
    response = HttpResponse(content, content_type=CONTENT_TYPES[file_format])
    filename = f"{basename}-{stamp}.{file_format}"
    response["Content-Disposition"] = content_disposition_header(True, filename) or "attachment"
    return response


def export_view(
    permission: str,
    filterset_class: type,
    queryset: Callable[[], QuerySet],
    resource_class: type,
    basename: str | Promise,
) -> Callable[..., HttpResponse]:
    """A view that exports exactly the filtered list (same FilterSet as the page), XLSX or CSV.

    `queryset` is a callable, so that every request gets a fresh queryset.
    """

    @requires(permission)
    def export(request: HttpRequest, file_format: str) -> HttpResponse:
        filterset = extended(filterset_class)(request.GET, queryset=queryset())
        resource = extended(resource_class)()
        return export_response(resource, filterset.qs, file_format, str(basename))

    return export
