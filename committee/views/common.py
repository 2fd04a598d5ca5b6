"""One loader per model, so that every view fetches its object the same way (404 if unknown),
the one answer to an edit of a finalised meeting, and what the committee's pages add to the
shared views in core.views."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect

from ..models import AgendaItem, Document, FollowUp, Meeting, Member, Membership
from ..services import CommitteeError, finalised_message


class CommitteeSection:
    """The committee's section navigation around the page, and its domain error."""

    base_template = "committee/base.html"
    domain_error = CommitteeError


def refuse_if_finalised(request, meeting, back_to=None):
    """On a meeting whose minutes are final: the reason and the way back, not an edit page."""
    if not meeting.is_finalised:
        return None
    messages.error(request, finalised_message())
    return redirect(back_to or meeting)


def get_meeting(pk, queryset=None):
    queryset = queryset if queryset is not None else Meeting.objects.all()
    return get_object_or_404(queryset.select_related("committee", "term"), pk=pk)


def get_item(pk):
    return get_object_or_404(
        AgendaItem.objects.select_related("meeting__committee", "meeting__term"), pk=pk
    )


def get_document(pk):
    return get_object_or_404(
        Document.objects.select_related("agenda_item__meeting__committee"), pk=pk
    )


def get_member(pk):
    return get_object_or_404(Member, pk=pk)


def get_membership(pk):
    return get_object_or_404(Membership.objects.select_related("member", "committee"), pk=pk)


def get_follow_up(pk):
    return get_object_or_404(
        FollowUp.objects.select_related("agenda_item__meeting__committee"), pk=pk
    )
