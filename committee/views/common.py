"""One loader per model, so that every view fetches its object the same way (404 if unknown)."""

from django.shortcuts import get_object_or_404

from ..models import AgendaItem, Document, FollowUp, Meeting, Member, Membership


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
