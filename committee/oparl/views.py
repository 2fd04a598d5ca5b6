"""OParl endpoints: public, read-only JSON; lists are paginated as OParl 1.1 requires.

Every list ends with the tombstones of its type (deleted or depublished objects, §2.8), and
an object's own URL answers with its tombstone once it is gone.
"""

from django.db.models import Max, Min, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ..models import (
    AgendaItem,
    ArchivedInvitation,
    ArchivedMinutes,
    Attendance,
    Committee,
    Document,
    Faction,
    FactionMembership,
    LegislativeTerm,
    Meeting,
    Member,
    Membership,
    Tombstone,
    Venue,
)
from . import serializers
from .paging import Part, TombstonePart, endpoint, oparl_json, paginated

SERIALIZERS = {
    AgendaItem: serializers.agenda_item,
    ArchivedInvitation: serializers.invitation_file,
    ArchivedMinutes: serializers.minutes_file,
    Committee: serializers.organization,
    Document: serializers.file,
    Faction: serializers.faction,
    FactionMembership: serializers.faction_membership,
    LegislativeTerm: serializers.legislative_term,
    Meeting: serializers.meeting,
    Member: serializers.person,
    Membership: serializers.membership,
    Tombstone: serializers.tombstone,
    Venue: serializers.location,
}


def serialize(obj, links):
    return SERIALIZERS[type(obj)](obj, links)


def check_body(body_id):
    if body_id != serializers.BODY_ID:
        raise Http404


def body_times():
    """The body has no record of its own: its times are those of the committees and of the
    legislative terms it embeds (a deleted term, too)."""
    committees = Committee.objects.aggregate(created=Min("created"), modified=Max("modified"))
    terms = LegislativeTerm.objects.aggregate(modified=Max("modified"))
    buried = Tombstone.objects.filter(object_type="LegislativeTerm").aggregate(Max("deleted"))
    now = timezone.now()
    moments = [committees["modified"], terms["modified"], buried["deleted__max"]]
    return committees["created"] or now, max(filter(None, moments), default=now)


@endpoint
def system(request, links):
    return oparl_json(serializers.system(links, *body_times()))


@endpoint
def body_list(request, links):
    url = links("body_list")
    return oparl_json(
        {
            "data": [_body(links)],
            "pagination": {
                "totalElements": 1,
                "elementsPerPage": 1,
                "currentPage": 1,
                "totalPages": 1,
            },
            "links": {"first": url, "last": url, "self": url},
        }
    )


def _body(links):
    terms = LegislativeTerm.objects.order_by("start")
    contact = Committee.objects.exclude(contact_email="").values_list("contact_email", flat=True)
    return serializers.body(links, terms, contact.first() or "", *body_times())


@endpoint
def body(request, links, body_id):
    check_body(body_id)
    return oparl_json(_body(links))


# What each type publishes; the one rule of what is public is MeetingQuerySet.public() and
# AgendaItemQuerySet.published() (with DocumentQuerySet.published()).


def memberships():
    return Membership.objects.select_related("deputy_for", "member")


def items():
    documents = Document.objects.published().select_related("agenda_item")
    return AgendaItem.objects.published().prefetch_related(Prefetch("documents", documents))


def meetings():
    return (
        Meeting.objects.public()
        .select_related("committee", "venue")
        .prefetch_related(
            Prefetch("agenda_items", queryset=items().order_by("order", "pk")),
            Prefetch(
                "attendances", queryset=Attendance.objects.only("meeting_id", "member_id", "state")
            ),
            Prefetch(
                "archived_minutes",
                queryset=ArchivedMinutes.objects.filter(
                    edition=ArchivedMinutes.Edition.PUBLIC
                ).order_by("-revision"),
                to_attr="public_minutes",
            ),
            Prefetch(
                "archived_invitations",
                queryset=ArchivedInvitation.objects.order_by("-created_at", "-pk"),
                to_attr="invitations",
            ),
        )
    )


def public_minutes():
    return ArchivedMinutes.objects.filter(
        edition=ArchivedMinutes.Edition.PUBLIC, meeting__in=Meeting.objects.public()
    )


def public_invitations():
    return ArchivedInvitation.objects.filter(meeting__in=Meeting.objects.public())


def venues():
    public = Meeting.objects.public()
    return Venue.objects.filter(pk__in=public.values("venue_id")).prefetch_related(
        Prefetch(
            "meetings",
            queryset=public.only("pk", "venue_id").order_by("pk"),
            to_attr="public_meetings",
        )
    )


def organizations():
    return Committee.objects.prefetch_related(
        Prefetch("memberships", Membership.objects.only("pk", "committee_id"))
    )


def factions():
    return Faction.objects.prefetch_related(
        Prefetch("memberships", FactionMembership.objects.only("pk", "faction_id"))
    )


def persons():
    return Member.objects.prefetch_related(
        Prefetch("memberships", queryset=memberships().order_by("start", "pk")),
        Prefetch("faction_memberships", queryset=FactionMembership.objects.order_by("pk")),
    )


def documents():
    return Document.objects.published().select_related("agenda_item")


# The live objects of each list (querysets, and the field that holds the creation time where
# it is not `created`); its tombstones follow them.
LISTS = {
    "Organization": [organizations, factions],
    "Person": [persons],
    "Membership": [memberships, FactionMembership.objects.all],
    "LegislativeTerm": [LegislativeTerm.objects.all],
    "Meeting": [meetings],
    "AgendaItem": [items],
    "Location": [venues],
    "File": [documents, (public_minutes, "created_at"), (public_invitations, "created_at")],
}


def parts_of(object_type):
    parts = []
    for entry in LISTS[object_type]:
        queryset, created = entry if isinstance(entry, tuple) else (entry, "created")
        parts.append(Part(queryset(), created=created))
    tombstones = Tombstone.objects.filter(object_type=object_type)
    return [*parts, TombstonePart(tombstones)]


def object_list(object_type):
    @endpoint
    def view(request, links, body_id):
        check_body(body_id)
        return paginated(request, parts_of(object_type), lambda obj: serialize(obj, links))

    return view


def object_detail(url_name, queryset):
    """The object, or its tombstone once it is deleted or no longer public."""

    @endpoint
    def view(request, links, pk):
        obj = queryset().filter(pk=pk).first()
        if obj is None:
            obj = get_object_or_404(Tombstone, url_name=url_name, object_pk=pk)
        return oparl_json(serialize(obj, links))

    return view


organization_list = object_list("Organization")
person_list = object_list("Person")
membership_list = object_list("Membership")
legislative_term_list = object_list("LegislativeTerm")
meeting_list = object_list("Meeting")
agenda_item_list = object_list("AgendaItem")
location_list = object_list("Location")
file_list = object_list("File")

organization = object_detail("organization", organizations)
faction = object_detail("faction", factions)
person = object_detail("person", persons)
membership = object_detail("membership", memberships)
faction_membership = object_detail("faction_membership", FactionMembership.objects.all)
legislative_term = object_detail("legislative_term", LegislativeTerm.objects.all)
meeting = object_detail("meeting", meetings)
agenda_item = object_detail("agenda_item", items)
location = object_detail("location", venues)
file = object_detail("file", documents)
minutes_file = object_detail("minutes_file", public_minutes)
invitation_file = object_detail("invitation_file", public_invitations)


@endpoint
def organization_meeting_list(request, links, pk):
    committee = get_object_or_404(Committee, pk=pk)
    parts = [Part(meetings().filter(committee=committee))]
    return paginated(request, parts, lambda obj: serialize(obj, links))


@endpoint
def paper_list(request, links, body_id):
    """Papers (Drucksachen) are not managed here; OParl requires the list, so it is empty."""
    check_body(body_id)
    return paginated(request, [Part(Committee.objects.none())], lambda obj: {})


@endpoint
def not_found(request, links, path=""):
    raise Http404
