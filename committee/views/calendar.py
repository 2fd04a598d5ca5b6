"""Calendar files: one meeting and the staff feed behind login, a personal feed by secret link,
a public feed without; and the page where staff make or revoke their personal link.

Every feed answers HEAD and conditional GETs (ETag, Last-Modified → 304), since calendar apps
poll them every few minutes.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import content_disposition_header, http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from core.permissions import requires

from .. import calendar
from ..models import AgendaItem, CalendarFeedToken, Meeting
from .common import get_meeting

CONTENT_TYPE = "text/calendar; charset=utf-8"
STAFF_FILENAME = "integrationsausschuss-intern.ics"
PUBLIC_FILENAME = "integrationsausschuss.ics"


def ics_response(content, filename):
    response = HttpResponse(content, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(False, filename)
    return response


def _with_items(queryset):
    return queryset.select_related("committee").prefetch_related(
        Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("order", "pk"))
    )


def feed_response(request, public, filename):
    """The feed, or 304 when the client holds the current version."""
    etag, last_modified = calendar.feed_version(public)
    timestamp = int(last_modified.timestamp()) if last_modified else None
    response = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if response is None:
        meetings = Meeting.objects.public() if public else Meeting.objects.all()
        content = calendar.feed(_with_items(meetings.order_by("start")), public=public)
        response = ics_response(content, filename)
    response["ETag"] = etag
    if timestamp is not None:
        response["Last-Modified"] = http_date(timestamp)
    return response


@requires("committee.view_meeting")
@require_safe
def meeting_ics(request, pk):
    meeting = get_meeting(pk, _with_items(Meeting.objects.all()))
    return ics_response(calendar.meeting_calendar(meeting).content, calendar.filename(meeting))


@requires("committee.view_meeting")
@require_safe
def staff_feed(request):
    return feed_response(request, public=False, filename=STAFF_FILENAME)


@login_not_required
@require_safe
def personal_feed(request, token):
    """The staff feed for a calendar app that holds a user's secret link."""
    link = CalendarFeedToken.objects.find(token)
    if link is None:
        raise Http404
    link.note_use()
    response = feed_response(request, public=False, filename=STAFF_FILENAME)
    # Only the holder's own calendar may keep it, and it must ask again each time.
    response["Cache-Control"] = "private, no-cache"
    response["X-Robots-Tag"] = "noindex"
    return response


@login_not_required
@require_safe
def public_feed(request):
    """Only public meetings, and of them only the public items."""
    return feed_response(request, public=True, filename=PUBLIC_FILENAME)


@requires("committee.view_meeting")
@require_http_methods(["GET", "HEAD", "POST"])
def subscription(request):
    """ "Subscribe to the calendar": a POST makes a new personal link and shows it, once."""
    new_url = None
    if request.method == "POST":
        token = CalendarFeedToken.issue(request.user)
        new_url = request.build_absolute_uri(reverse("committee:personal_feed", args=[token]))
    return render(
        request,
        "committee/calendar_subscription.html",
        {
            "link": CalendarFeedToken.objects.filter(user=request.user).first(),
            "new_url": new_url,
            "public_url": request.build_absolute_uri(reverse("committee:public_feed")),
        },
    )


@requires("committee.view_meeting")
@require_http_methods(["GET", "HEAD", "POST"])
def subscription_revoke(request):
    if request.method == "POST":
        if CalendarFeedToken.revoke(request.user):
            messages.success(request, _("Your calendar link has been revoked."))
        return redirect("committee:calendar_subscription")
    link = CalendarFeedToken.objects.filter(user=request.user).first()
    return render(request, "committee/calendar_revoke.html", {"link": link})
