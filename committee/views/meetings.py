from django.contrib import messages
from django.db.models import Count, Prefetch, prefetch_related_objects
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.caching import Deferred
from core.exports import export_view
from core.history import change_entries
from core.permissions import requires
from core.views import CreateRecordView, ListView, UpdateRecordView
from measures.models import Measure, StatusReport

from .. import pdfs
from ..filters import MeetingFilter
from ..forms import MeetingForm
from ..mails import invitation_summary
from ..models import (
    AgendaItem,
    ArchivedMinutes,
    Attendance,
    Document,
    FollowUp,
    Meeting,
    Membership,
    MinutesCorrection,
)
from ..records import ensure_minutes_possible
from ..resources import MeetingResource
from ..services import (
    CommitteeError,
    invitation_recipients,
    resend_invitation,
    save_meeting,
    send_invitation,
)
from .common import CommitteeSection, get_meeting, refuse_if_finalised

OVERVIEW_LIMIT = 10


@requires("committee.view_meeting")
def overview(request):
    upcoming = (
        Meeting.objects.select_related("committee")
        .annotate(item_count=Count("agenda_items"))
        .exclude(state=Meeting.State.CANCELLED)
        .filter(state__in=[Meeting.State.PLANNED, Meeting.State.INVITED])
        .order_by("start")
    )
    follow_ups = (
        FollowUp.objects.open()
        .select_related("agenda_item__meeting__committee", "owner_user", "owner_actor")
        .overdue_first()
    )
    memberships = (
        Membership.objects.current()
        .select_related("member", "committee", "deputy_for")
        .order_by("committee__name", "role", "member__last_name", "member__first_name")
    )
    return render(
        request,
        "committee/overview.html",
        {
            "next_meeting": upcoming.first(),
            "follow_ups": list(follow_ups[:OVERVIEW_LIMIT]),
            "open_count": FollowUp.objects.open().count(),
            "overdue_count": FollowUp.objects.overdue().count(),
            "memberships": memberships,
        },
    )


def meeting_list_queryset():
    return (
        Meeting.objects.select_related("committee", "term")
        .annotate(item_count=Count("agenda_items"))
        .order_by("-start")
    )


class MeetingListView(CommitteeSection, ListView):
    permission_required = "committee.view_meeting"
    export_url_name = "committee:meeting_export"
    filterset_class = MeetingFilter
    template_name = "committee/meeting_list.html"

    def get_queryset(self):
        return meeting_list_queryset()


meeting_export = export_view(
    "committee.view_meeting",
    MeetingFilter,
    meeting_list_queryset,
    MeetingResource,
    gettext_lazy("meetings"),
)


@requires("committee.view_meeting")
def meeting_detail(request, pk):
    meeting = get_meeting(
        pk,
        Meeting.objects.prefetch_related(
            Prefetch(
                "archived_minutes",
                queryset=ArchivedMinutes.objects.order_by("-revision", "edition"),
            ),
        ),
    )
    return render(
        request,
        "committee/meeting_detail.html",
        {
            "meeting": meeting,
            "archived_minutes": meeting.archived_minutes.all(),
            "deliveries": invitation_summary(meeting),
            # Gathered only when the cached part of the page is missing or out of date.
            "page": Deferred(lambda: meeting_page_data(meeting)),
        },
    )


def meeting_page_data(meeting):
    """The agenda, attendance, corrections and history of a meeting's page (fixed queries)."""
    prefetch_related_objects(
        [meeting],
        Prefetch(
            "agenda_items",
            queryset=AgendaItem.objects.order_by("order", "pk").prefetch_related(
                Prefetch("measures", queryset=Measure.objects.only("pk", "code", "title")),
                Prefetch(
                    "status_reports",
                    queryset=StatusReport.objects.select_related("measure"),
                ),
                Prefetch("documents", queryset=Document.objects.order_by("title")),
                Prefetch(
                    "follow_ups",
                    queryset=FollowUp.objects.select_related("owner_user", "owner_actor"),
                ),
            ),
        ),
        Prefetch(
            "attendances",
            queryset=Attendance.objects.select_related("member").order_by(
                "member__last_name", "member__first_name"
            ),
        ),
        Prefetch(
            "corrections",
            queryset=MinutesCorrection.objects.select_related("agenda_item"),
        ),
    )
    items = list(meeting.agenda_items.all())
    return {
        "items": items,
        "numbers_in_sequence": numbers_in_sequence(items),
        "attendances": meeting.attendances.all(),
        "corrections": meeting.corrections.all(),
        "guests": [line for line in meeting.guests.splitlines() if line.strip()],
        "changes": change_entries(meeting.history.select_related("history_user"), limit=10),
    }


def numbers_in_sequence(items):
    """Whether the items' numbers follow their order (after moving, they may not)."""
    keys = [tuple(int(part) for part in item.number.split(".") if part.isdigit()) for item in items]
    return keys == sorted(keys)


class MeetingRecord(CommitteeSection):
    model = Meeting
    form_class = MeetingForm
    list_url_name = "committee:meeting_list"

    def get_object(self, queryset=None):
        return get_meeting(self.kwargs["pk"])

    def save_record(self, form):
        return save_meeting(form, self.request.user)


class MeetingCreateView(MeetingRecord, CreateRecordView):
    permission_required = "committee.add_meeting"
    new_title = gettext_lazy("Plan a meeting")
    success_message = gettext_lazy("The meeting has been created. Now add the agenda items.")

    def get_success_url(self):
        return reverse("committee:agenda", args=[self.object.pk])


class MeetingUpdateView(MeetingRecord, UpdateRecordView):
    permission_required = "committee.change_meeting"
    success_message = gettext_lazy("The meeting has been saved.")

    def get_title(self):
        return _("Edit meeting")

    def get_heading(self):
        return _("Edit %(meeting)s") % {"meeting": self.object}

    def refusal(self):
        return refuse_if_finalised(self.request, self.object)


@requires("committee.send_invitation")
def invitation(request, pk):
    """GET: who will receive the invitation; POST: send it."""
    meeting = get_meeting(pk)
    if request.method == "POST":
        try:
            result = send_invitation(meeting, request.user)
        except CommitteeError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _(
                    "The invitation is being sent to %(count)s members; the meeting page shows "
                    "how far it has got."
                )
                % {"count": result.sent},
            )
            if result.without_email:
                messages.warning(
                    request,
                    _("Without an e-mail address, please invite by post: %(names)s")
                    % {"names": ", ".join(map(str, result.without_email))},
                )
            return redirect(meeting)
    return render(
        request,
        "committee/invitation_confirm.html",
        {
            "meeting": meeting,
            "recipients": invitation_recipients(meeting),
            "item_count": meeting.agenda_items.count(),
        },
    )


@require_POST
@requires("committee.send_invitation")
def invitation_resend(request, pk, delivery):
    """Send a member's failed invitation once more (a person asks for it)."""
    meeting = get_meeting(pk)
    try:
        name = resend_invitation(meeting, delivery, request.user)
    except CommitteeError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("The invitation to %(name)s will be sent again.") % {"name": name}
        )
    return redirect(meeting)


def pdf_response(content, filename):
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(False, filename)
    return response


@requires("committee.view_meeting")
def invitation_pdf(request, pk):
    meeting = get_meeting(pk)
    content = pdfs.invitation_pdf(meeting, invitation_recipients(meeting))
    return pdf_response(content, pdfs.invitation_filename(meeting))


@requires("committee.view_meeting")
def minutes_pdf(request, pk, edition):
    meeting = get_meeting(pk)
    if edition not in pdfs.EDITIONS:
        raise Http404
    try:
        ensure_minutes_possible(meeting)
        content = pdfs.minutes_pdf(meeting, edition)
    except CommitteeError as error:
        messages.error(request, str(error))
        return redirect(meeting)
    except pdfs.NoPublicEdition:
        messages.error(request, _("The meeting was not public, so there is no public edition."))
        return redirect(meeting)
    return pdf_response(content, pdfs.minutes_filename(meeting, edition))
