"""The official record: marking a meeting held, finalising and correcting its minutes, and the
archived editions of the minutes."""

import logging

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.permissions import requires

from ..forms_records import MinutesCorrectionForm
from ..models import ArchivedMinutes
from ..records import correct_minutes, finalise_minutes, mark_held
from ..services import CommitteeError
from .common import get_item, get_meeting

logger = logging.getLogger(__name__)


@require_POST
@requires("committee.change_meeting")
def meeting_mark_held(request, pk):
    meeting = get_meeting(pk)
    try:
        mark_held(meeting, request.user)
    except CommitteeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The meeting has been marked as held."))
    return redirect(meeting)


@require_POST
@requires("committee.finalise_minutes")
def minutes_finalise(request, pk):
    meeting = get_meeting(pk)
    try:
        finalise_minutes(meeting, request.user)
    except CommitteeError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The minutes have been finalised; they are being archived."))
    return redirect(meeting)


@requires("committee.add_minutescorrection")
def item_correct(request, pk):
    """A correction (Berichtigung) of an item of finalised minutes, with its reason."""
    item = get_item(pk)
    if not item.meeting.is_finalised:
        messages.error(
            request, _("Only finalised minutes are corrected; until then, edit the item directly.")
        )
        return redirect(item)
    form = MinutesCorrectionForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            correct_minutes(item, form.changes(), form.cleaned_data["reason"], request.user)
        except CommitteeError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("The correction has been recorded and the minutes have been archived again."),
            )
            return redirect(item.meeting)
    return render(
        request,
        "committee/item_correct.html",
        {"item": item, "meeting": item.meeting, "form": form},
    )


@requires("committee.view_archivedminutes")
def archived_minutes(request, pk):
    """Hand out archived minutes only while their checksum still matches."""
    archived = get_object_or_404(ArchivedMinutes.objects.select_related("meeting"), pk=pk)
    content = archived.read_verified()
    if content is None:
        logger.error("Archived minutes %s are missing or their checksum does not match", pk)
        messages.error(
            request,
            _(
                "The archived file of “%(title)s” has been changed or is missing: its content no "
                "longer matches the checksum recorded when it was archived. It is not handed "
                "out; please inform the person responsible for the server."
            )
            % {"title": archived.title},
        )
        return redirect(archived.meeting)
    response = HttpResponse(content, content_type="application/pdf")
    filename = archived.file.name.rsplit("/", 1)[-1]
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
