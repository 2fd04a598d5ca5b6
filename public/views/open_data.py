"""Open data: the public measures as CSV (German Excel: UTF-8 with BOM, semicolons) and JSON
(stable English keys, ISO dates), under the licence of settings.OPEN_DATA_LICENCE.

Both files hold what the public measure pages show and nothing else: organisations, never
persons. public_page caches them like a page (they are small and not streamed).
"""

import csv
import datetime
import io
import json
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from core.exports import CONTENT_TYPES, neutralise
from measures.models import Measure, Plan
from network.models import Actor
from public.data import public_measures
from public.pages import public_page

JSON_TYPE = "application/json"
# The same German file names for every visitor.
CSV_NAME = "massnahmen-integrationsplan.csv"
JSON_NAME = "massnahmen-integrationsplan.json"


def licence() -> dict[str, str]:
    return {"name": settings.OPEN_DATA_LICENCE, "url": settings.OPEN_DATA_LICENCE_URL}


def csv_columns() -> list[str]:
    """The CSV's header row (German under the office's language, see in_office_language)."""
    return [
        _("Number"),
        _("Title"),
        _("Action field"),
        _("Status"),
        _("Progress (%)"),
        _("Start"),
        _("End"),
        _("Lead organisation"),
        _("Goal"),
        _("Description"),
        _("Public page"),
        _("As of"),
    ]


def open_measures() -> Any:
    """The public measures in the plan's order, with the date of their latest accepted report
    (one query)."""
    measures: Any = public_measures()
    return measures.with_last_report().order_by(
        "action_field__order", "action_field__code", "code", "pk"
    )


def as_of(measure: Any) -> datetime.date:
    """The date of the measure's latest accepted status report, else of its last change."""
    return measure.last_report_date or timezone.localdate(measure.updated_at)


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _page_url(request: HttpRequest, measure: Measure) -> str:
    return request.build_absolute_uri(reverse("public:measure_detail", args=[measure.pk]))


def _download(content: str | bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename) or "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def in_office_language():
    """The files are the same for every visitor: German headers and status labels."""
    return translation.override(settings.LANGUAGE_CODE)


@public_page
def open_data(request):
    with in_office_language():
        columns = csv_columns()
    return render(
        request,
        "public/open_data.html",
        {
            "licence": licence(),
            "measure_count": public_measures().count(),
            "columns": columns,
        },
    )


def _csv_rows(request: HttpRequest) -> Iterator[list[Any]]:
    for measure in open_measures():
        yield [
            measure.code,
            measure.title,
            f"{measure.action_field.code} {measure.action_field.title}",
            measure.get_status_display(),
            measure.progress,
            _iso(measure.start) or "",
            _iso(measure.end) or "",
            measure.lead_actor.name if measure.lead_actor else "",
            measure.goal,
            measure.description,
            _page_url(request, measure),
            _iso(as_of(measure)),
        ]


@public_page
def measures_csv(request):
    buffer = io.StringIO()
    # The byte order mark makes German Excel read UTF-8; semicolons are its separator.
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    with in_office_language():
        writer.writerow(csv_columns())
        for row in _csv_rows(request):
            writer.writerow([neutralise(value) for value in row])
    return _download(buffer.getvalue().encode("utf-8"), CONTENT_TYPES["csv"], CSV_NAME)


def _measure_json(request: HttpRequest, measure: Measure) -> dict[str, Any]:
    return {
        "id": measure.pk,
        "code": measure.code,
        "title": measure.title,
        "action_field": {"code": measure.action_field.code, "title": measure.action_field.title},
        "status": {"code": measure.status, "label": measure.get_status_display()},
        "progress_percent": measure.progress,
        "start": _iso(measure.start),
        "end": _iso(measure.end),
        "continuous": measure.is_continuous,
        "lead_organisation": measure.lead_actor.name if measure.lead_actor else None,
        "partner_organisations": [actor.name for actor in measure.partner_actors.all()],
        "target_groups": measure.target_groups,
        "goal": measure.goal,
        "description": measure.description,
        "url": _page_url(request, measure),
        "as_of": _iso(as_of(measure)),
    }


def _plan_json(plan: Plan | None) -> dict[str, Any] | None:
    if plan is None:
        return None
    return {
        "title": plan.title,
        "version": plan.version_label,
        "adopted_on": _iso(plan.adopted_on),
        "council_resolution": plan.resolution_reference,
    }


@public_page
def measures_json(request):
    partners = Actor.objects.only("pk", "name").order_by("name")
    measures = open_measures().prefetch_related(Prefetch("partner_actors", queryset=partners))
    with in_office_language():
        document = {
            "licence": licence(),
            "publisher": settings.OFFICE_NAME,
            "generated": timezone.localtime().isoformat(timespec="seconds"),
            "plan": _plan_json(Plan.current()),
            "measures": [_measure_json(request, measure) for measure in measures],
        }
    content = json.dumps(document, ensure_ascii=False, indent=2)
    return _download(content.encode("utf-8"), JSON_TYPE, JSON_NAME)
