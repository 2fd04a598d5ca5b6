"""The committee's public meetings: dates, the public part of each agenda and its issued PDFs.

What is public is committee's rule, used here as OParl uses it: Meeting.objects.public(),
AgendaItem.objects.published() and Document.objects.published(); the issued PDFs are the
public invitation and the public edition of the minutes, downloaded through OParl's file URLs.
"""

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone

from committee.models import AgendaItem, ArchivedInvitation, ArchivedMinutes, Document, Meeting
from public.pages import public_page

PAST_PER_PAGE = 20


def public_meetings():
    return Meeting.objects.public().select_related("committee")


@public_page
def committee(request):
    """Upcoming public meetings (soonest first), then the past ones (latest first, in pages)."""
    now = timezone.now()
    upcoming = public_meetings().filter(start__gte=now).order_by("start", "pk")
    past = public_meetings().filter(start__lt=now).order_by("-start", "-pk")
    page = Paginator(past, PAST_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "public/committee.html",
        {"upcoming": list(upcoming), "page_obj": page, "past": list(page.object_list)},
    )


@public_page
def meeting_detail(request, pk):
    """A public meeting with its public items, their documents and the issued PDFs."""
    meeting = public_meetings().filter(pk=pk).first()
    if meeting is None:
        raise Http404
    items = (
        AgendaItem.objects.published()
        .filter(meeting=meeting)
        .order_by("order", "number", "pk")
        .prefetch_related(
            Prefetch(
                "documents",
                queryset=Document.objects.published().order_by("title", "pk"),
                to_attr="public_documents",
            )
        )
    )
    minutes = (
        ArchivedMinutes.objects.filter(meeting=meeting, edition=ArchivedMinutes.Edition.PUBLIC)
        .order_by("-revision")
        .first()
    )
    invitation = (
        ArchivedInvitation.objects.filter(meeting=meeting).order_by("-created_at", "-pk").first()
    )
    return render(
        request,
        "public/meeting_detail.html",
        {
            "meeting": meeting,
            "items": list(items),
            "minutes": minutes,
            "invitation": invitation,
        },
    )
