"""Calendar files: one meeting and the staff feed behind login, a public feed without."""

from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from core.permissions import requires

from .. import calendar
from ..models import AgendaItem, Meeting
from .common import get_meeting

CONTENT_TYPE = "text/calendar; charset=utf-8"


def ics_response(content, filename):
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(False, filename)
    return response


def _with_items(queryset):
    return queryset.select_related("committee").prefetch_related(
        Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("order", "pk"))
    )


@requires("committee.view_meeting")
def meeting_ics(request, pk):
    meeting = get_meeting(pk, _with_items(Meeting.objects.all()))
    return ics_response(calendar.meeting_calendar(meeting), calendar.filename(meeting))


@requires("committee.view_meeting")
def staff_feed(request):
    meetings = _with_items(Meeting.objects.order_by("start"))
    return ics_response(calendar.feed(meetings, public=False), "integrationsausschuss-intern.ics")


@login_not_required
@require_GET
def public_feed(request):
    """Only public meetings, and of them only the public items."""
    meetings = _with_items(Meeting.objects.public().order_by("start"))
    return ics_response(calendar.feed(meetings, public=True), "integrationsausschuss.ics")
